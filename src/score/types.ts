import type { DrillEvent, Scenario } from '../drill/types.js';
import type { DurationKind, Obligation, Standing } from '../model/index.js';

/** The three evaluation dimensions (演练评估三大维度: 响应时间、协同效率、处置效果). */
export type DimensionId = 'time' | 'coordination' | 'effect';

/** Relative weights of the dimensions in the overall score (normalised to sum 1). */
export type Weights = Record<DimensionId, number>;

/** Kinds of coordination gaps. */
export type GapKind =
  | 'wrong-role'
  | 'duplicated'
  | 'out-of-order'
  | 'handoff-delay'
  | 'missed-notification'
  | 'role-not-engaged'
  | 'over-response'
  | 'under-response'
  | 'unmatched-action';

/** Every gap kind, in report order. */
export const GAP_KINDS: readonly GapKind[] = [
  'wrong-role', 'duplicated', 'out-of-order', 'handoff-delay', 'missed-notification',
  'role-not-engaged', 'over-response', 'under-response', 'unmatched-action',
];

/** HSEEP task rating: Performed without challenges / with Some / with Major challenges / Unable to be performed. */
export type Rating = 'P' | 'S' | 'M' | 'U';

/** Options of `scoreDrill`. */
export interface ScoreOptions {
  /** Dimension weights; missing ones come from the scenario, then the defaults (0.4 / 0.35 / 0.25). */
  weights?: Partial<Weights>;
  /** Scenario of the drill: objectives, weights, inject texts. */
  scenario?: Scenario;
  /** Idle seconds between a prerequisite's completion and the dependent step's completion that count as a handoff delay (default 300). */
  handoffThreshold?: number;
  /** Coordination penalty points per gap kind (defaults in `DEFAULT_PENALTIES`). */
  penalties?: Partial<Record<GapKind, number>>;
  /** Seconds from drill start at which the incident starts (default: the first inject, else 0). Step deadlines count from here. */
  incidentStart?: number;
  /** Boolean fact that says the source is under control (default: a boolean fact with id `contained`, or labelled 已控制/contained). */
  containmentFact?: string;
  /** Step whose completion counts as containment when no containment fact ever becomes true. */
  containmentStep?: string;
}

/** One event cited as evidence. */
export interface Evidence {
  seq: number;
  t: number;
  type: DrillEvent['type'];
  role?: string;
  step?: string;
  level?: string | null;
}

/**
 * One scored item of a dimension. Time and effect: `value` in [0, 1], `weight` its share, `points` = 100 × weight × value / Σ weight.
 * Coordination: one item per gap, `weight` = penalty, `value` = 1, `points` = −penalty.
 */
export interface ScoreItem {
  id: string;
  group: string;
  label: string;
  labelZh: string;
  weight: number;
  value: number;
  points: number;
  /** Seqs of the events the value was computed from. */
  evidence: number[];
}

export interface DimensionScore {
  /** 0–100, one decimal (0 when nothing could be evaluated). */
  score: number;
  /** Normalised weight in the overall score (0 when the dimension had nothing to evaluate). */
  weight: number;
  /** False when no item could be evaluated (the dimension is left out of the overall). */
  evaluated: boolean;
  items: ScoreItem[];
}

/** Status of a step or a level activation against its deadline. */
export type TimeStatus =
  | 'on-time'
  /** Done, and the plan sets no deadline. */
  | 'done'
  | 'late'
  /** Required, not done, deadline passed (or the drill ended). */
  | 'missed'
  /** Required, not done, deadline still ahead when the drill ended: not evaluated. */
  | 'pending'
  /** Not done, and its time limit counts from a moment the drill does not show (see `NotScored`): reported, not scored. */
  | 'not-scored'
  | 'not-required';

/**
 * Why a step's time limit could not be timed: `event-anchor` (counts from a later event the drill does not model:
 * 自伤亡人数变化之日起30日), `not-told` (接到报告后: its role was never told — no inject or notification reached it),
 * `anchor-not-reached` (after a step that was never done, or after activation when no level was started).
 */
export type NotScored = 'event-anchor' | 'not-told' | 'anchor-not-reached';

/** A time limit as people read it (`立即（≤ 2分钟）`, `30分钟–1小时`, `每30分钟`) in both languages. */
export interface LimitText {
  zh: string;
  en: string;
}

