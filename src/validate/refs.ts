import type { Located, Plan, Step } from '../model/index.js';

/** A place in a plan where a role is referenced. */
export interface RoleRef {
  role: string;
  node: Located;
  field: string;
  /** What kind of reference it is (owner, notify, decider, keeper, reporter, member-of). */
  kind: 'owner' | 'notify' | 'decider' | 'keeper' | 'reporter' | 'member-of' | 'deputy';
}

/** Every role reference in a plan, in document order of the referring nodes. */
export function roleRefs(plan: Plan): RoleRef[] {
  const out: RoleRef[] = [];
  for (const s of plan.steps) {
    if (s.role) out.push({ role: s.role, node: s, field: 'role', kind: 'owner' });
    for (const n of s.notify) out.push({ role: n, node: s, field: 'notify', kind: 'notify' });
  }
  for (const l of plan.levels) if (l.decidedBy) out.push({ role: l.decidedBy, node: l, field: 'decidedBy', kind: 'decider' });
  if (plan.termination?.decidedBy) out.push({ role: plan.termination.decidedBy, node: plan.termination, field: 'decidedBy', kind: 'decider' });
  for (const r of plan.resources) if (r.keeper) out.push({ role: r.keeper, node: r, field: 'keeper', kind: 'keeper' });
  for (const r of plan.reports) if (r.by) out.push({ role: r.by, node: r, field: 'by', kind: 'reporter' });
  for (const r of plan.roles) if (r.memberOf) out.push({ role: r.memberOf, node: r, field: 'memberOf', kind: 'member-of' });
  return out;
}

/** Index of nodes by id. */
export function byId<T extends { id: string }>(list: readonly T[]): Map<string, T> {
  return new Map(list.map((x) => [x.id, x] as const));
}

const ACTIVE = new WeakMap<Plan, { byLevel: Map<string, Step[]>; everywhere: Step[] }>();

/** Steps that apply at each level id (a step with no levels applies at every level), built in one pass per plan. */
function activeIndex(plan: Plan) {
  let index = ACTIVE.get(plan);
  if (index) return index;
  const byLevel = new Map<string, Step[]>();
  const everywhere: Step[] = [];
  for (const s of plan.steps) {
    if (s.levels.length === 0) { everywhere.push(s); continue; }
    for (const id of new Set(s.levels)) {
      if (!byLevel.has(id)) byLevel.set(id, []);
      byLevel.get(id)!.push(s);
    }
  }
  // Merge the every-level steps back in, in document order.
  const order = new Map(plan.steps.map((s, i) => [s, i] as const));
  if (everywhere.length) for (const [id, list] of byLevel) byLevel.set(id, [...list, ...everywhere].sort((a, b) => order.get(a)! - order.get(b)!));
  index = { byLevel, everywhere };
  ACTIVE.set(plan, index);
  return index;
}

/** Steps that apply at a level (a step with no levels applies at every level), in document order. */
export function stepsAt(plan: Plan, levelId: string): Step[] {
  const { byLevel, everywhere } = activeIndex(plan);
  return [...(byLevel.get(levelId) ?? everywhere)];
}

/** Levels ordered from least severe to most severe (IV, III, II, I). */
export function levelsAscending(plan: Plan) {
  return [...plan.levels].sort((a, b) => b.rank - a.rank);
}
