/**
 * The live drill clock in the log: typed `clock` events (`{"type":"clock","op":"pause","speed":10,"running":false}`)
 * for start / pause / resume / speed changes and the restart after a crash (`recover`).
 *
 * Logs written before the typed event existed carry the same facts as tagged notes from the facilitator (or the
 * engine, for `recover`); `readClock` reads both, so such a log still resumes and reports the same:
 *
 * ```
 * {"seq":9,"t":84.2,"type":"note","text":"[clock:pause x10] 演练暂停（clock paused）","source":"facilitator"}
 * ```
 *
 * Only notes without a role, from `facilitator` or `engine`, are read as clock events; a participant's or a manual
 * facilitator note can never be one (`sanitizeNote` defuses the tag in manual notes).
 */
import type { EventInput } from '../drill/run-agenda.js';
import type { ClockOp, DrillEvent } from '../drill/types.js';

export type { ClockOp };

/** A clock event of the log. */
export type ClockEvent = Extract<DrillEvent, { type: 'clock' }>;

/** The log as live readers see it (clock events included; legacy clock notes read as clock events). */
export type LiveEvent = DrillEvent;

const TAG = /^\[clock:(start|pause|resume|speed|recover) x(\d+(?:\.\d+)?)( running)?\]/;

/** The `clock` event that records a clock change at drill time `t`. */
export function clockNote(t: number, op: ClockOp, speed: number, running: boolean): EventInput {
  return { t, type: 'clock', op, speed, running, source: op === 'recover' ? 'engine' : 'facilitator' };
}

/** The clock event an event is (typed, or a legacy tagged note), or undefined when it is not one. */
export function readClock(e: DrillEvent): ClockEvent | undefined {
  if (e.type === 'clock') return e;
  if (e.type !== 'note' || e.role !== undefined || (e.source !== 'facilitator' && e.source !== 'engine')) return undefined;
  const m = TAG.exec(e.text);
  if (!m) return undefined;
  const op = m[1] as ClockOp;
  const speed = Number(m[2]);
  if (!(speed > 0)) return undefined;
  const running = op === 'start' || op === 'resume' ? true : op === 'pause' ? false : !!m[3];
  return { seq: e.seq, t: e.t, type: 'clock', op, speed, running, source: e.source };
}

/** The log with legacy clock notes read as `clock` events. */
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
