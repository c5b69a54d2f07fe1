import type { Located, Plan } from '../model/index.js';

/** A place in a plan where a role is referenced. */
export interface RoleRef {
  role: string;
  node: Located;
  field: string;
  /**
   * What kind of reference it is: owner, an alternative owner or decider (`a 或 b`), support (`会同`/`配合`), notify,
   * decider (of a level, standby or termination), judge (who makes a judgement fact), keeper, reporter, member-of.
   */
  kind: 'owner' | 'alternative' | 'support' | 'notify' | 'decider' | 'judge' | 'keeper' | 'reporter' | 'member-of' | 'deputy';
}

/** The field a list of roles was written in: its own key (YAML) or the cell it shares with the lead (Markdown). */
const fieldOf = (node: Located, own: string, shared: string) => (node.fields?.[own] ? own : shared);

/** Every role reference in a plan, in document order of the referring nodes. */
export function roleRefs(plan: Plan): RoleRef[] {
  const out: RoleRef[] = [];
  for (const s of plan.steps) {
    if (s.role) out.push({ role: s.role, node: s, field: 'role', kind: 'owner' });
    for (const a of s.alternatives ?? []) out.push({ role: a, node: s, field: fieldOf(s, 'alternatives', 'role'), kind: 'alternative' });
    for (const a of s.support ?? []) out.push({ role: a, node: s, field: fieldOf(s, 'support', 'role'), kind: 'support' });
    for (const n of s.notify) out.push({ role: n, node: s, field: 'notify', kind: 'notify' });
  }
  for (const l of plan.levels) {
    if (l.decidedBy) out.push({ role: l.decidedBy, node: l, field: 'decidedBy', kind: 'decider' });
    for (const a of l.deciderAlternatives ?? []) out.push({ role: a, node: l, field: fieldOf(l, 'deciderAlternatives', 'decidedBy'), kind: 'alternative' });
  }
  for (const s of plan.standby ?? []) if (s.decidedBy) out.push({ role: s.decidedBy, node: s, field: 'decidedBy', kind: 'decider' });
  for (const f of plan.facts) if (f.decidedBy) out.push({ role: f.decidedBy, node: f, field: 'decidedBy', kind: 'judge' });
  if (plan.termination?.decidedBy) out.push({ role: plan.termination.decidedBy, node: plan.termination, field: 'decidedBy', kind: 'decider' });
  for (const r of plan.resources) if (r.keeper) out.push({ role: r.keeper, node: r, field: 'keeper', kind: 'keeper' });
  for (const r of plan.reports) if (r.by) out.push({ role: r.by, node: r, field: 'by', kind: 'reporter' });
  for (const r of plan.roles) if (r.memberOf) out.push({ role: r.memberOf, node: r, field: 'memberOf', kind: 'member-of' });
  return out;
}

/**
 * True when the node has a value under a column yuan could not read (reported by the parser): a rule that finds a
 * field missing does not report it, since the value may be in that column.
 */
export const hasUnread = (node: Located) => Object.keys(node.unread ?? {}).length > 0;

/** Index of nodes by id. */
export function byId<T extends { id: string }>(list: readonly T[]): Map<string, T> {
  return new Map(list.map((x) => [x.id, x] as const));
}

/** Steps that apply at a level (a step with no levels applies at every level). */
export function stepsAt(plan: Plan, levelId: string) {
  return plan.steps.filter((s) => s.levels.length === 0 || s.levels.includes(levelId));
}

/** Levels ordered from least severe to most severe (IV, III, II, I). */
export function levelsAscending(plan: Plan) {
  return [...plan.levels].sort((a, b) => b.rank - a.rank);
}
