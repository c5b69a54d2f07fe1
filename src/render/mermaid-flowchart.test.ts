import { describe, expect, it } from 'vitest';
import type { Plan } from '../model/index.js';
import { parsePlanFile } from '../parse/index.js';
import { stepsAt } from '../model/query.js';
import { flowchart, flowcharts } from './mermaid-flowchart.js';
import { hostilePlan, level, minutes, plan as makePlan, role, step, trigger } from './mermaid-fixture.test-helper.js';
import { flowDb, mermaidParse, shownText, type FlowDbView } from './mermaid-parse.test-helper.js';

const LEAK = 'plans/chem/hazardous-chemical-leak.md';

function load(file: string): Plan {
  const r = parsePlanFile(file);
  if (!r.plan) throw new Error(`${file} did not parse`);
  return r.plan;
}

/** Label text with line breaks and spaces removed, for containment checks that don't depend on wrapping. */
const flat = (s: string | undefined) => shownText(s ?? '').replace(/\s+/g, '');
const sid = (id: string) => `s_${id.replace(/-/g, '_')}`;
const hasEdge = (db: FlowDbView, a: string, b: string, text?: string) =>
  db.edges.some((e) => e.start === a && e.end === b && (text === undefined || shownText(e.text) === text));

describe('flowchart: the hazardous-chemical leak plan (overview)', async () => {
  const plan = load(LEAK);
  const text = flowchart(plan);
  const db = await flowDb(text);

  it('matches the reviewed golden file', async () => {
    await expect(text).toMatchFileSnapshot('__snapshots__/hazardous-chemical-leak.flowchart.mmd');
  });

  it('has one swimlane per role that has steps, titled with the role and its holder, holding exactly its steps', () => {
    const withSteps = plan.roles.filter((r) => plan.steps.some((s) => s.role === r.id));
    expect(db.subgraphs.map((g) => g.id).sort()).toEqual(withSteps.map((r) => `r_${r.id.replace(/-/g, '_')}`).sort());
    for (const r of withSteps) {
      const g = db.subgraphs.find((x) => x.id === `r_${r.id.replace(/-/g, '_')}`)!;
      expect(shownText(g.title)).toBe(`${r.name}（${r.holder}）`);
      expect([...g.nodes].sort()).toEqual(plan.steps.filter((s) => s.role === r.id).map((s) => sid(s.id)).sort());
    }
    expect(shownText(db.subgraphs.find((g) => g.id === 'r_operator')!.title)).toBe('岗位操作工（当班操作工）');
  });

  it('has a node for every step with its number, action and deadline', () => {
    plan.steps.forEach((s, i) => {
      const v = db.vertices.get(sid(s.id));
      expect(v, s.id).toBeDefined();
      expect(flat(v!.text)).toContain(`${i + 1}.${s.action}`.replace(/\s+/g, ''));
    });
    expect(flat(db.vertices.get('s_isolate')!.text)).toContain('≤3分钟');
    expect(flat(db.vertices.get('s_first_aid')!.text)).toContain('≤第5步完成后10分钟');
    expect(flat(db.vertices.get('s_cordon')!.text)).toContain('〔III级及以上〕');
    expect(flat(db.vertices.get('s_evacuate')!.text)).toContain('〔仅I级〕');
    expect(flat(db.vertices.get('s_alarm')!.text)).not.toContain('〔');
  });

  it('has an edge for every `after` dependency', () => {
    for (const s of plan.steps) for (const a of s.after) expect(hasEdge(db, sid(a), sid(s.id)), `${a} → ${s.id}`).toBe(true);
  });

  it('starts at the alarm and ends at termination', () => {
    expect(shownText(db.vertices.get('n_start')!.text ?? '')).toBe('接警');
    expect(hasEdge(db, 'n_start', 's_alarm')).toBe(true);
    const term = flat(db.vertices.get('n_term')!.text);
    expect(term).toContain('响应终止');
    expect(term).toContain('泄漏源已控制且厂界有毒气体浓度≤30ppm且人员全部清点');
    expect(term).toContain('总指挥宣布');
    expect(term).toContain('书面报告≤24小时');
    for (const s of ['first-aid', 'shutdown', 'monitor', 'absorb', 'report', 'evacuate']) expect(hasEdge(db, sid(s), 'n_term'), s).toBe(true);
    expect(db.edges.filter((e) => e.end === 'n_term')).toHaveLength(6);
  });

  it('asks the level triggers as a chain of diamonds after the assessment, most severe first', () => {
    expect(hasEdge(db, 's_assess', 'd_I')).toBe(true);
    for (const [a, b] of [['d_I', 'd_II'], ['d_II', 'd_III'], ['d_III', 'd_IV'], ['d_IV', 'n_none']]) expect(hasEdge(db, a, b, '否'), `${a}→${b}`).toBe(true);
    for (const l of ['I', 'II', 'III', 'IV']) {
      expect(db.vertices.get(`d_${l}`)!.type).toBe('diamond');
      expect(hasEdge(db, `d_${l}`, `lv_${l}`, '是')).toBe(true);
    }
    expect(flat(db.vertices.get('d_I')!.text)).toBe('扩散至厂外或厂界有毒气体浓度>30ppm或死亡人数≥3人?');
    expect(flat(db.vertices.get('d_IV')!.text)).toContain('泄漏量<100kg且重伤人数=0人');
  });

  it('colours the level nodes and says who decides by when', () => {
    const colours: Record<string, [string, string]> = { I: ['lvRed', '#d32f2f'], II: ['lvOrange', '#f57c00'], III: ['lvYellow', '#fbc02d'], IV: ['lvBlue', '#1976d2'] };
    for (const [id, [cls, fill]] of Object.entries(colours)) {
      const v = db.vertices.get(`lv_${id}`)!;
      expect(v.type).toBe('hexagon');
      expect(v.classes).toContain(cls);
      expect(db.classes.get(cls)!.styles).toContain(`fill:${fill}`);
    }
    expect(flat(db.vertices.get('lv_IV')!.text)).toBe('IV级（班组级）值班长决定≤5分钟');
    expect(flat(db.vertices.get('lv_III')!.text)).toBe('III级（车间级）副总指挥决定≤10分钟');
  });

  it('gates each level-specific branch from the level that first needs it', () => {
    expect(hasEdge(db, 'lv_III', 's_cordon')).toBe(true);
    for (const s of ['shutdown', 'monitor', 'report']) expect(hasEdge(db, 'lv_II', sid(s))).toBe(true);
    expect(hasEdge(db, 'lv_I', 's_evacuate')).toBe(true);
    // rescue follows cordon (same entry level III): no second gate.
    expect(db.edges.some((e) => e.start.startsWith('lv_') && e.end === 's_rescue')).toBe(false);
    expect(db.edges.filter((e) => e.start.startsWith('lv_') && e.end.startsWith('s_'))).toHaveLength(5);
  });

  it('borders steps that apply at one level only in that level\'s colour', () => {
    expect(db.vertices.get('s_evacuate')!.classes).toContain('onlyRed');
    expect(db.classes.get('onlyRed')!.styles).toContain('stroke:#d32f2f');
    for (const s of ['cordon', 'shutdown', 'alarm']) expect(db.vertices.get(sid(s))!.classes.filter((c) => c.startsWith('only'))).toEqual([]);
  });

  it('draws every escalation as a dashed edge between level nodes labelled with its condition', () => {
    for (const e of plan.escalations) {
      const edge = db.edges.find((x) => x.start === `lv_${e.from}` && x.end === `lv_${e.to}`);
      expect(edge, `${e.from}→${e.to}`).toBeDefined();
      expect(edge!.stroke).toBe('dotted');
    }
    const up = db.edges.find((x) => x.start === 'lv_IV' && x.end === 'lv_III')!;
    expect(flat(up.text)).toBe('升级：泄漏量≥100kg或重伤人数≥1人或被困人数≥1人');
    const down = db.edges.find((x) => x.start === 'lv_I' && x.end === 'lv_II')!;
    expect(flat(down.text)).toBe('降级：扩散至厂外=否且厂界有毒气体浓度≤30ppm且泄漏源已控制');
  });

  it('has nothing but the expected nodes', () => {
    const expected = ['n_start', 'n_term', 'n_none', ...plan.steps.map((s) => sid(s.id)), ...['I', 'II', 'III', 'IV'].flatMap((l) => [`d_${l}`, `lv_${l}`])];
    expect([...db.vertices.keys()].sort()).toEqual(expected.sort());
  });
});

