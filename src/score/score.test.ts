import { describe, expect, it } from 'vitest';
import type { DrillEvent } from '../drill/types.js';
import type { Plan } from '../model/index.js';
import {
  CONTAINED, SMALL_LEAK, cleanIV, declared, done, end, inject, leakPlan, leakScenario, messyIII, notify, numbered, overdue,
  start, terminate, warranted,
} from './fixtures.test-helper.js';
import { DEFAULT_WEIGHTS, lateness, observedKinds, resolveWeights, scoreDrill } from './index.js';

const items = (s: ReturnType<typeof scoreDrill>, d: 'time' | 'coordination' | 'effect') =>
  s.dimensions[d].items.map((i) => [i.id, i.value, i.weight]);

describe('scoreDrill on a clean level-IV drill', () => {
  const s = scoreDrill(leakPlan(), numbered(cleanIV()), { scenario: leakScenario() });

  it('scores 100 everywhere (every deadline met, no gap, objectives met, contained, terminated properly)', () => {
    // time: IV declared 240 s after warranted (≤ 300); alarm 40 ≤ 60, isolate 150 ≤ 180, assess 270 ≤ 300, absorb 1500 ≤ 1800;
    // first response (alarm) 40 ≤ 60; initial disposal (isolate+assess) 270 ≤ 300 → every value 1 → 100.
    // effect: o1 (alarm 40, isolate 150 ≤ 180) and o2 (IV 240, assess 270 ≤ 300) met; 4/4 required steps; contained at 900;
    // terminated at 1560 by the commander with contained ∧ gas_ppm 2 ≤ 30 ∧ all_accounted → 100.
    expect(s.overall).toBe(100);
    expect([s.dimensions.time.score, s.dimensions.coordination.score, s.dimensions.effect.score]).toEqual([100, 100, 100]);
    expect(s.gaps).toEqual([]);
    expect(s.ratings).toEqual({ P: 4, S: 0, M: 0, U: 0 });
  });

  it('weighs time items by group: level 0.3, milestones 0.2, steps 0.5', () => {
    expect(items(s, 'time')).toEqual([
      ['level:IV', 1, 0.3],
      ['milestone:first-response', 1, 0.1], ['milestone:initial-disposal', 1, 0.1],
      ['step:alarm', 1, 0.125], ['step:isolate', 1, 0.125], ['step:assess', 1, 0.125], ['step:absorb', 1, 0.125],
    ]);
  });

  it('derives the first-response and initial-disposal milestones from the plan (alarm 1 min; isolate+assess 5 min)', () => {
    expect(s.milestones.map((m) => [m.id, m.steps, m.deadline, m.doneAt, m.status])).toEqual([
      ['first-response', ['alarm'], 60, 40, 'on-time'],
      ['initial-disposal', ['isolate', 'assess'], 300, 270, 'on-time'],
    ]);
  });

  it('reports level, containment and termination with their evidence', () => {
    expect(s.level).toMatchObject({ warranted: 'IV', declared: 'IV', final: 'IV', evaluatedAt: 'IV', spans: [] });
    expect(s.level.activations).toEqual([{
      level: 'IV', warrantedAt: 0, warrantedSeq: 3, status: 'on-time', allowed: 300, decidedBy: 'duty-officer',
      declaredAt: 240, declaredSeq: 8, declaredLevel: 'IV', declaredBy: 'duty-officer', latency: 240,
    }]);
    expect(s.outcome).toMatchObject({ containedAt: 900, containedSeq: 12, timeToContainment: 900, terminatedAt: 1560, terminatedSeq: 15, terminationCondition: true, terminationReadyAt: 900 });
  });

  it('marks steps of other levels not required and does not rate them', () => {
    const byId = Object.fromEntries(s.steps.map((x) => [x.step, x]));
    expect(byId.cordon).toMatchObject({ required: false, status: 'not-required' });
    expect(byId.cordon.rating).toBeUndefined();
    expect(byId.isolate).toMatchObject({ required: true, status: 'on-time', rating: 'P', deadline: 180, doneAt: 150, doneBy: 'operator', windowStart: 40 });
  });
});

