import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeLog } from './log-format.js';
import { LogWriteError } from './log-fs.js';
import { ScriptedFs } from './log-fs.test-helper.js';
import { repairLogFile } from './log-repair.js';
import { DrillLog, LogDamagedError, readLogFile } from './log.js';
import type { DrillEvent } from './types.js';
import type { EventInput } from './run-agenda.js';

const dir = mkdtempSync(join(tmpdir(), 'yuan-drill-log-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const start: EventInput = { t: 0, type: 'drill.start', scenario: 's', plan: 'p.md', planHash: 'sha256:x', scenarioHash: 'sha256:y', mode: 'live', seed: 1 };
const inject: EventInput = { t: 5, type: 'inject', inject: 'i1', to: [], message: '泄漏', facts: { leak_kg: 40, fire: false }, source: 'facilitator' };
const done: EventInput = { t: 40, type: 'step.done', step: 'alarm', role: 'operator', match: 'id', source: 'participant' };

describe('DrillLog', () => {
  it('numbers events, writes one canonical line per append, on disk before append returns', () => {
    const file = join(dir, 'a', 'deep', 'drill.jsonl');
    const log = DrillLog.open(file);
    const e1 = log.append(start);
    expect(readFileSync(file, 'utf8').split('\n')).toHaveLength(2);
    const e2 = log.append({ ...inject, seq: 99 } as never);
    const e3 = log.append(done);
    log.close();
    expect([e1.seq, e2.seq, e3.seq, log.lastSeq]).toEqual([1, 2, 3, 3]);
    expect(readFileSync(file, 'utf8')).toBe(writeLog([e1, e2, e3]));
    expect(readLogFile(file)).toMatchObject({ events: [e1, e2, e3], diagnostics: [] });
  });

  it('refuses an event the schema rejects and writes nothing for it', () => {
    const file = join(dir, 'bad.jsonl');
    const log = DrillLog.open(file);
    log.append(start);
    expect(() => log.append({ t: -1, type: 'note', text: 'x', source: 'engine' })).toThrow(TypeError);
    expect(log.lastSeq).toBe(1);
    log.append(done);
    log.close();
    expect(readLogFile(file).events.map((e) => e.seq)).toEqual([1, 2]);
    expect(() => log.append(done)).toThrow(/closed/);
  });

  it('resumes after a crash: the cut-short last line is dropped and numbering goes on', () => {
    const file = join(dir, 'resume.jsonl');
    const log = DrillLog.open(file);
    log.appendAll([start, inject]);
    log.close();
    appendFileSync(file, '{"seq":3,"t":40,"type":"step.do');
    expect(readLogFile(file).diagnostics.map((d) => d.ruleId)).toEqual(['drill-log/truncated']);
    const again = DrillLog.open(file, { resume: true });
    expect(again.previous.map((e) => e.seq)).toEqual([1, 2]);
    expect(again.append(done).seq).toBe(3);
    again.close();
    const read = readLogFile(file);
    expect(read.diagnostics).toEqual([]);
    expect(read.events.map((e) => [e.seq, e.type])).toEqual([[1, 'drill.start'], [2, 'inject'], [3, 'step.done']]);
  });

  it('a new log replaces an old file', () => {
    const file = join(dir, 'resume.jsonl');
    const log = DrillLog.open(file);
    expect(log.append(start).seq).toBe(1);
    log.close();
    expect(readLogFile(file).events).toHaveLength(1);
  });

  it('reports an unreadable file instead of throwing', () => {
    const r = readLogFile(join(dir, 'missing.jsonl'));
    expect(r.events).toEqual([]);
    expect(r.diagnostics).toMatchObject([{ ruleId: 'drill-log/unreadable', severity: 'error' }]);
  });
});

describe('DrillLog on a failing disk (all-or-nothing appends)', () => {
  const lines = (file: string) => readFileSync(file, 'utf8');

  it('writes and fsyncs every line before append returns', () => {
    const fs = new ScriptedFs();
    const log = DrillLog.open(join(dir, 'order.jsonl'), { fs });
    for (const e of [start, inject, done]) {
      const n = log.append(e).seq;
      fs.note(`returned ${n}`);
    }
    log.close();
    // After `open w`: each append is one or more writes, then an fsync, and only then does append return.
    const steps = fs.journal.filter((j) => !j.startsWith('open')).map((j) => j.replace(/^write \d+$/, 'write'));
    expect(steps).toEqual(['write', 'fsync', 'returned 1', 'write', 'fsync', 'returned 2', 'write', 'fsync', 'returned 3']);
  });

  it('ENOSPC after a short write: the half line is cut off, later appends are refused, the file stays readable', () => {
    const file = join(dir, 'enospc.jsonl');
    // The third line: the disk takes 20 bytes, then reports it is full.
    const fs = new ScriptedFs({ write: (call) => (call === 3 ? { short: 20 } : call === 4 ? { error: 'ENOSPC' } : undefined) });
    const log = DrillLog.open(file, { fs });
    const kept = [log.append(start), log.append(inject)];
    expect(() => log.append(done)).toThrow(LogWriteError);
    expect(() => log.append(done)).toThrow(/ENOSPC.*--resume/);
    expect(log.failed?.code).toBe('ENOSPC');
    expect(log.lastSeq).toBe(2);
    fs.faults = {}; // space is freed: the log still refuses until an operator restarts it
    expect(() => log.append(done)).toThrow(LogWriteError);
    log.close();
    expect(fs.journal).toContain(`truncate ${Buffer.byteLength(writeLog(kept))}`);
    expect(lines(file)).toBe(writeLog(kept));
    expect(readLogFile(file).diagnostics).toEqual([]);
    // The operator's restart: resume continues after the last stored event.
    const again = DrillLog.open(file, { resume: true });
    expect(again.append(done).seq).toBe(3);
    again.close();
    expect(readLogFile(file)).toMatchObject({ diagnostics: [], events: [{ seq: 1 }, { seq: 2 }, { seq: 3 }] });
  });

  it('EIO on fsync: the unsynced line is taken back and nothing more is accepted', () => {
    const file = join(dir, 'eio.jsonl');
    const fs = new ScriptedFs({ fsync: (call) => (call === 2 ? 'EIO' : undefined) });
    const log = DrillLog.open(file, { fs });
    const first = log.append(start);
    expect(() => log.append(inject)).toThrow(/cannot fsync .*EIO/);
    expect(() => log.append(done)).toThrow(/EIO/);
    log.close();
    expect(lines(file)).toBe(writeLog([first]));
  });

  it('when even the truncate fails, the log stays stopped and a resume cuts the torn line', () => {
    const file = join(dir, 'torn.jsonl');
    const fs = new ScriptedFs({ write: (call) => (call === 2 ? { short: 10 } : call === 3 ? { error: 'ENOSPC' } : undefined), truncate: () => 'EIO' });
    const log = DrillLog.open(file, { fs });
    const first = log.append(start);
    expect(() => log.append(inject)).toThrow(LogWriteError);
    expect(() => log.append(done)).toThrow(LogWriteError);
    log.close();
    expect(lines(file)).toBe(`${writeLog([first])}${writeLog([{ ...inject, seq: 2 } as DrillEvent]).slice(0, 10)}`);
    const again = DrillLog.open(file, { resume: true });
    expect(again.diagnostics.map((d) => d.ruleId)).toEqual(['drill-log/truncated']);
    expect(again.append(inject).seq).toBe(2);
    again.close();
    expect(readLogFile(file).diagnostics).toEqual([]);
  });

  it('creates log files readable by their owner only, and tightens an existing one', () => {
    const file = join(dir, 'mode.jsonl');
    writeFileSync(file, '', { mode: 0o644 });
    DrillLog.open(file).close();
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});

describe('resume verifies the log', () => {
  /** A log of 5 events written by DrillLog, as lines (newline-terminated). */
  const fresh = (name: string) => {
    const file = join(dir, name);
    const log = DrillLog.open(file);
    log.appendAll([start, inject, done, { t: 50, type: 'ack', role: 'operator', source: 'participant' }, { t: 60, type: 'note', text: '记录', source: 'facilitator' }]);
    log.close();
    return { file, lines: readFileSync(file, 'utf8').split('\n').slice(0, -1) };
  };
  const damaged = (name: string, edit: (lines: string[]) => string[], tail = '\n') => {
    const { file, lines } = fresh(name);
    writeFileSync(file, `${edit(lines).join('\n')}${tail}`);
    return file;
  };
  const refusal = (file: string) => {
    try {
      DrillLog.open(file, { resume: true }).close();
    } catch (err) {
      expect(err).toBeInstanceOf(LogDamagedError);
      return { message: (err as Error).message, rules: (err as LogDamagedError).diagnostics.map((d) => `${d.place?.start.line} ${d.ruleId}`) };
    }
    throw new Error(`${file} resumed although damaged`);
  };

  it('refuses a corrupted middle line, naming the line and the repair command', () => {
    const file = damaged('corrupt.jsonl', (l) => { l[2] = l[2].replace('"step"', '"st#ep"'); return l; });
    const r = refusal(file);
    expect(new Set(r.rules)).toEqual(new Set(['3 drill-log/schema']));
    expect(r.message).toContain('line 3');
    expect(r.message).toContain(`yuan drill repair ${file}`);
  });

  it('refuses a deleted line (seq gap and broken chain)', () => {
    expect(refusal(damaged('deleted.jsonl', (l) => l.filter((_, i) => i !== 2))).rules).toEqual(['3 drill-log/chain', '3 drill-log/seq-gap']);
  });

  it('refuses a duplicated line', () => {
    expect(refusal(damaged('dup.jsonl', (l) => [...l.slice(0, 3), l[2], ...l.slice(3)])).rules).toEqual(['4 drill-log/chain', '4 drill-log/seq-order']);
  });

  it('refuses an edited line that still parses (the chain no longer holds)', () => {
    expect(refusal(damaged('edited.jsonl', (l) => { l[3] = l[3].replace('"t":50', '"t":55'); return l; })).rules).toEqual(['4 drill-log/chain']);
  });

  it('refuses a schema-invalid middle line and a corrupted last line that ends in a newline', () => {
    expect(refusal(damaged('schema.jsonl', (l) => { l[1] = l[1].replace('"type":"inject"', '"type":"bogus"'); return l; })).rules).toEqual(['2 drill-log/schema']);
    expect(refusal(damaged('lastnl.jsonl', (l) => { l[4] = l[4].slice(0, 30); return l; })).rules).toEqual(['5 drill-log/json']);
  });

  it('accepts, silently, only a torn last line without a newline', () => {
    const file = damaged('torn-ok.jsonl', (l) => { l[4] = l[4].slice(0, 30); return l; }, '');
    const log = DrillLog.open(file, { resume: true });
    expect(log.previous.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(log.diagnostics.map((d) => d.ruleId)).toEqual(['drill-log/truncated']);
    log.close();
  });
});

describe('repairLogFile', () => {
  it('keeps a backup, drops what it cannot read, renumbers, rebuilds the chain and records the repair', () => {
    const file = join(dir, 'repair.jsonl');
    const log = DrillLog.open(file);
    log.appendAll([start, inject, done, { t: 50, type: 'ack', role: 'operator', source: 'participant' }]);
    log.close();
    const original = readFileSync(file, 'utf8');
    const l = original.split('\n');
    l[1] = '{"seq":2,"t":5,"type":"inj';
    writeFileSync(file, l.join('\n'));
    const r = repairLogFile(file);
    expect(r.dropped.map((d) => `${d.line} ${d.ruleId}`)).toEqual(['2 drill-log/json']);
    expect(r.renumbered).toBe(true);
    expect(readFileSync(r.backup!, 'utf8')).toBe(l.join('\n'));
    expect(statSync(r.backup!).mode & 0o777).toBe(0o600);
    const read = readLogFile(file);
    expect(read.diagnostics).toEqual([]);
    expect(read.events.map((e) => `${e.seq} ${e.type}`)).toEqual(['1 drill.start', '2 step.done', '3 ack', '4 note']);
    expect(read.events[3]).toMatchObject({ source: 'engine', text: expect.stringContaining('dropped line 2') });
    const again = DrillLog.open(file, { resume: true });
    expect(again.append({ ...done, t: 70 }).seq).toBe(5);
    again.close();
    // A sound log is left alone.
    expect(repairLogFile(file)).toMatchObject({ changed: false, dropped: [] });
  });
});
