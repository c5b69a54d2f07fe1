import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostics.js';
import { MAX_YAML_ALIASES, parseYaml } from './yaml.js';

const at = (d: Diagnostic | undefined) => (d?.place ? `${d.place.start.line}:${d.place.start.column}` : 'none');
const rules = (ds: Diagnostic[]) => ds.map((d) => d.ruleId);
const errors = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 'error');

const BASE = `# yaml-language-server: $schema=../../schemas/plan.schema.json
plan:
  id: t
  title: 测试预案
  kind: special
  version: "1.0"
  issued: 2024-03-01
facts:
  - { id: leak_kg, label: 泄漏量, type: number, unit: kg }
  - { id: fire, type: boolean }
roles:
  - id: op
    name: 操作工
    deputies: 副操作工
    duties: 报警；关阀
  - id: boss
    name: 总指挥
    deputies: [op]
levels:
  - id: IV
    trigger: "leak_kg < 100"
    decidedBy: 总指挥
    activation: 5分钟
  - id: III
    trigger: leak_kg >= 100
steps:
  - id: alarm
    action: 报警
    role: 操作工
    deadline: 1分钟
    levels: all
    resources: "scba×2, suit"
  - id: isolate
    action: 关阀
    role: op
    after: alarm
    levels: [III]
    resources: [{ resource: scba, quantity: 1 }, detector×3]
    condition: 'not fire'
escalations:
  - { from: IV, to: III, when: "leak_kg >= 100" }
termination:
  when: not fire
  decidedBy: boss
  followUp: 24小时
sections:
  - { title: 1 适用范围, text: "本预案适用于……" }
  - key: other
    title: 附录
    depth: 3
    text: |
      第一行
      第二行
`;

