import { describe, expect, it } from 'vitest';
import { writeLog } from './log-format.js';
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

describe('the facilitator changes upcoming injects: edit, reschedule, skip, reorder — logged and replayed', () => {
  const three = () => bareScenario([
    { at: 0, facts: { leak_kg: 50 } }, { at: 600, message: 'second', facts: { leak_kg: 80 } }, { at: 1200, message: 'third', facts: { leak_kg: 150 } },
  ]);
  const injects = (events: readonly DrillEvent[]) => events.filter((e) => e.type === 'inject').map((e) => e.type === 'inject' && [e.t, e.inject, e.message, e.to, e.facts]);

  it('reveals the agenda as changed, and a resumed session replays the changes', () => {
    const sink = new MemorySink();
    const s = new DrillSession(plan, three(), sink);
    s.start({ mode: 'live' });
    s.advance(100);
    s.reschedule(100, 'i2', { at: 900, message: 'second, later', to: ['monitor'], facts: null });
    s.reorder(100, ['i2', 'i3']);
    expect(s.upcoming().map((i) => [i.id, i.at])).toEqual([['i2', 900], ['i3', 1200]]);
    s.reorder(200, ['i3', 'i2']);
    expect(s.upcoming().map((i) => [i.id, i.at])).toEqual([['i3', 900], ['i2', 1200]]);
    expect(() => s.reschedule(200, 'i1', { skip: true })).toThrow(RangeError); // already revealed
    // A crash here: the resumed session has the changed agenda.
    const resumed = new MemorySink();
    for (const e of sink.events) resumed.append(e);
    const r = new DrillSession(plan, three(), resumed);
    r.replay(sink.events);
    expect(r.upcoming().map((i) => [i.id, i.at, i.message])).toEqual([['i3', 900, 'third'], ['i2', 1200, 'second, later']]);
    r.reschedule(300, 'i2', { skip: true });
    r.advance(2000);
    expect(injects(resumed.events)).toEqual([[0, 'i1', 'inject', [], { leak_kg: 50 }], [900, 'i3', 'third', [], { leak_kg: 150 }]]);
    // The schedule events are valid log lines.
    expect(() => writeLog(resumed.events)).not.toThrow();
    expect(resumed.events.filter((e) => e.type === 'schedule').map((e) => e.type === 'schedule' && [e.inject, e.op, e.at])).toEqual([
      ['i2', 'edit', 900], ['i3', 'edit', 900], ['i2', 'edit', 1200], ['i2', 'skip', undefined],
    ]);
  });

  it('a new time in the past reveals the inject at once; facts changed by the facilitator reach the machine', () => {
    const sink = new MemorySink();
    const s = new DrillSession(plan, three(), sink);
    s.start({ mode: 'live' });
    s.advance(300);
    s.reschedule(300, 'i3', { at: 100 });
    s.advance(301);
    expect(injects(sink.events).map((x) => x && x.slice(0, 2))).toEqual([[0, 'i1'], [300, 'i3']]);
    expect(warranted(sink.events)).toEqual([[0, 'IV'], [300, 'III']]);
  });
});
