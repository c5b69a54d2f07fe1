import { describe, expect, it } from 'vitest';
import { createActor, initialTransition, SimulatedClock, transition, type AnyMachineSnapshot } from 'xstate';
import { domainRegion, isEmpty, regionOf, sampleBox, subtract, type Expr, type Region } from '../expr/index.js';
import type { Plan } from '../model/index.js';
import { collectPlanFiles, parsePlanFile } from '../parse/index.js';
import { plansFrom, miniPlan } from '../../test/helpers/lint.js';
import {
  createPlanMachine, deadlineEvent, factsEvent, incidentEvent, stepDone, terminateEvent, type FactInput, type PlanEvent,
} from './machine.js';
import { compileStatechart, type StatechartConfig } from './statechart.js';

const files = collectPlanFiles(['plans/chem', 'plans/flood']).files;
const load = (file: string): Plan => parsePlanFile(file).plan!;
/** The exported JSON, as `yuan compile` writes it and a consumer reads it back. */
const exported = (plan: Plan): StatechartConfig => JSON.parse(JSON.stringify(compileStatechart(plan), null, 2));

/** A valuation of every fact in `ast`'s region minus the regions of `not` (undefined when there is none). */
function pointIn(plan: Plan, ast: Expr, not: (Expr | undefined)[] = []): FactInput | undefined {
  let r: Region = regionOf(ast, plan.facts);
  for (const n of not) if (n) r = subtract(r, regionOf(n, plan.facts));
  return isEmpty(r) ? undefined : (sampleBox(r.boxes[0], plan.facts) as FactInput);
}

const levelOf = (s: AnyMachineSnapshot) => (s.value as { response?: { level?: string } }).response?.level;

describe('walking every example plan with the pure transition function', () => {
  it.each(files)('%s: standby → each level in turn → terminated → recovery', (file) => {
    const plan = load(file);
    const machine = createPlanMachine(plan, exported(plan));
    const ascending = [...plan.levels].sort((a, b) => b.rank - a.rank);
    let [s] = initialTransition(machine);
    expect(s.matches('standby' as never)).toBe(true);
    const send = (e: PlanEvent) => { [s] = transition(machine, s, e); return s; };

    // Enter the least severe level: its trigger, and no more severe trigger.
    const [first, ...rest] = ascending;
    const start = pointIn(plan, first.trigger!.ast!, ascending.slice(1).map((l) => l.trigger?.ast));
    expect(start, `a valuation that selects ${first.id}`).toBeDefined();
    send(incidentEvent(start!));
    expect(s.value).toMatchObject({ response: { level: first.id } });
    expect(s.context.level).toBe(first.id);

    // Escalate one level at a time by the plan's escalation rules.
    let current = first;
    for (const next of rest) {
      const esc = plan.escalations.find((e) => e.from === current.id && e.to === next.id)!;
      expect(esc, `escalation ${current.id} → ${next.id}`).toBeDefined();
      const before = plan.escalations.filter((e) => e.from === current.id && e !== esc &&
        (plan.levels.find((l) => l.id === e.to)?.rank ?? 99) < next.rank).map((e) => e.when.ast);
      send(factsEvent(pointIn(plan, esc.when.ast!, before)!));
      expect(s.value).toMatchObject({ response: { level: next.id } });
      current = next;
    }

    // Terminate by the condition (not by an escalation out of the top level).
    const ups = plan.escalations.filter((e) => e.from === current.id && (plan.levels.find((l) => l.id === e.to)?.rank ?? 99) < current.rank);
    send(factsEvent(pointIn(plan, plan.termination!.when!.ast!, ups.map((e) => e.when.ast))!));
    expect(s.value).toBe('terminated');
    expect(s.context.level).toBe(current.id);
    send({ type: 'RECOVER' });
    expect(s.value).toBe('recovery');
    expect(s.status).toBe('done');
  });
});

