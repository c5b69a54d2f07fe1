/**
 * The scorer reads the real-plan model (issue 9) the way the engine runs it (issue 15 "scores that agree with the
 * record"): every log here is written by the one drill engine (`runScripted` on `DrillSession`) from the plan in
 * src/drill/model-plan.test-helper.ts, then scored.
 */
import { describe, expect, it } from 'vitest';
import { runScripted } from '../drill/engine.js';
import { bareScenario, modelPlan } from '../drill/model-plan.test-helper.js';
import type { DrillAction, DrillEvent, Inject, Objective } from '../drill/types.js';
import { participantEvent } from '../live/view.js';
import { objectiveCriteria, scoreDrill, type Score } from './index.js';

const plan = modelPlan();
const LEAK = { leak_kg: 50, contained: false };

type Act = Omit<DrillAction, 'place' | 'atText'>;
const step = (at: number, role: string, id: string): Act => ({ at, role, kind: 'step', step: id });
const notify = (at: number, role: string, to: string): Act => ({ at, role, kind: 'notify', to });
const level = (at: number, role: string, id: string): Act => ({ at, role, kind: 'level', level: id });
const terminate = (at: number, role: string): Act => ({ at, role, kind: 'terminate' });

/** Runs the engine on injects + actions (ending at `end`) and scores the log. */
function drill(actions: Act[], opts: { injects?: Partial<Inject>[]; objectives?: Partial<Objective>[]; end?: number } = {}): { score: Score; events: DrillEvent[] } {
  const scenario = { ...bareScenario(opts.injects ?? [{ at: 0, facts: LEAK }], opts.objectives ?? []), actions: actions as DrillAction[] };
  const events = runScripted(plan, scenario, { end: opts.end });
  return { score: scoreDrill(plan, events, { scenario }), events };
}
const stepOf = (s: Score, id: string) => s.steps.find((x) => x.step === id)!;
const gapsOf = (s: Score, kind: string) => s.gaps.filter((g) => g.kind === kind);

describe('owners: alternatives (A 或 B) and supporting roles (会同) are not out of role', () => {
  it('a step done by one of its alternatives is not a wrong-role gap; by a role with no standing it is', () => {
    const byAlternative = drill([step(2400, 'fire', 'isolate')]).score;
    expect(stepOf(byAlternative, 'isolate')).toMatchObject({ doneBy: 'fire', standing: 'alternative' });
    expect(stepOf(byAlternative, 'isolate').wrongRole).toBeUndefined();
    expect(gapsOf(byAlternative, 'wrong-role')).toEqual([]);
    const byOther = drill([step(2400, 'monitor', 'isolate')]).score;
    expect(gapsOf(byOther, 'wrong-role').map((g) => [g.step, g.role, g.expectedRole])).toEqual([['isolate', 'monitor', 'operator']]);
  });

  it('a step done by a supporting role is not wrong-role, and the lead and its support both logging it is not a duplicate', () => {
    const { score } = drill([level(60, 'deputy', 'I'), step(300, 'fire', 'cordon'), step(320, 'deputy', 'cordon')]);
    expect(gapsOf(score, 'wrong-role')).toEqual([]);
    expect(gapsOf(score, 'duplicated')).toEqual([]);
    expect(stepOf(score, 'cordon')).toMatchObject({ standing: 'support' });
  });

  it('two alternatives both doing a step is a duplicate (either one was enough)', () => {
    const { score } = drill([step(2000, 'operator', 'isolate'), step(2100, 'fire', 'isolate')]);
    expect(gapsOf(score, 'duplicated').map((g) => g.roles)).toEqual([['operator', 'fire']]);
  });
});

describe('obligation: a 宜 (should) step not done is reported, not a failure', () => {
  it('is not required, not rated, not in the time or effect items; a note says it was not done', () => {
    const { score } = drill([], { end: 3000 });
    const signs = stepOf(score, 'signs');
    expect(signs).toMatchObject({ obligation: 'should', required: false, advisory: true, status: 'missed' });
    expect(signs.rating).toBeUndefined();
    expect(score.dimensions.time.items.some((i) => i.id === 'step:signs')).toBe(false);
    expect(score.dimensions.effect.items.some((i) => i.id === 'completed:signs')).toBe(false);
    expect(score.findings.filter((f) => f.step === 'signs').map((f) => f.kind)).toEqual(['note']);
  });
});