describe('flowchart: one level', () => {
  const plan = load(LEAK);

  it.each(['I', 'II', 'III', 'IV'])('level %s shows exactly stepsAt(level)', async (id) => {
    const db = await flowDb(flowchart(plan, { level: id }));
    const steps = [...db.vertices.keys()].filter((k) => k.startsWith('s_')).sort();
    expect(steps).toEqual(stepsAt(plan, id).map((s) => sid(s.id)).sort());
    expect(db.vertices.get(`lv_${id}`)!.classes.some((c) => c.startsWith('lv'))).toBe(true);
    expect(hasEdge(db, `d_${id}`, `lv_${id}`, '是')).toBe(true);
    expect(db.vertices.has('n_none')).toBe(false);
    // No "only this level" borders in a one-level view, no applicability notes.
    for (const v of db.vertices.values()) {
      expect(v.classes.filter((c) => c.startsWith('only'))).toEqual([]);
      if (v.id.startsWith('s_')) expect(flat(v.text)).not.toContain('〔');
    }
    // Outgoing escalations lead to (labelled) nodes of the target levels.
    for (const e of plan.escalations.filter((x) => x.from === id)) {
      expect(db.edges.some((x) => x.start === `lv_${id}` && x.end === `lv_${e.to}` && x.stroke === 'dotted')).toBe(true);
      expect(flat(db.vertices.get(`lv_${e.to}`)!.text)).toContain('见该级响应流程图');
    }
  });

  it('gates the level-specific steps from the level node', async () => {
    const db = await flowDb(flowchart(plan, { level: 'I' }));
    const gated = db.edges.filter((e) => e.start === 'lv_I' && e.end.startsWith('s_')).map((e) => e.end).sort();
    expect(gated).toEqual(['s_cordon', 's_monitor', 's_report', 's_shutdown']);
  });

  it('feeds the decision from the decider\'s step when no step is gated', async () => {
    const db = await flowDb(flowchart(plan, { level: 'IV' }));
    expect(hasEdge(db, 's_assess', 'd_IV')).toBe(true);
    expect(db.edges.filter((e) => e.start === 'lv_IV' && e.end.startsWith('s_'))).toEqual([]);
  });

  it('rejects an unknown level', () => {
    expect(() => flowchart(plan, { level: 'V' })).toThrow(RangeError);
  });
});

