/**
 * The live drill's durable store: the scripted engine's JSONL `DrillLog` (same lines, same numbering, same reader),
 * with group commit. `append` writes the line at once (numbered, in order); `commit()` resolves when every line
 * written so far is on disk (fsync). Many requests arriving together share one fsync, so 200 participants do not
 * wait for 200 fsyncs in a row; a request is acknowledged only after `commit()` resolves for its events.
 *
 * Failures stop the store for good (until an operator restarts the drill with `--resume`):
 * - a write that fails (disk full) inside `atomically` takes back every line that unit of work wrote, so one request
 *   is stored whole or not at all; the log then refuses every later append;
 * - an fsync failure rejects every waiting and later commit: nothing is acknowledged that is not known to be on disk.
 */
import { DrillLog } from '../drill/log.js';
import { LogWriteError, type LogFs } from '../drill/log-fs.js';
import type { EventInput, EventSink } from '../drill/run-agenda.js';
import type { Diagnostic } from '../diagnostics.js';
import type { DrillEvent } from '../drill/types.js';

interface Waiter { seq: number; resolve: () => void; reject: (err: Error) => void }

/** Options of `LiveStore.open`. */
export interface LiveStoreOptions {
  /** Continue the log (after a crash); it is verified first (`LogDamagedError` when damaged). */
  resume?: boolean;
  /** File operations (tests inject failures). */
  fs?: LogFs;
}

export class LiveStore implements EventSink {
  private readonly log: DrillLog;
  private readonly fs: LogFs;
  private readonly syncFd: number;
  private synced: number;
  private syncing = false;
  private waiters: Waiter[] = [];
  private broken: LogWriteError | undefined;
  private closed = false;
  private request: string | undefined;
  private readonly listeners: ((events: DrillEvent[]) => void)[] = [];
  /** Written, not yet reported to listeners (reported in order once on disk). */
  private unsynced: DrillEvent[] = [];
  /** Events of the log, in order (including those read on resume). */
  readonly events: DrillEvent[];

  private constructor(log: DrillLog) {
    this.log = log;
    this.fs = log.fs;
    this.events = [...log.previous];
    this.synced = log.lastSeq;
    // A second descriptor on the same file, used only for fsync (on Linux fsync flushes the file, whichever fd wrote).
    this.syncFd = this.fs.open(log.file, 'r+', 0o600);
  }

  /** Opens `file`: a new log, or (resume) the existing one, verified, continuing its numbering. */
  static open(file: string, opts: LiveStoreOptions = {}): LiveStore {
    const log = DrillLog.open(file, { resume: opts.resume, sync: false, fs: opts.fs });
    try {
      return new LiveStore(log);
    } catch (err) {
      log.close();
      throw err;
    }
  }

  get file(): string { return this.log.file; }
  get lastSeq(): number { return this.log.lastSeq; }
  /** Seq of the last event known to be on disk. */
  get syncedSeq(): number { return this.synced; }
  /** What reading the existing log reported (resume). */
  get diagnostics(): readonly Diagnostic[] { return this.log.diagnostics; }
  /** Why the store stopped (a write or fsync failure), if it did. */
  get failure(): LogWriteError | undefined { return this.broken ?? this.log.failed; }

  /** Called with each batch of events once they are on disk, in log order. */
  onCommit(fn: (events: DrillEvent[]) => void): void { this.listeners.push(fn); }

  append(event: EventInput): DrillEvent {
    if (this.broken) throw this.broken;
    if (this.closed) throw new Error(`drill log ${this.log.file} is closed`);
    const e = this.log.append(this.request ? { ...event, req: this.request } : event);
    this.events.push(e);
    this.unsynced.push(e);
    return e;
  }

  /**
   * Runs `fn` (which appends) as one unit: every event it appends carries the request id `req` (when given), and
   * when the disk refuses one of them, every line the unit wrote is taken back and the `LogWriteError` is thrown.
   */
  atomically<T>(fn: () => T, req?: string): T {
    const mark = this.log.mark();
    const n = this.events.length;
    const u = this.unsynced.length;
    this.request = req;
    try {
      return fn();
    } catch (err) {
      if (err instanceof LogWriteError) {
        this.events.length = n;
        this.unsynced.length = u;
        this.log.rollback(mark, err);
      }
      throw err;
    } finally {
      this.request = undefined;
    }
  }

  /** Resolves once every event appended so far is fsynced (rejects when the disk failed). */
  commit(): Promise<void> {
    if (this.broken) return Promise.reject(this.broken);
    const seq = this.log.lastSeq;
    if (seq <= this.synced) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.waiters.push({ seq, resolve, reject });
      this.kick();
    });
  }

  private kick(): void {
    if (this.syncing || !this.waiters.length || this.closed) return;
    this.syncing = true;
    const target = this.log.lastSeq;
    this.fs.fsyncAsync(this.syncFd, (err) => {
      this.syncing = false;
      if (err) {
        this.broken = new LogWriteError(this.log.file, 'fsync', err, this.synced);
        for (const w of this.waiters) w.reject(this.broken);
        this.waiters = [];
        return;
      }
      this.synced = Math.max(this.synced, target);
      const done = this.unsynced.filter((e) => e.seq <= target);
      this.unsynced = this.unsynced.filter((e) => e.seq > target);
      if (done.length) for (const l of this.listeners) l(done);
      const ready = this.waiters.filter((w) => w.seq <= target);
      this.waiters = this.waiters.filter((w) => w.seq > target);
      for (const w of ready) w.resolve();
      this.kick();
    });
  }

  /** Waits for pending commits, then closes the files (idempotent). */
  async close(): Promise<void> {
    if (this.closed) return;
    try { await this.commit(); } catch { /* already reported to the waiters */ }
    this.closed = true;
    this.log.close();
    try { this.fs.close(this.syncFd); } catch { /* closed */ }
  }
}
