/**
 * The durable drill log (演练记录): append-only JSONL, one event per line (src/drill/log-format.ts), each line
 * written and fsynced before `append` returns. Writes are all-or-nothing: when a write or its fsync fails, the log
 * cuts the file back to where it was before that line and refuses every later append (`LogWriteError`), so a line
 * is never appended onto half a line and nothing stands in the file that its writer did not see stored. Only a
 * crash in the middle of a write can leave half a line, and only as the last line, without its newline: resuming
 * cuts exactly that off (the one silent repair). Any other damage stops `resume` with the exact line
 * (`LogDamagedError`) until `yuan drill repair` has been run.
 */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { CHAIN_SEED, chainLine } from './log-format.js';
import { LogWriteError, nodeLogFs, type LogFs } from './log-fs.js';
import { readLog, type LogReadResult } from './log-read.js';
import type { EventInput, EventSink } from './run-agenda.js';
import type { DrillEvent } from './types.js';

/** Options of `DrillLog.open`. */
export interface DrillLogOptions {
  /**
   * Continue an existing log (resume after a crash): the log is verified first (every line parses, `seq` runs 1, 2,
   * 3 …, the hash chain holds), a last line cut short by the crash is cut off, and numbering goes on. Default: start
   * a new log (an existing file is replaced).
   */
  resume?: boolean;
  /** fsync after every line (default true; the live store syncs in groups itself, a benchmark may turn it off). */
  sync?: boolean;
  /** File operations (default: the real file system; tests inject failures). */
  fs?: LogFs;
}

/** Where the log stood at a moment: what `rollback` goes back to. */
export interface LogMark {
  bytes: number;
  seq: number;
  chain: string;
}

/** The log on disk is damaged beyond a torn last line: resume refuses it (see `diagnostics` and `yuan drill repair`). */
export class LogDamagedError extends Error {
  constructor(readonly file: string, readonly diagnostics: readonly Diagnostic[]) {
    const d = diagnostics[0];
    super(`the drill log ${file} is damaged at line ${d?.place?.start.line ?? 1}: ${d?.message ?? 'unreadable'}`
      + `${diagnostics.length > 1 ? ` (and ${diagnostics.length - 1} more)` : ''}; not resuming. Check it, then run: yuan drill repair ${file}`);
    this.name = 'LogDamagedError';
  }
}

/** Diagnostics that stop a resume: everything except a torn last line and a missing drill.start (the caller decides). */
export function resumeBlockers(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.ruleId !== 'drill-log/truncated' && d.ruleId !== 'drill-log/no-start');
}

/** An append-only JSONL drill log on disk. Also an `EventSink` for the engine. */
export class DrillLog implements EventSink {
  private fd: number | undefined;
  private last: number;
  private chain: string;
  private bytes: number;
  private failure: LogWriteError | undefined;
  private readonly sync: boolean;
  /** The file operations in use. */
  readonly fs: LogFs;
  /** Events already in the file when it was opened with `resume` (empty otherwise). */
  readonly previous: readonly DrillEvent[];
  /** What reading the existing file reported (resume only): at most a torn last line. */
  readonly diagnostics: readonly Diagnostic[];

  private constructor(readonly file: string, fd: number, read: LogReadResult, bytes: number, sync: boolean, fs: LogFs) {
    this.fd = fd;
    this.previous = read.events;
    this.diagnostics = read.diagnostics;
    this.last = read.events.reduce((m, e) => Math.max(m, e.seq), 0);
    this.chain = read.chain ?? CHAIN_SEED;
    this.bytes = bytes;
    this.sync = sync;
    this.fs = fs;
  }