describe('time limits of every kind, scored as the machine times them', () => {
  it('立即 is held to the plan\'s threshold (2分钟 here) and reported as 立即', () => {
    const onTime = stepOf(drill([step(100, 'operator', 'alarm')]).score, 'alarm');
    expect(onTime).toMatchObject({ status: 'on-time', deadline: 120, allowed: 120, limitKind: 'immediate', limit: { zh: '立即（≤ 2分钟）', en: 'immediately (≤ 2 min)' } });
    const late = stepOf(drill([step(150, 'operator', 'alarm')]).score, 'alarm');
    expect(late).toMatchObject({ status: 'late', lateBy: 30, rating: 'S' });
    expect(drill([step(150, 'operator', 'alarm')]).score.dimensions.time.items.find((i) => i.id === 'step:alarm')!.labelZh).toBe('步骤 alarm（立即（≤ 2分钟））：超时 30秒');
  });

  it('a window (30分钟至1小时) is late only after its upper bound', () => {
    expect(stepOf(drill([step(3000, 'operator', 'isolate')]).score, 'isolate')).toMatchObject({ status: 'on-time', deadline: 3600 });
    expect(stepOf(drill([step(900, 'operator', 'isolate')]).score, 'isolate')).toMatchObject({ status: 'on-time' });
    expect(stepOf(drill([step(3900, 'operator', 'isolate')]).score, 'isolate')).toMatchObject({ status: 'late', lateBy: 300 });
  });

  it('a receipt-anchored limit (接到报告后10分钟) counts from when the role was first told, as the machine does', () => {
    // The inject reaches only the operator; the operator notifies the duty officer at 5:00 → assess due at 15:00.
    const injects = [{ at: 0, to: ['operator'], facts: LEAK }];
    const inTime = drill([notify(300, 'operator', 'duty'), step(850, 'duty', 'assess')], { injects }).score;
    expect(stepOf(inTime, 'assess')).toMatchObject({ deadline: 900, status: 'on-time' });
    const late = drill([notify(300, 'operator', 'duty'), step(950, 'duty', 'assess')], { injects });
    expect(stepOf(late.score, 'assess')).toMatchObject({ deadline: 900, status: 'late', lateBy: 50 });
    // The engine's own step.overdue (the machine's timer) is at the same moment.
    expect(late.events.find((e) => e.type === 'step.overdue' && e.step === 'assess')?.t).toBe(900);
  });

  it('a receipt-anchored limit whose role was never told is not scored (never a silent 0)', () => {
    const { score } = drill([], { injects: [{ at: 0, to: ['operator'], facts: LEAK }], end: 3000 });
    expect(stepOf(score, 'assess')).toMatchObject({ status: 'not-scored', notScored: 'not-told' });
    expect(stepOf(score, 'assess').rating).toBeUndefined();
  });

  it('an event-anchored limit (自伤亡人数变化之日起30日) the drill cannot time is reported as not scored', () => {
    const { score } = drill([], { end: 3000 });
    const r = stepOf(score, 'resupply');
    expect(r).toMatchObject({ status: 'not-scored', notScored: 'event-anchor', required: true });
    expect(r.rating).toBeUndefined();
    expect(score.dimensions.time.items.some((i) => i.id === 'step:resupply')).toBe(false);
    expect(score.dimensions.effect.items.some((i) => i.id === 'completed:resupply')).toBe(false);
    expect(score.findings.find((f) => f.step === 'resupply')).toMatchObject({ kind: 'note' });
    expect(score.findings.find((f) => f.step === 'resupply')!.textZh).toContain('未计分');
  });

  it('a cadence (每30分钟) is scored per due: its misses are the engine\'s step.overdue events', () => {
    // Dues at 30:00, 60:00, 90:00 (the drill ends at 90:00); done at 10:00, 65:00 and 83:20: by 30:00 once (1 owed,
    // kept), by 60:00 still once (2 owed: missed), by 90:00 three times (3 owed: kept). The machine says which.
    const { score, events } = drill([step(600, 'monitor', 'sample'), step(3900, 'monitor', 'sample'), step(5000, 'monitor', 'sample')], { end: 5400 });
    const misses = events.filter((e) => e.type === 'step.overdue' && e.step === 'sample').map((e) => e.t);
    expect(misses).toEqual([3600]);
    const r = stepOf(score, 'sample');
    expect(r).toMatchObject({ dues: 3, misses: 1, status: 'late', rating: 'S', limit: { zh: '每30分钟' } });
    expect(score.dimensions.time.items.find((i) => i.id === 'step:sample')).toMatchObject({ value: 0.667, labelZh: '步骤 sample（每30分钟）：应做 3 次，按时 2 次，漏 1 次' });
    // Repeating a cadence is its duty, not a duplicate.
    expect(gapsOf(score, 'duplicated')).toEqual([]);
  });
});

