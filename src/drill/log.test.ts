import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeLog } from '../score/index.js';
import { DrillLog, readLogFile } from './log.js';
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
    expect(readLogFile(file)).toEqual({ events: [e1, e2, e3], diagnostics: [] });
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
