/**
 * Two questions every stage asks of the plan and must answer the same way (compile, drill, score, render, lint):
 * does a step (or report) apply at a level, and may a role do a duty the plan gives to someone else.
 */
import type { Level, Plan, Role, Step } from './plan.js';
import { standsIn } from './query.js';

/**
 * Whether a node bound to levels (a step, a report) applies at `level`: a node without levels applies at every level
 * and before any level is decided (the assessing phase); one with levels applies exactly at the levels it lists
 * (`III+` is expanded to III, II, I by the parser). `undefined` while no level is decided for a level-bound node.
 */
export function appliesAt(node: { readonly levels: readonly string[] }, level: string | null | undefined): boolean | undefined {
  if (node.levels.length === 0) return true;
  if (level === null || level === undefined) return undefined;
  return node.levels.includes(level);
}

/** True when a node applies at every one of the plan's levels (no levels, or all of them listed). */
export function appliesAtEveryLevel(node: { readonly levels: readonly string[] }, levels: readonly Pick<Level, 'id'>[]): boolean {
  return node.levels.length === 0 || levels.every((l) => node.levels.includes(l.id));
}

/**
 * How a role stands to a duty: `owner` (the lead role, 牵头; also any role when the duty names none), `alternative`
 * (may do it instead: "A 或 B", "the CAO, the Fire Chief or the EOC Director"), `support` (会同 / 配合 / with),
 * `deputy` (a stand-in of the owner or of an alternative: `standsIn` in query.ts — listed in its `deputies` by id,
 * name or holder, or a team that is `memberOf` it). `false`: the role has no standing — doing the duty is acting out of role (越位).
 */
export type Standing = 'owner' | 'alternative' | 'support' | 'deputy';

/** Who a duty belongs to: lead role, alternatives, supporting roles. */
export interface Duty {
  owner?: string;
  alternatives?: readonly string[];
  support?: readonly string[];
}

/** How `role` stands to `duty` (see `Standing`), or false. */
export function standing(roles: readonly Role[], duty: Duty, role: string): Standing | false {
  if (!duty.owner || duty.owner === role) return 'owner';
  if (duty.alternatives?.includes(role)) return 'alternative';
  if (duty.support?.includes(role)) return 'support';
  for (const holder of [duty.owner, ...(duty.alternatives ?? [])]) {
    const o = roles.find((r) => r.id === holder);
    if (o && standsIn({ roles: [...roles] }, o, role)) return 'deputy';
  }
  return false;
}

/** The duty of a step: its lead role, alternatives and supporting roles. */
export const stepDuty = (s: Pick<Step, 'role' | 'alternatives' | 'support'>): Duty => ({ owner: s.role, alternatives: s.alternatives ?? [], support: s.support ?? [] });

/** The duty of declaring a level: its decider and the roles that may decide instead. */
export const levelDuty = (l: Pick<Level, 'decidedBy' | 'deciderAlternatives'>): Duty => ({ owner: l.decidedBy, alternatives: l.deciderAlternatives ?? [] });

/** The duty of declaring the end of the response. */
export const terminationDuty = (plan: Pick<Plan, 'termination'>): Duty => ({ owner: plan.termination?.decidedBy });