describe('scoreDrill on a messy drill escalating to III (hand-calculated)', () => {
  const s = scoreDrill(leakPlan(), numbered(messyIII()), { scenario: leakScenario() });

  it('computes the time score', () => {
    // Deadlines at III: alarm 60, isolate 180, assess 300 (from incident, t0 = 0); cordon, rescue, first-aid apply from III,
    // first warranted at 300 → cordon 300+600 = 900, rescue 300+900 = 1200, first-aid 300+1500 = 1800; absorb 1800.
    // value = 1 − late/allowed:
    //   alarm 80: 1 − 20/60 = 0.667 · isolate 200: 1 − 20/180 = 0.889 · assess 330: 1 − 30/300 = 0.9
    //   cordon 1100: 1 − 200/600 = 0.667 · rescue 1150: 1 · first-aid missed: 0 · absorb 1750: 1   → mean 5.1222/7 = 0.73175
    // levels: IV 240 ≤ 300 → 1; III warranted 300, declared 1000: 700 − 600 = 100 late → 1 − 100/600 = 0.8333 → mean 0.91667
    // milestones: first response alarm 80 vs 60 → 0.667; initial disposal (isolate, assess) last at 330 vs 300 → 0.9 → mean 0.78333
    // time = 100 × (0.3 × 0.91667 + 0.2 × 0.78333 + 0.5 × 0.73175) = 79.754 → 79.8
    expect(s.dimensions.time.score).toBe(79.8);
    expect(items(s, 'time')).toEqual([
      ['level:IV', 1, 0.15], ['level:III', 0.833, 0.15],
      ['milestone:first-response', 0.667, 0.1], ['milestone:initial-disposal', 0.9, 0.1],
      ['step:alarm', 0.667, 0.071], ['step:isolate', 0.889, 0.071], ['step:assess', 0.9, 0.071], ['step:cordon', 0.667, 0.071],
      ['step:rescue', 1, 0.071], ['step:first-aid', 0, 0.071], ['step:absorb', 1, 0.071],
    ]);
  });

  it('computes the coordination gaps and score', () => {
    // G01 wrong-role isolate by duty-officer (owner operator, whose deputy is a position) −10
    // G02 handoff-delay: assess done 330 → cordon 1100 = 770 s idle > max(300, 900 − max(300, 300) = 600) −5
    // G03 missed-notification: assess → commander never notified (deputy was, at 335) −4
    // G04 under-response: III warranted at 300 with IV declared; grace 600 (III activation) → counts 900–1000 −15
    // G05 duplicated: rescue logged twice (seq 14, 15) −3
    // G06 missed-notification: rescue → medical-team −4
    // G07 unmatched-action: 联系消防大队请求支援 (listed, 0)
    // G08 role-not-engaged: medical-team owns first-aid (due 1800 < end 2000) and never acted −10
    // coordination = 100 − 51 = 49
    expect(s.gaps.map((g) => [g.id, g.kind, g.step ?? null, g.role ?? null, g.penalty, g.evidence.map((e) => e.seq)])).toEqual([
      ['G01', 'wrong-role', 'isolate', 'duty-officer', 10, [6]],
      ['G02', 'handoff-delay', 'cordon', 'evacuation-team', 5, [10, 13]],
      ['G03', 'missed-notification', 'assess', 'duty-officer', 4, [10]],
      ['G04', 'under-response', null, 'deputy', 15, [7, 9, 12]],
      ['G05', 'duplicated', 'rescue', 'rescue-team', 3, [14, 15]],
      ['G06', 'missed-notification', 'rescue', 'rescue-team', 4, [14]],
      ['G07', 'unmatched-action', null, 'commander', 0, [16]],
      ['G08', 'role-not-engaged', null, 'medical-team', 10, []],
    ]);
    expect(s.gaps[1]).toMatchObject({ seconds: 770, from: 330, to: 1100 });
    expect(s.gaps[3]).toMatchObject({ seconds: 100, from: 900, to: 1000 });
    expect(s.level.spans).toEqual([{ kind: 'under-response', start: 300, from: 900, to: 1000, declared: ['IV'], warranted: ['III'], evidence: [7, 9, 12] }]);
    expect(s.dimensions.coordination.score).toBe(49);
  });

  it('computes the effect score', () => {
    // objectives: o1 isolate at 200 > 180 ✗, o2 assess at 330 > 300 ✗ → 0 (group 0.4)
    // required at the warranted level III: 7 steps, 6 done (first-aid missing) → 6/7 (group 0.4)
    // containment: `contained` never true → 0 (group 0.2; termination never due, so containment has the whole group)
    // effect = 100 × (0.4 × 0 + 0.4 × 6/7 + 0.2 × 0) = 34.286 → 34.3
    expect(s.dimensions.effect.score).toBe(34.3);
    expect(s.objectives.map((o) => [o.id, o.met, o.missing])).toEqual([['o1', false, ['isolate']], ['o2', false, ['assess']]]);
    expect(s.outcome).toMatchObject({ requiredWarranted: 7, completedWarranted: 6 });
    expect(s.outcome.containedAt).toBeUndefined();
  });

  it('combines the dimensions with the default weights', () => {
    // 0.4 × 79.754 + 0.35 × 49 + 0.25 × 34.286 = 31.902 + 17.15 + 8.571 = 57.62 → 57.6
    expect(s.overall).toBe(57.6);
    expect(s.params.weights).toEqual({ time: 0.4, coordination: 0.35, effect: 0.25 });
  });

  it('rates each step P/S/M/U by the documented rules', () => {
    expect(s.steps.filter((x) => x.rating).map((x) => [x.step, x.rating, x.ratingReasons])).toEqual([
      ['alarm', 'S', ['late<=50%']],
      ['isolate', 'M', ['late<=50%', 'wrong-role']],
      ['assess', 'S', ['late<=50%', 'missed-notification:G03']],
      ['cordon', 'S', ['late<=50%', 'handoff-delay:G02']],
      ['rescue', 'S', ['on-time', 'duplicated:G05', 'missed-notification:G06']],
      ['first-aid', 'U', ['missed']],
      ['absorb', 'P', ['on-time']],
    ]);
    expect(s.ratings).toEqual({ P: 1, S: 4, M: 1, U: 1 });
  });

  it('writes findings: strengths, and gaps with corrective action and responsible role', () => {
    const strengths = s.findings.filter((f) => f.kind === 'strength');
    const gaps = s.findings.filter((f) => f.kind === 'gap');
    expect(strengths.map((f) => f.id)).toEqual(['S01', 'S02']);
    expect(gaps).toHaveLength(17);
    expect(gaps.every((f) => f.action && f.actionZh)).toBe(true);
    expect(gaps.find((f) => f.text.startsWith('G01'))).toMatchObject({ role: 'operator', step: 'isolate', evidence: [6] });
    expect(gaps[0]).toMatchObject({ dimension: 'time', role: 'deputy', step: 'level:III', evidence: [9, 12] });
  });

  it('renormalises effect without a scenario (no objectives) and weights from options', () => {
    // effect = (0.4 × 6/7 + 0.2 × 0) / 0.6 = 57.14; overall = 0.4 × 79.754 + 0.35 × 49 + 0.25 × 57.143 = 63.34
    const noScn = scoreDrill(leakPlan(), numbered(messyIII()));
    expect([noScn.dimensions.effect.score, noScn.overall]).toEqual([57.1, 63.3]);
    expect(scoreDrill(leakPlan(), numbered(messyIII()), { weights: { time: 1, coordination: 0, effect: 0 } }).overall).toBe(79.8);
    // scenario weights {effect: 0.5} over the defaults → 0.4 : 0.35 : 0.5 = 0.32 : 0.28 : 0.4 → 25.521 + 13.72 + 13.714 = 52.96
    const scn = scoreDrill(leakPlan(), numbered(messyIII()), { scenario: leakScenario({ weights: { effect: 0.5 } }) });
    expect([scn.overall, scn.params.weights]).toEqual([53, { time: 0.32, coordination: 0.28, effect: 0.4 }]);
    // options win over the scenario
    expect(scoreDrill(leakPlan(), numbered(messyIII()), { scenario: leakScenario({ weights: { effect: 0.5 } }), weights: { effect: 0.25 } }).overall).toBe(57.6);
  });

  it('penalties and the handoff threshold are configurable', () => {
    const s2 = scoreDrill(leakPlan(), numbered(messyIII()), { scenario: leakScenario(), penalties: { 'under-response': 0, 'unmatched-action': 2 }, handoffThreshold: 900 });
    // −15 (under-response) +2 (unmatched) −5 (handoff 770 ≤ 900 now) → 100 − (51 − 15 + 2 − 5) = 67
    expect(s2.dimensions.coordination.score).toBe(67);
    expect(s2.gaps.map((g) => g.kind)).not.toContain('handoff-delay');
  });
});