describe('flowchart options and other plans', () => {
  it('writes English labels for an English plan, and honours lang and direction', async () => {
    const flood = load('plans/flood/municipal-flood.md');
    const text = flowchart(flood, { direction: 'LR' });
    expect(text.startsWith('flowchart LR\n')).toBe(true);
    const db = await flowDb(text);
    expect(shownText(db.vertices.get('n_start')!.text ?? '')).toBe('Alarm received');
    expect(hasEdge(db, 'd_I', 'lv_I', 'yes')).toBe(true);
    expect(flat(db.vertices.get('s_public_warning')!.text)).toContain('≤30minafterstep3');
    expect(flat(db.vertices.get('lv_IV')!.text)).toBe('LevelIV(minor)EOCDirectordecides,≤1h');
    const zh = await flowDb(flowchart(flood, { lang: 'zh' }));
    expect(shownText(zh.vertices.get('n_start')!.text ?? '')).toBe('接警');
  });

  it('shows step conditions with a dashed border', async () => {
    const db = await flowDb(flowchart(load('plans/chem/tank-farm-leak.md')));
    const v = db.vertices.get('s_water_curtain')!;
    expect(v.classes).toContain('conditional');
    expect(flat(v.text)).toContain('若');
  });

  it('puts steps of an undeclared or missing role in their own lanes', async () => {
    const db = await flowDb(flowchart(hostilePlan()));
    expect(db.subgraphs.some((g) => shownText(g.title) === 'ghost-role')).toBe(true);
    expect(db.subgraphs.some((g) => shownText(g.title) === '未指定角色')).toBe(true);
  });

  it('draws a plan without levels, steps or termination', async () => {
    const empty = makePlan({});
    const db = await flowDb(flowchart(empty));
    expect([...db.vertices.keys()].sort()).toEqual(['n_start', 'n_term']);
    const noLevels = makePlan({ roles: [role('a', '甲')], steps: [step('s1', '做事', 'a')] });
    const db2 = await flowDb(flowchart(noLevels));
    expect(hasEdge(db2, 'n_start', 's_s1')).toBe(true);
    expect(hasEdge(db2, 's_s1', 'n_term')).toBe(true);
  });
});