describe('parseYaml: valid plans', () => {
  const { plan, diagnostics } = parseYaml(BASE, 'plans/t.yaml');

  it('builds the model without diagnostics', () => {
    expect(diagnostics).toEqual([]);
    expect(plan).toBeDefined();
    expect(plan!.format).toBe('yaml');
    expect(plan!.meta).toMatchObject({ id: 't', title: '测试预案', kind: 'special', version: '1.0', issued: '2024-03-01' });
  });

  it('reads string-or-list fields', () => {
    expect(plan!.roles[0]).toMatchObject({ deputies: ['副操作工'], duties: ['报警', '关阀'] });
    expect(plan!.roles[1].deputies).toEqual(['op']);
    expect(plan!.steps[1].after).toEqual(['alarm']);
    expect(plan!.steps[0].resources.map(({ resource, quantity }) => ({ resource, quantity }))).toEqual([
      { resource: 'scba', quantity: 2 }, { resource: 'suit', quantity: undefined }]);
    expect(plan!.steps[1].resources.map(({ resource, quantity }) => ({ resource, quantity }))).toEqual([
      { resource: 'scba', quantity: 1 }, { resource: 'detector', quantity: 3 }]);
  });

  it('keeps level specs as text and level lists as ids', () => {
    expect(plan!.steps[0]).toMatchObject({ levelsText: 'all', levels: [] });
    expect(plan!.steps[1].levels).toEqual(['III']);
    expect(plan!.steps[1].levelsText).toBeUndefined();
  });

  it('ranks levels and resolves role names (finish pass ran)', () => {
    expect(plan!.levels.map((l) => [l.id, l.rank])).toEqual([['IV', 4], ['III', 3]]);
    expect(plan!.steps[0].role).toBe('op');
    expect(plan!.levels[0].decidedBy).toBe('boss');
    expect(plan!.steps[0].deadline).toMatchObject({ text: '1分钟', seconds: 60 });
    expect(plan!.termination?.followUp?.seconds).toBe(86400);
    expect(plan!.levels[0].trigger?.ast).toBeDefined();
  });

  it('records places of nodes and fields', () => {
    const step = plan!.steps[0];
    expect(`${step.place!.start.line}:${step.place!.start.column}`).toBe('27:5');
    expect(step.fields!.deadline.start).toMatchObject({ line: 30, column: 15 });
    expect(step.deadline!.place!.start).toMatchObject({ line: 30, column: 15 });
    expect(plan!.meta.fields!.issued.start).toMatchObject({ line: 7, column: 11 });
    expect(plan!.place!.start.offset).toBe(0);
    expect(plan!.place!.end.offset).toBe(BASE.length);
  });

  it('points trigger textOffset at the text, inside quotes', () => {
    const quoted = plan!.levels[0].trigger!;
    expect(BASE.slice(quoted.textOffset!, quoted.textOffset! + quoted.text.length)).toBe('leak_kg < 100');
    expect(BASE[quoted.textOffset! - 1]).toBe('"');
    const single = plan!.steps[1].condition!;
    expect(BASE.slice(single.textOffset!, single.textOffset! + single.text.length)).toBe('not fire');
    const plain = plan!.levels[1].trigger!;
    expect(BASE.slice(plain.textOffset!, plain.textOffset! + plain.text.length)).toBe('leak_kg >= 100');
  });

  it('derives section keys, defaults depth, trims block text', () => {
    expect(plan!.sections).toMatchObject([
      { key: 'scope', title: '1 适用范围', depth: 2, text: '本预案适用于……' },
      { key: 'other', title: '附录', depth: 3, text: '第一行\n第二行' },
    ]);
  });

  it('maps expression errors to exact file columns', () => {
    const src = BASE.replace('trigger: "leak_kg < 100"', 'trigger: "leak_kgg < 100"');
    const r = parseYaml(src, 't.yaml');
    const d = r.diagnostics.find((x) => x.ruleId === 'trigger/unknown-fact');
    expect(d).toBeDefined();
    const line = src.split('\n').findIndex((l) => l.includes('leak_kgg')) + 1;
    expect(at(d)).toBe(`${line}:${'    trigger: "'.length + 1}`);
  });

  it('stores YAML 1.1 timestamps as ISO dates', () => {
    const r = parseYaml(`%YAML 1.1\n---\nplan: { id: a, title: b, kind: general, issued: 2024-03-01 }\n`, 'a.yaml');
    expect(errors(r.diagnostics)).toEqual([]);
    expect(r.plan!.meta.issued).toBe('2024-03-01');
  });

  it('reads JSON (which is YAML)', () => {
    const r = parseYaml(JSON.stringify({ plan: { id: 'j', title: 'J', kind: 'onsite' }, levels: [{ id: 'I' }], steps: [{ id: 's', action: 'a', levels: ['I'] }] }, null, 2), 'j.json');
    expect(r.diagnostics.filter((d) => d.ruleId.startsWith('parse/'))).toEqual([]);
    expect(r.plan!.steps[0].levels).toEqual(['I']);
  });
});

