import { describe, expect, it } from 'vitest';
import { drillLogSchema, EVENT_KEYS, MAX_LOG_LINE, writeEvent, writeLog } from './log-format.js';
import { jsonErrorOffset } from './log-json.js';
import { readLog } from './log-read.js';
import type { EventInput } from './run-agenda.js';
import type { DrillEvent } from './types.js';

/** A small realistic log: start, inject, warranted level, declaration, steps, notification, termination, end. */
function numbered(): DrillEvent[] {
  const list: EventInput[] = [
    { t: 0, type: 'drill.start', scenario: 'leak-iv', plan: '../plans/chem/hazardous-chemical-leak.md', planHash: 'sha256:plan', scenarioHash: 'sha256:scn', mode: 'scripted', seed: 7 },
    { t: 0, type: 'inject', inject: 'i1', to: ['operator'], message: '储罐区发生泄漏', facts: { leak_kg: 30, fire: false }, source: 'script' },
    { t: 0, type: 'level.warranted', level: 'IV', facts: { leak_kg: 30, fire: false } },
    { t: 60, type: 'step.done', step: 'alarm', role: 'operator', match: 'id', source: 'script' },
    { t: 120, type: 'level.declared', level: 'IV', role: 'duty-officer', source: 'script' },
    { t: 150, type: 'notify', role: 'duty-officer', to: 'commander', text: '已启动Ⅳ级响应', source: 'script' },
    { t: 900, type: 'terminate', role: 'commander', source: 'script' },
    { t: 900, type: 'drill.end', reason: 'terminated' },
  ] as EventInput[];
  return list.map((e, i) => ({ ...e, seq: i + 1 }) as DrillEvent);
}

const where = (r: ReturnType<typeof readLog>) =>
  r.diagnostics.map((d) => `${d.place?.start.line}:${d.place?.start.column} ${d.severity} ${d.ruleId}`);

