import type { DrillEvent, FactValue, Scenario } from '../drill/types.js';
import type { Level, Plan, Role, Step } from '../model/index.js';
import { standsIn } from '../model/query.js';
import type { Evidence, GapKind } from './types.js';

/** Narrowed event types. */
export type EventOf<T extends DrillEvent['type']> = Extract<DrillEvent, { type: T }>;
export type StepDone = EventOf<'step.done'>;

/** A level.warranted / level.declared change point. */
export interface LevelChange {
  seq: number;
  t: number;
  level: Level | null;
  /** The level id as logged (may be unknown to the plan). */
  id: string | null;
  role?: string;
}

/** Everything the dimension scorers share, derived once from the plan and the log. Read-only after construction. */
export interface Context {
  plan: Plan;
  scenario?: Scenario;
  /** Events sorted by seq (the input is not mutated). */
  events: DrillEvent[];
  bySeq: Map<number, DrillEvent>;
  incidentStart: number;
  end: number;
  roles: Map<string, Role>;
  steps: Map<string, Step>;
  levels: Map<string, Level>;
  warranted: LevelChange[];
  declared: LevelChange[];
  /** Most severe level ever warranted / declared. */
  maxWarranted: Level | null;
  maxDeclared: Level | null;
  /** Level whose steps are required in the step table: declared, else warranted. */
  evalLevel: Level | null;
  /** Completions of plan steps, in log order. */
  done: Map<string, StepDone[]>;
  /** Roles that authored at least one event. */
  actors: Set<string>;
  /** Facts known after each event (cumulative merge of inject and level.warranted facts), by seq. */
  factsAfter: Map<number, Record<string, FactValue>>;
  finalFacts: Record<string, FactValue>;
  handoffThreshold: number;
  penalties: Record<GapKind, number>;
  containmentFact?: string;
  containmentStep?: string;
}

export const DEFAULT_PENALTIES: Readonly<Record<GapKind, number>> = {
  'wrong-role': 10,
  duplicated: 3,
  'out-of-order': 8,
  'handoff-delay': 5,
  'missed-notification': 4,
  'role-not-engaged': 10,
  'over-response': 10,
  'under-response': 15,
  'unmatched-action': 0,
};

export const DEFAULT_HANDOFF_THRESHOLD = 300;

/** More severe = smaller rank. */
export const moreSevere = (a: Level | null | undefined, b: Level | null | undefined): boolean =>
  !!a && (!b || a.rank < b.rank);

export interface ContextOptions {
  scenario?: Scenario;
  handoffThreshold?: number;
  penalties?: Partial<Record<GapKind, number>>;
  incidentStart?: number;
  containmentFact?: string;
  containmentStep?: string;
}

export function buildContext(plan: Plan, input: readonly DrillEvent[], opts: ContextOptions = {}): Context {
  const events = [...input].sort((a, b) => a.seq - b.seq);
  const bySeq = new Map(events.map((e) => [e.seq, e] as const));
  const roles = new Map(plan.roles.map((r) => [r.id, r] as const));
  const steps = new Map(plan.steps.map((s) => [s.id, s] as const));
  const levels = new Map(plan.levels.map((l) => [l.id, l] as const));
  const firstInject = events.find((e) => e.type === 'inject');
  const incidentStart = opts.incidentStart ?? firstInject?.t ?? 0;
  const endEvent = events.find((e) => e.type === 'drill.end');
  const end = endEvent ? endEvent.t : events.reduce((m, e) => Math.max(m, e.t), incidentStart);

  const warranted: LevelChange[] = [];
  const declared: LevelChange[] = [];
  const done = new Map<string, StepDone[]>();
  const actors = new Set<string>();
  const factsAfter = new Map<number, Record<string, FactValue>>();
  let facts: Record<string, FactValue> = {};
  for (const e of events) {
    if ('role' in e && typeof e.role === 'string') actors.add(e.role);
    if (e.type === 'level.warranted') {
      warranted.push({ seq: e.seq, t: e.t, id: e.level, level: e.level === null ? null : levels.get(e.level) ?? null });
    } else if (e.type === 'level.declared') {
      declared.push({ seq: e.seq, t: e.t, id: e.level, level: levels.get(e.level) ?? null, role: e.role });
    } else if (e.type === 'step.done' && steps.has(e.step)) {
      const list = done.get(e.step) ?? [];
      list.push(e);
      done.set(e.step, list);
    }
    if ((e.type === 'inject' || e.type === 'level.warranted') && e.facts) facts = { ...facts, ...safeFacts(e.facts) };
    factsAfter.set(e.seq, facts);
  }
  const maxOf = (list: LevelChange[]) => list.reduce<Level | null>((m, c) => (moreSevere(c.level, m) ? c.level : m), null);
  const maxWarranted = maxOf(warranted);
  const maxDeclared = maxOf(declared);
  return {
    plan, scenario: opts.scenario, events, bySeq, incidentStart, end, roles, steps, levels, warranted, declared,
    maxWarranted, maxDeclared, evalLevel: maxDeclared ?? maxWarranted, done, actors, factsAfter, finalFacts: facts,
    handoffThreshold: opts.handoffThreshold ?? DEFAULT_HANDOFF_THRESHOLD,
    penalties: { ...DEFAULT_PENALTIES, ...definedOnly(opts.penalties ?? {}) },
    containmentFact: opts.containmentFact ?? defaultContainmentFact(plan),
    containmentStep: opts.containmentStep,
  };
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => typeof v === 'number' && Number.isFinite(v) && v >= 0)) as Partial<T>;
}

