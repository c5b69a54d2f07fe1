/**
 * Who a logged event tells (信息送达): the one rule the engine (which sends the machine `NOTIFY` and so starts
 * receipt-anchored deadlines, 接到报告后1小时), the participant pages (which show a role what reached it) and the
 * scorer (receipt times, delivered notifications) share, so a notification a participant saw is one the score counts.
 *
 * - an inject tells the roles it is addressed to, or every role of the plan when it is addressed to nobody in
 *   particular (a broadcast);
 * - a notification tells its `to` role;
 * - nothing else tells anyone: completing a step whose plan row says "notify X" is not itself the notification — the
 *   participant sends it (the page offers it in one tap), and the log shows it.
 */
import type { Plan } from '../model/index.js';
import type { DrillEvent } from './types.js';

/** Role ids the event tells (empty when it tells nobody). */
export function toldRoles(e: DrillEvent, plan: Pick<Plan, 'roles'>): string[] {
  if (e.type === 'inject') return e.to.length ? [...e.to] : plan.roles.map((r) => r.id);
  if (e.type === 'notify') return [e.to];
  return [];
}

/** True when the event tells `role`. */
export function tells(e: DrillEvent, role: string, plan: Pick<Plan, 'roles'>): boolean {
  if (e.type === 'inject') return e.to.length ? e.to.includes(role) : plan.roles.some((r) => r.id === role);
  return e.type === 'notify' && e.to === role;
}
