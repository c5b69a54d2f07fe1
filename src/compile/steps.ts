import { evaluateTri, type Expr, type FactValues } from '../expr/index.js';
import type { Fact, Plan } from '../model/index.js';
import { uniqueById, type FactMap, type PlanContext, type StepStatus } from './statechart.js';

/** What status computation needs to know about a step. */
export interface StepModel {
  id: string;
  /** Level ids the step applies to; empty means every level (and the assessing phase). */
  levels: readonly string[];
  after: readonly string[];
  /** At least one of these must be done (or all skipped, which skips the step: its case did not happen). */
  afterAny: readonly string[];
  condition?: Expr;
}

/** The step models of a plan (first step of each id wins). */
export function stepModels(plan: Plan): StepModel[] {
  return uniqueById(plan.steps).map((s) => ({ id: s.id, levels: s.levels, after: s.after, afterAny: s.afterAny ?? [], condition: s.condition?.ast }));
}

/**
 * Status of every step at a context (see `StepStatus`):
 * - `done` stays done;
 * - `skipped` when a level is active and the step does not apply at it, or its condition is definitely false;
 * - `overdue` when its deadline has passed (`expired`) and it is not skipped;
 * - `pending` while its level applicability or condition is still undecided (no level yet / facts missing),
 *   or while a prerequisite (`after`) is neither done nor skipped;
 * - `ready` otherwise. Unknown prerequisite ids do not block.
 */
export function stepStatuses(steps: readonly StepModel[], ctx: Pick<PlanContext, 'facts' | 'level' | 'steps' | 'expired'>, facts: readonly Fact[]): Record<string, StepStatus> {
  const prev = ctx.steps ?? {};
  const expired = new Set(ctx.expired ?? []);
  const first: Record<string, StepStatus> = {};
  const undecided = new Set<string>();
  for (const s of steps) {
    if (prev[s.id] === 'done') { first[s.id] = 'done'; continue; }
    let levelOk: boolean | undefined = true;
    if (s.levels.length) levelOk = ctx.level === null ? undefined : s.levels.includes(ctx.level);
    const cond = s.condition ? evaluateTri(s.condition, ctx.facts as FactValues, facts) : true;
    if (levelOk === false || cond === false) first[s.id] = 'skipped';
    else if (expired.has(s.id)) first[s.id] = 'overdue';
    else {
      first[s.id] = 'pending';
      if (levelOk === undefined || cond === undefined) undecided.add(s.id);
    }
  }
  const out: Record<string, StepStatus> = { ...first };
  for (const s of steps) {
    if (first[s.id] !== 'pending' || undecided.has(s.id)) continue;
    const clear = s.after.every((p) => !(p in first) || first[p] === 'done' || first[p] === 'skipped');
    const known = (s.afterAny ?? []).filter((p) => p in first);
    // "After either branch": ready when one branch is done; when every branch was skipped, its case did not happen.
    if (known.length && known.every((p) => first[p] === 'skipped')) { out[s.id] = 'skipped'; continue; }
    const anyDone = !known.length || known.some((p) => first[p] === 'done');
    if (clear && anyDone) out[s.id] = 'ready';
  }
  return out;
}

/** True when a step applies at the current level (a level is active and the step lists it, or lists none). */
export function appliesAtLevel(step: StepModel, level: string | null): boolean {
  return level !== null && (step.levels.length === 0 || step.levels.includes(level));
}

/** Merges reported values into known facts: later values win, `null` forgets a fact, labels map to ids, other junk is ignored. */
export function mergeFacts(known: FactMap, values: unknown, facts: readonly Fact[]): FactMap {
  if (values === null || typeof values !== 'object' || Array.isArray(values)) return known;
  const ids = keyIndex(facts);
  const out: FactMap = { ...known };
  for (const [rawKey, v] of Object.entries(values as Record<string, unknown>)) {
    const key = ids.get(rawKey) ?? rawKey;
    if (v === null || v === undefined) delete out[key];
    else if ((typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean' || typeof v === 'string') out[key] = v;
  }
  return out;
}

// Fact id or label → fact id, per fact list (ids win over labels).
const KEYS = new WeakMap<readonly Fact[], Map<string, string>>();
function keyIndex(facts: readonly Fact[]): Map<string, string> {
  let m = KEYS.get(facts);
  if (!m) {
    m = new Map();
    for (const f of facts) if (f.label && !m.has(f.label)) m.set(f.label, f.id);
    for (const f of facts) m.set(f.id, f.id);
    KEYS.set(facts, m);
  }
  return m;
}