describe('parseYaml: schema errors', () => {
  it('places a misspelt key at the key, with a hint and the allowed keys', () => {
    const src = BASE.replace('    deadline: 1分钟', '    deadine: 1分钟');
    const r = parseYaml(src, 't.yaml');
    const d = r.diagnostics.filter((x) => x.ruleId === 'parse/schema');
    expect(d).toHaveLength(1);
    expect(at(d[0])).toBe('30:5');
    expect(d[0].place!.end).toMatchObject({ line: 30, column: 12 });
    expect(d[0].message).toBe('Unexpected property `deadine` in a step, expected one of: id, action, role, alternatives, support, obligation, deadline, after, afterAny, levels, resources, notify, condition (did you mean `deadline`?)');
    expect(d[0].messageZh).toContain('处置步骤中有未知属性 `deadine`');
    // The model is still built from what is valid.
    expect(r.plan!.steps).toHaveLength(2);
    expect(r.plan!.steps[0].deadline).toBeUndefined();
  });

  it('lists allowed values of an enum at the value', () => {
    const r = parseYaml(BASE.replace('  kind: special', '  kind: specal'), 't.yaml');
    const d = r.diagnostics.find((x) => x.ruleId === 'parse/schema')!;
    expect(at(d)).toBe('5:9');
    expect(d.message).toBe('Unexpected `specal` for `kind` of the plan metadata (`plan`), expected one of: general, special, onsite');
    expect(d.messageZh).toContain('general、special、onsite');
    expect(r.plan).toBeDefined();
  });

  it('names a missing required key at the map that lacks it', () => {
    const r = parseYaml(BASE.replace('    action: 关阀\n', ''), 't.yaml');
    const d = r.diagnostics.find((x) => x.ruleId === 'parse/schema')!;
    expect(d.message).toBe('Missing required property `action` in a step, expected `action: …`');
    expect(at(d)).toBe('33:5');
    expect(r.plan!.steps[1]).toMatchObject({ id: 'isolate', action: '' });
  });

  it('reports wrong types as diagnostics, not crashes', () => {
    const src = `plan: { id: w, title: W, kind: general }
roles: "x"
levels:
  - id: I
    trigger: 5
steps:
  - id: s
    action: 7
    after: { a: 1 }
    resources: [5]
    deadline: [1]
escalations:
  - { from: I, to: II }
termination: yes
sections: [{ title: T, depth: 9 }]
`;
    const r = parseYaml(src, 'w.yaml');
    const schema = r.diagnostics.filter((d) => d.ruleId === 'parse/schema');
    const byPlace = Object.fromEntries(schema.map((d) => [at(d), d.message]));
    expect(byPlace['2:8']).toBe('Unexpected string `x` for `roles`, expected a list');
    expect(byPlace['5:14']).toBe('Unexpected integer `5` for `trigger` of a response level, expected a string (quote it: "5")');
    expect(byPlace['8:13']).toMatch(/`action` of a step, expected a string/);
    expect(byPlace['9:12']).toMatch(/expected a list or a string/);
    expect(byPlace['11:15']).toBe('Unexpected list `[…]` for `deadline` of a step, expected a string');
    expect(byPlace['10:17']).toMatch(/a resource demand, expected a map \(key: value\) or a string/);
    expect(byPlace['13:5']).toBe('Missing required property `when` in an escalation rule, expected `when: …`');
    expect(byPlace['14:14']).toMatch(/the termination/);
    expect(byPlace['15:31']).toMatch(/expected a number <= 6/);
    expect(r.plan).toBeDefined();
    expect(r.plan!.levels[0].trigger).toBeUndefined();
    expect(r.plan!.steps[0]).toMatchObject({ id: 's', action: '', after: [], resources: [] });
    expect(r.plan!.escalations).toEqual([]);
    expect(r.plan!.sections[0].depth).toBe(2);
  });

  it('requires values for enum facts', () => {
    const r = parseYaml('plan: { id: e, title: E, kind: general }\nfacts:\n  - { id: w, type: enum }\n', 'e.yaml');
    const d = r.diagnostics.filter((x) => x.ruleId === 'parse/schema');
    expect(d.map((x) => [at(x), x.message])).toEqual([['3:5', 'Missing required property `values` in a fact, expected `values: …`']]);
  });

  it('checks id patterns and dates', () => {
    const r = parseYaml('plan: { id: "a b", title: E, kind: general, issued: 2024/03/01 }\n', 'e.yaml');
    expect(r.diagnostics.filter((x) => x.ruleId === 'parse/schema').map((x) => [at(x), x.message.split(',')[0]])).toEqual([
      ['1:13', 'Unexpected id `a b` for `id` of the plan metadata (`plan`)'],
      ['1:53', 'Unexpected date `2024/03/01` for `issued` of the plan metadata (`plan`)'],
    ]);
  });

  it('accepts CJK ids', () => {
    const r = parseYaml('plan: { id: 危化品泄漏, title: E, kind: general }\nroles: [{ id: 总指挥, name: 总指挥 }]\n', 'e.yaml');
    expect(r.diagnostics).toEqual([]);
  });

  it('reports a missing plan key and non-map roots', () => {
    expect(rules(parseYaml('steps: []\n', 'a.yaml').diagnostics)).toEqual(['parse/schema']);
    const list = parseYaml('- a\n- b\n', 'a.yaml');
    expect(list.plan).toBeUndefined();
    expect(list.diagnostics.map((d) => [d.ruleId, at(d)])).toEqual([['parse/schema', '1:1']]);
    const empty = parseYaml('', 'a.yaml');
    expect(empty.plan).toBeUndefined();
    expect(rules(empty.diagnostics)).toEqual(['parse/schema']);
    expect(rules(parseYaml('# only a comment\n', 'a.yaml').diagnostics)).toEqual(['parse/schema']);
  });
});

