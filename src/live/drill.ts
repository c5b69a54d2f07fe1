/**
 * A live drill (实时演练): the incremental engine (`DrillSession`), the durable store (`LiveStore`, group-committed
 * JSONL) and the wall clock (`LiveClock`) put together. The web server and the terminal mode both drive this one
 * class, so they write the same log.
 *
 * Every mutating method works synchronously up to the point where its events are written, then resolves after they
 * are fsynced: callers acknowledge only then. A ticker moves the engine along the clock (injects revealed at their
 * times, deadlines at theirs) while it runs.
 *
 * Resume (`resume: true`): the log is read back, the engine replays it, and the clock stands where the last event
 * stands — the server was down after it, and downtime is not drill time. It runs again at once when it was running
 * at the crash (a `recover` clock note says so in the log), else it stays paused.
 */
import type { Diagnostic } from '../diagnostics.js';
import { sha256 } from '../drill/run-agenda.js';
import type { DrillEvent, EventSource, FactValue, Scenario } from '../drill/types.js';
import type { Plan } from '../model/index.js';
import { checkSpeed, LiveClock } from './clock.js';
import { clockAtEnd, clockNote, sanitizeNote } from './events.js';
import { DrillSession, type InjectChange, type LiveAction, type ManualInject } from './session.js';
import { LiveStore } from './store.js';

/** Options of `LiveDrill.open`. */
export interface LiveDrillOptions {
  plan: Plan;
  scenario: Scenario;
  /** The JSONL log (`<out>/<scenario>.live.jsonl`). */
  log: string;
  /** Scenario file text (recorded as `scenarioHash`; checked on resume). */
  scenarioSource?: string;
  planSource?: string;
  planPath?: string;
  /** Continue the log at `log` (after a crash). Without it an existing log is replaced. */
  resume?: boolean;
  /** Blind drill (`mode: blind`): nobody sees upcoming injects. */
  blind?: boolean;
  /** Drill seconds per wall second (default 1; on resume the logged speed wins). */
  speed?: number;
  seed?: number;
  /** Ticker period in wall milliseconds (default 100). */
  tickMs?: number;
  /** Wall clock in milliseconds (tests). */
  wall?: () => number;
}

/** The clock as pages see it. */
export interface ClockView {
  t: number;
  running: boolean;
  speed: number;
  started: boolean;
  ended: boolean;
}

/** A message to subscribers: events once on disk, or a clock change. */
export type DrillMessage = { kind: 'events'; events: DrillEvent[] } | { kind: 'clock'; clock: ClockView };

/** Thrown for a request the drill refuses (bad state or input); `status` is the HTTP status to answer. */
export class DrillError extends Error {
  constructor(message: string, readonly status = 400) { super(message); }
}

export class LiveDrill {
  readonly session: DrillSession;
  readonly store: LiveStore;
  readonly clock: LiveClock;
  readonly blind: boolean;
  readonly resumed: boolean;
  private started: boolean;
  private timer: NodeJS.Timeout | undefined;
  private readonly tickMs: number;
  private readonly subscribers = new Set<(m: DrillMessage) => void>();
  private failure: Error | undefined;

  private constructor(readonly opts: LiveDrillOptions, store: LiveStore, session: DrillSession, clock: LiveClock, started: boolean, resumed: boolean) {
    this.store = store;
    this.session = session;
    this.clock = clock;
    this.blind = !!opts.blind;
    this.started = started;
    this.resumed = resumed;
    this.tickMs = opts.tickMs ?? 100;
    store.onCommit((events) => this.emit({ kind: 'events', events }));
  }

