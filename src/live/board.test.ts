import { describe, expect, it } from 'vitest';
import { bareScenario, modelPlan } from '../drill/model-plan.test-helper.js';
import { MemorySink } from '../drill/run-agenda.js';
import { DrillSession } from '../drill/session.js';
import { boardView } from './board.js';

const plan = modelPlan();

/** A live session of the model plan: i1 at 0 to operator and duty, i2 at 10:00 to everyone. */
function session() {
  const sink = new MemorySink();
  const s = new DrillSession(plan, bareScenario([{ at: 0, to: ['operator', 'duty'], facts: { leak_kg: 50 } }, { at: 600, to: [], facts: { leak_kg: 150 } }]), sink);
  s.start({ mode: 'live' });
  return { s, sink };
}

describe('situation board', () => {
  it('shows the warranted and declared level, acknowledgements per inject and the roles still owing one', () => {
    const { s, sink } = session();
    s.act(30, { role: 'operator', kind: 'ack' }, 'participant');
    s.act(300, { role: 'duty', kind: 'level', level: 'IV' }, 'participant');
    const b = boardView({ plan, events: sink.events, now: 400, roles: ['operator', 'duty', 'monitor'] });
    expect([b.warranted, b.declared]).toEqual(['IV', 'IV']);
    expect(b.acks).toEqual([{ inject: 'i1', t: 0, to: ['operator', 'duty'], acked: { operator: 30 } }]);
    expect(b.roles.map((r) => [r.id, r.pendingAcks, r.toldAt, r.lastActAt])).toEqual([
      ['duty', ['i1'], 0, 300], ['operator', [], 0, 30], ['monitor', [], undefined, undefined],
    ]);
  });

  it('flags a role told and silent for the threshold, and only then; never after the end', () => {
    const { s, sink } = session();
    s.act(60, { role: 'operator', kind: 'step', step: 'alarm' }, 'participant');
    const at = (now: number) => boardView({ plan, events: sink.events, now, silentAfter: 300 }).roles;
    const silent = (now: number) => at(now).filter((r) => r.silent).map((r) => [r.id, r.idleFor]);
    // duty was told at 0 and never acted: silent from 5:00; the operator acted at 1:00: silent from 6:00.
    expect(silent(299)).toEqual([]);
    expect(silent(300)).toEqual([['duty', 300]]);
    expect(silent(360)).toEqual([['duty', 360], ['operator', 300]]);
    // monitor is not told before i2 (a broadcast at 10:00), so it cannot be silent before 15:00.
    s.advance(600);
    expect(at(899).find((r) => r.id === 'monitor')).toMatchObject({ toldAt: 600, silent: false });
    expect(at(900).find((r) => r.id === 'monitor')).toMatchObject({ silent: true });
    // A facilitator's note about a role is not the role acting.
    s.note(700, 'prompted the duty officer', 'facilitator', 'duty');
    expect(at(900).find((r) => r.id === 'duty')).toMatchObject({ actions: 0, silent: true });
    s.end(950);
    expect(boardView({ plan, events: sink.events, now: 2000 }).roles.some((r) => r.silent)).toBe(false);
  });
});
