/** The `after` graph of a plan's steps, as the step rules walk it. */
import type { Plan, Step } from '../model/index.js';
import { byId } from '../model/query.js';

/** Each step's defined prerequisites (undefined `after` names are step-dangling's finding). */
export function prerequisites(plan: Plan): Map<string, Step[]> {
  const steps = byId(plan.steps);
  return new Map(plan.steps.map((s) => [s.id, s.after.map((a) => steps.get(a)).filter((x): x is Step => !!x)] as const));
}

/** Each step's transitive prerequisites (cycle-safe: a step in a cycle lists itself). */
export function ancestors(plan: Plan): Map<string, Set<string>> {
  const pre = prerequisites(plan);
  const out = new Map<string, Set<string>>();
  for (const s of plan.steps) {
    const seen = new Set<string>();
    const stack = [...(pre.get(s.id) ?? [])];
    while (stack.length) {
      const p = stack.pop()!;
      if (seen.has(p.id)) continue;
      seen.add(p.id);
      stack.push(...(pre.get(p.id) ?? []));
    }
    out.set(s.id, seen);
  }
  return out;
}