describe('scoreDrill is pure and deterministic', () => {
  it('gives identical output for the same input, whatever the order of the event array', () => {
    const events = numbered(messyIII());
    const a = JSON.stringify(scoreDrill(leakPlan(), events, { scenario: leakScenario() }));
    const shuffled = [...events].reverse();
    const frozen = Object.freeze(events.map((e) => Object.freeze({ ...e }))) as DrillEvent[];
    expect(JSON.stringify(scoreDrill(leakPlan(), shuffled, { scenario: leakScenario() }))).toBe(a);
    expect(JSON.stringify(scoreDrill(leakPlan(), frozen, { scenario: leakScenario() }))).toBe(a);
    expect(shuffled[0].seq).toBe(events.length);
  });

  it('handles an empty log without throwing, and without a vacuous perfect score', () => {
    const s = scoreDrill(leakPlan(), []);
    expect(s.overall).toBe(0);
    expect(Object.values(s.dimensions).map((d) => d.evaluated)).toEqual([false, false, false]);
  });
});

describe('response time details', () => {
  it('lateness: 1 on time, linear to 0 at twice the allowance, 0 when missed', () => {
    expect([lateness('on-time', 0, 60), lateness('late', 30, 60), lateness('late', 90, 60), lateness('missed', undefined, 60), lateness('late', 5, 0)]).toEqual([1, 0.5, 0, 0, 0]);
  });

  it('takes milestones from the plan, not from constants', () => {
    const plan = structuredClone(leakPlan()) as Plan;
    plan.steps.find((x) => x.id === 'alarm')!.deadline!.seconds = 180;
    plan.steps.find((x) => x.id === 'assess')!.deadline!.seconds = 480;
    const s = scoreDrill(plan, numbered(cleanIV()));
    expect(s.milestones.map((m) => [m.id, m.deadline])).toEqual([['first-response', 180], ['initial-disposal', 480]]);
  });

  it('counts activation from the level.warranted event, and a pending deadline is not scored', () => {
    const s = scoreDrill(leakPlan(), numbered([
      start(), inject(0, 'i1', 'leak', SMALL_LEAK), warranted(100, 'IV', SMALL_LEAK), declared(350, 'IV', 'duty-officer'),
      done(50, 'alarm', 'operator'), end(390),
    ]));
    expect(s.level.activations[0]).toMatchObject({ warrantedAt: 100, declaredAt: 350, latency: 250, status: 'on-time' });
    const byId = Object.fromEntries(s.steps.map((x) => [x.step, x]));
    expect(byId.absorb.status).toBe('pending');
    expect(byId.absorb.rating).toBeUndefined();
    expect(byId.isolate.status).toBe('missed');
    expect(byId.isolate.rating).toBe('U');
  });

  it('a missing activation is missed once its deadline has passed', () => {
    const s = scoreDrill(leakPlan(), numbered([start(), inject(0, 'i1', 'leak', SMALL_LEAK), warranted(0, 'IV', SMALL_LEAK), done(40, 'alarm', 'operator'), end(600)]));
    expect(s.level.activations[0]).toMatchObject({ status: 'missed' });
    expect(s.dimensions.time.items[0]).toMatchObject({ id: 'level:IV', value: 0 });
  });

  it('uses the first inject as incident start unless told otherwise; step.overdue events are kept as evidence', () => {
    const ev = numbered([start(), inject(120, 'i1', 'leak', SMALL_LEAK), warranted(120, 'IV', SMALL_LEAK), overdue(180, 'alarm', 180), done(190, 'alarm', 'operator'), end(400)]);
    const s = scoreDrill(leakPlan(), ev);
    const alarm = s.steps.find((x) => x.step === 'alarm')!;
    expect([s.incidentStart, alarm.deadline, alarm.status, alarm.lateBy, alarm.overdueSeqs]).toEqual([120, 180, 'late', 10, [4]]);
    expect(scoreDrill(leakPlan(), ev, { incidentStart: 0 }).steps.find((x) => x.step === 'alarm')!.lateBy).toBe(130);
  });
});

