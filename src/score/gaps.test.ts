import { describe, expect, it } from 'vitest';
import {
  CONTAINED, GROWN_LEAK, SMALL_LEAK, ack, cleanIV, declared, done, end, inject, leakPlan, messyIII, notify, numbered, start, terminate,
  unmatched, warranted, type EventInput,
} from './fixtures.test-helper.js';
import { scoreDrill, type GapKind, type ScoreOptions } from './index.js';

const gapsOf = (events: EventInput[], opts: ScoreOptions = {}) => scoreDrill(leakPlan(), numbered(events), opts).gaps;
const kinds = (events: EventInput[], opts: ScoreOptions = {}) => gapsOf(events, opts).map((g) => g.kind);
const only = (events: EventInput[], kind: GapKind, opts: ScoreOptions = {}) => gapsOf(events, opts).filter((g) => g.kind === kind);

/** cleanIV with one event replaced (by index) or removed (`null`), and extra events inserted before index `at`. */
function edit(changes: Record<number, EventInput | null>, insert: { at: number; events: EventInput[] }[] = []): EventInput[] {
  const base = cleanIV();
  const out: EventInput[] = [];
  base.forEach((e, i) => {
    for (const ins of insert) if (ins.at === i) out.push(...ins.events);
    if (i in changes) { if (changes[i]) out.push(changes[i]!); } else out.push(e);
  });
  return out;
}

// cleanIV indexes: 0 start · 1 inject i1 · 2 warranted IV · 3 alarm 40 operator · 4 notify op→duty 40 · 5 isolate 150 operator
// 6 notify op→duty 150 · 7 declared IV 240 duty-officer · 8 assess 270 duty-officer · 9 notify duty→deputy 275
// 10 notify duty→commander 280 · 11 inject i2 900 contained · 12 warranted IV 900 · 13 absorb 1500 rescue-team · 14 terminate 1560 commander · 15 end

describe('the clean drill is the ok case of every gap kind', () => {
  it('has no gap at all', () => {
    expect(kinds(cleanIV())).toEqual([]);
  });
});

describe('wrong-role', () => {
  it('not ok: a step done by a role that does not own it', () => {
    const g = only(edit({ 5: done(150, 'isolate', 'rescue-team') }), 'wrong-role');
    expect(g.map((x) => [x.step, x.role, x.expectedRole, x.evidence.map((e) => e.seq)])).toEqual([['isolate', 'rescue-team', 'operator', [6]]]);
    expect(g[0].messageZh).toBe('步骤 `isolate` 应由岗位操作工（operator）或其副职负责，02:30 实际由应急救援队（rescue-team）执行');
  });

  it('not ok: a level declared, or the response terminated, by a role that does not decide it', () => {
    const g = only(edit({ 7: declared(240, 'IV', 'operator'), 14: terminate(1560, 'duty-officer') }), 'wrong-role');
    expect(g.map((x) => [x.step, x.role, x.expectedRole])).toEqual([['level:IV', 'operator', 'duty-officer'], ['terminate', 'duty-officer', 'commander']]);
  });

  it('ok: the owner, or the owner\'s deputy (the deputy commander terminating for the commander)', () => {
    expect(only(edit({ 14: terminate(1560, 'deputy') }), 'wrong-role')).toEqual([]);
    const s = scoreDrill(leakPlan(), numbered(edit({ 14: terminate(1560, 'deputy') })));
    expect(s.outcome.terminatedBy).toBe('deputy');
  });
});

describe('duplicated', () => {
  it('not ok: the same step done twice, by two roles', () => {
    const g = only(edit({}, [{ at: 6, events: [done(160, 'isolate', 'duty-officer')] }]), 'duplicated');
    expect(g.map((x) => [x.step, x.roles, x.evidence.map((e) => e.seq)])).toEqual([['isolate', ['operator', 'duty-officer'], [6, 7]]]);
  });

  it('not ok: the same step done twice by the same role', () => {
    expect(only(edit({}, [{ at: 4, events: [done(45, 'alarm', 'operator')] }]), 'duplicated').map((x) => x.roles)).toEqual([['operator']]);
  });

  it('ok: each step once', () => {
    expect(only(cleanIV(), 'duplicated')).toEqual([]);
  });
});

describe('out-of-order', () => {
  it('not ok: a step done before its prerequisite', () => {
    // isolate (after alarm) logged at 30 s, alarm at 40 s
    const ev = edit({ 3: null, 5: null }, [{ at: 3, events: [done(30, 'isolate', 'operator'), done(40, 'alarm', 'operator')] }]);
    const g = only(ev, 'out-of-order');
    expect(g.map((x) => [x.step, x.evidence.map((e) => `${e.seq}:${e.step}`)])).toEqual([['isolate', ['4:isolate', '5:alarm']]]);
    expect(g[0].message).toBe('Step `isolate` at 00:30 came before its prerequisite `alarm` (done at 00:40)');
  });

  it('not ok: a step done while its required prerequisite is never done', () => {
    const g = only(edit({ 3: null, 4: null }), 'out-of-order');
    expect(g.map((x) => x.step)).toEqual(['isolate', 'assess']);
    expect(g[0].messageZh).toBe('步骤 `isolate`（02:30）执行时其前置步骤 `alarm` 始终未完成');
  });

  it('ok: prerequisites first', () => {
    expect(only(cleanIV(), 'out-of-order')).toEqual([]);
  });
});

