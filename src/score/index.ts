/**
 * Drill scoring (演练评估): a pure function of the plan and the event log. See docs/scoring.md.
 */
import type { DrillEvent } from '../drill/types.js';
import type { Plan } from '../model/index.js';
import { buildContext, round1, round3 } from './context.js';
import { findGaps, levelSpans } from './coordination.js';
import { effectItems, evaluateExpected, evaluateObjectives, evaluateOutcome } from './effect.js';
import { bandOf } from './band.js';
import { buildFindings } from './findings.js';
import { evaluateActivations, evaluateMilestones, evaluateSteps, timeItems } from './response-time.js';
import { GAP_KINDS, type DimensionId, type DimensionScore, type Gap, type GapKind, type Rating, type Score, type ScoreItem, type ScoreOptions, type StepResult, type Weights } from './types.js';

export * from './types.js';
export { DEFAULT_HANDOFF_THRESHOLD, DEFAULT_PENALTIES } from './context.js';
export { TIME_GROUP_WEIGHTS, lateness } from './response-time.js';
export { EFFECT_GROUP_WEIGHTS, objectiveCriteria } from './effect.js';
export { BAND_NAMES, BAND_THRESHOLDS, bandByScore, bandOf, NOT_EXCELLENT, NOT_GOOD, type BandInput } from './band.js';
export { limitText } from './response-time.js';
export { clock, duration } from './format.js';

/** Default dimension weights: 响应时间 0.4, 协同效率 0.35, 处置效果 0.25 (docs/scoring.md §5). */
export const DEFAULT_WEIGHTS: Readonly<Weights> = { time: 0.4, coordination: 0.35, effect: 0.25 };

const DIMENSIONS: readonly DimensionId[] = ['time', 'coordination', 'effect'];

/**
 * Resolves weights: defaults, overridden by the scenario's `weights`, overridden by `opts.weights`; normalised to sum 1.
 * Throws a RangeError for a negative or non-finite weight, or when all are 0.
 */
export function resolveWeights(...layers: (Partial<Weights> | undefined)[]): Weights {
  const w: Weights = { ...DEFAULT_WEIGHTS };
  for (const layer of layers) {
    for (const d of DIMENSIONS) {
      const v = layer?.[d];
      if (v === undefined) continue;
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new RangeError(`weight of ${d} must be a finite number ≥ 0, got ${String(v)}`);
      w[d] = v;
    }
  }
  const sum = DIMENSIONS.reduce((s, d) => s + w[d], 0);
  if (!(sum > 0)) throw new RangeError('at least one dimension weight must be > 0');
  return { time: w.time / sum, coordination: w.coordination / sum, effect: w.effect / sum };
}

/** Locale-independent string order (code units), so the gap order is the same on every machine. */
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Kind order for sorting gaps (GAP_KINDS order). */
const KIND_ORDER = new Map(GAP_KINDS.map((k, i) => [k, i] as const));

/**
 * Scores a drill from the plan and its event log alone (pure: same input, same output; the events are not mutated).
 * Time = weighted lateness of level activations, milestones and steps; coordination = 100 − gap penalties;
 * effect = objectives, required steps completed, containment and termination; overall = weighted mean.
 */