describe('effect details', () => {
  const base = () => cleanIV().filter((e) => e.type !== 'terminate' && e.type !== 'drill.end');

  it('premature termination scores 0 and becomes a finding (condition false, or not yet shown to hold)', () => {
    const notShown = scoreDrill(leakPlan(), numbered([...cleanIV().slice(0, 11), terminate(600, 'commander'), end(600, 'terminated')]));
    expect(notShown.outcome).toMatchObject({ terminatedAt: 600, terminationCondition: 'unknown' });
    expect(notShown.dimensions.effect.items.find((i) => i.id === 'termination')!.value).toBe(0);
    expect(notShown.findings.filter((f) => f.kind === 'gap').map((f) => f.textZh)).toContain('10:00 在终止条件尚未确认满足时即宣布响应终止。');
    const falseCond = scoreDrill(leakPlan(), numbered([
      ...cleanIV().slice(0, 11), inject(500, 'i9', '泄漏未止', { contained: false, all_accounted: true }), terminate(600, 'commander'), end(600),
    ]));
    expect(falseCond.outcome.terminationCondition).toBe(false);
    expect(falseCond.findings.filter((f) => f.kind === 'gap').map((f) => f.textZh)).toContain('10:00 在终止条件未满足时即宣布响应终止。');
  });

  it('not terminating although the condition held scores 0', () => {
    const s = scoreDrill(leakPlan(), numbered([...base(), end(1600)]));
    expect(s.outcome.terminationReadyAt).toBe(900);
    expect(s.dimensions.effect.items.find((i) => i.id === 'termination')).toMatchObject({ value: 0, evidence: [] });
  });

  it('containment falls back to a step when the plan has no containment fact', () => {
    const ev = numbered([start(), inject(0, 'i1', 'leak', SMALL_LEAK), warranted(0, 'IV', SMALL_LEAK), done(40, 'alarm', 'operator'), done(150, 'isolate', 'operator'), end(200)]);
    const s = scoreDrill(leakPlan(), ev, { containmentFact: 'no-such-fact', containmentStep: 'isolate' });
    expect(s.outcome).toMatchObject({ containmentBy: { fact: 'no-such-fact', step: 'isolate' }, containedAt: 150, containedSeq: 5 });
  });

  it('objectives can name a level (`level:IV`) and respect `within`', () => {
    const s = scoreDrill(leakPlan(), numbered(cleanIV()), { scenario: leakScenario({ objectives: [
      { id: 'late', text: 'IV in 3 min', steps: ['level:IV'], within: 180 },
      { id: 'ok', text: 'absorb', steps: ['absorb'] },
      { id: 'unknown', text: 'no such step', steps: ['fly'] },
    ] }) });
    expect(s.objectives.map((o) => [o.id, o.met, o.doneAt])).toEqual([
      ['late', false, { 'level:IV': 240 }], ['ok', true, { absorb: 1500 }], ['unknown', false, { fly: undefined }],
    ]);
  });

  it('checks the MSEL expected actions of the injects that appear in the log', () => {
    const scn = leakScenario();
    scn.injects[0].expected = [
      { role: 'operator', step: 'alarm', within: 60 },
      { role: 'duty-officer', step: 'level:IV', within: 300 },
      { role: 'duty-officer', text: '通知各应急小组' },
    ];
    scn.injects[1].expected = [{ role: 'rescue-team', step: 'absorb', within: 300 }];
    const s = scoreDrill(leakPlan(), numbered(cleanIV()), { scenario: scn });
    expect(s.expected.map((x) => [x.inject, x.step ?? x.text, x.due, x.doneAt, x.doneBy, x.met, x.evidence])).toEqual([
      ['i1', 'alarm', 60, 40, 'operator', true, [2, 4]],
      ['i1', 'level:IV', 300, 240, 'duty-officer', true, [2, 8]],
      ['i1', '通知各应急小组', undefined, undefined, undefined, null, [2]],
      ['i2', 'absorb', 1200, 1500, 'rescue-team', false, [12, 14]],
    ]);
    // effect = (0.4 × 1 + 0.2 × 2/3 + 0.4 × 1 + 0.2 × 1) / 1.2 = 1.1333 / 1.2 = 94.4
    expect(s.dimensions.effect.score).toBe(94.4);
    expect(items(s, 'effect').filter(([id]) => String(id).startsWith('expected:'))).toEqual([
      ['expected:i1:0', 1, 0.056], ['expected:i1:1', 1, 0.056], ['expected:i2:0', 0, 0.056],
    ]);
  });

  it('lists the observed problem kinds for `expect.gaps` / `expect.noGaps`', () => {
    expect(observedKinds(scoreDrill(leakPlan(), numbered(messyIII()), { scenario: leakScenario() }))).toEqual([
      'wrong-role', 'duplicated', 'handoff-delay', 'missed-notification', 'role-not-engaged', 'under-response', 'unmatched-action',
      'late', 'missed', 'level-late', 'objective-missed', 'not-contained',
    ]);
    expect(observedKinds(scoreDrill(leakPlan(), numbered(cleanIV()), { scenario: leakScenario() }))).toEqual([]);
  });

  it('rejects invalid weights', () => {
    expect(() => resolveWeights({ time: -1 })).toThrow(RangeError);
    expect(() => resolveWeights({ time: 0, coordination: 0, effect: 0 })).toThrow(/at least one/);
    expect(resolveWeights()).toEqual(DEFAULT_WEIGHTS);
  });
});

void CONTAINED; void notify;
