import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostics.js';
import { parsePlanFile } from '../parse/index.js';
import { EXPECT_GAP_KINDS } from '../score/expect.js';
import { testScenario } from '../score/drill-test.js';
import { checkScenario, loadDrill, loadScenario, parseOffset, parseScenario, resolvePlanPath, scenarioToYaml } from './scenario.js';
import type { Scenario } from './types.js';

const at = (d: Diagnostic | undefined) => (d?.place ? `${d.place.start.line}:${d.place.start.column}` : 'none');
const brief = (ds: Diagnostic[]) => ds.map((d) => `${at(d)} ${d.ruleId}`);
const leakPlan = parsePlanFile('plans/chem/hazardous-chemical-leak.md').plan!;

/** A scenario without source details (places, file), for comparing models read from different sources. */
function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([k, v]) => !['place', 'fields', 'file'].includes(k) && v !== undefined).map(([k, v]) => [k, strip(v)]));
}

const YAML_SCENARIOS = readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).map((f) => join('scenarios', f));

describe('example scenarios', () => {
  it('there are at least four', () => {
    expect(YAML_SCENARIOS.length).toBeGreaterThanOrEqual(4);
  });

  for (const file of YAML_SCENARIOS) {
    it(`${file} parses and checks against its plan without diagnostics`, () => {
      const r = loadDrill(file);
      expect(r.diagnostics.map((d) => `${at(d)} ${d.ruleId} ${d.message}`)).toEqual([]);
      expect(r.scenario!.injects.length).toBeGreaterThan(0);
      expect(r.scenario!.expect).toBeDefined();
      expect(r.plan).toBeDefined();
    });

    it(`${file} meets its own expect: block when run scripted and scored`, () => {
      const r = testScenario(file);
      expect(r.errors).toEqual([]);
      expect(r.assertions.filter((a) => !a.ok).map((a) => `${a.name}: ${a.message}`)).toEqual([]);
      expect(r.assertions.length).toBeGreaterThan(3);
    });

    it(`${file} survives scenarioToYaml → parseScenario`, () => {
      const first = loadScenario(file).scenario!;
      const again = parseScenario(scenarioToYaml(first), file);
      expect(again.diagnostics).toEqual([]);
      expect(strip(again.scenario)).toEqual(strip(first));
    });
  }
});

const HEAD = `scenario:
  id: t
  title: 测试
  plan: ../plans/chem/hazardous-chemical-leak.md
`;

function check(src: string): { scenario?: Scenario; diagnostics: Diagnostic[] } {
  const r = parseScenario(src, 'scenarios/t.yaml');
  return { scenario: r.scenario, diagnostics: [...r.diagnostics, ...(r.scenario ? checkScenario(r.scenario, leakPlan) : [])] };
}

