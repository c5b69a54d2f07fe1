/** Plain queries on a plan that every stage asks the same way (by id, steps at a level, deputies, resources). */
import type { Plan, Resource, Role } from './plan.js';

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

/** The resource a step's demand names: by id, else by the resource's written name. */
export function findResource(plan: Plan, name: string): Resource | undefined {
  return plan.resources.find((r) => r.id === name) ?? plan.resources.find((r) => r.name === name);
}

/** The role a deputy entry names: by id, else by role name (副总指挥), else by holder (生产副总). */
export function deputyRole(plan: Plan, text: string): Role | undefined {
  return plan.roles.find((r) => r.id === text) ?? plan.roles.find((r) => r.name === text) ?? plan.roles.find((r) => r.holder === text);
}

/**
 * Whether role `role` may act for role `owner`: a deputy the owner lists (resolved as `deputyRole` does: by id, name or
 * holder), or a team that is `memberOf` the owner. (The owner itself is the caller's case.)
 */
export function standsIn(plan: Plan, owner: Role, role: string): boolean {
  return owner.deputies.some((d) => deputyRole(plan, d)?.id === role) || plan.roles.some((r) => r.id === role && r.memberOf === owner.id);
}