describe('the leak plan, step by step', () => {
  const plan = load('plans/chem/hazardous-chemical-leak.md');
  const machine = createPlanMachine(plan, exported(plan));
  const calm: FactInput = { leak_kg: 50, injured: 0, deaths: 0, trapped: 0, fire: false, offsite: false, gas_ppm: 0 };

  it('leak_kg 50 → IV; 500 → III; fire → II; offsite → I; termination facts → terminated', () => {
    let [s] = initialTransition(machine);
    const send = (e: PlanEvent) => { [s] = transition(machine, s, e); return s; };
    expect(s.value).toBe('standby');
    expect(s.context).toMatchObject({ facts: {}, level: null, expired: [] });

    send(incidentEvent(calm));
    expect(s.value).toMatchObject({ response: { level: 'IV', timers: { alarm: 'running', 'first-aid': 'idle' } } });
    expect(s.context.steps).toMatchObject({ alarm: 'ready', isolate: 'pending', assess: 'pending', cordon: 'skipped', evacuate: 'skipped' });

    send(stepDone('alarm', 'operator'));
    expect(s.context.steps).toMatchObject({ alarm: 'done', isolate: 'ready', assess: 'ready' });
    expect(s.value).toMatchObject({ response: { timers: { alarm: 'stopped' } } });

    send(factsEvent({ leak_kg: 500 }));
    expect(levelOf(s)).toBe('III');
    expect(s.context.facts).toMatchObject({ ...calm, leak_kg: 500 });
    expect(s.context.steps).toMatchObject({ cordon: 'pending', shutdown: 'skipped' });

    send(factsEvent({ fire: true }));
    expect(levelOf(s)).toBe('II');
    expect(s.context.steps).toMatchObject({ shutdown: 'pending', monitor: 'pending', evacuate: 'skipped' });

    send(factsEvent({ offsite: true }));
    expect(levelOf(s)).toBe('I');
    expect(s.context.steps.evacuate).toBe('pending');

    // Contained but still offsite: I → II would need `not offsite`; termination needs all_accounted.
    send(factsEvent({ contained: true }));
    expect(levelOf(s)).toBe('I');
    send(factsEvent({ offsite: false, fire: false, all_accounted: true }));
    expect(s.value).toBe('terminated');
    expect(s.context.level).toBe('I');
  });

  it('de-escalates by the plan rules (II → III when contained, no fire, no deaths, injured ≤ 2)', () => {
    let [s] = initialTransition(machine);
    [s] = transition(machine, s, incidentEvent({ ...calm, fire: true }));
    expect(levelOf(s)).toBe('II');
    [s] = transition(machine, s, factsEvent({ contained: true, fire: false }));
    expect(levelOf(s)).toBe('III');
  });

  it('settles in one FACTS: from IV, facts that warrant II reach II (IV → III → II), and I (→ II → I)', () => {
    let [s] = initialTransition(machine);
    [s] = transition(machine, s, incidentEvent(calm));
    expect(levelOf(s)).toBe('IV');
    const [two] = transition(machine, s, factsEvent({ leak_kg: 150, fire: true }));
    expect(two.value).toMatchObject({ response: { level: 'II' } });
    expect(two.context.level).toBe('II');
    expect(two.context.steps).toMatchObject({ cordon: 'pending', shutdown: 'pending', monitor: 'pending', evacuate: 'skipped' });
    // leak_rate ≥ 500 is the II → I rule: three escalation rules in one event.
    const [one] = transition(machine, s, factsEvent({ leak_kg: 150, fire: true, leak_rate: 600 }));
    expect(one.context.level).toBe('I');
    // Facts that only meet IV → III stop at III.
    const [three] = transition(machine, s, factsEvent({ leak_kg: 150 }));
    expect(three.context.level).toBe('III');
  });

  it('follows the escalation rules out of the level assessing picks (IV\'s trigger holds, IV → III too: trapped)', () => {
    let [s] = initialTransition(machine);
    [s] = transition(machine, s, incidentEvent({ ...calm, trapped: 1 }));
    expect(s.value).toMatchObject({ response: { level: 'III' } });
    expect(s.context.level).toBe('III');
  });

  it('lets the more severe level win when the plan\'s rules overlap, and stays there on further FACTS', () => {
    // contained, no fire, 2000 kg: II → III holds, but so does III → II (leak_kg ≥ 1000).
    let [s] = initialTransition(machine);
    [s] = transition(machine, s, incidentEvent({ ...calm, leak_kg: 2000 }));
    expect(levelOf(s)).toBe('II');
    [s] = transition(machine, s, factsEvent({ contained: true }));
    expect(levelOf(s)).toBe('II');
    [s] = transition(machine, s, factsEvent({ gas_ppm: 1 }));
    expect(levelOf(s)).toBe('II');
    expect(s.context.level).toBe('II');
  });

  it('starts from standby on FACTS only once a level trigger definitely holds', () => {
    let [s] = initialTransition(machine);
    [s] = transition(machine, s, factsEvent({ leak_kg: 50 }));
    expect(s.value).toBe('standby'); // other facts unknown: IV's trigger is not yet true
    expect(s.context.facts).toEqual({ leak_kg: 50 });
    [s] = transition(machine, s, factsEvent({ offsite: true }));
    expect(levelOf(s)).toBe('I'); // `offsite` alone decides I
  });

  it('stays in assessing until the facts decide a level', () => {
    let [s] = initialTransition(machine);
    [s] = transition(machine, s, incidentEvent());
    expect(s.value).toMatchObject({ response: { level: 'assessing' } });
    expect(s.context.steps).toMatchObject({ alarm: 'ready', cordon: 'pending' }); // level-bound steps undecided
    [s] = transition(machine, s, factsEvent(calm));
    expect(levelOf(s)).toBe('IV');
  });

  it('accepts fact labels as keys and forgets a fact set to null', () => {
    let [s] = initialTransition(machine);
    [s] = transition(machine, s, incidentEvent({ ...calm, leak_kg: null, 泄漏量: 500 }));
    expect(s.context.facts.leak_kg).toBe(500);
    expect(levelOf(s)).toBe('III');
    [s] = transition(machine, s, factsEvent({ gas_ppm: null }));
    expect(s.context.facts).not.toHaveProperty('gas_ppm');
  });

  it('terminates on TERMINATE only from the deciding role or its deputy', () => {
    let [s] = initialTransition(machine);
    [s] = transition(machine, s, incidentEvent(calm));
    [s] = transition(machine, s, terminateEvent('operator'));
    expect(levelOf(s)).toBe('IV');
    [s] = transition(machine, s, terminateEvent());
    expect(levelOf(s)).toBe('IV');
    const [byDeputy] = transition(machine, s, terminateEvent('deputy'));
    expect(byDeputy.value).toBe('terminated');
    [s] = transition(machine, s, terminateEvent('commander'));
    expect(s.value).toBe('terminated');
  });

  it('ignores STEP_DONE for unknown or finished steps, and step events outside a response', () => {
    let [s] = initialTransition(machine);
    [s] = transition(machine, s, stepDone('alarm'));
    expect(s.context.steps.alarm).toBe('pending');
    [s] = transition(machine, s, incidentEvent(calm));
    [s] = transition(machine, s, stepDone('nope'));
    expect(s.context.steps).not.toHaveProperty('nope');
    [s] = transition(machine, s, stepDone('alarm'));
    const again = transition(machine, s, stepDone('alarm'))[0];
    expect(again.context).toEqual(s.context);
  });

  it('marks a step overdue on a DEADLINE event (a drill on an external clock)', () => {
    let [s] = initialTransition(machine);
    [s] = transition(machine, s, incidentEvent(calm));
    [s] = transition(machine, s, deadlineEvent('isolate'));
    expect(s.context.steps.isolate).toBe('overdue');
    expect(s.context.expired).toEqual(['isolate']);
    expect(s.value).toMatchObject({ response: { timers: { isolate: 'expired' } } });
    [s] = transition(machine, s, stepDone('isolate'));
    expect(s.context.steps.isolate).toBe('done'); // late, but done
    expect(s.context.expired).toEqual(['isolate']);
  });
});

