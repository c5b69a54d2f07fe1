import { describe, expect, it } from 'vitest';
import { writeLog } from '../score/index.js';
import { runScripted } from './engine.js';
import { bareScenario, modelPlan } from './model-plan.test-helper.js';
import { MemorySink } from './run-agenda.js';
import { DrillSession } from './session.js';
import type { DrillAction, DrillEvent } from './types.js';

const plan = modelPlan();
const overdue = (events: readonly DrillEvent[]) => events.filter((e) => e.type === 'step.overdue').map((e) => [e.t, e.type === 'step.overdue' && e.step]);
const warranted = (events: readonly DrillEvent[]) => events.filter((e) => e.type === 'level.warranted').map((e) => [e.t, e.type === 'level.warranted' && e.level]);

function live(injects: Parameters<typeof bareScenario>[0]) {
  const sink = new MemorySink();
  const s = new DrillSession(plan, bareScenario(injects), sink);
  s.start({ mode: 'live' });
  return { s, sink };
}

describe('one session for every drill: the live engine gets the machine events', () => {
  it('a receipt-anchored deadline (接到报告后10分钟) counts from when its role was told: by a notification', () => {
    // The inject reaches the operator only; the duty officer is told by the operator's notification at 5:00, so
    // assess (duty, 10 min after receipt) is due at 15:00, not at 10:00.
    const { s, sink } = live([{ at: 0, to: ['operator'], facts: { leak_kg: 50 } }]);
    s.act(300, { role: 'operator', kind: 'notify', to: 'duty' }, 'participant');
    s.advance(1000);
    expect(overdue(sink.events).filter(([, step]) => step === 'assess')).toEqual([[900, 'assess']]);
  });

  it('… and by an inject addressed to everyone', () => {
    const { s, sink } = live([{ at: 0, to: [], facts: { leak_kg: 50 } }]);
    s.advance(1000);
    expect(overdue(sink.events).filter(([, step]) => step === 'assess')).toEqual([[600, 'assess']]);
  });

  it('… and never by the completion of a step whose row says to notify (the notification is its own act)', () => {
    const { s, sink } = live([{ at: 0, to: ['operator'], facts: { leak_kg: 50 } }]);
    s.act(30, { role: 'operator', kind: 'step', step: 'alarm' }, 'participant');
    s.advance(2000);
    expect(overdue(sink.events).filter(([, step]) => step === 'assess')).toEqual([]);
  });

  it('a manual level (决定启动) is entered when its decider or an alternative declares it, not when another role does', () => {
    const { s, sink } = live([{ at: 0, facts: { leak_kg: 50 } }]);
    s.act(60, { role: 'operator', kind: 'level', level: 'I' }, 'participant');
    expect(warranted(sink.events)).toEqual([[0, 'IV']]);
    s.act(120, { role: 'deputy', kind: 'level', level: 'I' }, 'participant');
    expect(warranted(sink.events)).toEqual([[0, 'IV'], [120, 'I']]);
  });

  it('logs each cadence due the step was short of (每30分钟) as step.overdue, once, also across a replay', () => {
    const { s, sink } = live([{ at: 0, facts: { leak_kg: 50 } }]);
    s.act(1000, { role: 'monitor', kind: 'step', step: 'sample' }, 'participant');
    s.advance(3700);
    // due 1 at 30:00 (done once: met), due 2 at 60:00 (still once: missed)
    expect(overdue(sink.events).filter(([, step]) => step === 'sample')).toEqual([[3600, 'sample']]);
    // A crash now: a new session replays the log, then goes on; the 60:00 miss is not logged again, the 90:00 one is.
    const resumed = new MemorySink();
    for (const e of sink.events) resumed.append(e);
    const r = new DrillSession(plan, bareScenario([{ at: 0, facts: { leak_kg: 50 } }]), resumed);
    r.replay(sink.events);
    r.advance(5500);
    expect(overdue(resumed.events).filter(([, step]) => step === 'sample')).toEqual([[3600, 'sample'], [5400, 'sample']]);
  });

  it('actions at the same time are one batch: a deadline due then passes after all of them', () => {
    // 立即 = 2 min here: alarm is due at 2:00. Two actions at 2:00 — the second is the alarm — are in time.
    const act = (role: string, step: string): DrillAction => ({ at: 120, role, kind: 'step', step } as DrillAction);
    const { s, sink } = live([{ at: 0, facts: { leak_kg: 50 } }]);
    s.actAll(120, [act('monitor', 'sample'), act('operator', 'alarm')], 'participant');
    s.advance(200);
    expect(overdue(sink.events)).toEqual([]);
  });

  it('the scripted engine is the session fed from an agenda: same log as feeding the session by hand', () => {
    const scenario = { ...bareScenario([{ at: 0, to: ['operator'], facts: { leak_kg: 50 } }, { at: 600, facts: { leak_kg: 150 } }]), actions: [
      { at: 30, role: 'operator', kind: 'step', step: 'alarm' },
      { at: 40, role: 'operator', kind: 'notify', to: 'duty' },
      { at: 700, role: 'deputy', kind: 'level', level: 'III' },
      { at: 1300, role: 'commander', kind: 'level', level: 'I' },
    ] as DrillAction[] };
    const scripted = runScripted(plan, scenario, { end: 4000 });
    const sink = new MemorySink();
    const s = new DrillSession(plan, scenario, sink);
    s.injectSource = 'script';
    s.start({ mode: 'scripted' });
    for (const a of scenario.actions) s.act(a.at, a, 'script');
    s.end(4000);
    expect(writeLog(sink.events)).toBe(writeLog(scripted));
    expect(warranted(scripted)).toEqual([[0, 'IV'], [600, 'III'], [1300, 'I']]);
  });
});
