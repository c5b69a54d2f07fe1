import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { PlanEvent } from '../compile/index.js';
import type { Plan } from '../model/index.js';
import { parsePlanFile } from '../parse/index.js';
import { scoreDrill } from '../score/index.js';
import { readLog, writeLog } from './index.js';
import { runObserved, runScripted } from './engine.js';
import { importObserverLogFile } from './import-observer.js';
import { checkScenario, loadDrill, parseScenario } from './scenario.js';
import type { DrillEvent, Scenario } from './types.js';

const SCENARIOS = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const scenarioFiles = readdirSync(SCENARIOS).filter((f) => /\.ya?ml$/.test(f)).sort();

const plans = new Map<string, Plan>();
function plan(rel: string): Plan {
  let p = plans.get(rel);
  if (!p) {
    const r = parsePlanFile(fileURLToPath(new URL(`../../${rel}`, import.meta.url)));
    if (!r.plan) throw new Error(`${rel} does not parse`);
    p = r.plan;
    plans.set(rel, p);
  }
  return p;
}

/** A scenario written inline (as if it lived in scenarios/), checked against its plan. */
function inline(yaml: string, planRel = 'plans/chem/hazardous-chemical-leak.md'): { plan: Plan; scenario: Scenario } {
  const r = parseScenario(yaml, `${SCENARIOS}__inline__.yaml`);
  const p = plan(planRel);
  const errors = [...r.diagnostics, ...(r.scenario ? checkScenario(r.scenario, p) : [])].filter((d) => d.severity === 'error');
  if (!r.scenario || errors.length) throw new Error(`inline scenario: ${errors.map((d) => d.message).join('; ')}`);
  return { plan: p, scenario: r.scenario };
}

/** (t, type, level/step/inject) of each event: the shape hand checks are written in. */
const brief = (events: readonly DrillEvent[]) => events.map((e) => {
  switch (e.type) {
    case 'inject': return [e.t, e.type, e.inject];
    case 'level.warranted': case 'level.declared': return [e.t, e.type, e.level];
    case 'step.done': case 'step.overdue': return [e.t, e.type, e.step];
    case 'notify': return [e.t, e.type, `${e.role}>${e.to}`];
    default: return [e.t, e.type];
  }
});