export function scoreDrill(plan: Plan, events: readonly DrillEvent[], opts: ScoreOptions = {}): Score {
  const ctx = buildContext(plan, events, opts);
  const weights = resolveWeights(opts.scenario?.weights, opts.weights);
  const steps = evaluateSteps(ctx);
  const activations = evaluateActivations(ctx);
  const milestones = evaluateMilestones(ctx, steps);
  const spans = levelSpans(ctx);

  const gaps: Gap[] = findGaps(ctx, steps, spans)
    .map((g) => ({ g, t: g.from ?? (g.evidence.length ? Math.min(...g.evidence.map((e) => e.t)) : Infinity), seq: g.evidence.length ? Math.min(...g.evidence.map((e) => e.seq)) : Infinity }))
    .sort((a, b) => a.t - b.t || a.seq - b.seq || KIND_ORDER.get(a.g.kind)! - KIND_ORDER.get(b.g.kind)!
      || cmp(a.g.step ?? '', b.g.step ?? '') || cmp(a.g.role ?? '', b.g.role ?? '') || cmp(a.g.roles.join(','), b.g.roles.join(',')))
    .map(({ g }, i) => ({ id: `G${String(i + 1).padStart(2, '0')}`, ...g }));

  for (const s of steps) rate(s, gaps);

  const time = timeItems(activations, milestones, steps);
  const coordinationItems: ScoreItem[] = gaps.map((g) => ({
    id: g.id, group: g.kind, label: g.message, labelZh: g.messageZh, weight: g.penalty, value: 1, points: -g.penalty,
    evidence: g.evidence.map((e) => e.seq),
  }));
  const coordinationEvaluated = gaps.length > 0 || steps.some((s) => s.required && s.status !== 'pending');
  const coordinationScore = coordinationEvaluated ? Math.max(0, 100 - gaps.reduce((s, g) => s + g.penalty, 0)) : 0;
  const objectives = evaluateObjectives(ctx, steps, gaps);
  const expected = evaluateExpected(ctx, steps);
  const outcome = evaluateOutcome(ctx, steps);
  const effect = effectItems(ctx, objectives, expected, steps, outcome);

  const raw: Record<DimensionId, { score: number; evaluated: boolean; items: ScoreItem[] }> = {
    time: time,
    coordination: { score: coordinationScore, evaluated: coordinationEvaluated, items: coordinationItems },
    effect: effect,
  };
  const evaluatedWeight = DIMENSIONS.reduce((s, d) => s + (raw[d].evaluated ? weights[d] : 0), 0);
  const dimensions = {} as Record<DimensionId, DimensionScore>;
  for (const d of DIMENSIONS) {
    dimensions[d] = {
      score: round1(raw[d].score),
      weight: round3(raw[d].evaluated && evaluatedWeight > 0 ? weights[d] / evaluatedWeight : 0),
      evaluated: raw[d].evaluated,
      items: raw[d].items,
    };
  }
  const overall = evaluatedWeight > 0
    ? DIMENSIONS.reduce((s, d) => s + (raw[d].evaluated ? (weights[d] / evaluatedWeight) * raw[d].score : 0), 0)
    : 0;

  const ratings: Record<Rating, number> = { P: 0, S: 0, M: 0, U: 0 };
  for (const s of steps) if (s.rating) ratings[s.rating] += 1;
  const findings = buildFindings(ctx, { steps, activations, milestones, gaps, objectives, outcome });
  const final = ctx.declared.length ? ctx.declared[ctx.declared.length - 1].id : null;

  const rounded = round1(overall);
  return {
    overall: rounded,
    band: bandOf({ overall: rounded, steps, gaps, objectives, activations, outcome, cutShort: ctx.cutShort }),
    dimensions,
    incidentStart: ctx.incidentStart,
    end: ctx.end,
    steps,
    gaps,
    level: {
      warranted: ctx.maxWarranted?.id ?? null,
      declared: ctx.maxDeclared?.id ?? null,
      final,
      evaluatedAt: ctx.evalLevel?.id ?? null,
      activations,
      spans,
    },
    milestones,
    objectives,
    expected,
    outcome,
    ratings,
    findings,
    params: {
      weights: { time: round3(weights.time), coordination: round3(weights.coordination), effect: round3(weights.effect) },
      penalties: ctx.penalties,
      handoffThreshold: ctx.handoffThreshold,
    },
  };
}

/** Time and outcome problems that `expect.gaps` / `expect.noGaps` may name besides the coordination gap kinds. */
export const OUTCOME_KINDS = ['late', 'missed', 'level-late', 'level-missed', 'objective-missed', 'not-contained', 'premature-termination', 'not-terminated'] as const;
export type OutcomeKind = typeof OUTCOME_KINDS[number];