/** Own data properties only (never `__proto__` tricks). */
function safeFacts(f: Record<string, FactValue>): Record<string, FactValue> {
  return Object.fromEntries(Object.entries(f));
}

/** A boolean fact with id `contained`, else one labelled 已控制 / 控制 / contained. */
export function defaultContainmentFact(plan: Plan): string | undefined {
  const bools = plan.facts.filter((f) => f.type === 'boolean');
  return (bools.find((f) => f.id === 'contained')
    ?? bools.find((f) => /已控制|得到控制|contained|under control/i.test(`${f.label ?? ''} ${f.id}`)))?.id;
}

/**
 * Whether `role` may act for `owner`: the owner itself, or a stand-in — a deputy listed by role id, name or holder,
 * or a team that is `memberOf` the owner (`standsIn` in src/model/query.ts, as the drill engine's `actsFor`).
 */
export function roleMatches(ctx: Context, owner: string | undefined, role: string): 'owner' | 'deputy' | false {
  if (!owner || owner === role) return 'owner';
  const o = ctx.roles.get(owner);
  return o && standsIn(ctx.plan, o, role) ? 'deputy' : false;
}

/** Whether a step applies at a level (no levels = every level; no known level = only level-free steps). */
export function appliesAt(step: Step, level: Level | null): boolean {
  if (step.levels.length === 0) return true;
  return !!level && step.levels.includes(level.id);
}

/** Evidence record for an event. */
export function evidenceOf(e: DrillEvent): Evidence {
  const ev: Evidence = { seq: e.seq, t: e.t, type: e.type };
  if ('role' in e && typeof e.role === 'string') ev.role = e.role;
  if ('step' in e && typeof e.step === 'string') ev.step = e.step;
  if (e.type === 'level.warranted' || e.type === 'level.declared') ev.level = e.level;
  return ev;
}

/** Level (declared) in force at time t, by log order: the last declaration with seq ≤ the given seq. */
export function levelAt(list: LevelChange[], seq: number): LevelChange | undefined {
  let cur: LevelChange | undefined;
  for (const c of list) { if (c.seq <= seq) cur = c; else break; }
  return cur;
}

/** Rounds to one decimal (scores) — half away from zero, stable. */
export const round1 = (x: number): number => Math.round(x * 10 + (x >= 0 ? 1e-9 : -1e-9)) / 10;

/** Rounds to three decimals (item values and weights). */
export const round3 = (x: number): number => Math.round(x * 1000 + (x >= 0 ? 1e-9 : -1e-9)) / 1000;

/** A role for Chinese text: `值班长（duty-officer）`, or the bare id when the plan does not name it. */
export function roleZh(ctx: Context, id: string | undefined): string {
  if (!id) return '—';
  const name = ctx.roles.get(id)?.name;
  return name && name !== id ? `${name}（${id}）` : id;
}
