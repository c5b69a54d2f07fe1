import { describe, expect, it } from 'vitest';
import { parsePlanFile } from '../parse/index.js';
import { hostilePlan, plan as makePlan } from './mermaid-fixture.test-helper.js';
import { shownText, stateDb } from './mermaid-parse.test-helper.js';
import { stateDiagram } from './mermaid-state.js';

const leak = parsePlanFile('plans/chem/hazardous-chemical-leak.md').plan!;
const flat = (s: string | undefined) => shownText(s ?? '').replace(/\s+/g, '');

describe('stateDiagram: the leak plan', async () => {
  const text = stateDiagram(leak);
  const db = await stateDb(text);
  const rel = (a: string, b: string) => db.relations.filter((r) => r.id1 === a && r.id2 === b);

  it('is a stateDiagram-v2 with standby, assessing, one state per level, terminated and recovery', () => {
    expect(text.startsWith('stateDiagram-v2\n')).toBe(true);
    const ids = [...db.states.keys()].filter((k) => !/_(start|end)$/.test(k)).sort();
    expect(ids).toEqual(['assessing', 'lv_I', 'lv_II', 'lv_III', 'lv_IV', 'recovery', 'standby', 'terminated']);
    expect(db.states.get('lv_IV')!.descriptions!.map(shownText)).toEqual(['IV级（班组级）', '值班长决定 ≤ 5分钟']);
  });

  it('runs [*] → standby → assessing → levels', () => {
    expect(db.relations.some((r) => r.id1.endsWith('_start') && r.id2 === 'standby')).toBe(true);
    expect(rel('standby', 'assessing').map((r) => shownText(r.relationTitle!))).toEqual(['接警']);
    expect(flat(rel('assessing', 'lv_I')[0].relationTitle)).toBe('扩散至厂外或厂界有毒气体浓度>30ppm或死亡人数≥3人');
    for (const l of ['I', 'II', 'III', 'IV']) expect(rel('assessing', `lv_${l}`)).toHaveLength(1);
    expect(rel('assessing', 'standby').map((r) => shownText(r.relationTitle!))).toEqual(['未达任何级别启动条件']);
  });

  it('labels escalation and de-escalation transitions with their conditions', () => {
    for (const e of leak.escalations) expect(rel(`lv_${e.from}`, `lv_${e.to}`), `${e.from}→${e.to}`).toHaveLength(1);
    expect(flat(rel('lv_IV', 'lv_III')[0].relationTitle)).toBe('升级：泄漏量≥100kg或重伤人数≥1人或被困人数≥1人');
    expect(flat(rel('lv_II', 'lv_III')[0].relationTitle)).toMatch(/^降级：泄漏源已控制/);
  });

  it('ends in terminated (condition as a note, decider on the way out) → recovery → [*]', () => {
    for (const l of ['I', 'II', 'III', 'IV']) expect(rel(`lv_${l}`, 'terminated')).toHaveLength(1);
    expect(flat(db.states.get('terminated')!.note!.text)).toBe('泄漏源已控制且厂界有毒气体浓度≤30ppm且人员全部清点');
    expect(flat(rel('terminated', 'recovery')[0].relationTitle)).toBe('总指挥宣布，书面报告≤24小时');
    expect(db.relations.some((r) => r.id1 === 'recovery' && r.id2.endsWith('_end'))).toBe(true);
  });

  it('colours the level states', () => {
    expect(db.states.get('lv_I')!.classes).toContain('lvRed');
    expect(db.states.get('lv_IV')!.classes).toContain('lvBlue');
    expect(text).toContain('classDef lvRed fill:#d32f2f');
    expect(text).toContain('classDef lvYellow fill:#fbc02d');
  });
});

describe('stateDiagram: other plans', () => {
  it('writes English for the flood plan and honours direction', async () => {
    const flood = parsePlanFile('plans/flood/municipal-flood.md').plan!;
    const text = stateDiagram(flood, { direction: 'LR' });
    expect(text).toContain('\n  direction LR\n');
    const db = await stateDb(text);
    expect(db.relations.find((r) => r.id1 === 'standby')!.relationTitle).toBe('Alarm received');
    expect(flat(db.relations.find((r) => r.id1 === 'lv_III' && r.id2 === 'lv_IV')!.relationTitle)).toMatch(/^de-escalate:/);
  });

  it('handles a plan without levels or termination', async () => {
    const db = await stateDb(stateDiagram(makePlan({})));
    expect(db.relations.some((r) => r.id1 === 'assessing' && r.id2 === 'terminated')).toBe(true);
  });

  it('survives hostile text and keyword ids', async () => {
    const text = stateDiagram(hostilePlan());
    expect(text).not.toMatch(/<script/i);
    const db = await stateDb(text);
    expect(db.states.has('lv_end')).toBe(true);
    expect(db.states.has('lv_class')).toBe(true);
    expect(shownText(db.states.get('lv_end')!.descriptions![0])).toBe('end <script>alert(1)</script>');
    const ids = [...db.states.keys()];
    expect(ids.every((k) => /^[A-Za-z0-9_]+$/.test(k))).toBe(true);
  });
});