describe('parseScenario', () => {
  it('reads the documented example', () => {
    const { scenario, diagnostics } = check(`${HEAD}  type: tabletop
  scope: comprehensive
  seed: 7
objectives:
  - { id: o1, text: 5分钟内启动响应, steps: [assess], within: 5min }
injects:
  - id: i1
    at: 0min
    from: 中控室
    to: [operator]
    message: 液氨储罐区可燃/有毒气体报警器报警，现场可见白雾
    facts: { leak_kg: 50, injured: 0 }
    expected:
      - { role: operator, step: alarm, within: 1min }
actions:
  - { at: 40s, role: operator, step: alarm }
  - { at: 4min, role: duty-officer, level: IV }
  - { at: 6min, role: rescue-team, text: 关闭储罐出口阀 }
  - { at: 7min, role: duty-officer, notify: deputy }
expect:
  level: II
  score: ">= 70"
  noGaps: [wrong-role]
weights: { time: 0.4, coordination: 0.35, effect: 0.25 }
`);
    expect(diagnostics).toEqual([]);
    expect(strip(scenario)).toEqual({
      id: 't', title: '测试', plan: '../plans/chem/hazardous-chemical-leak.md', type: 'tabletop', scope: 'comprehensive', seed: 7,
      objectives: [{ id: 'o1', text: '5分钟内启动响应', steps: ['assess'], within: 300 }],
      injects: [{ id: 'i1', at: 0, atText: '0min', from: '中控室', to: ['operator'], message: '液氨储罐区可燃/有毒气体报警器报警，现场可见白雾',
        facts: { leak_kg: 50, injured: 0 }, expected: [{ role: 'operator', step: 'alarm', within: 60, withinText: '1min' }] }],
      actions: [
        { at: 40, atText: '40s', role: 'operator', kind: 'step', step: 'alarm' },
        { at: 240, atText: '4min', role: 'duty-officer', kind: 'level', level: 'IV' },
        { at: 360, atText: '6min', role: 'rescue-team', kind: 'step', text: '关闭储罐出口阀' },
        { at: 420, atText: '7min', role: 'duty-officer', kind: 'notify', to: 'deputy' },
      ],
      expect: { level: 'II', score: '>= 70', noGaps: ['wrong-role'] },
      weights: { time: 0.4, coordination: 0.35, effect: 0.25 },
    });
    expect(scenario!.file).toBe('scenarios/t.yaml');
    expect(resolvePlanPath(scenario!)).toMatch(/plans\/chem\/hazardous-chemical-leak\.md$/);
  });

  it('keeps places on every node and field', () => {
    const { scenario } = check(`${HEAD}injects:\n  - id: i1\n    at: 5min\n    to: [operator, duty-officer]\n    message: 报警\n    facts: { leak_kg: 50 }\n`);
    const inj = scenario!.injects[0];
    expect(at({ place: inj.place } as Diagnostic)).toBe('6:5');
    expect(inj.fields!.at.start).toMatchObject({ line: 7, column: 9 });
    expect(inj.fields!['to[1]'].start).toMatchObject({ line: 8, column: 20 });
    expect(inj.fields!['facts.leak_kg'].start).toMatchObject({ line: 10, column: 23 });
    expect(inj.fields!['facts.leak_kg.key'].start).toMatchObject({ line: 10, column: 14 });
    expect(scenario!.fields!.plan.start).toMatchObject({ line: 4, column: 9 });
  });

  it('defaults type, scope and seed', () => {
    const { scenario } = check(`${HEAD}injects: [{ id: i1, at: 0, message: m }]\n`);
    expect(scenario).toMatchObject({ type: 'tabletop', scope: 'single', seed: 0, objectives: [], actions: [] });
    expect(scenario!.injects[0].to).toEqual([]);
  });

  it('reads every documented offset form', () => {
    const forms: [string | number, number][] = [[0, 0], ['0', 0], ['90s', 90], ['5min', 300], ['T+00:05:00', 300], ['00:05:00', 300],
      ['5分钟', 300], ['T+5min', 300], ['0:30', 1800], ['1h30m', 5400], ['半小时', 1800], ['PT5M', 300], ['T＋1小时', 3600]];
    for (const [text, seconds] of forms) expect(parseOffset(text), String(text)).toEqual({ ok: true, seconds });
    for (const bad of ['soon', '-5min', '00:75', '响应启动后5分钟', '', 'T+']) expect(parseOffset(bad).ok, bad).toBe(false);
  });

  it('infers the kind of a scripted action from its keys', () => {
    const { scenario, diagnostics } = check(`${HEAD}injects: [{ id: i1, at: 0, message: m }]
actions:
  - { at: 1min, role: commander, terminate: true }
  - { at: 1min, role: deputy, ack: true }
  - { at: 1min, role: deputy, note: 已到场 }
  - { at: 1min, role: deputy, kind: notify, to: commander }
  - { at: 1min, role: 值班长, level: Ⅳ级 }
`);
    expect(diagnostics).toEqual([]);
    expect(scenario!.actions.map((a) => [a.kind, a.role, a.level ?? a.to ?? a.text ?? ''])).toEqual([
      ['terminate', 'commander', ''], ['ack', 'deputy', ''], ['note', 'deputy', '已到场'], ['notify', 'deputy', 'commander'], ['level', 'duty-officer', 'IV'],
    ]);
  });

  it('writes a level expectation as `level:II` and resolves names to ids', () => {
    const { scenario, diagnostics } = check(`${HEAD}injects:
  - id: i1
    at: 0
    to: 总经理
    message: m
    expected: [{ role: 总指挥, level: 公司级 }]
expect: { level: 二级 }
`);
    expect(diagnostics).toEqual([]);
    expect(scenario!.injects[0].to).toEqual(['commander']);
    expect(scenario!.injects[0].expected[0]).toMatchObject({ role: 'commander', step: 'level:II' });
    expect(scenario!.expect!.level).toBe('II');
  });
});

