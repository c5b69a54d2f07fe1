import type { Plan, Step } from '../../model/index.js';
import { defineRule } from '../rule.js';
import { prerequisites } from '../step-graph.js';

/** Strongly connected components of the `after` graph (Tarjan), in document order of their first step. */
function components(plan: Plan): Step[][] {
  const pre = prerequisites(plan);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: Step[] = [];
  const out: Step[][] = [];
  let next = 0;
  const visit = (s: Step) => {
    index.set(s.id, next); low.set(s.id, next); next++;
    stack.push(s); onStack.add(s.id);
    for (const p of pre.get(s.id) ?? []) {
      if (!index.has(p.id)) { visit(p); low.set(s.id, Math.min(low.get(s.id)!, low.get(p.id)!)); }
      else if (onStack.has(p.id)) low.set(s.id, Math.min(low.get(s.id)!, index.get(p.id)!));
    }
    if (low.get(s.id) === index.get(s.id)) {
      const comp: Step[] = [];
      let x: Step;
      do { x = stack.pop()!; onStack.delete(x.id); comp.push(x); } while (x !== s);
      out.push(comp);
    }
  };
  for (const s of plan.steps) if (!index.has(s.id)) visit(s);
  const order = new Map(plan.steps.map((s, i) => [s.id, i] as const));
  return out.map((c) => c.sort((a, b) => order.get(a.id)! - order.get(b.id)!)).sort((a, b) => order.get(a[0].id)! - order.get(b[0].id)!);
}

/** One concrete cycle inside a component, starting and ending at `start`, in execution order (prerequisite first). */
function cycleThrough(start: Step, members: Set<string>, pre: Map<string, Step[]>): Step[] {
  // Breadth-first search backwards over prerequisites, inside the component, for the shortest way back to `start`.
  const from = new Map<string, Step>();
  const queue: Step[] = [start];
  const seen = new Set<string>([start.id]);
  while (queue.length) {
    const s = queue.shift()!;
    for (const p of pre.get(s.id) ?? []) {
      if (!members.has(p.id)) continue;
      if (p.id === start.id) {
        const back: Step[] = [s];
        for (let x = s; x !== start; ) { x = from.get(x.id)!; back.push(x); }
        // back = s, from(s), …, start: start must finish before s, s before from(s), …, the last before start.
        return [start, ...back.slice(0, -1)];
      }
      if (seen.has(p.id)) continue;
      seen.add(p.id); from.set(p.id, s); queue.push(p);
    }
  }
  return [start];
}

/** The `after` (前置) graph has no cycle: each cycle's steps wait for each other forever. */
export default defineRule({
  meta: {
    id: 'step-cycle',
    description: { en: 'Steps do not wait for each other in a cycle', zh: '处置步骤之间不得循环等待' },
    severity: 'error',
    clause: 'GB/T 29639-2020 6.3.4、7.4（处置程序）',
  },
  check({ plan, report }) {
    const pre = prerequisites(plan);
    for (const comp of components(plan)) {
      const first = comp[0];
      const selfLoop = comp.length === 1 && (pre.get(first.id) ?? []).includes(first);
      if (comp.length === 1 && !selfLoop) continue;
      const cycle = cycleThrough(first, new Set(comp.map((s) => s.id)), pre);
      const path = [...cycle, cycle[0]].map((s) => s.id).join(' → ');
      const others = comp.length > cycle.length ? ` (${comp.length} steps are caught in this knot)` : '';
      const othersZh = comp.length > cycle.length ? `（共 ${comp.length} 个步骤相互等待）` : '';
      report({
        node: first, field: 'after',
        message: `Unexpected dependency cycle ${path}${others}, expected \`after\` to name only steps that can finish first`,
        messageZh: `处置步骤循环等待：${path}${othersZh}，前置步骤应能先于本步骤完成`,
        related: comp.filter((s) => s !== first).map((s) => ({ node: s, field: 'after', message: `\`${s.id}\` is part of the cycle here`, messageZh: `\`${s.id}\` 在此参与循环` })),
      });
    }
  },
});
