/**
 * The situation board (态势看板) of a live drill: what the projector shows the room and the console shows the
 * organiser — warranted and declared level, countdown to the next inject, and per role whether it has been told,
 * acted, acknowledged its injects, or gone silent. A pure function of the plan and the log (and the time now), so the
 * projector, the console and the tests read the same thing.
 *
 * Who was told is `toldRoles` (src/drill/told.ts), the rule the engine and the scorer use. A role is **silent** when
 * it has been told and has not acted for `silentAfter` drill seconds (counted from its last action, or from when it
 * was first told if it never acted): the organiser's cue to prompt that table.
 */
import { toldRoles } from '../drill/told.js';
import type { DrillEvent } from '../drill/types.js';
import type { Plan } from '../model/index.js';

/** Default drill seconds without an action after which a told role counts as silent (5 min). */
export const SILENT_AFTER = 300;

/** One role on the board. */
export interface RoleStatus {
  id: string;
  name: string;
  /** When an inject or a notification first reached the role. */
  toldAt?: number;
  /** Its last action (step, level, notification, acknowledgement, note, termination). */
  lastActAt?: number;
  /** How many actions it has logged, and how many of them were plan steps. */
  actions: number;
  steps: number;
  /** Injects addressed to the role (or to everyone) that it has not acknowledged, in order. */
  pendingAcks: string[];
  /** Seconds since its last action (or since it was told, when it never acted); absent when never told. */
  idleFor?: number;
  silent: boolean;
}

/** Acknowledgements of one revealed inject. */
export interface InjectAcks {
  inject: string;
  t: number;
  /** Roles it was addressed to (every board role for a broadcast). */
  to: string[];
  /** Role → drill time of its acknowledgement. */
  acked: Record<string, number>;
}

/** The board at one moment. */
export interface Board {
  t: number;
  /** The level the facts warrant (the machine's), and the most recent one declared. */
  warranted: string | null;
  declared: string | null;
  /** Drill time of the next scheduled inject (absent in a blind drill or when none is left). */
  nextInjectAt?: number;
  silentAfter: number;
  roles: RoleStatus[];
  acks: InjectAcks[];
  ended: boolean;
}

/** What the board is computed from. */
export interface BoardInput {
  plan: Plan;
  events: readonly DrillEvent[];
  /** Drill seconds now. */
  now: number;
  /** Roles on the board (default: every role of the plan), in plan order. */
  roles?: readonly string[];
  nextInjectAt?: number;
  silentAfter?: number;
}

const ACTIONS = new Set<DrillEvent['type']>(['step.done', 'level.declared', 'notify', 'ack', 'action.unmatched', 'terminate']);

/** The board (see the module comment). */
export function boardView(x: BoardInput): Board {
  const silentAfter = x.silentAfter ?? SILENT_AFTER;
  const ids = new Set(x.roles ?? x.plan.roles.map((r) => r.id));
  const status = new Map<string, RoleStatus>();
  for (const r of x.plan.roles) {
    if (ids.has(r.id)) status.set(r.id, { id: r.id, name: r.name, actions: 0, steps: 0, pendingAcks: [], silent: false });
  }
  const acks: InjectAcks[] = [];
  let warranted: string | null = null;
  let declared: string | null = null;
  let ended = false;
  for (const e of x.events) {
    if (e.type === 'level.warranted') warranted = e.level;
    if (e.type === 'level.declared') declared = e.level;
    if (e.type === 'drill.end') ended = true;
    for (const r of toldRoles(e, x.plan)) {
      const s = status.get(r);
      if (s && s.toldAt === undefined) s.toldAt = e.t;
    }
    if (e.type === 'inject') {
      const to = (e.to.length ? e.to : [...status.keys()]).filter((r) => status.has(r));
      acks.push({ inject: e.inject, t: e.t, to, acked: {} });
      for (const r of to) status.get(r)!.pendingAcks.push(e.inject);
    }
    const role = 'role' in e && typeof e.role === 'string' ? status.get(e.role) : undefined;
    // A participant's own note counts as acting; a facilitator's note about a role does not.
    const acting = ACTIONS.has(e.type) || (e.type === 'note' && 'source' in e && e.source !== 'facilitator' && e.source !== 'engine');
    if (!role || !acting) continue;
    role.actions += 1;
    role.lastActAt = e.t;
    if (e.type === 'step.done') role.steps += 1;
    if (e.type === 'ack' && e.inject) {
      const a = acks.find((k) => k.inject === e.inject);
      if (a && !(role.id in a.acked)) a.acked[role.id] = e.t;
      role.pendingAcks = role.pendingAcks.filter((i) => i !== e.inject);
    }
  }
  for (const s of status.values()) {
    const since = s.lastActAt ?? s.toldAt;
    if (since === undefined) continue;
    s.idleFor = Math.max(0, x.now - since);
    s.silent = !ended && s.idleFor >= silentAfter;
  }
  return {
    t: x.now, warranted, declared, ...(x.nextInjectAt !== undefined ? { nextInjectAt: x.nextInjectAt } : {}),
    silentAfter, roles: [...status.values()], acks, ended,
  };
}
