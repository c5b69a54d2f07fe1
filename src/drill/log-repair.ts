/**
 * Repairing a damaged drill log (`yuan drill repair`): keep every event the reader accepts, drop what it cannot
 * read, number what is kept 1, 2, 3 … again, rebuild the hash chain, and say exactly what was dropped. The file is
 * only rewritten after a backup of the original is on disk; the repaired log ends with a note that records the repair
 * (so a repaired log is never mistaken for an untouched one).
 */
import { copyFileSync, existsSync, openSync, closeSync, fsyncSync, renameSync, writeFileSync, chmodSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { writeLog } from './log-format.js';
import { readLog } from './log-read.js';
import type { DrillEvent } from './types.js';

/** One line the repair leaves out, and why (the reader's first diagnostic for it). */
export interface DroppedLine {
  line: number;
  ruleId: string;
  message: string;
  messageZh: string;
}

/** What `repairLog` decided. */
export interface LogRepair {
  /** False when the log needs no repair (nothing dropped, nothing renumbered, the chain holds). */
  changed: boolean;
  /** The repaired log text (the input when nothing changed). */
  text: string;
  events: DrillEvent[];
  dropped: DroppedLine[];
  /** Problems that keeping a line does not undo (an edited line, a missing one), reported for the record. */
  kept: Diagnostic[];
  /** True when seq numbers changed (a line was missing or dropped before the end). */
  renumbered: boolean;
}

/** How many dropped line numbers the repair note lists before "…". */
const NOTE_LINES = 20;

/**
 * Plans the repair of a log's text (pure: writes nothing). `backup` is named in the repair note. Events the reader
 * keeps stay as they are except for their `seq` (1, 2, 3 …) and chain; unreadable lines, repeated or backward
 * `seq`s and a torn last line are dropped.
 */
export function repairLog(text: string, file: string, backup = `${basename(file)}.bak`): LogRepair {
  const read = readLog(text, file);
  const eventLines = new Set(read.lines ?? []);
  const byLine = new Map<number, Diagnostic>();
  for (const d of read.diagnostics) {
    const line = d.place?.start.line ?? 1;
    if (!byLine.has(line)) byLine.set(line, d);
  }
  const dropped: DroppedLine[] = [];
  const kept: Diagnostic[] = [];
  for (const [line, d] of [...byLine].sort((a, b) => a[0] - b[0])) {
    if (d.ruleId === 'drill-log/no-start') { kept.push(d); continue; }
    if (eventLines.has(line)) { if (d.severity === 'error' || d.ruleId === 'drill-log/time-order') kept.push(d); continue; }
    dropped.push({ line, ruleId: d.ruleId, message: d.message, messageZh: d.messageZh ?? d.message });
  }
  const renumbered = read.events.some((e, i) => e.seq !== i + 1);
  const damaged = dropped.length > 0 || kept.some((d) => d.ruleId !== 'drill-log/no-start');
  if (!damaged && !renumbered) return { changed: false, text, events: read.events, dropped, kept, renumbered };

  const events = read.events.map((e, i) => ({ ...e, seq: i + 1 }) as DrillEvent);
  const lines = dropped.map((d) => d.line);
  const listed = `${lines.slice(0, NOTE_LINES).join(', ')}${lines.length > NOTE_LINES ? ', …' : ''}`;
  const t = events.reduce((m, e) => Math.max(m, e.t), 0);
  events.push({
    seq: events.length + 1, t, type: 'note', source: 'engine',
    text: `[repair] 演练记录已修复：${lines.length ? `删除第 ${listed} 行（${lines.length} 行）` : '未删除任何行'}${renumbered ? '，其后序号重新编号' : ''}，原文件备份为 ${backup}`
      + `（log repaired: ${lines.length ? `dropped line${lines.length === 1 ? '' : 's'} ${listed}` : 'nothing dropped'}${renumbered ? ', later events renumbered' : ''}; original kept as ${backup}）`,
  });
  return { changed: true, text: writeLog(events), events, dropped, kept, renumbered };
}

/** A backup name beside `file` that does not exist yet: `<file>.bak`, `<file>.bak.2`, … */
export function backupName(file: string): string {
  if (!existsSync(`${file}.bak`)) return `${file}.bak`;
  for (let n = 2; ; n++) if (!existsSync(`${file}.bak.${n}`)) return `${file}.bak.${n}`;
}

/**
 * Repairs a log file in place: copies the original to a backup (0600), writes the repaired text to a temporary
 * file, fsyncs it and renames it over the log. Returns the plan and the backup's path (none when nothing changed).
 * Throws on I/O errors (the original is untouched until the rename).
 */
export function repairLogFile(file: string): LogRepair & { backup?: string } {
  const text = readFileSync(file, 'utf8');
  const backup = backupName(file);
  const plan = repairLog(text, file, basename(backup));
  if (!plan.changed) return plan;
  copyFileSync(file, backup);
  chmodSync(backup, 0o600);
  const tmp = `${file}.repair-${process.pid}`;
  writeFileSync(tmp, plan.text, { mode: 0o600 });
  const fd = openSync(tmp, 'r');
  try { fsyncSync(fd); } finally { closeSync(fd); }
  renameSync(tmp, file);
  return { ...plan, backup };
}
