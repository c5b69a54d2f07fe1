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

/**
 * Converts each step's deadline to seconds from incident start at a given level: level-anchored deadlines add the
 * level's activation deadline; step-anchored deadlines add the anchor step's own absolute deadline.
 * Steps without a usable deadline, or in an anchor cycle, are absent from the map.
 */
export function absoluteDeadlines(plan: Plan, levelId?: string): Map<string, AbsoluteDeadline> {
  const steps = byId(plan.steps);
  const level = plan.levels.find((l) => l.id === levelId);
  const activation = dueSeconds(level?.activation) ?? 0;
  const out = new Map<string, AbsoluteDeadline>();
  const visiting = new Set<string>();
  const visit = (s: Step): AbsoluteDeadline | undefined => {
    if (out.has(s.id)) return out.get(s.id);
    const d = s.deadline;
    const due = dueSeconds(d);
    if (!d || due === undefined || visiting.has(s.id)) return undefined;
    visiting.add(s.id);
    let result: AbsoluteDeadline | undefined;
    // A receipt- or event-anchored limit counts from a moment only a drill knows: it has no absolute deadline here.
    if (d.anchor.kind === 'incident') result = { seconds: due, chain: [s.id] };
    else if (d.anchor.kind === 'level') result = { seconds: activation + due, chain: [s.id] };
    else if (d.anchor.kind === 'step') {
      const base = steps.get(d.anchor.step);
      const b = base && visit(base);
      if (b) result = { seconds: b.seconds + due, chain: [...b.chain, s.id] };
    }
    visiting.delete(s.id);
    if (result) out.set(s.id, result);
    return result;
  };
  plan.steps.forEach(visit);
  return out;
}
