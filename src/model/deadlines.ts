/** Step deadlines as seconds from the incident, the way lint, the gantt charts and the scorer all read them. */
import { dueSeconds } from './duration.js';
import type { Plan, Step } from './plan.js';
import { byId } from './query.js';

/** A step's latest allowed finish, in seconds from the incident, and the chain of anchors that produced it. */
export interface AbsoluteDeadline {
  seconds: number;
  /** Step ids from the first anchor to this step. */
  chain: string[];
}

/** An absolute deadline; its anchor chain is built only when asked for (long step-anchored chains stay linear). */
class Absolute implements AbsoluteDeadline {
  constructor(readonly seconds: number, private readonly base: Absolute | undefined, private readonly id: string) {}
  get chain(): string[] {
    const ids = [this.id];
    for (let x = this.base; x; x = x.base) ids.push(x.id);
    return ids.reverse();
  }
}

const CACHE = new WeakMap<Plan, Map<string | undefined, Map<string, AbsoluteDeadline>>>();

/**
 * Converts each step's deadline to seconds from incident start at a given level: level-anchored deadlines add the
 * level's activation deadline; step-anchored deadlines add the anchor step's own absolute deadline.
 * Steps without a usable deadline, or in an anchor cycle, are absent from the map. Computed once per plan and level
 * (the map is shared: do not change it), without recursion, so anchor chains of any length are fine.
 */
export function absoluteDeadlines(plan: Plan, levelId?: string): Map<string, AbsoluteDeadline> {
  let perLevel = CACHE.get(plan);
  if (!perLevel) CACHE.set(plan, perLevel = new Map());
  const hit = perLevel.get(levelId);
  if (hit) return hit;
  const steps = byId(plan.steps);
  const level = plan.levels.find((l) => l.id === levelId);
  const activation = dueSeconds(level?.activation) ?? 0;
  const out = new Map<string, Absolute>();
  const visiting = new Set<string>();
  // Follows the anchor chain from `s0` up to an incident- or level-anchored step (or a missing/cyclic anchor), then
  // resolves it back down: the same results, in the same order, as resolving each step's anchor first.
  const visit = (s0: Step): void => {
    const chain: { step: Step; due: number }[] = [];
    let r: Absolute | undefined;
    for (let s = s0; ;) {
      if (out.has(s.id)) { r = out.get(s.id); break; }
      const d = s.deadline;
      const due = dueSeconds(d);
      if (!d || due === undefined || visiting.has(s.id)) break;
      if (d.anchor.kind === 'incident' || d.anchor.kind === 'level') {
        r = new Absolute((d.anchor.kind === 'level' ? activation : 0) + due, undefined, s.id);
        out.set(s.id, r);
        break;
      }
      // A receipt- or event-anchored limit counts from a moment only a drill knows: it has no absolute deadline here.
      const base = d.anchor.kind === 'step' ? steps.get(d.anchor.step) : undefined;
      if (!base) break;
      visiting.add(s.id);
      chain.push({ step: s, due });
      s = base;
    }
    for (let c = chain.pop(); c; c = chain.pop()) {
      visiting.delete(c.step.id);
      r = r && new Absolute(r.seconds + c.due, r, c.step.id);
      if (r) out.set(c.step.id, r);
    }
  };
  plan.steps.forEach(visit);
  perLevel.set(levelId, out);
  return out;
}