describe('flowcharts: splitting big plans', () => {
  const big = (n: number) => makePlan({
    roles: [role('r', '角色')],
    levels: [level('I', 1, { colour: 'red', trigger: trigger('x > 1') }), level('II', 2, { colour: 'orange', trigger: trigger('x <= 1') })],
    facts: [{ id: 'x', type: 'number' }],
    steps: Array.from({ length: n }, (_, i) => step(`s${i}`, `步骤${i}`, 'r', { after: i ? [`s${i - 1}`] : [], levels: i % 2 ? ['I'] : [], deadline: minutes(i + 1) })),
  });

  it('returns only the overview for a small plan', () => {
    const list = flowcharts(load(LEAK));
    expect(list.map((d) => d.key)).toEqual(['overview']);
    expect(list[0].nodes).toBe(22);
    expect(list[0].title).toBe('应急响应流程图（总览）');
  });

  it('adds one diagram per level, most severe first, when the overview has more than 40 nodes', async () => {
    const list = flowcharts(big(45));
    expect(list.map((d) => d.key)).toEqual(['overview', 'level-I', 'level-II']);
    expect(list[0].nodes).toBeGreaterThan(40);
    for (const d of list) await mermaidParse(d.text);
    expect(flowcharts(big(10)).map((d) => d.key)).toEqual(['overview']);
    expect(flowcharts(big(10), { split: 'always' }).map((d) => d.key)).toEqual(['overview', 'level-I', 'level-II']);
    expect(flowcharts(big(45), { split: 'never' })).toHaveLength(1);
    expect(flowcharts(big(10), { maxNodes: 5 })).toHaveLength(3);
  });
});

describe('flowchart: hostile text and ids', async () => {
  const plan = hostilePlan();
  const text = flowchart(plan);
  const db = await flowDb(text);

  it('parses, with exactly the intended nodes (nothing injected)', () => {
    const steps = ['s_xgf8y1t', 's_end', 's_style', 's_subgraph', 's_click', 's_a_b', 's_a_b_2', 's_xa9yv6h', 's_x1', 's_x2', 's_x3', 's_x4', 's_x5', 's_x6'];
    const ids = [...db.vertices.keys()];
    expect(ids.filter((k) => k.startsWith('s_')).length).toBe(steps.length);
    expect(ids.every((k) => /^[A-Za-z0-9_]+$/.test(k))).toBe(true);
    expect(ids).not.toContain('A');
    expect(ids).toEqual(expect.arrayContaining(['s_end', 's_style', 's_subgraph', 's_click', 's_a_b', 's_a_b_2', 'lv_end', 'lv_class', 'd_end', 'd_class']));
  });

  it('has no raw markup, statements or comments coming from plan text', () => {
    expect(text).not.toMatch(/<script/i);
    expect(text).not.toMatch(/<img|<b>/i);
    expect(text).not.toMatch(/^\s*(click|style|%%|classDef x)/m);
    expect(text).not.toContain('🔥');
    // Every quote in the source is one we wrote: labels open and close on the same line.
    for (const line of text.split('\n')) expect((line.match(/"/g) ?? []).length % 2, line).toBe(0);
  });

  it('shows the hostile text as text', () => {
    expect(flat(db.vertices.get('s_end')!.text)).toContain('2."];clickAcallalert(1)%%');
    expect(flat(db.vertices.get('s_style')!.text)).toContain('<script>alert(1)</script>');
    const lane = db.subgraphs.find((g) => g.id === 'r_end')!;
    expect(shownText(lane.title)).toBe('"]; click A call alert(1) %%');
  });
});