describe.each(scenarioFiles)('scenario %s', (name) => {
  const d = loadDrill(`${SCENARIOS}${name}`);
  it('loads without errors', () => {
    expect(d.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
  });
  if (!d.plan || !d.scenario) return;
  const { plan: p, scenario } = d;

  it('runs deterministically: byte-identical JSONL twice, valid against the log schema', () => {
    const a = writeLog(runScripted(p, scenario, { scenarioSource: d.source }));
    const b = writeLog(runScripted(p, scenario, { scenarioSource: d.source }));
    expect(a).toBe(b);
    const read = readLog(a, name);
    expect(read.diagnostics).toEqual([]);
    expect(read.events[0].type).toBe('drill.start');
    expect(read.events[read.events.length - 1].type).toBe('drill.end');
    expect(read.events.map((e) => e.seq)).toEqual(read.events.map((_, i) => i + 1));
  });

  it('logs every scripted action as exactly one event, and every inject once', () => {
    const events = runScripted(p, scenario);
    const fromScript = events.filter((e) => 'source' in e && e.source === 'script' && e.type !== 'inject');
    expect(fromScript).toHaveLength(scenario.actions.length);
    // In agenda order (time, then file order): each action's kind shows in its event.
    const sorted = scenario.actions.map((a, i) => [a, i] as const).sort((x, y) => x[0].at - y[0].at || x[1] - y[1]).map(([a]) => a);
    const kindOf: Record<string, string[]> = {
      step: ['step.done', 'action.unmatched'], level: ['level.declared'], notify: ['notify'], ack: ['ack'], terminate: ['terminate'], note: ['note'],
    };
    sorted.forEach((a, i) => {
      expect(kindOf[a.kind]).toContain(fromScript[i].type);
      expect(fromScript[i].t).toBe(a.at);
      expect((fromScript[i] as { role?: string }).role).toBe(a.role);
    });
    expect(events.filter((e) => e.type === 'inject').map((e) => e.type === 'inject' && e.inject)).toEqual(scenario.injects.map((i) => i.id));
    // Time never goes back.
    for (let i = 1; i < events.length; i++) expect(events[i].t).toBeGreaterThanOrEqual(events[i - 1].t);
  });
});

describe('leak escalation scenario (hand-checked)', () => {
  const d = loadDrill(`${SCENARIOS}leak-escalation-iv-to-ii.yaml`);
  const events = runScripted(d.plan!, d.scenario!);

  it('warrants IV → III → II in order at the inject times', () => {
    const w = events.filter((e) => e.type === 'level.warranted').map((e) => [e.t, e.type === 'level.warranted' && e.level]);
    expect(w.slice(0, 3)).toEqual([[0, 'IV'], [360, 'III'], [720, 'II']]);
    const injectAt = new Map(events.filter((e) => e.type === 'inject').map((e) => [e.type === 'inject' && e.inject, e.t]));
    expect([injectAt.get('i1'), injectAt.get('i2'), injectAt.get('i3')]).toEqual([0, 360, 720]);
  });

  it('gives the hand-computed first events', () => {
    // Worked out from scenarios/leak-escalation-iv-to-ii.yaml and plans/chem/hazardous-chemical-leak.md:
    // - i1 at 0: leak_kg 40, injured 0, deaths 0, no fire, not offsite, gas_ppm 2 → IV's trigger holds (leak_kg < 100 …),
    //   III's needs leak_kg >= 100 or injured >= 1, II's fire / leak_kg >= 1000 / injured >= 3, I's offsite / gas > 30:
    //   the response starts at IV. IV → III (leak_kg >= 100 or injured >= 1 or trapped >= 1) does not hold.
    // - Deadlines count from the alarm (时限自接警起算): alarm 1 min, isolate 3, assess 5, cordon 10. The operator
    //   alarms at 0:40 (< 1:00), isolates at 2:30 (< 3:00), the duty officer assesses at 3:30 (< 5:00): no overdue.
    // - Scripted: notify 0:45 operator → duty-officer, 2:40 again, IV declared 4:00, notify 4:10 deputy, 4:15 commander.
    // - i2 at 6:00: leak_kg 150, injured 1 → IV → III holds; from III, III → II (fire, leak_kg >= 1000, injured >= 3,
    //   deaths >= 1) does not, nor termination (contained false): III warranted at 6:00.
    // - III declared at 8:00 by the deputy; cordon at 9:30 beats its 10:00 deadline (no overdue at 10:00).
    // - i3 at 12:00: fire → III → II, warranted at 12:00. Rescue at 13:30 (< 15:00).
    expect(brief(events).slice(0, 18)).toEqual([
      [0, 'drill.start'],
      [0, 'inject', 'i1'],
      [0, 'level.warranted', 'IV'],
      [40, 'step.done', 'alarm'],
      [45, 'notify', 'operator>duty-officer'],
      [150, 'step.done', 'isolate'],
      [160, 'notify', 'operator>duty-officer'],
      [210, 'step.done', 'assess'],
      [240, 'level.declared', 'IV'],
      [250, 'notify', 'duty-officer>deputy'],
      [255, 'notify', 'duty-officer>commander'],
      [360, 'inject', 'i2'],
      [360, 'level.warranted', 'III'],
      [480, 'level.declared', 'III'],
      [570, 'step.done', 'cordon'],
      [720, 'inject', 'i3'],
      [720, 'level.warranted', 'II'],
      [810, 'step.done', 'rescue'],
    ]);
  });

  it('logs no overdue step: every step was in time, and evacuate (level I only) expires while not required', () => {
    expect(events.filter((e) => e.type === 'step.overdue')).toEqual([]);
  });

  it('records the drill: hashes of the sources, mode, seed; ends terminated', () => {
    const start = events[0];
    expect(start).toMatchObject({ seq: 1, t: 0, type: 'drill.start', scenario: 'leak-escalation-iv-to-ii', plan: '../plans/chem/hazardous-chemical-leak.md', mode: 'scripted', seed: 7 });
    const withSource = runScripted(d.plan!, d.scenario!, { scenarioSource: 'a', planSource: 'b' })[0];
    expect(withSource).toMatchObject({
      scenarioHash: 'sha256:ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb',
      planHash: 'sha256:3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d',
    });
    expect(runScripted(d.plan!, d.scenario!, { seed: 42 })[0]).toMatchObject({ seed: 42 });
    expect(events[events.length - 1]).toMatchObject({ t: 2640, type: 'drill.end', reason: 'terminated' });
  });
});

describe('deadlines on the simulated clock', () => {
  it('an undone step passes its incident-anchored deadline at exactly that time', () => {
    const { plan: p, scenario } = inline(`
scenario: { id: t-incident, title: t, plan: ../plans/chem/hazardous-chemical-leak.md }
injects:
  - { id: i1, at: 0, message: 小量泄漏, facts: { leak_kg: 40, injured: 0, deaths: 0, fire: false, offsite: false, gas_ppm: 2, contained: false } }
actions:
  - { at: 1min, role: operator, step: alarm }
  - { at: 7min, role: duty-officer, note: 仍在观察 }
`);
    const events = runScripted(p, scenario);
    // alarm done exactly at its 1-minute deadline: on time, not overdue. isolate (3 min) and assess (5 min) pass.
    expect(events.filter((e) => e.type === 'step.overdue')).toEqual([
      expect.objectContaining({ t: 180, step: 'isolate', deadline: 180 }),
      expect.objectContaining({ t: 300, step: 'assess', deadline: 300 }),
    ]);
    // Between the 1:00 action and the 7:00 note, in time order.
    expect(brief(events).map((x) => x.slice(0, 2))).toEqual([
      [0, 'drill.start'], [0, 'inject'], [0, 'level.warranted'], [60, 'step.done'], [180, 'step.overdue'], [300, 'step.overdue'], [420, 'note'], [420, 'drill.end'],
    ]);
  });

  it('a step-anchored deadline counts from the step it names (first-aid: rescue 完成后10分钟)', () => {
    const { plan: p, scenario } = inline(`
scenario: { id: t-step, title: t, plan: ../plans/chem/hazardous-chemical-leak.md }
injects:
  - { id: i1, at: 0, message: 泄漏扩大一人中毒, facts: { leak_kg: 150, injured: 1, deaths: 0, fire: false, offsite: false, gas_ppm: 2, contained: false } }
actions:
  - { at: 30s, role: operator, step: alarm }
  - { at: 2min, role: operator, step: isolate }
  - { at: 3min, role: duty-officer, step: assess }
  - { at: 6min, role: evacuation-team, step: cordon }
  - { at: 7min12s, role: rescue-team, step: rescue }
  - { at: 25min, role: commander, note: 检查 }
`);
    const events = runScripted(p, scenario);
    const overdue = events.filter((e) => e.type === 'step.overdue');
    expect(overdue.find((e) => e.type === 'step.overdue' && e.step === 'first-aid')).toMatchObject({ t: 432 + 600, deadline: 1032 });
    // The only others: absorb (30 min) is not due yet; nothing else was missed by 25:00.
    expect(overdue.map((e) => e.type === 'step.overdue' && e.step)).toEqual(['first-aid']);
  });

  it('a level-anchored deadline counts from the level it applies at (support: 响应启动后30分钟, II+)', () => {
    const { plan: p, scenario } = inline(`
scenario: { id: t-level, title: t, plan: ../plans/chem/fire-explosion.yaml }
injects:
  - { id: i1, at: 0, message: 小火, facts: { fire_area_m2: 20, injured: 0, deaths: 0, explosion: false, tank_farm: false, offsite: false } }
  - { id: i2, at: 10min, message: 蔓延, facts: { fire_area_m2: 150 } }
actions:
  - { at: 45min, role: commander, note: 检查 }
`, 'plans/chem/fire-explosion.yaml');
    const events = runScripted(p, scenario);
    expect(events.filter((e) => e.type === 'level.warranted').map((e) => [e.t, e.type === 'level.warranted' && e.level])).toEqual([[0, 'III'], [600, 'II']]);
    expect(events.find((e) => e.type === 'step.overdue' && e.step === 'support')).toMatchObject({ t: 600 + 1800, deadline: 2400 });
  });

  it('a step done late is still logged as done, after its overdue event', () => {
    const { plan: p, scenario } = inline(`
scenario: { id: t-late, title: t, plan: ../plans/chem/hazardous-chemical-leak.md }
injects:
  - { id: i1, at: 0, message: 泄漏, facts: { leak_kg: 40, injured: 0, deaths: 0, fire: false, offsite: false, gas_ppm: 2 } }
actions:
  - { at: 90s, role: operator, step: alarm }
`);
    expect(brief(runScripted(p, scenario)).slice(3)).toEqual([[60, 'step.overdue', 'alarm'], [90, 'step.done', 'alarm'], [90, 'drill.end']]);
  });

  it('escalation rules apply until the level settles: facts that warrant II from IV move the level in one inject', () => {
    const { plan: p, scenario } = inline(`
scenario: { id: t-jump, title: t, plan: ../plans/chem/hazardous-chemical-leak.md }
injects:
  - { id: i1, at: 0, message: 泄漏, facts: { leak_kg: 40, leak_rate: 100, leak_minutes: 5, injured: 0, deaths: 0, trapped: 0, fire: false, offsite: false, gas_ppm: 2, contained: false, all_accounted: false } }
  - { id: i2, at: 5min, message: 起火且泄漏扩大, facts: { leak_kg: 150, fire: true } }
`);
    const w = runScripted(p, scenario).filter((e) => e.type === 'level.warranted');
    expect(w.map((e) => [e.t, e.type === 'level.warranted' && e.level])).toEqual([[0, 'IV'], [300, 'II']]);
  });
});

describe('actions the machine does not take are still logged', () => {
  const { plan: p, scenario } = inline(`
scenario: { id: t-actions, title: t, plan: ../plans/chem/hazardous-chemical-leak.md }
injects:
  - { id: i1, at: 0, to: [operator], message: 泄漏, facts: { leak_kg: 40, injured: 0, deaths: 0, fire: false, offsite: false, gas_ppm: 2, contained: false, all_accounted: false } }
  - { id: i2, at: 1min, to: [commander], message: 指挥部 }
actions:
  - { at: 10s, role: operator, ack: true }
  - { at: 20s, role: operator, step: alarm }
  - { at: 25s, role: rescue-team, step: alarm }
  - { at: 30s, role: commander, text: 召开现场指挥部会议 }
  - { at: 40s, role: operator, text: 关闭储罐出口紧急切断阀 }
  - { at: 70s, role: commander, ack: true }
  - { at: 2min, role: deputy, terminate: true }
`);
  const events = runScripted(p, scenario);
  const after = (t: number) => events.filter((e) => e.t === t);

  it('acks name the latest inject addressed to the role', () => {
    expect(after(10)).toEqual([expect.objectContaining({ type: 'ack', role: 'operator', inject: 'i1', source: 'script' })]);
    expect(after(70)).toEqual([expect.objectContaining({ type: 'ack', role: 'commander', inject: 'i2' })]);
  });
  it('a step done twice is logged twice; unmatched text is kept; text matches say so', () => {
    expect(after(25)).toEqual([expect.objectContaining({ type: 'step.done', step: 'alarm', role: 'rescue-team', match: 'id' })]);
    expect(after(30)).toEqual([expect.objectContaining({ type: 'action.unmatched', role: 'commander', text: '召开现场指挥部会议' })]);
    expect(after(40)).toEqual([expect.objectContaining({ type: 'step.done', step: 'isolate', match: 'text', text: '关闭储罐出口紧急切断阀' })]);
  });
  it('a termination by a role the plan does not allow is logged, with the machine\'s refusal as an engine note', () => {
    // The plan's termination is declared by the commander, whose deputy is `deputy`: accepted.
    expect(after(120).map((e) => e.type)).toEqual(['terminate', 'drill.end']);
    const refused = inline(`
scenario: { id: t-refused, title: t, plan: ../plans/chem/hazardous-chemical-leak.md }
injects:
  - { id: i1, at: 0, message: 泄漏, facts: { leak_kg: 40, injured: 0, deaths: 0, fire: false, offsite: false, gas_ppm: 2 } }
actions:
  - { at: 2min, role: operator, terminate: true }
`);
    const ev = runScripted(refused.plan, refused.scenario);
    expect(ev.filter((e) => e.t === 120).map((e) => [e.type, 'source' in e ? e.source : undefined])).toEqual([['terminate', 'script'], ['note', 'engine'], ['drill.end', undefined]]);
    expect(ev[ev.length - 1]).toMatchObject({ reason: 'script-complete' });
  });
});

describe('observed drills', () => {
  it('replays an observer CSV through the engine with the scenario\'s injects (mode observed)', () => {
    const d = loadDrill(`${SCENARIOS}leak-escalation-iv-to-ii.yaml`);
    const obs = importObserverLogFile(`${SCENARIOS}observed/leak-observer-log.csv`, d.plan!);
    expect(obs.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
    const trace: PlanEvent[] = [];
    const events = runObserved(d.plan!, d.scenario!, obs.actions, { trace });
    expect(events[0]).toMatchObject({ type: 'drill.start', mode: 'observed' });
    expect(events.filter((e) => 'source' in e && e.source === 'observer')).toHaveLength(obs.actions.length);
    expect(events.filter((e) => e.type === 'inject').every((e) => e.type === 'inject' && e.source === 'facilitator')).toBe(true);
    // The observer's texts find their steps: every step the plan needs at II was matched.
    const done = events.filter((e) => e.type === 'step.done').map((e) => e.type === 'step.done' && e.step);
    expect(done).toEqual(['alarm', 'isolate', 'assess', 'cordon', 'rescue', 'first-aid', 'shutdown', 'monitor', 'absorb', 'report']);
    expect(events.filter((e) => e.type === 'action.unmatched').map((e) => e.type === 'action.unmatched' && e.text)).toEqual(['安排保卫人员到门卫室引导消防车和120救护车']);
    // isolate at 3:20 passed its 3:00 deadline: the machine's timer says so at 3:00.
    expect(events.find((e) => e.type === 'step.overdue' && e.step === 'isolate')).toMatchObject({ t: 180, deadline: 180 });
    expect(trace.length).toBeGreaterThan(10);
    const score = scoreDrill(d.plan!, events, { scenario: d.scenario });
    expect(score.overall).toBeLessThan(100);
  });

  it('runs without a scenario (no injects: the machine never leaves standby)', () => {
    const p = plan('plans/chem/hazardous-chemical-leak.md');
    const events = runObserved(p, undefined, [{ at: 30, role: 'operator', kind: 'step', text: '发现泄漏立即报警' }], { planPath: 'plan.md' });
    expect(brief(events)).toEqual([[0, 'drill.start'], [30, 'step.done', 'alarm'], [30, 'drill.end']]);
    expect(events[0]).toMatchObject({ scenario: 'observed', plan: 'plan.md', mode: 'observed', seed: 0 });
  });
});