  /**
   * Opens (creating folders as needed) a log for appending; the file is made readable by its owner only (0600).
   * Throws `LogDamagedError` when resuming a damaged log, and on I/O errors.
   */
  static open(file: string, opts: DrillLogOptions = {}): DrillLog {
    const fs = opts.fs ?? nodeLogFs;
    const sync = opts.sync ?? true;
    fs.mkdirp(dirname(file));
    const fd = fs.open(file, opts.resume ? 'a+' : 'w', 0o600);
    try {
      // An existing file keeps its mode when opened: tighten it (drill logs name people and what they did).
      fs.chmod(fd, 0o600);
      if (!opts.resume) return new DrillLog(file, fd, { events: [], diagnostics: [] }, 0, sync, fs);
      const text = fs.read(fd);
      const read = readLog(text, file);
      const blockers = resumeBlockers(read.diagnostics);
      if (blockers.length) throw new LogDamagedError(file, blockers);
      const keep = Buffer.byteLength(text.slice(0, text.lastIndexOf('\n') + 1), 'utf8');
      if (keep < Buffer.byteLength(text, 'utf8')) {
        // A last line without its newline was cut short by a crash: drop it so the next line starts clean.
        fs.truncate(fd, keep);
        if (sync) fs.fsync(fd);
      }
      return new DrillLog(file, fd, read, keep, sync, fs);
    } catch (err) {
      fs.close(fd);
      throw err;
    }
  }

  /** Seq of the last event written (0 before any). */
  get lastSeq(): number {
    return this.last;
  }

  /** The write failure that stopped this log, if any. */
  get failed(): LogWriteError | undefined {
    return this.failure;
  }

  /** Where the log stands now (for `rollback`). */
  mark(): LogMark {
    return { bytes: this.bytes, seq: this.last, chain: this.chain };
  }

  /**
   * Numbers the event (the next seq), writes it as one chained line and (with `sync`) fsyncs. Any `seq` on the
   * input is ignored. Throws a TypeError for an event the schema rejects (nothing is written then); throws a
   * `LogWriteError` when the disk fails — the file is then cut back to before this line and the log accepts
   * nothing more.
   */
  append(event: EventInput | DrillEvent): DrillEvent {
    if (this.failure) throw this.failure;
    if (this.fd === undefined) throw new Error(`drill log ${this.file} is closed`);
    const numbered = { ...event, seq: this.last + 1 } as DrillEvent;
    const { line, chain } = chainLine(this.chain, numbered);
    const buf = Buffer.from(line, 'utf8');
    const before = this.mark();
    let op: 'write' | 'fsync' = 'write';
    try {
      let off = 0;
      while (off < buf.length) off += this.fs.write(this.fd, buf, off, buf.length - off);
      op = 'fsync';
      if (this.sync) this.fs.fsync(this.fd);
    } catch (err) {
      this.rollback(before, new LogWriteError(this.file, op, err, before.seq));
    }
    this.bytes += buf.length;
    this.last = numbered.seq;
    this.chain = chain;
    return numbered;
  }

  /** Appends several events in order. */
  appendAll(events: readonly (EventInput | DrillEvent)[]): DrillEvent[] {
    return events.map((e) => this.append(e));
  }

  /**
   * Cuts the file back to `mark` (every line written since is removed), stops the log with `cause` and throws it.
   * Used when a write fails, and by the live store when one request's events cannot all be stored.
   */
  rollback(mark: LogMark, cause: LogWriteError): never {
    this.failure ??= cause;
    if (this.fd !== undefined) {
      try {
        this.fs.truncate(this.fd, mark.bytes);
        this.fs.fsync(this.fd);
      } catch {
        // The disk refuses even that: the file may end in a partial line, which a resume cuts off as a torn last
        // line; nothing is appended after it because the log stays stopped.
      }
    }
    this.bytes = mark.bytes;
    this.last = mark.seq;
    this.chain = mark.chain;
    throw this.failure;
  }

  /** Size of the file in bytes. */
  size(): number {
    if (this.fd === undefined) throw new Error(`drill log ${this.file} is closed`);
    return this.fs.size(this.fd);
  }

  /** Closes the file (idempotent). */
  close(): void {
    if (this.fd === undefined) return;
    const fd = this.fd;
    this.fd = undefined;
    this.fs.close(fd);
  }
}

/**
 * Reads a JSONL drill log from disk (`readLog`: schema-checked lines, bad lines reported and skipped).
 * An unreadable file gives no events and one `drill-log/unreadable` error. Never throws.
 */
export function readLogFile(file: string): LogReadResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    const at = { line: 1, column: 1, offset: 0 };
    return { events: [], diagnostics: [{ ruleId: 'drill-log/unreadable', severity: 'error', file, place: { start: at, end: at },
      message: `Unexpected unreadable log file: ${code}`, messageZh: `无法读取演练记录文件：${code}` }] };
  }
  return readLog(text, file);
}
