/**
 * The durable drill log (演练记录): append-only JSONL, one event per line, each line written and fsynced before
 * `append` returns, so a crash loses at most the line being written (which `readLog` then skips with a warning).
 * `seq` is assigned here, strictly increasing; lines are `writeEvent`'s canonical form (byte-identical for equal
 * events).
 */
import { closeSync, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { readLog, writeEvent, type LogReadResult } from '../score/log.js';
import type { EventInput, EventSink } from './run-agenda.js';
import type { DrillEvent } from './types.js';

/** Options of `DrillLog.open`. */
export interface DrillLogOptions {
  /**
   * Continue an existing log (resume after a crash): numbering goes on from its last valid event, and a last line
   * cut short by the crash is cut off. Default: start a new log (an existing file is replaced).
   */
  resume?: boolean;
  /** fsync after every line (default true; a benchmark may turn it off). */
  sync?: boolean;
}

/** An append-only JSONL drill log on disk. Also an `EventSink` for the engine. */
export class DrillLog implements EventSink {
  private fd: number | undefined;
  private last: number;
  private readonly sync: boolean;
  /** Events already in the file when it was opened with `resume` (empty otherwise). */
  readonly previous: readonly DrillEvent[];
  /** What reading the existing file reported (resume only). */
  readonly diagnostics: readonly Diagnostic[];

  private constructor(readonly file: string, fd: number, last: number, previous: DrillEvent[], diagnostics: Diagnostic[], sync: boolean) {
    this.fd = fd;
    this.last = last;
    this.previous = previous;
    this.diagnostics = diagnostics;
    this.sync = sync;
  }

  /** Opens (creating folders as needed) a log for appending. Throws on I/O errors. */
  static open(file: string, opts: DrillLogOptions = {}): DrillLog {
    mkdirSync(dirname(file), { recursive: true });
    if (!opts.resume) return new DrillLog(file, openSync(file, 'w'), 0, [], [], opts.sync ?? true);
    const fd = openSync(file, 'a+');
    try {
      const text = readFileSync(fd, 'utf8');
      const read = readLog(text, file);
      // A last line without its newline was cut short: drop it so the next line starts clean.
      if (text.length && !text.endsWith('\n')) {
        const keep = Buffer.byteLength(text.slice(0, text.lastIndexOf('\n') + 1), 'utf8');
        ftruncateSync(fd, keep);
        if (opts.sync ?? true) fsyncSync(fd);
      }
      const last = read.events.reduce((m, e) => Math.max(m, e.seq), 0);
      return new DrillLog(file, fd, last, read.events, read.diagnostics, opts.sync ?? true);
    } catch (err) {
      closeSync(fd);
      throw err;
    }
  }

  /** Seq of the last event written (0 before any). */
  get lastSeq(): number {
    return this.last;
  }

  /**
   * Numbers the event (the next seq), writes it as one line and fsyncs. Any `seq` on the input is ignored.
   * Throws a TypeError for an event the log schema rejects (nothing is written then), and on I/O errors.
   */
  append(event: EventInput | DrillEvent): DrillEvent {
    if (this.fd === undefined) throw new Error(`drill log ${this.file} is closed`);
    const numbered = { ...event, seq: this.last + 1 } as DrillEvent;
    const line = Buffer.from(writeEvent(numbered), 'utf8');
    let off = 0;
    while (off < line.length) off += writeSync(this.fd, line, off, line.length - off);
    if (this.sync) fsyncSync(this.fd);
    this.last = numbered.seq;
    return numbered;
  }

  /** Appends several events in order. */
  appendAll(events: readonly (EventInput | DrillEvent)[]): DrillEvent[] {
    return events.map((e) => this.append(e));
  }

  /** Size of the file in bytes. */
  size(): number {
    if (this.fd === undefined) throw new Error(`drill log ${this.file} is closed`);
    return fstatSync(this.fd).size;
  }

  /** Closes the file (idempotent). */
  close(): void {
    if (this.fd === undefined) return;
    const fd = this.fd;
    this.fd = undefined;
    closeSync(fd);
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