describe('levels started by decision (决定启动)', () => {
  it('declared by its decider or an alternative decider is not over-response (the machine enters it)', () => {
    for (const role of ['commander', 'deputy']) {
      const { score } = drill([level(60, role, 'I')], { end: 600 });
      expect(gapsOf(score, 'over-response'), role).toEqual([]);
      expect(gapsOf(score, 'wrong-role'), role).toEqual([]);
      expect(score.level.warranted).toBe('I');
    }
  });

  it('declared by a role that may not decide it is over-response and out of role', () => {
    const { score } = drill([level(60, 'duty', 'I')], { end: 600 });
    expect(gapsOf(score, 'over-response')).toHaveLength(1);
    expect(gapsOf(score, 'wrong-role').map((g) => g.step)).toEqual(['level:I']);
  });

  it('a hand-written log without the machine\'s level.warranted reads the same', () => {
    const { events } = drill([level(60, 'commander', 'I')], { end: 600 });
    const withoutMachine = events.filter((e) => !(e.type === 'level.warranted' && e.level === 'I'));
    expect(gapsOf(scoreDrill(plan, withoutMachine), 'over-response')).toEqual([]);
  });
});

describe('any-of prerequisites (isolate 或 cordon)', () => {
  it('a step after either branch is in order when one branch was done first', () => {
    const { score } = drill([step(60, 'operator', 'alarm'), step(1900, 'operator', 'isolate'), step(2000, 'medic', 'aid')]);
    expect(gapsOf(score, 'out-of-order')).toEqual([]);
    expect(stepOf(score, 'aid').windowStart).toBe(1900);
  });

  it('… and out of order when it came before both', () => {
    const { score } = drill([step(60, 'operator', 'alarm'), step(1000, 'medic', 'aid'), step(1900, 'operator', 'isolate')]);
    expect(gapsOf(score, 'out-of-order').map((g) => [g.step, g.roles])).toEqual([['aid', ['operator']]]);
  });
});