describe('the flood plan: warnings, then a response', () => {
  const plan = load('plans/flood/municipal-flood.md');
  const machine = createPlanMachine(plan, exported(plan));

  it('moves through warning states in standby, then levels, then stands down', () => {
    let [s] = initialTransition(machine);
    const send = (e: PlanEvent) => { [s] = transition(machine, s, e); return s; };
    expect(s.value).toEqual({ standby: 'normal' });
    send(factsEvent({ warning: 'clear', forecast_rain_24h: 60 }));
    expect(s.value).toEqual({ standby: 'blue' });
    send(factsEvent({ warning: 'orange', forecast_rain_24h: 180 }));
    expect(s.value).toEqual({ standby: 'orange' });
    send(factsEvent({ warning: 'red' }));
    expect(s.value).toEqual({ standby: 'red' });
    send(incidentEvent({ river_level: 4.8, rainfall_24h: 120, levee_breach: false, deaths: 0, persons_trapped: 0 }));
    expect(levelOf(s)).toBe('III');
    expect(s.context.facts.warning).toBe('red');
    send(factsEvent({ river_level: 5.8 }));
    expect(levelOf(s)).toBe('II');
    send(factsEvent({ levee_breach: true }));
    expect(levelOf(s)).toBe('I');
    // I → II (not breached, below 6.5 m, receding) and II → III (below 5.5 m, receding) in one event; III → IV needs < 4.5 m.
    send(factsEvent({ levee_breach: false, river_level: 5.0, water_receding: true }));
    expect(levelOf(s)).toBe('III');
    send(factsEvent({ river_level: 4.0, warning: 'blue' }));
    expect(s.value).toBe('terminated');
  });
});