/**
 * Every problem kind the score shows, sorted: the coordination gap kinds plus `late` / `missed` (a rated step),
 * `level-late` / `level-missed` (an activation), `objective-missed`, `not-contained`, `premature-termination`,
 * `not-terminated` — the vocabulary of a scenario's `expect.gaps` / `expect.noGaps`.
 */
export function observedKinds(score: Score): (GapKind | OutcomeKind)[] {
  const out = new Set<GapKind | OutcomeKind>(score.gaps.map((g) => g.kind));
  for (const s of score.steps) {
    if (s.rating && s.status === 'late') out.add('late');
    if (s.rating && s.status === 'missed') out.add('missed');
  }
  for (const a of score.level.activations) {
    if (a.status === 'late') out.add('level-late');
    if (a.status === 'missed') out.add('level-missed');
  }
  if (score.objectives.some((o) => o.status === 'missed')) out.add('objective-missed');
  const oc = score.outcome;
  if (score.dimensions.effect.items.some((i) => i.id === 'containment' && i.value === 0)) out.add('not-contained');
  if (oc.terminatedAt !== undefined && oc.terminationCondition !== true) out.add('premature-termination');
  if (oc.terminatedAt === undefined && oc.terminationReadyAt !== undefined) out.add('not-terminated');
  const order = [...GAP_KINDS, ...OUTCOME_KINDS] as string[];
  return [...out].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

const WORSE: Record<Rating, number> = { P: 0, S: 1, M: 2, U: 3 };
const worst = (a: Rating, b: Rating): Rating => (WORSE[b] > WORSE[a] ? b : a);

/**
 * HSEEP rating of a required step: P = on time (or done, no deadline) by the owner or a deputy, with no gap;
 * S = late by at most 50% of its allowance, or a minor gap (duplicated, out-of-order, handoff delay, missed
 * notification, a wrong-role repeat); M = late by more than 50%, or first done by the wrong role; U = missed.
 * Not rated: steps not required at the evaluated level and steps whose deadline had not come when the drill ended.
 */
function rate(s: StepResult, gaps: Gap[]): void {
  const mine = gaps.filter((g) => g.steps.includes(s.step));
  s.gaps = mine.map((g) => g.id);
  if (!s.required || s.status === 'pending' || s.status === 'not-required' || s.status === 'not-scored') return;
  const reasons: string[] = [];
  let r: Rating;
  if (s.dues) {
    // A cadence: P when every due was kept, S when at most half were missed, M when more, U when all.
    const m = s.misses ?? 0;
    r = m === 0 ? 'P' : m === s.dues ? 'U' : m * 2 <= s.dues ? 'S' : 'M';
    reasons.push(`dues:${s.dues - m}/${s.dues}`);
  } else if (s.status === 'missed') { r = 'U'; reasons.push('missed'); }
  else if (s.status === 'late') {
    const major = !s.allowed || s.lateBy! > 0.5 * s.allowed;
    r = major ? 'M' : 'S';
    reasons.push(major ? 'late>50%' : 'late<=50%');
  } else { r = 'P'; reasons.push(s.status === 'done' ? 'done' : 'on-time'); }
  if (s.wrongRole) { r = worst(r, 'M'); reasons.push('wrong-role'); }
  if (s.byDeputy) reasons.push('by-deputy');
  for (const g of mine) {
    // the wrong-role gap of the counted completion is already in `wrongRole`
    if (g.kind === 'wrong-role' && g.evidence.some((e) => e.seq === s.doneSeq)) continue;
    if (g.kind === 'role-not-engaged') continue;
    r = worst(r, 'S');
    reasons.push(`${g.kind}:${g.id}`);
  }
  s.rating = r;
  s.ratingReasons = [...reasons, ...s.ratingReasons.filter((x) => !reasons.includes(x))];
}
