/**
 * The live drill's durable store: the scripted engine's JSONL `DrillLog` (same lines, same numbering, same reader),
 * with group commit. `append` writes the line at once (numbered, in order); `commit()` resolves when every line
 * written so far is on disk (fsync). Many requests arriving together share one fsync, so 200 participants do not
 * wait for 200 fsyncs in a row; a request is acknowledged only after `commit()` resolves for its events.
 *
 * An fsync failure is sticky: every waiting and later commit rejects and nothing more is written (the server
 * then answers 500 and acknowledges nothing it cannot vouch for).
 */
import { closeSync, fsync, openSync } from 'node:fs';
import { DrillLog } from '../drill/log.js';
import type { EventInput, EventSink } from '../drill/run-agenda.js';
import type { Diagnostic } from '../diagnostics.js';
import type { DrillEvent } from '../drill/types.js';

interface Waiter { seq: number; resolve: () => void; reject: (err: Error) => void }

export class LiveStore implements EventSink {
  private readonly log: DrillLog;
  private readonly syncFd: number;
  private synced: number;
  private syncing = false;
  private waiters: Waiter[] = [];
  private broken: Error | undefined;
  private closed = false;
  private readonly listeners: ((events: DrillEvent[]) => void)[] = [];
  /** Written, not yet reported to listeners (reported in order once on disk). */
  private unsynced: DrillEvent[] = [];
  /** Events of the log, in order (including those read on resume). */
  readonly events: DrillEvent[];

  private constructor(log: DrillLog) {
    this.log = log;
    this.events = [...log.previous];
    this.synced = log.lastSeq;
    // A second descriptor on the same file, used only for fsync (on Linux fsync flushes the file, whichever fd wrote).
    this.syncFd = openSync(log.file, 'r+');
  }

  /** Opens `file`: a new log, or (resume) the existing one, continuing its numbering. */
  static open(file: string, opts: { resume?: boolean } = {}): LiveStore {
    return new LiveStore(DrillLog.open(file, { resume: opts.resume, sync: false }));
  }

  get file(): string { return this.log.file; }
  get lastSeq(): number { return this.log.lastSeq; }
  /** Seq of the last event known to be on disk. */
  get syncedSeq(): number { return this.synced; }
  /** What reading the existing log reported (resume). */
  get diagnostics(): readonly Diagnostic[] { return this.log.diagnostics; }

  /** Called with each batch of events once they are on disk, in log order. */
  onCommit(fn: (events: DrillEvent[]) => void): void { this.listeners.push(fn); }

  append(event: EventInput): DrillEvent {
    if (this.broken) throw this.broken;
    if (this.closed) throw new Error(`drill log ${this.log.file} is closed`);
    const e = this.log.append(event);
    this.events.push(e);
    this.unsynced.push(e);
    return e;
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
    fsync(this.syncFd, (err) => {
      this.syncing = false;
      if (err) {
        this.broken = new Error(`cannot sync the drill log ${this.log.file}: ${err.code ?? err.message}`);
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
    try { closeSync(this.syncFd); } catch { /* closed */ }
  }
}
