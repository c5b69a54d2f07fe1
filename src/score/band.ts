/**
 * Rating bands (评定等级) of a drill: 优秀 / 良好 / 合格 / 不合格, or 未评定 (not rated). See docs/scoring.md §6.
 *
 * The score gives the band (≥ 90 / ≥ 75 / ≥ 60 / below), and what the record shows caps it, so that a band never
 * contradicts the findings beside it: a drill with a step done out of role or an objective missed is not 优秀, one
 * with a required step never done or an escalation never made is not 良好. A drill cut short before what its
 * objectives and the plan ask for came due is not rated at all (its score covers only part of the exercise).
 */
import type { Band, BandId, Gap, GapKind, ObjectiveResult, Outcome, StepResult, Activation } from './types.js';
import type { Lang } from '../i18n/index.js';

/** Score thresholds of the bands (inclusive lower bounds). */
export const BAND_THRESHOLDS = { excellent: 90, good: 75, adequate: 60 } as const;

/** Gap kinds that keep a drill from 优秀 (excellent). */
export const NOT_EXCELLENT: readonly GapKind[] = ['wrong-role', 'under-response', 'role-not-engaged'];
/** Gap kinds that keep a drill from 良好 (good). */
export const NOT_GOOD: readonly GapKind[] = ['under-response'];

const ORDER: Exclude<BandId, 'not-rated'>[] = ['excellent', 'good', 'adequate', 'inadequate'];

/** The band the score alone gives. */
export function bandByScore(overall: number): Exclude<BandId, 'not-rated'> {
  return overall >= BAND_THRESHOLDS.excellent ? 'excellent' : overall >= BAND_THRESHOLDS.good ? 'good' : overall >= BAND_THRESHOLDS.adequate ? 'adequate' : 'inadequate';
}

/** What the band is computed from. */
export interface BandInput {
  overall: number;
  steps: readonly StepResult[];
  gaps: readonly Gap[];
  objectives: readonly ObjectiveResult[];
  activations: readonly Activation[];
  outcome: Outcome;
  /** The drill was ended (by the facilitator or a timeout) before the response was terminated. */
  cutShort: boolean;
}

/** The band of a drill: the score's, capped by the record (see the module comment); reasons say what capped it. */
export function bandOf(x: BandInput): Band {
  const byScore = bandByScore(x.overall);
  const notReached = x.objectives.filter((o) => o.status === 'not-reached').map((o) => `objective-not-reached:${o.id}`);
  const pending = x.steps.filter((s) => s.required && s.status === 'pending').map((s) => `pending:${s.step}`);
  if (x.cutShort && (notReached.length || pending.length)) return { id: 'not-rated', byScore, reasons: [...notReached, ...pending] };

  const notExcellent = [
    ...x.objectives.filter((o) => o.status === 'missed').map((o) => `objective-missed:${o.id}`),
    ...x.steps.filter((s) => s.rating === 'M' || s.rating === 'U').map((s) => `rated-${s.rating}:${s.step}`),
    ...x.gaps.filter((g) => NOT_EXCELLENT.includes(g.kind)).map((g) => `${g.kind}:${g.id}`),
    ...x.activations.filter((a) => a.status === 'missed').map((a) => `level-missed:${a.level}`),
    ...(x.outcome.terminatedAt !== undefined && x.outcome.terminationCondition !== true ? ['premature-termination'] : []),
    ...(x.outcome.terminatedAt === undefined && x.outcome.terminationReadyAt !== undefined ? ['not-terminated'] : []),
  ];
  const missed = x.objectives.filter((o) => o.status === 'missed').length;
  const evaluated = x.objectives.filter((o) => o.status !== 'not-reached').length;
  const notGood = [
    ...x.steps.filter((s) => s.rating === 'U').map((s) => `rated-U:${s.step}`),
    ...x.gaps.filter((g) => NOT_GOOD.includes(g.kind)).map((g) => `${g.kind}:${g.id}`),
    ...x.activations.filter((a) => a.status === 'missed').map((a) => `level-missed:${a.level}`),
    ...(evaluated && missed * 2 > evaluated ? [`objectives-missed:${missed}/${evaluated}`] : []),
  ];
  const cap: Exclude<BandId, 'not-rated'> = notGood.length ? 'adequate' : notExcellent.length ? 'good' : 'excellent';
  const id = ORDER.indexOf(byScore) >= ORDER.indexOf(cap) ? byScore : cap;
  const reasons = id === byScore ? [] : cap === 'adequate' ? notGood : notExcellent;
  return { id, byScore, reasons };
}

/** The bands in words (reports, summaries). */
export const BAND_NAMES: Readonly<Record<Lang, Record<BandId, string>>> = {
  zh: { excellent: '优秀', good: '良好', adequate: '合格', inadequate: '不合格', 'not-rated': '未评定' },
  en: { excellent: 'excellent', good: 'good', adequate: 'adequate', inadequate: 'inadequate', 'not-rated': 'not rated' },
};