/** One step of the plan, evaluated. */
export interface StepResult {
  step: string;
  action: string;
  /** Owner role in the plan. */
  role?: string;
  /**
   * Required at the level the drill is evaluated at (declared level): the step applies there, its condition holds and
   * it is a duty (`shall`). A `should` / `may` step is never required: its outcome is reported, not scored.
   */
  required: boolean;
  /** 应 (shall, default), 宜 (should), 可 (may). */
  obligation: Obligation;
  /** Applies and its condition holds, but it is a recommendation (`should` / `may`): reported, never a failure. */
  advisory?: boolean;
  /** Kind of its time limit (`limit`, `immediate`, `window`, `cadence` …), when it has one. */
  limitKind?: DurationKind;
  /** Its time limit as people read it. */
  limit?: LimitText;
  /** Why its time limit was not timed. */
  notScored?: NotScored;
  /** A cadence (每30分钟): dues that came by the end of the drill (or of the response), and how many were missed. */
  dues?: number;
  misses?: number;
  /** Required at the warranted level (used by the effect dimension). */
  requiredWarranted: boolean;
  /** Seconds from drill start when the step became applicable (incident start, or when its level was first warranted/declared). */
  base?: number;
  /** Seconds from drill start the step could start: latest prerequisite completion (or its deadline), else `base`. */
  windowStart?: number;
  /** Deadline, seconds from drill start. */
  deadline?: number;
  /** The deadline's length from `base`, seconds. */
  allowed?: number;
  /** First completion. */
  doneAt?: number;
  doneSeq?: number;
  doneBy?: string;
  /** The first completion was by the owner's deputy. */
  byDeputy?: boolean;
  /** How the first completer stands to the step (lead, alternative, support, deputy); absent when it has no standing. */
  standing?: Standing;
  /** The first completion was by a role with no standing (not the lead, an alternative, a supporting role or a deputy). */
  wrongRole?: boolean;
  status: TimeStatus;
  lateBy?: number;
  /** HSEEP rating (absent for steps not evaluated: not required or pending). */
  rating?: Rating;
  /** Why the rating is what it is (machine-readable reasons). */
  ratingReasons: string[];
  /** Ids of the gaps that concern this step. */
  gaps: string[];
  /** `step.overdue` events logged for this step. */
  overdueSeqs: number[];
}

/** A level that became warranted and its activation. */
export interface Activation {
  level: string;
  warrantedAt: number;
  warrantedSeq: number;
  /** Activation deadline (seconds after `warrantedAt`). */
  allowed?: number;
  /** Who should decide (plan `decidedBy`). */
  decidedBy?: string;
  declaredAt?: number;
  declaredSeq?: number;
  declaredLevel?: string;
  declaredBy?: string;
  latency?: number;
  status: TimeStatus;
  lateBy?: number;
}

/** A span during which the declared level differed from the warranted level. */
export interface LevelSpan {
  kind: 'over-response' | 'under-response';
  /** When the mismatch began. */
  start: number;
  /** When it starts to count (after the activation grace when the facts changed). */
  from: number;
  to: number;
  declared: string[];
  warranted: string[];
  evidence: number[];
}

export interface LevelResult {
  /** Most severe level warranted during the drill. */
  warranted: string | null;
  /** Most severe level declared during the drill. */
  declared: string | null;
  /** Level in force at the end. */
  final: string | null;
  /** Level whose steps are required for the step table (declared, else warranted). */
  evaluatedAt: string | null;
  activations: Activation[];
  spans: LevelSpan[];
}

/** The plan's first-response / initial-disposal milestones, derived from the step graph and deadlines. */
export interface Milestone {
  id: 'first-response' | 'initial-disposal';
  steps: string[];
  /** Deadline, seconds from drill start: first response = the earliest of its steps' deadlines; initial disposal = the latest. */
  deadline: number;
  allowed: number;
  /** First response: when the first of its steps was done; initial disposal: when the last was (all must be done). */
  doneAt?: number;
  status: TimeStatus;
  lateBy?: number;
  evidence: number[];
}

export interface Gap {
  /** G01, G02 … in report order. */
  id: string;
  kind: GapKind;
  step?: string;
  /** The role the gap is about (actor, or the role that should have acted). */
  role?: string;
  /** Owner / expected role. */
  expectedRole?: string;
  /** Other roles involved (duplicates, notification targets). */
  roles: string[];
  /** Steps the gap is about (role-not-engaged: the role's required steps). */
  steps: string[];
  /** Seconds (delay, span length). */
  seconds?: number;
  from?: number;
  to?: number;
  penalty: number;
  evidence: Evidence[];
  message: string;
  messageZh: string;
}

