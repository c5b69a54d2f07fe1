import type { Step } from '../../model/index.js';
import { components, prerequisites } from '../graph.js';
import { defineRule } from '../rule.js';

/** Most steps a finding names (and points at); the rest are counted. */
const SHOWN = 20;

/** One concrete cycle inside a component, starting and ending at `start`, in execution order (prerequisite first). */
function cycleThrough(start: Step, members: Set<string>, pre: Map<string, Step[]>): Step[] {
  // Breadth-first search backwards over prerequisites, inside the component, for the shortest way back to `start`.
  const from = new Map<string, Step>();
  const queue: Step[] = [start];
  const seen = new Set<string>([start.id]);
  for (let head = 0; head < queue.length; head++) {
    const s = queue[head];
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
    for (const comp of components(plan).list) {
      const first = comp[0];
      const selfLoop = comp.length === 1 && (pre.get(first.id) ?? []).includes(first);
      if (comp.length === 1 && !selfLoop) continue;
      const cycle = cycleThrough(first, new Set(comp.map((s) => s.id)), pre);
      // A very long cycle is named by its first steps and a count; the places point at the first `SHOWN` of the knot.
      const ids = cycle.map((s) => s.id);
      const path = (ids.length > SHOWN ? [...ids.slice(0, SHOWN), `… (${ids.length - SHOWN})`] : ids).concat(ids[0]).join(' → ');
      const others = comp.length > cycle.length ? ` (${comp.length} steps are caught in this knot)` : '';
      const othersZh = comp.length > cycle.length ? `（共 ${comp.length} 个步骤相互等待）` : '';
      report({
        node: first, field: 'after',
        message: `Unexpected dependency cycle ${path}${others}, expected \`after\` to name only steps that can finish first`,
        messageZh: `处置步骤循环等待：${path}${othersZh}，前置步骤应能先于本步骤完成`,
        related: comp.filter((s) => s !== first).slice(0, SHOWN).map((s) => ({ node: s, field: 'after', message: `\`${s.id}\` is part of the cycle here`, messageZh: `\`${s.id}\` 在此参与循环` })),
      });
    }
  },
});
