/**
 * A drill the facilitator ends early (issue 15, seen in a real `drill serve` run of leak-duplicated-effort ended at
 * 13:26 before the monitoring team acted): what had not come due by then is not reached — neither met nor failed — wherever the score looks at it:
 * objectives, the inject's expected actions, the role that "never took part", and the improvement plan's owner.
 */
import { describe, expect, it } from 'vitest';
import { runScripted } from '../drill/engine.js';
import { loadDrill } from '../drill/scenario.js';
import type { DrillEvent } from '../drill/types.js';
import { scoreDrill } from './index.js';

const d = loadDrill(new URL('../../scenarios/leak-duplicated-effort.yaml', import.meta.url).pathname);
const plan = d.plan!;
const scenario = d.scenario!;
/** The scripted drill up to `end`, ended there by the facilitator (as the live console logs it). */
const endedAt = (end: number): DrillEvent[] => {
  const kept = runScripted(plan, scenario).filter((e) => e.t <= end && e.type !== 'drill.end');
  return [...kept, { seq: kept.length + 1, t: end, type: 'drill.end', reason: 'facilitator' }];
};

describe('a drill ended by the facilitator at 12:50, before the monitoring team acted', () => {
  const events = endedAt(770);
  const s = scoreDrill(plan, events, { scenario });

  it('is not rated: its objectives and steps had not all come due (docs/scoring.md §6.1)', () => {
    expect(s.band.id).toBe('not-rated');
    expect(s.band.reasons).toEqual(expect.arrayContaining(['objective-not-reached:o3', 'pending:monitor']));
  });

  it('an expected action due after the end and not done is not reached, and not scored', () => {
    const monitor = s.expected.find((x) => x.step === 'monitor')!;
    expect(monitor).toMatchObject({ due: 900, met: null, notReached: true });
    expect(s.dimensions.effect.items.some((i) => i.id === `expected:${monitor.inject}:${monitor.index}`)).toBe(false);
    // One due before the end and done stays met.
    expect(s.expected.find((x) => x.step === 'cordon')).toMatchObject({ met: true });
  });

  it('an objective failed by its own words names what failed it, not the step that was not yet due', () => {
    const o2 = s.objectives.find((o) => o.id === 'o2')!;
    expect(o2).toMatchObject({ status: 'missed', notDue: ['monitor'] });
    expect(o2.gapIds.length).toBeGreaterThan(0);
    const item = s.dimensions.effect.items.find((i) => i.id === 'objective:o2')!;
    expect(item.labelZh).not.toContain('monitor');
    const finding = s.findings.find((f) => f.kind === 'gap' && f.textZh.includes('`o2` 未达成'))!;
    expect(finding.textZh).not.toContain('monitor');
    // Owned by the role whose step the first ruled-out gap is about (isolate → operator), not by the monitoring team.
    expect(finding.role).toBe(s.gaps.find((g) => g.id === o2.gapIds[0])!.expectedRole);
    expect(finding.role).not.toBe('monitoring-team');
  });

  it('a role whose step someone else did before its deadline, which the drill ended before, is not "never took part"', () => {
    expect(s.steps.find((x) => x.step === 'shutdown')).toMatchObject({ doneBy: 'medical-team', deadline: 1200 });
    expect(s.gaps.filter((g) => g.kind === 'role-not-engaged')).toEqual([]);
    expect(s.gaps.filter((g) => g.kind === 'wrong-role').map((g) => g.step)).toEqual(['isolate', 'shutdown']);
  });

  it('… but once that deadline has passed, a role that never logged anything did not take part', () => {
    const late = endedAt(1300).filter((e) => !('role' in e && e.role === 'process-team'));
    const s2 = scoreDrill(plan, late, { scenario });
    expect(s2.gaps.filter((g) => g.kind === 'role-not-engaged').map((g) => g.role)).toEqual(['process-team']);
  });
});
