import { describe, expect, it } from 'vitest';
import { loadDrill } from '../drill/scenario.js';
import { runObserved, runScripted } from '../drill/engine.js';
import { importObserverLogFile } from '../drill/import-observer.js';
import { bandByScore, bandOf, scoreDrill, type BandInput, type Gap, type ObjectiveResult, type StepResult } from './index.js';
import { cleanIV, leakPlan, leakScenario, numbered } from './fixtures.test-helper.js';

const step = (id: string, rating?: StepResult['rating'], status: StepResult['status'] = 'on-time'): StepResult =>
  ({ step: id, action: id, required: true, requiredWarranted: true, obligation: 'shall', status, ratingReasons: [], gaps: [], overdueSeqs: [], ...(rating ? { rating } : {}) });
const gap = (id: string, kind: Gap['kind']): Gap => ({ id, kind, roles: [], steps: [], penalty: 0, evidence: [], message: '', messageZh: '' });
const objective = (id: string, status: ObjectiveResult['status']): ObjectiveResult =>
  ({ id, text: id, steps: [], status, met: status === 'met', criteria: [], gapIds: [], doneAt: {}, missing: [], evidence: [] });
const input = (x: Partial<BandInput>): BandInput => ({ overall: 95, steps: [step('a', 'P')], gaps: [], objectives: [], activations: [], outcome: { requiredWarranted: 1, completedWarranted: 1 }, cutShort: false, ...x });

describe('rating bands (docs/scoring.md §6)', () => {
  it('by score: ≥ 90 优秀, ≥ 75 良好, ≥ 60 合格, below 不合格', () => {
    expect([95, 90, 89.9, 75, 74.9, 60, 59.9, 0].map(bandByScore)).toEqual(['excellent', 'excellent', 'good', 'good', 'adequate', 'adequate', 'inadequate', 'inadequate']);
  });

  it('a 92 with a duplicated step, two steps out of role and the objective about them missed is 良好, not 优秀', () => {
    const b = bandOf(input({ overall: 92, gaps: [gap('G01', 'duplicated'), gap('G02', 'wrong-role'), gap('G03', 'wrong-role')], objectives: [objective('o1', 'met'), objective('o2', 'missed')] }));
    expect(b).toEqual({ id: 'good', byScore: 'excellent', reasons: ['objective-missed:o2', 'wrong-role:G02', 'wrong-role:G03'] });
  });

  it('a required step never done, an escalation never made or most objectives missed keep a drill at 合格 at best', () => {
    expect(bandOf(input({ overall: 95, steps: [step('a', 'P'), step('b', 'U', 'missed')] }))).toMatchObject({ id: 'adequate', reasons: ['rated-U:b'] });
    expect(bandOf(input({ overall: 80, gaps: [gap('G01', 'under-response')] }))).toMatchObject({ id: 'adequate', reasons: ['under-response:G01'] });
    expect(bandOf(input({ overall: 91, objectives: [objective('o1', 'missed'), objective('o2', 'missed'), objective('o3', 'met')] }))).toMatchObject({ id: 'adequate', reasons: ['objectives-missed:2/3'] });
    // A cap never raises: a 50 stays 不合格.
    expect(bandOf(input({ overall: 50, steps: [step('b', 'U', 'missed')] }))).toEqual({ id: 'inadequate', byScore: 'inadequate', reasons: [] });
  });

  it('a drill cut short before its objectives or required steps came due is not rated', () => {
    expect(bandOf(input({ cutShort: true, objectives: [objective('o1', 'not-reached')] }))).toMatchObject({ id: 'not-rated', reasons: ['objective-not-reached:o1'] });
    expect(bandOf(input({ cutShort: true, steps: [step('a', undefined, 'pending')] }))).toMatchObject({ id: 'not-rated', reasons: ['pending:a'] });
    // Ended by the facilitator after everything came due: rated.
    expect(bandOf(input({ cutShort: true })).id).toBe('excellent');
  });

  it('the bundled drills: the clean one is 优秀; the duplicated-effort one cannot be', () => {
    expect(scoreDrill(leakPlan(), numbered(cleanIV()), { scenario: leakScenario() }).band).toEqual({ id: 'excellent', byScore: 'excellent', reasons: [] });
    const d = loadDrill(new URL('../../scenarios/leak-duplicated-effort.yaml', import.meta.url).pathname);
    const s = scoreDrill(d.plan!, runScripted(d.plan!, d.scenario!), { scenario: d.scenario! });
    expect(s.band.id).not.toBe('excellent');
    expect(s.objectives.find((o) => o.id === 'o2')).toMatchObject({ status: 'missed' });
    expect(bandOf({ ...s, activations: s.level.activations, cutShort: false, overall: 95 }).reasons).toEqual(expect.arrayContaining(['objective-missed:o2']));
  });

  it('calibration: every bundled drill gets the band docs/scoring.md §6.1 gives it, for the reason it gives', () => {
    const scored = (name: string, observed?: string) => {
      const d = loadDrill(new URL(`../../scenarios/${name}.yaml`, import.meta.url).pathname);
      const events = observed ? runObserved(d.plan!, d.scenario!, importObserverLogFile(new URL(`../../scenarios/observed/${observed}`, import.meta.url).pathname, d.plan!).actions)
        : runScripted(d.plan!, d.scenario!);
      const s = scoreDrill(d.plan!, events, { scenario: d.scenario! });
      return [s.overall, s.band.byScore, s.band.id, s.band.reasons.map((r) => r.split(':')[0])];
    };
    // The model answer; a plan whose own deadlines cannot be met by perfect players; duplicated and out-of-role work;
    // the real observer log (late IV, under-response while III was warranted); a flood drill where nobody acts.
    expect(scored('leak-escalation-iv-to-ii')).toEqual([100, 'excellent', 'excellent', []]);
    expect(scored('leak-deadline-fails')).toEqual([88.7, 'good', 'good', []]);
    expect(scored('leak-duplicated-effort')).toEqual([87.1, 'good', 'good', []]);
    expect(scored('leak-escalation-iv-to-ii', 'leak-observer-log.csv')).toEqual([76.5, 'good', 'adequate', ['under-response']]);
    expect(scored('flood-from-msel')).toEqual([7, 'inadequate', 'inadequate', []]);
  });
});
