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
import { sealedLogName } from '../drill/blind.js';
import { LogWriteError, type LogFs } from '../drill/log-fs.js';
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
  /**
   * The commitment of a sealed scenario: the log then names the scenario by it alone (no id, no unsalted hash, seed
   * 0 unless given), and a resume checks it.
   */
  commitment?: string;
  /** Drill seconds per wall second (default 1; on resume the logged speed wins). */
  speed?: number;
  seed?: number;
  /** Ticker period in wall milliseconds (default 100). */
  tickMs?: number;
  /** Wall clock in milliseconds (tests). */
  wall?: () => number;
  /** File operations of the log (tests inject disk failures). */
  fs?: LogFs;
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

/** Who made a request, for request ids: the facilitator, or a participant's role. */
export type RequestOwner = 'facilitator' | `participant:${string}`;

/** The owner of a logged request: its action's source and role (side events without a source: the facilitator). */
function ownerOf(events: readonly DrillEvent[]): RequestOwner {
  const e = events.find((x) => 'source' in x && x.source === 'participant' && 'role' in x && typeof x.role === 'string');
  return e && 'role' in e ? `participant:${e.role}` : 'facilitator';
}

/** The 503 a stopped log answers with: what failed, what is safe, what the operator must do. */
function logStopped(err: Error): DrillError {
  return new DrillError(`the drill log cannot be written, nothing more is accepted: ${err.message}（演练记录无法写入，已停止受理；已确认的操作均已保存。请运维人员释放磁盘空间后以 --resume 重启）`, 503);
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
  /** Requests by client request id: who made each, and its (eventual) events. Rebuilt from the log on resume. */
  private readonly requests = new Map<string, { owner: RequestOwner; result: Promise<DrillEvent[]> }>();
  private currentReq: string | undefined;

  private constructor(readonly opts: LiveDrillOptions, store: LiveStore, session: DrillSession, clock: LiveClock, started: boolean, resumed: boolean) {
    this.store = store;
    this.session = session;
    this.clock = clock;
    this.blind = !!opts.blind;
    this.started = started;
    this.resumed = resumed;
    this.tickMs = opts.tickMs ?? 100;
    store.onCommit((events) => this.emit({ kind: 'events', events }));
    const byReq = new Map<string, DrillEvent[]>();
    for (const e of store.events) if (e.req) byReq.set(e.req, [...(byReq.get(e.req) ?? []), e]);
    for (const [req, events] of byReq) this.requests.set(req, { owner: ownerOf(events), result: Promise.resolve(events) });
  }

  /** Opens a new drill (logs `drill.start`) or resumes one from its log. Resolves once the log is on disk. */
  static async open(opts: LiveDrillOptions): Promise<LiveDrill> {
    const speed = checkSpeed(opts.speed ?? 1);
    const sealed = opts.commitment ? sealedLogName(opts.commitment) : undefined;
    const store = LiveStore.open(opts.log, { resume: opts.resume, fs: opts.fs });
    try {
      const previous = [...store.events];
      const session = new DrillSession(opts.plan, opts.scenario, store);
      const start = previous.find((e) => e.type === 'drill.start');
      if (opts.resume && start && start.type === 'drill.start') {
        const expected = sealed?.scenarioHash ?? (opts.scenarioSource !== undefined ? sha256(opts.scenarioSource) : undefined);
        if (expected !== undefined && start.scenarioHash !== expected) {
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
      session.start({
        mode: opts.blind || sealed ? 'blind' : 'live', seed: opts.seed ?? (sealed ? 0 : undefined), planSource: opts.planSource,
        scenarioSource: opts.scenarioSource, planPath: opts.planPath, sealed,
      });
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

  /**
   * Runs a client's request once. With a request id (`req`), the events the request stores carry it; a retry with
   * the same id — while the first is in flight, or after it was answered, even across a restart (the ids are read
   * back from the log) — gets the first one's events instead of running again (`replayed`). An id is bound to its
   * owner: another client presenting it gets a 409. A request that fails stores nothing and can be retried.
   */
  async once(req: string | undefined, owner: RequestOwner, run: () => Promise<DrillEvent[]>): Promise<{ events: DrillEvent[]; replayed: boolean }> {
    if (req === undefined) return { events: await run(), replayed: false };
    const seen = this.requests.get(req);
    if (seen) {
      if (seen.owner !== owner) throw new DrillError('this request id belongs to another client（请求编号已被其他客户端使用）', 409);
      return { events: await seen.result, replayed: true };
    }
    let result: Promise<DrillEvent[]>;
    // Every method stores its events synchronously before its first await: they all get the id.
    this.currentReq = req;
    try { result = run(); } finally { this.currentReq = undefined; }
    const entry = { owner, result };
    this.requests.set(req, entry);
    result.catch(() => { if (this.requests.get(req) === entry) this.requests.delete(req); });
    return { events: await result, replayed: false };
  }

  /** Starts the clock (first time) or resumes it. */
  async start(): Promise<DrillEvent[]> {
    this.check();
    if (this.clock.running) return [];
    const events = this.unit(() => {
      const op = this.started ? 'resume' : 'start';
      const t = this.now();
      const ev = this.session.record(t, clockNote(t, op, this.clock.speed, true));
      this.started = true;
      this.session.gate = true;
      this.clock.resume();
      ev.push(...this.session.advance(t));
      return ev;
    });
    this.startTicker();
    return this.commit(events, true);
  }

  /** Pauses the clock. */
  async pause(): Promise<DrillEvent[]> {
    this.check();
    if (!this.clock.running) return [];
    const events = this.unit(() => {
      const t = this.now();
      const ev = this.session.advance(t);
      this.clock.pause();
      this.stopTicker();
      ev.push(...this.session.record(t, clockNote(t, 'pause', this.clock.speed, false)));
      return ev;
    });
    return this.commit(events, true);
  }

  /** Resumes a paused clock (`start` does the same). */
  resume(): Promise<DrillEvent[]> { return this.start(); }

  /** Changes the clock speed. */
  async setSpeed(speed: number): Promise<DrillEvent[]> {
    this.check();
    try { checkSpeed(speed); } catch (err) { throw new DrillError((err as Error).message); }
    if (speed === this.clock.speed) return [];
    const events = this.unit(() => {
      const t = this.now();
      const ev = this.session.advance(t);
      this.clock.setSpeed(speed);
      ev.push(...this.session.record(t, clockNote(t, 'speed', speed, this.clock.running)));
      return ev;
    });
    return this.commit(events, true);
  }

  /** Logs an action by `action.role` at the current drill time. */
  async act(action: LiveAction, source: EventSource): Promise<DrillEvent[]> {
    this.check();
    if (!this.started) throw new DrillError('the drill clock has not been started yet（演练尚未开始）', 409);
    return this.commit(this.unit(() => this.session.act(this.now(), action, source)));
  }

  /** A manual inject from the facilitator, revealed now. */
  async inject(m: ManualInject): Promise<DrillEvent[]> {
    this.check();
    if (!this.started) throw new DrillError('the drill clock has not been started yet（演练尚未开始）', 409);
    return this.commit(this.unit(() => this.session.inject(this.now(), m)));
  }

  /** Reveals a scheduled inject ahead of its time (non-blind only: the facilitator must know its id). */
  async revealNow(id: string): Promise<DrillEvent[]> {
    this.check();
    if (this.blind) throw new DrillError('blind drill: upcoming injects are sealed', 403);
    if (!this.started) throw new DrillError('the drill clock has not been started yet（演练尚未开始）', 409);
    try {
      return this.commit(this.unit(() => this.session.revealNow(this.now(), id)));
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
      return this.commit(this.unit(() => this.session.reschedule(this.now(), id, change)));
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
      return this.commit(this.unit(() => this.session.reorder(this.now(), ids)));
    } catch (err) {
      if (err instanceof RangeError) throw new DrillError(err.message, 400);
      throw err;
    }
  }

  /** A facilitator note (optionally about a role). */
  async note(text: string, role?: string): Promise<DrillEvent[]> {
    this.check();
    return this.commit(this.unit(() => this.session.note(this.now(), sanitizeNote(text), 'facilitator', role)));
  }

  /** Ends the drill now (`drill.end` reason `facilitator`). */
  async end(): Promise<DrillEvent[]> {
    this.check();
    const events = this.unit(() => {
      const t = this.now();
      this.clock.pause();
      this.stopTicker();
      return this.session.end(t, 'facilitator');
    });
    return this.commit(events, true);
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
    return this.commit(this.unit(() => this.session.advance(this.now())));
  }

  /** Why the drill stopped accepting requests (its log failed), if it did. */
  get stopped(): Error | undefined { return this.failure; }

  private check(): void {
    if (this.failure) throw logStopped(this.failure);
    if (this.session.ended) throw new DrillError('the drill has ended（演练已结束）', 409);
  }

  /** Runs engine work that stores events as one all-or-nothing unit; a disk failure stops the drill (503). */
  private unit<T>(fn: () => T): T {
    try {
      return this.store.atomically(fn, this.currentReq);
    } catch (err) {
      if (err instanceof LogWriteError) throw this.fail(err);
      throw err;
    }
  }

  private fail(err: Error): DrillError {
    this.failure ??= err;
    this.stopTicker();
    return logStopped(this.failure);
  }

  private async commit(events: DrillEvent[], clockChanged = false): Promise<DrillEvent[]> {
    try {
      await this.store.commit();
    } catch (err) {
      throw this.fail(err as Error);
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