describe('writeEvent / writeLog', () => {
  it('round-trips a realistic log through readLog without diagnostics', () => {
    const events = numbered();
    const text = writeLog(events);
    const r = readLog(text, 'drill.jsonl');
    expect(r.diagnostics).toEqual([]);
    expect(r.events).toEqual(events);
    expect(text.split('\n').length).toBe(events.length + 1);
  });

  it('writes keys in the contract order and fact keys sorted, whatever the input order', () => {
    const a = writeEvent({ seq: 3, t: 0, type: 'level.warranted', level: 'IV', facts: { leak_kg: 30, fire: false } });
    const b = writeEvent({ facts: { fire: false, leak_kg: 30 }, level: 'IV', type: 'level.warranted', t: 0, seq: 3 } as DrillEvent);
    expect(a).toBe(b);
    expect(a).toBe('{"seq":3,"t":0,"type":"level.warranted","level":"IV","facts":{"fire":false,"leak_kg":30}}\n');
  });

  it('is byte-identical for equal events (determinism)', () => {
    expect(writeLog(numbered())).toBe(writeLog(numbered()));
  });

  it('leaves out undefined optional fields and drops unknown ones', () => {
    const line = writeEvent({ seq: 1, t: 2, type: 'notify', role: 'operator', to: 'duty-officer', text: undefined, source: 'script', extra: 1 } as unknown as DrillEvent);
    expect(line).toBe('{"seq":1,"t":2,"type":"notify","role":"operator","to":"duty-officer","source":"script"}\n');
  });

  it('refuses to write what the reader would reject', () => {
    expect(() => writeEvent({ seq: 1, t: -1, type: 'drill.end', reason: 'timeout' })).toThrow(TypeError);
    expect(() => writeEvent({ seq: 1, t: Number.NaN, type: 'drill.end', reason: 'timeout' })).toThrow(/invalid drill.end/);
    expect(() => writeEvent({ seq: 1, t: 0, type: 'bogus' } as unknown as DrillEvent)).toThrow(/unknown event type/);
  });

  it('keeps a `__proto__` fact key as data (and the schema rejects it)', () => {
    const facts = JSON.parse('{"__proto__":{"polluted":true},"a":1}') as Record<string, number>;
    expect(() => writeEvent({ seq: 1, t: 0, type: 'level.warranted', level: null, facts })).toThrow(TypeError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('the schema lists exactly the keys of EVENT_KEYS for every event type', () => {
    const schema = drillLogSchema() as { oneOf: { properties: Record<string, { const?: string }> }[] };
    const fromSchema = Object.fromEntries(schema.oneOf.map((b) => [b.properties.type.const, Object.keys(b.properties)]));
    expect(fromSchema).toEqual(Object.fromEntries(Object.entries(EVENT_KEYS).map(([k, v]) => [k, [...v, 'chain']])));
  });
});

describe('readLog', () => {
  const good = writeLog(numbered().slice(0, 4));

  it('skips a truncated last line (a crash mid-write) with a warning, keeping everything before it', () => {
    const cut = '{"seq":5,"t":150,"type":"step.done","step":"iso';
    const r = readLog(`${good}${cut}`, 'drill.jsonl');
    expect(r.events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    // the string never closes: the error is at the end of the line
    expect(where(r)).toEqual([`5:${cut.length + 1} warning drill-log/truncated`]);
    expect(r.diagnostics[0].messageZh).toContain('不完整');
  });

  it('reports a broken line in the middle as an error with line:column, and goes on', () => {
    const lines = good.split('\n');
    lines[1] = '{"seq":2,"t":0,"type":"inject",}';
    const r = readLog(lines.join('\n'), 'drill.jsonl');
    expect(where(r)).toEqual(['2:32 error drill-log/json']);
    expect(r.events.map((e) => e.seq)).toEqual([1, 3, 4]);
  });

  it('reports a cut-off line that still has its newline as an error, not a crash artefact', () => {
    const r = readLog(`${good}{"seq":5,"t":1\n`, 'drill.jsonl');
    expect(where(r)).toEqual(['5:15 error drill-log/json']);
    expect(r.diagnostics[0].message).toBe('Unexpected end of line in JSON');
  });

  it('rejects a hostile line: unknown keys, __proto__, wrong types — pointing at the key', () => {
    const hostile = '{"seq":5,"t":1,"type":"note","text":"<script>alert(1)</script>","source":"observer","__proto__":{"polluted":true}}';
    const r = readLog(`${good}${hostile}\n`, 'drill.jsonl');
    expect(r.events).toHaveLength(4);
    expect(where(r)).toEqual([`5:${hostile.indexOf('"__proto__"') + 1} error drill-log/schema`]);
    expect(r.diagnostics[0].message).toBe('Unexpected property `__proto__` in event');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects an unknown event type at its `type` key, and non-objects', () => {
    const r = readLog('{"seq":1,"t":0,"type":"rm -rf"}\n42\nnull\n[]\n', 'x.jsonl');
    expect(where(r)).toEqual([`1:${'{"seq":1,"t":0,'.length + 1} error drill-log/schema`, '2:1 error drill-log/schema', '3:1 error drill-log/schema', '4:1 error drill-log/schema']);
    expect(r.diagnostics[0].message).toContain('Unexpected event type `rm -rf`');
  });

  it('reports a missing field and a bad enum value', () => {
    const r = readLog('{"seq":1,"t":0,"type":"step.done","step":"alarm","role":"operator","source":"script"}\n{"seq":2,"t":0,"type":"drill.end","reason":"bored"}\n', 'x.jsonl');
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      'Unexpected missing property `match` in event',
      'Unexpected value of `reason`, expected one of ["script-complete","facilitator","terminated","timeout"]',
    ]);
    expect(where(r)[1]).toBe(`2:${'{"seq":2,"t":0,"type":"drill.end",'.length + 1} error drill-log/schema`);
  });

  it('refuses an over-long line without parsing it, and survives deep nesting', () => {
    const long = `{"seq":1,"t":0,"type":"note","source":"observer","text":"${'x'.repeat(MAX_LOG_LINE)}"}`;
    const deep = `${'['.repeat(200000)}${']'.repeat(200000)}`;
    const r = readLog(`${long}\n${deep}\n`, 'x.jsonl');
    expect(where(r)).toEqual(['1:1 error drill-log/line-too-long', '2:1 error drill-log/schema']);
  });

  it('enforces append-only order: a seq that does not increase is an error and skipped; time going back is a warning', () => {
    const lines = [
      '{"seq":1,"t":0,"type":"drill.start","scenario":"s","plan":"p","planHash":"h","scenarioHash":"h","mode":"live","seed":1}',
      '{"seq":2,"t":10,"type":"ack","role":"operator","source":"participant"}',
      '{"seq":2,"t":11,"type":"ack","role":"operator","source":"participant"}',
      '{"seq":3,"t":5,"type":"ack","role":"operator","source":"participant"}',
    ];
    const r = readLog(`${lines.join('\n')}\n`, 'x.jsonl');
    expect(where(r)).toEqual([`3:${'{'.length + 1} error drill-log/seq-order`, `4:${'{"seq":3,'.length + 1} warning drill-log/time-order`]);
    expect(r.events.map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('accepts CRLF, a BOM, blank lines and a last line without newline; warns when drill.start is missing', () => {
    const text = `\ufeff{"seq":1,"t":0,"type":"ack","role":"a","source":"participant"}\r\n\r\n{"seq":2,"t":1,"type":"ack","role":"b","source":"participant"}`;
    const r = readLog(text, 'x.jsonl');
    expect(r.events.map((e) => e.seq)).toEqual([1, 2]);
    expect(where(r)).toEqual(['1:1 warning drill-log/no-start']);
  });

  it('never throws on arbitrary text', () => {
    for (const text of ['', '\n\n', '}{', '\u0000', '"', '{"seq":1e400,"t":0,"type":"drill.end","reason":"timeout"}']) {
      expect(() => readLog(text, 'x.jsonl')).not.toThrow();
    }
  });
});

describe('jsonErrorOffset', () => {
  it('finds where JSON goes wrong (Node 20 does not always say)', () => {
    expect(jsonErrorOffset('{"a":1}')).toBe(-1);
    expect(jsonErrorOffset('{"a":}')).toBe(5);
    expect(jsonErrorOffset('{"a":1,}')).toBe(7);
    expect(jsonErrorOffset('{"a":"x')).toBe(7);
    expect(jsonErrorOffset('{"a":1} x')).toBe(8);
    expect(jsonErrorOffset('[1,2,{"b":[true,null,"\\u00e9"]}]')).toBe(-1);
  });
});