  /** Opens a new drill (logs `drill.start`) or resumes one from its log. Resolves once the log is on disk. */
  static async open(opts: LiveDrillOptions): Promise<LiveDrill> {
    const speed = checkSpeed(opts.speed ?? 1);
    const store = LiveStore.open(opts.log, { resume: opts.resume });
    try {
      const previous = [...store.events];
      const session = new DrillSession(opts.plan, opts.scenario, store);
      const start = previous.find((e) => e.type === 'drill.start');
      if (opts.resume && start && start.type === 'drill.start') {
        if (opts.scenarioSource !== undefined && start.scenarioHash !== sha256(opts.scenarioSource)) {
          throw new DrillError(`the log ${opts.log} belongs to another scenario (scenarioHash differs); not resuming`, 409);
        }
        session.replay(previous);
        const c = clockAtEnd(previous, speed);
        const clock = new LiveClock(c.t, c.speed, opts.wall);
        session.gate = c.started;
        const drill = new LiveDrill(opts, store, session, clock, c.started, true);
        if (!c.ended) {
          session.record(c.t, clockNote(c.t, 'recover', c.speed, c.running));
          if (c.running) clock.resume();
          session.advance(clock.now());
          await store.commit();
          if (c.running) drill.startTicker();
        }
        return drill;
      }
      if (opts.resume && previous.length) throw new DrillError(`the log ${opts.log} has no drill.start; not resuming`, 409);
      const clock = new LiveClock(0, speed, opts.wall);
      session.gate = false;
      session.start({ mode: opts.blind ? 'blind' : 'live', seed: opts.seed, planSource: opts.planSource, scenarioSource: opts.scenarioSource, planPath: opts.planPath });
      await store.commit();
      return new LiveDrill(opts, store, session, clock, false, false);
    } catch (err) {
      await store.close();
      throw err;
    }
  }

  get plan(): Plan { return this.opts.plan; }
  get scenario(): Scenario { return this.opts.scenario; }
  /** Every logged event, in order. */
  get events(): readonly DrillEvent[] { return this.store.events; }
  get ended(): boolean { return this.session.ended; }
  /** What reading the log reported on resume. */
  get diagnostics(): readonly Diagnostic[] { return this.store.diagnostics; }

  /** Drill seconds now. */
  now(): number { return Math.max(this.clock.now(), this.session.now); }

  clockView(): ClockView {
    return { t: this.now(), running: this.clock.running, speed: this.clock.speed, started: this.started, ended: this.session.ended };
  }

  /** Receives events once they are on disk and clock changes. Returns an unsubscribe function. */
  subscribe(fn: (m: DrillMessage) => void): () => void {
    this.subscribers.add(fn);
    return () => { this.subscribers.delete(fn); };
  }

  /** Starts the clock (first time) or resumes it. */
  async start(): Promise<DrillEvent[]> {
    this.check();
    if (this.clock.running) return [];
    const op = this.started ? 'resume' : 'start';
    const t = this.now();
    const events = this.session.record(t, clockNote(t, op, this.clock.speed, true));
    this.started = true;
    this.session.gate = true;
    this.clock.resume();
    events.push(...this.session.advance(t));
    this.startTicker();
    return this.commit(events, true);
  }

  /** Pauses the clock. */
  async pause(): Promise<DrillEvent[]> {
    this.check();
    if (!this.clock.running) return [];
    const t = this.now();
    const events = this.session.advance(t);
    this.clock.pause();
    this.stopTicker();
    events.push(...this.session.record(t, clockNote(t, 'pause', this.clock.speed, false)));
    return this.commit(events, true);
  }

  /** Resumes a paused clock (`start` does the same). */
  resume(): Promise<DrillEvent[]> { return this.start(); }

  /** Changes the clock speed. */
  async setSpeed(speed: number): Promise<DrillEvent[]> {
    this.check();
    try { checkSpeed(speed); } catch (err) { throw new DrillError((err as Error).message); }
    if (speed === this.clock.speed) return [];
    const t = this.now();
    const events = this.session.advance(t);
    this.clock.setSpeed(speed);
    events.push(...this.session.record(t, clockNote(t, 'speed', speed, this.clock.running)));
    return this.commit(events, true);
  }

  /** Logs an action by `action.role` at the current drill time. */
  async act(action: LiveAction, source: EventSource): Promise<DrillEvent[]> {
    this.check();
    if (!this.started) throw new DrillError('the drill clock has not been started yet（演练尚未开始）', 409);
    return this.commit(this.session.act(this.now(), action, source));
  }

  /** A manual inject from the facilitator, revealed now. */
  async inject(m: ManualInject): Promise<DrillEvent[]> {
    this.check();
    if (!this.started) throw new DrillError('the drill clock has not been started yet（演练尚未开始）', 409);
    return this.commit(this.session.inject(this.now(), m));
  }