/** Outcome of an objective: met, missed, or not reached (the drill ended before it was due: not a failure). */
export type ObjectiveStatus = 'met' | 'missed' | 'not-reached';

export interface ObjectiveResult {
  id: string;
  text: string;
  steps: string[];
  within?: number;
  status: ObjectiveStatus;
  /** `status === 'met'`. */
  met: boolean;
  /** Gap kinds the objective's own words rule out (不重复 → duplicated, 不越位 → wrong-role …; see `objectiveCriteria`). */
  criteria: GapKind[];
  /** Gaps of those kinds found on the objective's steps: each one fails it. */
  gapIds: string[];
  /** Completion time of each listed step (absent when not done or unknown). */
  doneAt: Record<string, number | undefined>;
  /** Steps that were not done in time. */
  missing: string[];
  /** Those of `missing` the drill ended before they were due (not failures). */
  notDue?: string[];
  evidence: number[];
}

/** An inject's expected action (HSEEP MSEL "expected action"), checked against the log. */
export interface ExpectedResult {
  inject: string;
  /** Index of the expected action within its inject. */
  index: number;
  role: string;
  /** Step id, or `level:X` for a level declaration; absent for text-only expectations (not evaluated). */
  step?: string;
  text?: string;
  /** Seconds after the inject. */
  within?: number;
  /** Seconds from drill start by which it had to happen (inject time + within). */
  due?: number;
  /** true / false; null when it cannot be checked (text only, the inject never appeared in the log, or not reached). */
  met: boolean | null;
  /** Not done, and the drill ended before it was due: neither met nor failed. */
  notReached?: true;
  doneAt?: number;
  doneBy?: string;
  evidence: number[];
}

export interface Outcome {
  containmentBy?: { fact?: string; step?: string };
  containedAt?: number;
  containedSeq?: number;
  /** Seconds from incident start to containment. */
  timeToContainment?: number;
  terminatedAt?: number;
  terminatedSeq?: number;
  terminatedBy?: string;
  timeToTermination?: number;
  /** Termination condition at the terminate event (or at the end when not terminated): true / false / unknown (facts missing). */
  terminationCondition?: boolean | 'unknown';
  /** When the termination condition first held. */
  terminationReadyAt?: number;
  requiredWarranted: number;
  completedWarranted: number;
}

/**
 * A finding written up for the after-action report: a strength, a gap (with a corrective action), or a note — what the
 * report must say but is not a failure (a recommendation not followed, a limit the drill cannot time, an objective the
 * drill ended before).
 */
export interface Finding {
  id: string;
  kind: 'strength' | 'gap' | 'note';
  dimension: DimensionId;
  text: string;
  textZh: string;
  /** Corrective action (gaps only). */
  action?: string;
  actionZh?: string;
  /** Role responsible for the corrective action. */
  role?: string;
  step?: string;
  evidence: number[];
}

/** Rating bands of the overall result (docs/scoring.md §6): 优秀 / 良好 / 合格 / 不合格, or not rated. */
export type BandId = 'excellent' | 'good' | 'adequate' | 'inadequate' | 'not-rated';

/** The band of a drill: from the score, capped by what the record shows (a band never hides a major problem). */
export interface Band {
  id: BandId;
  /** The band the score alone would give. */
  byScore: Exclude<BandId, 'not-rated'>;
  /** Why the band is lower than the score's (machine-readable: `objective-missed:o2`, `wrong-role:G03`, `rated-U:first-aid` …). */
  reasons: string[];
}

export interface Score {
  /** 0–100, one decimal. */
  overall: number;
  /** The rating band (优秀 / 良好 / 合格 / 不合格 / 未评定). */
  band: Band;
  dimensions: Record<DimensionId, DimensionScore>;
  /** Seconds from drill start that count as incident start. */
  incidentStart: number;
  /** Seconds from drill start when the drill ended. */
  end: number;
  steps: StepResult[];
  gaps: Gap[];
  level: LevelResult;
  milestones: Milestone[];
  objectives: ObjectiveResult[];
  /** The scenario's expected actions (MSEL), for injects that appear in the log. */
  expected: ExpectedResult[];
  outcome: Outcome;
  ratings: Record<Rating, number>;
  findings: Finding[];
  /** The parameters used (weights normalised, penalties, threshold) so the score can be recomputed. */
  params: { weights: Weights; penalties: Record<GapKind, number>; handoffThreshold: number };
}