describe('diagnostics at exact places', () => {
  it('a typo in a role, in `to`, an expected action, an action and a notify target', () => {
    const { diagnostics } = check(`${HEAD}injects:
  - id: i1
    at: 0
    to: [operator, resuce-team]
    message: m
    expected:
      - { role: medcal-team, step: first-aid }
actions:
  - { at: 6min, role: resuce-team, text: 关闭储罐出口阀 }
  - { at: 7min, role: duty-officer, notify: depty }
`);
    expect(brief(diagnostics)).toEqual([
      '8:20 scenario/unknown-role', '11:17 scenario/unknown-role', '13:23 scenario/unknown-role', '14:45 scenario/unknown-role',
    ]);
    expect(diagnostics[0].message).toBe('Unexpected role `resuce-team`, expected `rescue-team`, the closest defined role');
    expect(diagnostics[0].messageZh).toBe('未定义的角色 `resuce-team`，是否应为 `rescue-team`（最接近的已定义角色）');
    expect(diagnostics[0].place!.end).toMatchObject({ line: 8, column: 31 });
  });

  it('a role nothing is close to lists the roles', () => {
    const { diagnostics } = check(`${HEAD}injects: [{ id: i1, at: 0, to: [消防大队], message: m }]\n`);
    expect(diagnostics[0].message).toMatch(/^Unexpected role `消防大队`, expected one of: commander, deputy, safety-director, duty-officer, operator/);
    expect(at(diagnostics[0])).toBe('5:33');
  });

  it('unknown steps and levels', () => {
    const { diagnostics } = check(`${HEAD}objectives:
  - { id: o1, text: x, steps: [assess, asses] }
injects:
  - id: i1
    at: 0
    message: m
    expected:
      - { role: operator, step: isolat }
      - { role: duty-officer, level: V }
actions:
  - { at: 1min, role: operator, step: alarn }
  - { at: 2min, role: duty-officer, level: 0级 }
expect: { level: X }
`);
    expect(brief(diagnostics)).toEqual([
      '6:40 scenario/unknown-step', '12:33 scenario/unknown-step', '13:38 scenario/unknown-level',
      '15:39 scenario/unknown-step', '16:44 scenario/unknown-level', '17:18 scenario/unknown-level',
    ]);
    expect(diagnostics[1].message).toBe('Unexpected step `isolat`, expected `isolate`, the closest defined step');
  });

  it('a bad offset and a bad time limit', () => {
    const { diagnostics } = check(`${HEAD}injects:
  - id: i1
    at: 稍后
    message: m
    expected: [{ role: operator, step: alarm, within: 响应启动后1分钟 }]
`);
    expect(brief(diagnostics)).toEqual(['7:9 scenario/time', '9:55 scenario/time']);
    expect(diagnostics[0].message).toMatch(/^Unexpected time `稍后`, expected an offset from the drill start/);
    expect(diagnostics[0].messageZh).toMatch(/^无法识别的时间/);
  });

  it('a bare number is read as seconds, with a warning', () => {
    const { scenario, diagnostics } = check(`${HEAD}injects: [{ id: i1, at: 5, message: m }]\n`);
    expect(brief(diagnostics)).toEqual(['5:25 scenario/bare-number']);
    expect(diagnostics[0].severity).toBe('warning');
    expect(scenario!.injects[0].at).toBe(5);
  });

  it('injects out of time order, and duplicate ids', () => {
    const { diagnostics } = check(`${HEAD}injects:
  - { id: i1, at: 0, message: a }
  - { id: i2, at: 10min, message: b }
  - { id: i3, at: 5min, message: c }
  - { id: i2, at: 10min, message: d }
`);
    expect(brief(diagnostics)).toEqual(['9:11 scenario/duplicate-id', '8:19 scenario/inject-order']);
    const order = diagnostics.find((d) => d.ruleId === 'scenario/inject-order')!;
    expect(order.message).toBe('Unexpected inject `i3` at 5min after `i2` at 10min, expected injects in time order');
    expect(diagnostics[0].related![0].place!.start).toMatchObject({ line: 7, column: 11 });
  });

  it('facts the plan does not declare, or of the wrong type', () => {
    const { diagnostics } = check(`${HEAD}injects:
  - id: i1
    at: 0
    message: m
    facts: { leak_kgs: 5, injured: 1.5, fire: "yes", gas_ppm: -3, leak_kg: 多 }
`);
    expect(brief(diagnostics)).toEqual(['9:14 scenario/unknown-fact', '9:36 scenario/fact-type', '9:47 scenario/fact-type', '9:63 scenario/fact-type', '9:76 scenario/fact-type']);
    expect(diagnostics[0].message).toBe('Unexpected fact `leak_kgs`, expected `leak_kg`, the closest defined fact');
    expect(diagnostics[1].message).toBe('Unexpected 1.5 for fact `injured` (integer), expected an integer');
    expect(diagnostics[3].message).toBe('Unexpected -3 for fact `gas_ppm`, expected a value >= 0 ppm');
  });

  it('an expected action given to a role the plan does not make responsible', () => {
    const { diagnostics } = check(`${HEAD}injects:
  - id: i1
    at: 0
    message: m
    expected: [{ role: medical-team, step: shutdown }, { role: duty-officer, step: assess }]
`);
    expect(brief(diagnostics)).toEqual(['9:24 scenario/expected-role']);
    expect(diagnostics[0].severity).toBe('warning');
  });

  it('schema violations at the offending key or value', () => {
    const { diagnostics } = check(`scenario:
  id: t
  title: 测试
  plan: p.md
  type: drill
  sede: 3
injects:
  - { id: i 1, at: 0, message: m, expected: [{ role: operator }] }
expect: { score: "about 80", gaps: [wrong-rol] }
`);
    expect(brief(diagnostics)).toEqual(['5:9 parse/schema', '6:3 parse/schema', '8:11 parse/schema', '8:46 parse/schema', '9:18 parse/schema', '9:37 parse/schema']);
    expect(diagnostics[1].message).toBe('Unexpected property `sede` in the scenario metadata (`scenario`), expected one of: id, title, plan, type, scope, seed (did you mean `seed`?)');
    expect(diagnostics[3].message).toBe('Missing `step`, `level` or `text` in an expected action, expected what the role should do');
    expect(diagnostics[5].message).toMatch(/^Unexpected `wrong-rol` for a gap kind, expected one of: wrong-role, duplicated, .* \(did you mean `wrong-role`\?\)$/);
  });

  it('an action with two kinds, or missing what its kind needs', () => {
    const { diagnostics } = check(`${HEAD}injects: [{ id: i1, at: 0, message: m }]
actions:
  - { at: 1min, role: duty-officer, level: IV, notify: deputy }
  - { at: 1min, role: duty-officer, kind: level }
  - { at: 1min, role: duty-officer }
`);
    expect(brief(diagnostics)).toEqual(['7:48 scenario/action-kind', '8:5 scenario/action-kind', '9:5 scenario/action-kind']);
  });

  it('contradictory expectations', () => {
    const { diagnostics } = check(`${HEAD}injects: [{ id: i1, at: 0, message: m }]\nexpect: { gaps: [duplicated, wrong-role], noGaps: [wrong-role] }\n`);
    expect(brief(diagnostics)).toEqual(['6:30 scenario/expect-conflict']);
  });

  it('a plan that cannot be read is reported at `plan:`', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yuan-scenario-'));
    writeFileSync(join(dir, 's.yaml'), `${HEAD.replace('../plans/chem/hazardous-chemical-leak.md', 'missing.md')}injects: [{ id: i1, at: 0, message: m }]\n`);
    const r = loadDrill(join(dir, 's.yaml'));
    expect(brief(r.diagnostics)).toEqual(['4:9 scenario/plan']);
    expect(r.plan).toBeUndefined();
  });

  it('a defective plan can still be drilled: its own diagnostics are kept apart', () => {
    const r = loadDrill('scenarios/leak-deadline-fails.yaml');
    expect(r.diagnostics).toEqual([]);
    expect(r.planDiagnostics.map((d) => d.ruleId)).toContain('parse/unknown-level');
  });
});