  /** Reveals a scheduled inject ahead of its time (non-blind only: the facilitator must know its id). */
  async revealNow(id: string): Promise<DrillEvent[]> {
    this.check();
    if (this.blind) throw new DrillError('blind drill: upcoming injects are sealed', 403);
    if (!this.started) throw new DrillError('the drill clock has not been started yet（演练尚未开始）', 409);
    try {
      return this.commit(this.session.revealNow(this.now(), id));
    } catch (err) {
      if (err instanceof RangeError) throw new DrillError(err.message, 404);
      throw err;
    }
  }

  /** Changes an upcoming inject (edit, reschedule, skip); non-blind only: nobody may know a blind drill's agenda. */
  async reschedule(id: string, change: InjectChange): Promise<DrillEvent[]> {
    this.check();
    if (this.blind) throw new DrillError('blind drill: upcoming injects are sealed', 403);
    try {
      return this.commit(this.session.reschedule(this.now(), id, change));
    } catch (err) {
      if (err instanceof RangeError) throw new DrillError(err.message, 404);
      throw err;
    }
  }

  /** Puts the upcoming injects in a new order (they take the schedule's times in order); non-blind only. */
  async reorder(ids: readonly string[]): Promise<DrillEvent[]> {
    this.check();
    if (this.blind) throw new DrillError('blind drill: upcoming injects are sealed', 403);
    try {
      return this.commit(this.session.reorder(this.now(), ids));
    } catch (err) {
      if (err instanceof RangeError) throw new DrillError(err.message, 400);
      throw err;
    }
  }

  /** A facilitator note (optionally about a role). */
  async note(text: string, role?: string): Promise<DrillEvent[]> {
    this.check();
    return this.commit(this.session.note(this.now(), sanitizeNote(text), 'facilitator', role));
  }

  /** Ends the drill now (`drill.end` reason `facilitator`). */
  async end(): Promise<DrillEvent[]> {
    this.check();
    const t = this.now();
    this.clock.pause();
    this.stopTicker();
    return this.commit(this.session.end(t, 'facilitator'), true);
  }

  /** Stops the ticker and closes the log (pending commits finish first). */
  async close(): Promise<void> {
    this.stopTicker();
    this.subscribers.clear();
    await this.store.close();
  }

  /** Moves the engine to the clock's time (the ticker calls it; tests may too). */
  async tick(): Promise<DrillEvent[]> {
    if (this.failure || this.session.ended || !this.started) return [];
    return this.commit(this.session.advance(this.now()));
  }

  private check(): void {
    if (this.failure) throw new DrillError(`the drill log failed: ${this.failure.message}`, 500);
    if (this.session.ended) throw new DrillError('the drill has ended（演练已结束）', 409);
  }

  private async commit(events: DrillEvent[], clockChanged = false): Promise<DrillEvent[]> {
    try {
      await this.store.commit();
    } catch (err) {
      this.failure = err as Error;
      this.stopTicker();
      throw new DrillError(`the drill log failed: ${(err as Error).message}`, 500);
    }
    if (clockChanged) this.emit({ kind: 'clock', clock: this.clockView() });
    return events;
  }

  private emit(m: DrillMessage): void {
    for (const fn of this.subscribers) {
      try { fn(m); } catch { /* a subscriber's failure is its own */ }
    }
  }

  private startTicker(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.tick().catch(() => { /* failure recorded in commit */ });
    }, this.tickMs);
  }

  private stopTicker(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}

/** Facts from a request body: only numbers, booleans and short strings, at most 500 keys (the log schema's limits). */
export function parseFacts(v: unknown): Record<string, FactValue> | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) throw new DrillError('facts must be an object');
  const entries = Object.entries(v as Record<string, unknown>);
  if (entries.length > 500) throw new DrillError('too many facts');
  const out: Record<string, FactValue> = {};
  for (const [k, x] of entries) {
    if (!k || k.length > 200) throw new DrillError('bad fact name');
    if (typeof x === 'number' ? !Number.isFinite(x) : typeof x === 'string' ? x.length > 1000 : typeof x !== 'boolean') {
      throw new DrillError(`bad value for fact ${k}`);
    }
    Object.defineProperty(out, k, { value: x, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