describe('parseYaml: syntax and hostile input', () => {
  it('reports a syntax error at its place', () => {
    const r = parseYaml('plan:\n  id: "t\n  title: x\n', 't.yaml');
    expect(r.plan).toBeUndefined();
    expect(r.diagnostics[0]).toMatchObject({ ruleId: 'parse/syntax', severity: 'error' });
    expect(at(r.diagnostics[0])).toBe('2:7');
    expect(at(parseYaml("a: 'x\nb: 1\n", 't.yaml').diagnostics[0])).toBe('1:4');
    const flow = parseYaml('a: [1, 2\nb: 3\n', 't.yaml');
    expect(flow.diagnostics.map((d) => [d.ruleId, at(d)])).toEqual([['parse/syntax', '2:1']]);
    expect(flow.diagnostics[0].messageZh).toMatch(/^YAML 语法错误：/);
  });

  it('reports a duplicate key at the second key', () => {
    const r = parseYaml('plan:\n  id: a\n  title: t\n  id: b\n  kind: general\n', 't.yaml');
    expect(r.plan).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.ruleId, at(d), d.message])).toEqual([
      ['parse/syntax', '4:3', 'Unexpected duplicate key `id`, expected each key once per map']]);
  });

  it('refuses several documents in one file', () => {
    const r = parseYaml('plan: { id: a, title: t, kind: general }\n---\nplan: {}\n', 't.yaml');
    expect(r.diagnostics.map((d) => [d.ruleId, at(d)])).toEqual([['parse/syntax', '2:1']]);
  });

  it('warns about unknown tags', () => {
    const r = parseYaml('plan: { id: a, title: !x t, kind: general }\n', 't.yaml');
    expect(r.diagnostics.map((d) => [d.ruleId, d.severity, at(d)])).toEqual([['parse/syntax', 'warning', '1:23']]);
    expect(r.plan).toBeDefined();
  });

  // Speed on hostile input is measured in `npm run bench hostile`; here: the limits that keep it bounded are hit.
  it('refuses an alias bomb (the expansion stops at MAX_YAML_ALIASES)', () => {
    const lines = ['plan: { id: a, title: t, kind: general }', 'x0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) lines.push(`x${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]`);
    const r = parseYaml(`${lines.join('\n')}\n`, 'bomb.yaml');
    expect(r.plan).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.ruleId, at(d)])).toEqual([['parse/alias-bomb', '3:10']]);
    expect(r.diagnostics[0].message).toContain(`more than ${MAX_YAML_ALIASES}`);
    expect(r.diagnostics[0].message).toContain('expected a plan without exponential aliases');
  });

  it('allows ordinary aliases', () => {
    const r = parseYaml('plan: { id: a, title: t, kind: general }\nx: &n 总指挥\nroles: [{ id: c, name: *n }]\n', 'a.yaml');
    expect(rules(r.diagnostics)).toEqual(['parse/schema']); // `x` is not a plan key
    expect(r.plan!.roles[0].name).toBe('总指挥');
  });

  const deep: [string, string][] = [
    ['flow sequences', `${'['.repeat(10_000)}${']'.repeat(10_000)}`],
    ['flow maps', `${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}`],
    ['block maps', Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')],
    ['block sequences', `${'- '.repeat(10_000)}x`],
    ['mixed', `plan:\n  x: ${'[{a: '.repeat(5_000)}`],
  ];
  for (const [name, src] of deep) {
    it(`refuses 10,000-deep ${name} without overflowing the stack`, () => {
      const r = parseYaml(src, 'deep.yaml');
      expect(r.plan).toBeUndefined();
      expect(rules(r.diagnostics)).toContain('parse/too-deep');
      expect(rules(r.diagnostics)).not.toContain('parse/internal');
    });
  }

  it('refuses depth hidden behind aliases', () => {
    const inner = `${'['.repeat(60)}1${']'.repeat(60)}`;
    const r = parseYaml(`a: &a ${inner}\nb: ${'['.repeat(60)}*a${']'.repeat(60)}\n`, 'deep.yaml');
    expect(rules(r.diagnostics)).toEqual(['parse/too-deep']);
    expect(r.diagnostics[0].message).toContain('expected a plan nested a few levels deep');
    expect(r.diagnostics[0].messageZh).toContain('预案通常只需几层');
  });

  it('accepts nesting up to the limit', () => {
    const r = parseYaml(`plan: { id: a, title: t, kind: general }\nx: ${'['.repeat(90)}${']'.repeat(90)}\n`, 'a.yaml');
    expect(rules(r.diagnostics)).toEqual(['parse/schema']);
  });

  it('never throws, whatever the input', () => {
    const alphabet = fc.constantFrom(...'ab: -[]{}&*!|>"\'#%@`,?\n\t 1.\\~'.split(''), 'plan:', 'steps:', '  ', 'id: ', '<<: ');
    fc.assert(fc.property(fc.array(alphabet, { maxLength: 80 }).map((a) => a.join('')), (src) => {
      const r = parseYaml(src, 'fuzz.yaml');
      expect(Array.isArray(r.diagnostics)).toBe(true);
      expect(rules(r.diagnostics)).not.toContain('parse/internal');
      for (const d of r.diagnostics) expect(d.place).toBeDefined();
    }), { numRuns: 400 });
  });

  it('never throws on schema-shaped but ill-typed values', () => {
    const anyValue = fc.jsonValue({ maxDepth: 3 });
    const keys = ['plan', 'facts', 'roles', 'warnings', 'levels', 'steps', 'escalations', 'termination', 'resources', 'reports', 'sections'];
    fc.assert(fc.property(fc.dictionary(fc.constantFrom(...keys), fc.oneof(anyValue, fc.array(fc.dictionary(fc.string({ maxLength: 8 }), anyValue)))), (value) => {
      const r = parseYaml(JSON.stringify(value), 'fuzz.json');
      expect(rules(r.diagnostics)).not.toContain('parse/internal');
    }), { numRuns: 100 });
  });
});

/** Every plan file under `plans/` with a YAML/JSON extension (outside `plans/defective/`), found at test time. */
function yamlPlans(dir = 'plans'): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) { if (e.name !== 'defective') out.push(...yamlPlans(p)); } else if (/\.(ya?ml|json)$/i.test(e.name) && !/\.expected\.ya?ml$/i.test(e.name)) out.push(p);
  }
  return out.sort();
}

describe('parseYaml: the plans in the repository', () => {
  const files = yamlPlans();
  it('has YAML plans to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });
  for (const file of files) {
    it(`parses ${file} without errors`, () => {
      const r = parseYaml(readFileSync(file, 'utf8'), file);
      expect(errors(r.diagnostics).map((d) => `${at(d)} ${d.ruleId} ${d.message}`)).toEqual([]);
      expect(r.plan).toBeDefined();
      expect(r.plan!.meta.id).not.toBe('');
    });
  }
});