describe('deadlines on a SimulatedClock', () => {
  const leak = load('plans/chem/hazardous-chemical-leak.md');
  const calm: FactInput = { leak_kg: 50, injured: 0, deaths: 0, trapped: 0, fire: false, offsite: false, gas_ppm: 0 };
  const start = (plan: Plan) => {
    const clock = new SimulatedClock();
    const actor = createActor(createPlanMachine(plan, exported(plan)), { clock });
    actor.start();
    return { clock, actor, steps: () => actor.getSnapshot().context.steps };
  };

  it('marks a step overdue when the clock passes its deadline without STEP_DONE', () => {
    const { clock, actor, steps } = start(leak);
    actor.send(incidentEvent(calm));
    clock.increment(59_000);
    expect(steps().alarm).toBe('ready');
    clock.increment(2_000); // alarm: 1 min from the incident
    expect(steps().alarm).toBe('overdue');
    expect(actor.getSnapshot().context.expired).toEqual(['alarm']);
    expect(actor.getSnapshot().value).toMatchObject({ response: { timers: { alarm: 'expired' } } });
    clock.increment(4 * 60_000); // isolate and assess (3 and 5 min) follow
    expect(actor.getSnapshot().context.expired).toEqual(['alarm', 'isolate', 'assess']);
    expect(steps().absorb).toBe('pending');
  });

  it('does not mark a step done in time, and stops its timer', () => {
    const { clock, actor, steps } = start(leak);
    actor.send(incidentEvent(calm));
    clock.increment(30_000);
    actor.send(stepDone('alarm', 'operator'));
    clock.increment(10 * 60_000);
    expect(steps().alarm).toBe('done');
    expect(actor.getSnapshot().context.expired).not.toContain('alarm');
    expect(actor.getSnapshot().value).toMatchObject({ response: { timers: { alarm: 'stopped' } } });
  });

  it('makes a step ready when its prerequisites are done', () => {
    const { actor, steps } = start(leak);
    actor.send(incidentEvent({ ...calm, leak_kg: 500 }));
    expect(steps()).toMatchObject({ alarm: 'ready', isolate: 'pending', assess: 'pending', cordon: 'pending' });
    actor.send(stepDone('alarm'));
    expect(steps()).toMatchObject({ isolate: 'ready', assess: 'ready', cordon: 'pending' });
    actor.send(stepDone('assess'));
    expect(steps()).toMatchObject({ cordon: 'ready', rescue: 'pending' });
    actor.send(stepDone('cordon'));
    expect(steps()).toMatchObject({ rescue: 'ready', 'first-aid': 'pending' });
  });

  it('counts a step-anchored deadline from the anchor step\'s completion', () => {
    const { clock, actor, steps } = start(leak);
    actor.send(incidentEvent({ ...calm, leak_kg: 500 })); // III: first-aid is due 10 min after rescue is done
    for (const step of ['alarm', 'assess', 'cordon']) actor.send(stepDone(step));
    clock.increment(30 * 60_000);
    expect(steps()['first-aid']).toBe('pending');
    expect(actor.getSnapshot().context.expired).not.toContain('first-aid');
    expect(actor.getSnapshot().value).toMatchObject({ response: { timers: { 'first-aid': 'waiting', rescue: 'expired' } } });
    actor.send(stepDone('rescue'));
    expect(steps()['first-aid']).toBe('ready');
    clock.increment(9 * 60_000 + 59_000);
    expect(steps()['first-aid']).toBe('ready');
    clock.increment(1_000);
    expect(steps()['first-aid']).toBe('overdue');
  });

  it('counts a level-anchored deadline from the activation of a level the step applies at', () => {
    const general = load('plans/chem/general.md'); // command-post: 响应启动后15分钟
    const { clock, actor, steps } = start(general);
    actor.send(incidentEvent());
    clock.increment(20 * 60_000); // still assessing: the clock has not started
    expect(actor.getSnapshot().value).toMatchObject({ response: { level: 'assessing', timers: { 'command-post': 'idle' } } });
    actor.send(factsEvent({ deaths: 0, injured: 0, loss_wan: 10, offsite: false }));
    expect(actor.getSnapshot().context.level).toBe('IV');
    clock.increment(14 * 60_000);
    expect(steps()['command-post']).toBe('pending');
    clock.increment(60_000);
    expect(steps()['command-post']).toBe('overdue');
    // `support` (III+, 响应启动后30分钟) starts counting only when III is entered.
    clock.increment(60 * 60_000);
    expect(steps().support).toBe('skipped');
    actor.send(factsEvent({ deaths: 3 }));
    expect(actor.getSnapshot().context.level).toBe('III');
    clock.increment(29 * 60_000);
    expect(actor.getSnapshot().context.expired).not.toContain('support');
    clock.increment(60_000);
    expect(actor.getSnapshot().context.expired).toContain('support');
  });

  it('starts a III+ step\'s incident-anchored clock when III is entered, not at the alarm (cordon: 10 min)', () => {
    const { clock, actor, steps } = start(leak);
    actor.send(incidentEvent(calm));
    expect(actor.getSnapshot().value).toMatchObject({ response: { level: 'IV', timers: { cordon: 'idle', alarm: 'running' } } });
    clock.increment(12 * 60_000); // 10 min from the alarm have passed at IV: cordon does not apply, nothing is due
    expect(actor.getSnapshot().context.expired).toEqual(['alarm', 'isolate', 'assess']);
    expect(steps().cordon).toBe('skipped');
    actor.send(factsEvent({ leak_kg: 150 })); // III at 12:00
    expect(actor.getSnapshot().value).toMatchObject({ response: { level: 'III', timers: { cordon: 'running', rescue: 'running', 'first-aid': 'waiting', shutdown: 'idle' } } });
    expect(steps().cordon).toBe('pending');
    clock.increment(10 * 60_000 - 1);
    expect(actor.getSnapshot().context.expired).not.toContain('cordon');
    clock.increment(1); // 22:00 = III entered + 10 min
    expect(actor.getSnapshot().context.expired).toContain('cordon');
    expect(steps().cordon).toBe('overdue');
  });

  it('starts the clocks of steps that apply from III when IV → II is crossed in one event', () => {
    const { clock, actor } = start(leak);
    actor.send(incidentEvent(calm));
    clock.increment(5 * 60_000);
    actor.send(factsEvent({ leak_kg: 150, fire: true })); // IV → II at 5:00
    expect(actor.getSnapshot().value).toMatchObject({ response: { level: 'II', timers: { cordon: 'running', shutdown: 'running', monitor: 'running' } } });
    clock.increment(10 * 60_000);
    expect(actor.getSnapshot().context.expired).toEqual(['alarm', 'isolate', 'assess', 'cordon']); // cordon: 10 min from II
    clock.increment(5 * 60_000 - 1);
    expect(actor.getSnapshot().context.expired).not.toContain('monitor');
    clock.increment(1); // rescue and monitor: 15 min from II (20:00), not from the alarm (15:00)
    expect(actor.getSnapshot().context.expired).toEqual(['alarm', 'isolate', 'assess', 'cordon', 'rescue', 'monitor']);
  });

  it('starts a step-anchored clock of a level-bound step when both hold: its level is entered and the anchor is done', () => {
    const { clock, actor, steps } = start(leak);
    actor.send(incidentEvent(calm));
    actor.send(stepDone('rescue')); // done early, at IV: first-aid (III+, rescue 完成后10分钟) does not apply yet
    clock.increment(30 * 60_000);
    expect(actor.getSnapshot().value).toMatchObject({ response: { timers: { 'first-aid': 'idle' } } });
    actor.send(factsEvent({ injured: 1 })); // III at 30:00: the anchor is already done, the clock starts now
    expect(actor.getSnapshot().value).toMatchObject({ response: { level: 'III', timers: { 'first-aid': 'running' } } });
    clock.increment(10 * 60_000 - 1);
    expect(steps()['first-aid']).not.toBe('overdue');
    clock.increment(1);
    expect(steps()['first-aid']).toBe('overdue');
  });

  it('keeps a started clock when the level falls below the step\'s levels', () => {
    const { clock, actor, steps } = start(leak);
    actor.send(incidentEvent({ ...calm, fire: true })); // II: monitor (II+, 15 min) starts
    clock.increment(5 * 60_000);
    actor.send(factsEvent({ fire: false, contained: true })); // II → III
    expect(actor.getSnapshot().value).toMatchObject({ response: { level: 'III', timers: { monitor: 'running' } } });
    clock.increment(10 * 60_000);
    expect(actor.getSnapshot().context.expired).toContain('monitor');
    expect(steps().monitor).toBe('skipped'); // expired, but not required at III
  });

  it('moves from terminated to recovery when the follow-up period ends', () => {
    const { clock, actor } = start(leak);
    actor.send(incidentEvent(calm));
    actor.send(terminateEvent('commander'));
    expect(actor.getSnapshot().value).toBe('terminated');
    clock.increment(24 * 3600_000 - 1);
    expect(actor.getSnapshot().value).toBe('terminated');
    clock.increment(1);
    expect(actor.getSnapshot().value).toBe('recovery');
    expect(actor.getSnapshot().status).toBe('done');
  });

  it('runs an inline plan (miniPlan) too', () => {
    const [mini] = plansFrom({ 'mini.md': miniPlan() });
    const { clock, actor, steps } = start(mini);
    actor.send(incidentEvent({ leak_kg: 10, injured: 0 }));
    expect(actor.getSnapshot().context.level).toBe('III');
    clock.increment(61_000);
    expect(steps()).toMatchObject({ alarm: 'overdue', report: 'skipped' });
    actor.send(factsEvent({ leak_kg: 0.5 }));
    expect(actor.getSnapshot().value).toBe('terminated');
    expect(domainRegion(mini.facts).boxes).toHaveLength(1);
  });
});