describe('handoff-delay', () => {
  it('not ok: idle beyond max(threshold, the plan\'s interval) — cordon 770 s after assess, plan allows 600', () => {
    const g = only(messyIII(), 'handoff-delay');
    expect(g.map((x) => [x.step, x.roles, x.role, x.seconds])).toEqual([['cordon', ['duty-officer'], 'evacuation-team', 770]]);
  });

  it('not ok with a tighter threshold; the threshold is configurable', () => {
    // alarm at 10, isolate at 170: idle 160 > max(60, 180 − 60 = 120) → gap;
    // assess at 270: idle 260 > max(60, 300 − 60 = 240) → gap too; with the default 300 s neither is a gap
    const ev = edit({ 3: done(10, 'alarm', 'operator'), 4: notify(10, 'operator', 'duty-officer'), 5: done(170, 'isolate', 'operator'), 6: notify(170, 'operator', 'duty-officer') });
    expect(only(ev, 'handoff-delay', { handoffThreshold: 60 }).map((x) => [x.step, x.seconds])).toEqual([['assess', 260], ['isolate', 160]]);
    expect(only(ev, 'handoff-delay')).toEqual([]);
  });

  it('ok: a long step the plan itself allows (absorb 1350 s after isolate; plan interval 1620 s)', () => {
    expect(only(cleanIV(), 'handoff-delay')).toEqual([]);
  });
});

describe('missed-notification', () => {
  it('not ok: a notify role never notified by the step\'s role', () => {
    const g = only(edit({ 10: null }), 'missed-notification');
    expect(g.map((x) => [x.step, x.role, x.roles])).toEqual([['assess', 'duty-officer', ['commander']]]);
  });

  it('not ok: a notification sent before the step was done does not count', () => {
    // operator tells the duty officer at 40 (alarm) but not after isolating at 150
    expect(only(edit({ 6: null }), 'missed-notification').map((x) => [x.step, x.roles])).toEqual([['isolate', ['duty-officer']]]);
  });

  it('not ok: a notification by someone else does not count', () => {
    expect(only(edit({ 10: notify(280, 'operator', 'commander') }), 'missed-notification').map((x) => x.step)).toEqual(['assess']);
  });

  it('ok: every notify role notified at or after completion', () => {
    expect(only(cleanIV(), 'missed-notification')).toEqual([]);
  });
});

describe('role-not-engaged', () => {
  it('not ok: a role owning a required, due step never acts', () => {
    const ev = [...edit({ 13: null, 14: null, 15: null }), end(1900)];
    const g = only(ev, 'role-not-engaged');
    expect(g.map((x) => [x.role, x.steps, x.evidence])).toEqual([['rescue-team', ['absorb'], []]]);
  });

  it('ok: a role whose step is not yet due when the drill ends is not flagged', () => {
    expect(only([...edit({ 13: null, 14: null, 15: null }), end(1700)], 'role-not-engaged')).toEqual([]);
  });

  it('ok: any event by the role counts as engagement (an ack)', () => {
    expect(only([...edit({ 13: null, 14: null, 15: null }), ack(300, 'rescue-team', 'i1'), end(1900)], 'role-not-engaged')).toEqual([]);
  });
});

describe('over-response', () => {
  it('not ok: level III declared while the facts warrant IV (the span is reported)', () => {
    const g = only(edit({ 7: declared(240, 'III', 'deputy') }), 'over-response');
    // evidence: IV warranted (3), III declared (8), IV warranted again at 900 (13); declaring counts at once (no grace)
    expect(g.map((x) => [x.from, x.to, x.seconds, x.evidence.map((e) => e.seq)])).toEqual([[240, 1560, 1320, [3, 8, 13]]]);
    expect(g[0].messageZh).toBe('已启动III级响应，高于事态应启动的IV级，持续 22分钟（04:00–26:00）');
  });

  it('ok: declared level matches the warranted one', () => {
    expect(only(cleanIV(), 'over-response')).toEqual([]);
  });
});

describe('under-response', () => {
  it('not ok: staying at IV after III is warranted, beyond the III activation allowance', () => {
    expect(only(messyIII(), 'under-response').map((x) => [x.from, x.to])).toEqual([[900, 1000]]);
  });

  it('ok: escalating within the allowance (III warranted at 300, declared at 800 < 300 + 600)', () => {
    const ev: EventInput[] = [
      start(), inject(0, 'i1', 'leak', SMALL_LEAK), warranted(0, 'IV', SMALL_LEAK), done(40, 'alarm', 'operator'), notify(40, 'operator', 'duty-officer'),
      declared(240, 'IV', 'duty-officer'), inject(300, 'i2', 'grown', GROWN_LEAK), warranted(300, 'III', { ...SMALL_LEAK, ...GROWN_LEAK }),
      declared(800, 'III', 'deputy'), end(900),
    ];
    expect(only(ev, 'under-response')).toEqual([]);
    expect(scoreDrill(leakPlan(), numbered(ev)).level.activations.map((a) => [a.level, a.status, a.latency])).toEqual([['IV', 'on-time', 240], ['III', 'on-time', 500]]);
  });
});

describe('unmatched-action', () => {
  it('not ok: actions matching no step are listed (never dropped), also unknown step and level ids', () => {
    const ev = edit({}, [{ at: 13, events: [unmatched(1000, 'commander', '联系消防大队请求支援'), done(1100, 'spray', 'rescue-team', '水幕稀释'), declared(1200, 'V', 'commander')] }]);
    const g = only(ev, 'unmatched-action');
    expect(g.map((x) => [x.role, x.penalty, x.evidence.map((e) => e.type)])).toEqual([
      ['commander', 0, ['action.unmatched']], ['rescue-team', 0, ['step.done']], ['commander', 0, ['level.declared']],
    ]);
    expect(g[1].message).toContain('“spray: 水幕稀释”');
  });

  it('ok: every action matched a step', () => {
    expect(only(cleanIV(), 'unmatched-action')).toEqual([]);
  });
});

void CONTAINED;
