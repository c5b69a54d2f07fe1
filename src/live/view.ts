/**
 * Who sees what (信息隔离). The server filters; pages only ever receive what this module lets through.
 *
 * A participant (one role) sees:
 * - revealed injects addressed to the role or to everyone (id, time, sender, message) — the narrative as the scenario
 *   author wrote it, never the facts it carries as variables (they are the ground truth the role should find out);
 * - its own actions (steps, level declarations, notifications sent, acknowledgements, notes, unmatched texts,
 *   termination) — never another role's, except a notification addressed to the role. What reaches a role is
 *   `tells` (src/drill/told.ts): the rule the engine uses to start receipt-anchored deadlines and the scorer uses for
 *   delivered notifications, so what a participant sees is what the score counts. Completing a step whose plan row
 *   says "notify X" shows nothing to X until the participant sends the notification (the page offers it in one tap);
 * - the clock (running, speed, drill time) and whether the drill has ended.
 * Never: the scenario (title, id, objectives, unrevealed injects — not even how many there are or their ids),
 * the warranted level the engine computes, overdue steps, facilitator or engine notes, `drill.start`.
 *
 * The facilitator sees the whole log; upcoming injects only when the drill is not blind. In a blind drill the
 * facilitator sees no scenario id or title either (the sealed file is opened by the server, not by people).
 */
import type { DrillEvent, FactValue, Inject, Scenario } from '../drill/types.js';
import { tells } from '../drill/told.js';
import { standing, stepDuty, type Plan, type Step } from '../model/index.js';
import { readClock } from './events.js';

/** An event as a page receives it. */
export type PublicEvent = Record<string, unknown> & { seq: number; t: number; type: string };

/** A participant's projection of one logged event, or undefined when the role must not see it. */
export function participantEvent(e: DrillEvent, role: string, plan: Plan, scenario: Scenario): PublicEvent | undefined {
  switch (e.type) {
    case 'inject': {
      if (!tells(e, role, plan)) return undefined;
      const from = scenario.injects.find((i) => i.id === e.inject)?.from;
      return { seq: e.seq, t: e.t, type: 'inject', inject: e.inject, to: [...e.to], message: e.message, ...(from ? { from } : {}) };
    }
    case 'step.done':
      return e.role === role ? { seq: e.seq, t: e.t, type: e.type, step: e.step, role: e.role, ...(e.text ? { text: e.text } : {}), mine: true } : undefined;
    case 'notify':
      if (e.role === role) return { seq: e.seq, t: e.t, type: e.type, role: e.role, to: e.to, ...(e.text ? { text: e.text } : {}), mine: true };
      if (tells(e, role, plan)) return { seq: e.seq, t: e.t, type: e.type, role: e.role, to: e.to, ...(e.text ? { text: e.text } : {}), mine: false };
      return undefined;
    case 'level.declared':
      return e.role === role ? { seq: e.seq, t: e.t, type: e.type, level: e.level, role: e.role, mine: true } : undefined;
    case 'ack':
      return e.role === role ? { seq: e.seq, t: e.t, type: e.type, role: e.role, ...(e.inject ? { inject: e.inject } : {}), mine: true } : undefined;
    case 'action.unmatched':
      return e.role === role ? { seq: e.seq, t: e.t, type: e.type, role: e.role, text: e.text, mine: true } : undefined;
    case 'note':
      return e.role === role && e.source === 'participant' ? { seq: e.seq, t: e.t, type: e.type, role: e.role, text: e.text, mine: true } : undefined;
    case 'terminate':
      return e.role === role ? { seq: e.seq, t: e.t, type: e.type, role: e.role, mine: true } : undefined;
    case 'drill.end':
      return { seq: e.seq, t: e.t, type: e.type };
    default:
      return undefined;
  }
}

/** The facilitator's projection of one logged event (blind: `drill.start` without the scenario's id). */
export function facilitatorEvent(e: DrillEvent, blind: boolean): PublicEvent {
  if (e.type === 'drill.start' && blind) return { seq: e.seq, t: e.t, type: e.type, mode: e.mode };
  const c = readClock(e);
  if (c) return { seq: e.seq, t: e.t, type: 'clock', op: c.op, speed: c.speed, running: c.running };
  return { ...(e as unknown as Record<string, unknown>) } as PublicEvent;
}

/** An upcoming inject as a non-blind facilitator sees it. */
export function upcomingView(i: Inject): Record<string, unknown> {
  return {
    id: i.id, at: i.at, to: [...i.to], message: i.message, ...(i.from ? { from: i.from } : {}), ...(i.facts ? { facts: factsOnly(i.facts) } : {}),
    expected: i.expected.map((x) => ({ role: x.role, ...(x.step ? { step: x.step } : {}), ...(x.text ? { text: x.text } : {}), ...(x.within !== undefined ? { within: x.within } : {}) })),
  };
}

function factsOnly(f: Record<string, FactValue>): Record<string, FactValue> {
  return Object.fromEntries(Object.entries(f));
}

/**
 * The plan as the pages need it: roles, levels (with colours), steps (the role's own first: those it leads, may do
 * instead or supports) with whom each says to notify; for the facilitator (no role) also the facts, for the facts form.
 * Nothing from the scenario.
 */
export function planForms(plan: Plan, role?: string): Record<string, unknown> {
  const steps = plan.steps.filter((s, i, all) => all.findIndex((x) => x.id === s.id) === i);
  const mine = (s: Step) => !!role && standing(plan.roles, stepDuty(s), role) !== false && !!s.role;
  const own = steps.filter(mine);
  const rest = steps.filter((s) => !own.includes(s));
  return {
    plan: { id: plan.meta.id, title: plan.meta.title },
    roles: plan.roles.map((r) => ({ id: r.id, name: r.name })),
    levels: plan.levels.map((l) => ({ id: l.id, name: l.name ?? '', ...(l.colour ? { colour: l.colour } : {}) })),
    steps: [...own, ...rest].map((s) => ({ id: s.id, action: s.action, role: s.role ?? '', own: own.includes(s), notify: [...s.notify] })),
    ...(role === undefined ? { facts: plan.facts.map((f) => ({ id: f.id, label: f.label ?? '', type: f.type, unit: f.unit ?? '', ...(f.values ? { values: [...f.values] } : {}) })) } : {}),
  };
}