describe('hostile scenario files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yuan-hostile-'));
  const write = (name: string, content: string | Buffer) => { const f = join(dir, name); writeFileSync(f, content); return f; };

  it('an alias bomb is refused (the expansion stops at the alias limit)', () => {
    const lines = [HEAD.trimEnd(), 'x0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) lines.push(`x${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]`);
    const r = loadScenario(write('bomb.yaml', `${lines.join('\n')}\n`));
    expect(r.scenario).toBeUndefined();
    expect(brief(r.diagnostics)).toEqual(['6:10 parse/alias-bomb']);
    expect(r.diagnostics[0].message).toContain('expected a scenario without exponential aliases');
  });

  for (const [name, src] of [
    ['flow sequences', `injects: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`],
    ['flow maps', `scenario: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`],
    ['block sequences', `injects:\n  ${'- '.repeat(10_000)}x\n`],
  ] as const) {
    it(`10,000-deep ${name} are refused without overflowing the stack`, () => {
      const r = loadScenario(write('deep.yaml', src));
      expect(r.scenario).toBeUndefined();
      expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['parse/too-deep']);
      expect(r.diagnostics[0].message).toContain('expected a scenario nested a few levels deep');
      expect(r.diagnostics[0].messageZh).toContain('演练脚本通常只需几层');
    });
  }

  it('a second YAML document is a syntax error that names the scenario', () => {
    const r = parseScenario(`${HEAD}injects: [{ id: i1, at: 0, message: m }]\n---\nx: 1\n`, 's.yaml');
    expect(r.scenario).toBeUndefined();
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['parse/syntax']);
    expect(r.diagnostics[0].messageZh).toContain('一个文件只能写一个演练脚本');
  });

  it('a 50 MB file is refused unread', () => {
    const r = loadScenario(write('huge.yaml', Buffer.alloc(50 * 1024 * 1024, 0x61)));
    expect(brief(r.diagnostics)).toEqual(['1:1 parse/too-large']);
    expect(r.source).toBeUndefined();
  });

  it('binary data, syntax errors, several documents and empty files', () => {
    expect(brief(loadScenario(write('bin.yaml', Buffer.from([0x73, 0x3a, 0x00, 0xff]))).diagnostics)).toEqual(['1:3 parse/binary']);
    expect(brief(parseScenario(`${HEAD}injects: [\n`, 's.yaml').diagnostics)[0]).toMatch(/^\d+:\d+ parse\/syntax$/);
    expect(brief(parseScenario(`${HEAD}---\nx: 1\n`, 's.yaml').diagnostics)).toEqual(['5:1 parse/syntax']);
    expect(brief(parseScenario('', 's.yaml').diagnostics)).toEqual(['1:1 parse/schema']);
    expect(brief(parseScenario('- a\n', 's.yaml').diagnostics)).toEqual(['1:1 parse/schema']);
  });
});

