/** Plain queries on a plan that every stage asks the same way (by id, steps at a level, deputies, resources). */
import type { Level, Plan, Resource, Role, Step } from './plan.js';

/** Index of nodes by id. */
export function byId<T extends { id: string }>(list: readonly T[]): Map<string, T> {
  return new Map(list.map((x) => [x.id, x] as const));
}

const ACTIVE = new WeakMap<Plan, { byLevel: Map<string, Step[]>; everywhere: Step[] }>();

/** Steps per level id, built in one pass per plan (big plans ask this for every level and every rule). */
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

/** Steps that apply at a level (`appliesAt`: a step with no levels applies at every level), in document order. */
export function stepsAt(plan: Plan, levelId: string): Step[] {
  const { byLevel, everywhere } = activeIndex(plan);
  return [...(byLevel.get(levelId) ?? everywhere)];
}

/** Levels ordered from least severe to most severe (IV, III, II, I). */
export function levelsAscending(plan: Plan) {
  return [...plan.levels].sort((a, b) => b.rank - a.rank);
}

/** The resource a step's demand names: by id, else by the resource's written name. */
export function findResource(plan: Plan, name: string): Resource | undefined {
  return plan.resources.find((r) => r.id === name) ?? plan.resources.find((r) => r.name === name);
}

/** The role a deputy entry names: by id, else by role name (副总指挥), else by holder (生产副总). */
export function deputyRole(plan: Pick<Plan, 'roles'>, text: string): Role | undefined {
  return plan.roles.find((r) => r.id === text) ?? plan.roles.find((r) => r.name === text) ?? plan.roles.find((r) => r.holder === text);
}

/**
 * Whether role `role` may act for role `owner`: a deputy the owner lists (resolved as `deputyRole` does: by id, name or
 * holder), or a team that is `memberOf` the owner. (The owner itself is the caller's case.)
 */
export function standsIn(plan: Pick<Plan, 'roles'>, owner: Role, role: string): boolean {
  return owner.deputies.some((d) => deputyRole(plan, d)?.id === role) || plan.roles.some((r) => r.id === role && r.memberOf === owner.id);
}

/** The level a scope floor's `below` names (`III`, `Ⅲ级`, or a level's name); undefined when `below` is a condition. */
export function scopeFloorLevel(plan: Plan): Level | undefined {
  const below = plan.meta.scope?.below;
  return below ? plan.levels.find((l) => l.id === below || l.name === below || l.id === below.replace(/级$/u, '')) : undefined;
}
