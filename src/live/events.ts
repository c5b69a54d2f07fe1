/**
 * Live-drill events that the log contract (`DrillEvent`, src/drill/types.ts) does not have yet: the drill clock's
 * start / pause / resume / speed changes and the restart after a crash.
 *
 * Until `DrillEvent` grows a `clock` member (the proposal is `ClockEvent` below), they are written as `note` events
 * from the facilitator (or the engine, for `recover`) whose text starts with a fixed machine-readable tag, so that
 * every existing reader (schema, scorer, report) accepts the log unchanged and shows them as notes:
 *
 * ```
 * {"seq":2,"t":0,"type":"note","text":"[clock:start x10] 演练开始计时（clock started, x10）","source":"facilitator"}
 * {"seq":9,"t":84.2,"type":"note","text":"[clock:pause x10] 演练暂停（clock paused）","source":"facilitator"}
 * {"seq":10,"t":84.2,"type":"note","text":"[clock:speed x2 running] 演练时钟倍速改为 x2（clock speed x2）","source":"facilitator"}
 * {"seq":11,"t":97.5,"type":"note","text":"[clock:recover x2 running] 服务重启……（server restarted …）","source":"engine"}
 * ```
 *
 * Only notes without a role, from `facilitator` or `engine`, are read as clock events; a participant's or a manual
 * facilitator note can never be one (`sanitizeNote` defuses the tag in manual notes).
 */
import type { EventInput } from '../drill/run-agenda.js';
import type { DrillEvent, EventSource } from '../drill/types.js';

/** What happened to the drill clock. `recover`: the server restarted from the log after a crash or a stop. */
export type ClockOp = 'start' | 'pause' | 'resume' | 'speed' | 'recover';

/**
 * Proposed addition to the `DrillEvent` union (and to schemas/drill-log.schema.json, `EVENT_KEYS`
 * `['seq','t','type','op','speed','running','source']`). `running` is whether the clock runs after the event
 * (for `recover`: whether it was running when the server stopped, and therefore runs again).
 */
export interface ClockEvent {
  seq: number;
  t: number;
  type: 'clock';
  op: ClockOp;
  /** Drill seconds per wall-clock second after the event. */
  speed: number;
  running: boolean;
  source: EventSource;
}

/** The log contract plus the live extension. */
export type LiveEvent = DrillEvent | ClockEvent;

const TAG = /^\[clock:(start|pause|resume|speed|recover) x(\d+(?:\.\d+)?)( running)?\]/;

const TEXT: Record<ClockOp, (speed: number, running: boolean) => string> = {
  start: (s) => `演练开始计时（clock started, x${s}）`,
  pause: () => '演练暂停（clock paused）',
  resume: (s) => `演练继续（clock resumed, x${s}）`,
  speed: (s) => `演练时钟倍速改为 x${s}（clock speed x${s}）`, // ` running` in the tag: the clock runs
  recover: (_s, r) => `服务重启，从演练记录恢复；停机期间不计入演练时间${r ? '，时钟继续' : '，时钟保持暂停'}（server restarted from the log; downtime not counted, clock ${r ? 'running' : 'paused'}）`,
};

/** The `note` event that records a clock change at drill time `t` (until `ClockEvent` joins the contract). */
export function clockNote(t: number, op: ClockOp, speed: number, running: boolean): EventInput {
  const tag = `[clock:${op} x${speed}${(op === 'recover' || op === 'speed') && running ? ' running' : ''}]`;
  return { t, type: 'note', text: `${tag} ${TEXT[op](speed, running)}`, source: op === 'recover' ? 'engine' : 'facilitator' };
}

/** The clock event a logged note encodes, or undefined when it is an ordinary note (or not a note). */
export function readClock(e: DrillEvent): ClockEvent | undefined {
  if (e.type !== 'note' || e.role !== undefined || (e.source !== 'facilitator' && e.source !== 'engine')) return undefined;
  const m = TAG.exec(e.text);
  if (!m) return undefined;
  const op = m[1] as ClockOp;
  const speed = Number(m[2]);
  if (!(speed > 0)) return undefined;
  const running = op === 'start' || op === 'resume' ? true : op === 'pause' ? false : !!m[3];
  return { seq: e.seq, t: e.t, type: 'clock', op, speed, running, source: e.source };
}

/** The log with clock notes read as `ClockEvent`s (what readers see once the contract has them). */
export function liveEvents(events: readonly DrillEvent[]): LiveEvent[] {
  return events.map((e) => readClock(e) ?? e);
}

/** A manual note's text with a leading clock tag defused (a note can never pass for a clock event). */
export function sanitizeNote(text: string): string {
  return /^\s*\[clock:/i.test(text) ? `(${text.trim()})` : text;
}

/** Where the clock stood at the end of a log: running or not, speed, and drill time (the last event's `t`). */
export interface ClockState {
  started: boolean;
  running: boolean;
  speed: number;
  /** Drill seconds: the last event's time. The server was down after it, and downtime is not drill time. */
  t: number;
  ended: boolean;
}

/**
 * The clock at the end of a log. Drill time resumes from the last event's time: the clock is paused while the server
 * is down, so time between the last logged event and the crash is not counted either (no event, nothing to count).
 * `speed` is the last one logged (default `fallbackSpeed`).
 */
export function clockAtEnd(events: readonly DrillEvent[], fallbackSpeed = 1): ClockState {
  let started = false;
  let running = false;
  let speed = fallbackSpeed;
  let t = 0;
  let ended = false;
  for (const e of events) {
    t = Math.max(t, e.t);
    if (e.type === 'drill.end') { ended = true; running = false; }
    const c = readClock(e);
    if (!c) continue;
    if (c.op === 'start') started = true;
    speed = c.speed;
    running = c.running;
  }
  return { started, running, speed, t, ended };
}