describe('docs/drills.md stays honest', () => {
  const doc = readFileSync('docs/drills.md', 'utf8');

  it('its annotated scenario parses and checks against the leak plan', () => {
    const example = /```yaml\n([\s\S]*?)```/.exec(doc)![1];
    const { scenario, diagnostics } = check(example);
    expect(diagnostics.map((d) => `${at(d)} ${d.ruleId} ${d.message}`)).toEqual([]);
    expect(scenario!.actions.map((a) => a.kind)).toEqual(['step', 'level', 'step', 'notify', 'ack', 'note', 'terminate']);
  });

  it('its table of time forms is what parseOffset reads', () => {
    const section = doc.slice(doc.indexOf('### 1.1'), doc.indexOf('### 1.2'));
    const rows = section.split('\n').filter((l) => /^\| `/.test(l));
    expect(rows.length).toBeGreaterThan(4);
    for (const row of rows) {
      const [forms, secs] = row.split('|').slice(1, 3);
      const texts = [...forms.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
      const seconds = secs.split(',').map((x) => Number(x.trim()));
      texts.forEach((t, i) => expect(parseOffset(t), t).toEqual({ ok: true, seconds: seconds.length > 1 ? seconds[i] : seconds[0] }));
    }
  });
});

describe('gap kinds', () => {
  it('the schema lists exactly the kinds `yuan drill test` checks', () => {
    const schema = JSON.parse(readFileSync('schemas/scenario.schema.json', 'utf8')) as { $defs: { gapKind: { enum: string[] } } };
    expect(schema.$defs.gapKind.enum).toEqual([...EXPECT_GAP_KINDS]);
  });
});