describe('scores that agree with the record', () => {
  it('an objective follows its text: "不重复、不越位" fails when its steps were duplicated or done out of role', () => {
    expect(objectiveCriteria('各应急小组按职责分工处置，不重复、不越位')).toEqual(['duplicated', 'wrong-role']);
    expect(objectiveCriteria('3分钟内完成报警')).toEqual([]);
    const objectives = [{ text: '各应急小组按职责分工处置，不重复、不越位', steps: ['isolate', 'alarm'] }];
    const clean = drill([step(60, 'operator', 'alarm'), step(2000, 'operator', 'isolate')], { objectives }).score;
    expect(clean.objectives[0]).toMatchObject({ status: 'met', criteria: ['duplicated', 'wrong-role'], gapIds: [] });
    const messy = drill([step(60, 'operator', 'alarm'), step(2000, 'operator', 'isolate'), step(2100, 'monitor', 'isolate')], { objectives }).score;
    expect(messy.objectives[0].status).toBe('missed');
    expect(messy.objectives[0].gapIds).toEqual(messy.gaps.filter((g) => g.kind === 'duplicated' || g.kind === 'wrong-role').map((g) => g.id));
    expect(messy.findings.find((f) => f.kind === 'gap' && f.textZh.includes('目标 `o1` 未达成'))!.textZh).toContain('出现目标所排除的问题');
  });

  it('a notification the participant saw is the notification the score counts', () => {
    // The alarm row says "notify duty". The operator notifies the duty officer after the alarm: the duty officer's page
    // shows exactly that notification, and the score finds no missed notification.
    const { score, events } = drill([step(60, 'operator', 'alarm'), notify(70, 'operator', 'duty')]);
    const seen = events.map((e) => participantEvent(e, 'duty', plan, bareScenario())).filter((e) => e && !e.mine && e.type !== 'drill.end' && e.type !== 'inject');
    expect(seen.map((e) => [e!.type, e!.role, e!.to])).toEqual([['notify', 'operator', 'duty']]);
    expect(gapsOf(score, 'missed-notification')).toEqual([]);
    // Without the notification the page shows nothing from the operator — and the score reports the gap.
    const silent = drill([step(60, 'operator', 'alarm')]);
    expect(silent.events.map((e) => participantEvent(e, 'duty', plan, bareScenario())).filter((e) => e && !e.mine && e.type !== 'drill.end' && e.type !== 'inject')).toEqual([]);
    expect(gapsOf(silent.score, 'missed-notification').map((g) => g.roles)).toEqual([['duty']]);
  });

  it('objectives not yet due when a drill is cut short are not reached (not failed), and the drill is not rated', () => {
    const objectives = [{ text: '40分钟内完成现场救护', steps: ['aid'], within: 2400 }, { text: '2分钟内报警', steps: ['alarm'], within: 120 }];
    const { score } = drill([step(60, 'operator', 'alarm')], { objectives, end: 600 });
    // the facilitator ended it at 10:00: rewrite drill.end's reason as a live drill logs it
    const events = drill([step(60, 'operator', 'alarm')], { objectives, end: 600 }).events.map((e) => (e.type === 'drill.end' ? { ...e, reason: 'facilitator' as const } : e));
    const cut = scoreDrill(plan, events, { scenario: { ...bareScenario([{ at: 0, facts: LEAK }], objectives) } });
    expect(cut.objectives.map((o) => o.status)).toEqual(['not-reached', 'met']);
    expect(cut.dimensions.effect.items.some((i) => i.id === 'objective:o1')).toBe(false);
    expect(cut.band).toMatchObject({ id: 'not-rated' });
    expect(cut.band.reasons).toContain('objective-not-reached:o1');
    expect(cut.findings.filter((f) => f.kind === 'gap' && f.textZh.includes('`o1`'))).toEqual([]);
    // Run to its end by the script (not cut short), the same drill is rated.
    expect(score.band.id).not.toBe('not-rated');
  });

  it('an unterminated response cannot score full effect', () => {
    const all = [step(60, 'operator', 'alarm'), notify(70, 'operator', 'duty'), step(300, 'duty', 'assess'), step(2000, 'operator', 'isolate'), step(2100, 'medic', 'aid'),
      step(1800, 'monitor', 'sample')];
    const open = drill(all, { end: 2400 }).score;
    expect(open.dimensions.effect.items.find((i) => i.id === 'termination')).toMatchObject({ value: 0, labelZh: '演练期间未宣布响应终止' });
    expect(open.dimensions.effect.score).toBeLessThan(100);
    const closed = drill([...all, terminate(2300, 'commander')], { injects: [{ at: 0, facts: LEAK }, { at: 2200, facts: { contained: true } }], end: 2400 }).score;
    expect(closed.dimensions.effect.items.find((i) => i.id === 'termination')).toMatchObject({ value: 1 });
  });
});
