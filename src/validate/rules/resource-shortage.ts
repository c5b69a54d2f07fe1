import type { Plan, Resource, Step } from '../../model/index.js';
import { findResource, stepsAt } from '../../model/query.js';
import { defineRule } from '../rule.js';
import { useTarget } from '../resources.js';
import { ancestors } from '../step-graph.js';

/** One step's demand for one resource. */
interface Demand {
  step: Step;
  /** Index of the use in step.resources (for its place). */
  index: number;
  quantity: number;
}

interface Shortage {
  resource: Resource;
  demands: Demand[];
  total: number;
  levels: string[];
}

/**
 * The heaviest set of demands whose steps may run at the same time (no step among them waits for another, directly or
 * transitively): a maximum-weight clique of the "concurrent" graph, by Bron–Kerbosch with pivoting.
 */
function heaviestConcurrent(demands: Demand[], ordered: (a: Step, b: Step) => boolean): { set: Demand[]; total: number } {
  const n = demands.length;
  const adj = demands.map((a, i) => new Set(demands.map((_, j) => j).filter((j) => j !== i && !ordered(a.step, demands[j].step))));
  let best: number[] = [];
  let bestTotal = -1;
  let calls = 0;
  const weight = (xs: number[]) => xs.reduce((t, i) => t + demands[i].quantity, 0);
  const bk = (r: number[], p: number[], x: number[]) => {
    if (++calls > 20_000) return; // pathological plans: keep the best found so far
    if (weight(r) + weight(p) <= bestTotal) return; // cannot beat the best clique found so far
    if (!p.length && !x.length) {
      const w = weight(r);
      if (w > bestTotal) { best = r; bestTotal = w; }
      return;
    }
    const pivot = [...p, ...x][0];
    for (const v of p.filter((v) => !adj[pivot].has(v))) {
      bk([...r, v], p.filter((u) => adj[v].has(u)), x.filter((u) => adj[v].has(u)));
      p = p.filter((u) => u !== v);
      x = [...x, v];
    }
  };
  bk([], demands.map((_, i) => i), []);
  if (bestTotal < 0 && n) { best = [0]; bestTotal = demands[0].quantity; }
  return { set: best.sort((a, b) => a - b).map((i) => demands[i]), total: bestTotal };
}

/** Shortages at one level (or the whole plan when it declares no levels), one per resource. */
function shortagesAt(plan: Plan, levelId: string | undefined, ordered: (a: Step, b: Step) => boolean): Shortage[] {
  const steps = levelId === undefined ? plan.steps : stepsAt(plan, levelId);
  const byResource = new Map<Resource, Demand[]>();
  for (const step of steps) {
    step.resources.forEach((use, index) => {
      const resource = findResource(plan, use.resource);
      if (!resource || resource.quantity === undefined) return; // resource-undefined / unknown stock
      const quantity = use.quantity ?? 1;
      if (!byResource.has(resource)) byResource.set(resource, []);
      byResource.get(resource)!.push({ step, index, quantity });
    });
  }
  const out: Shortage[] = [];
  for (const [resource, demands] of byResource) {
    // Most resources are never short even if every demand ran at once: skip the clique search for them.
    if (demands.reduce((t, d) => t + d.quantity, 0) <= resource.quantity!) continue;
    const { set, total } = heaviestConcurrent(demands, ordered);
    if (total > resource.quantity!) out.push({ resource, demands: set, total, levels: levelId === undefined ? [] : [levelId] });
  }
  return out;
}

/** Steps that may run at the same time do not demand more of a resource than the stock. */
export default defineRule({
  meta: {
    id: 'resource-shortage',
    description: { en: 'Concurrent steps do not need more of a resource than the stock', zh: '可能同时进行的步骤所需物资不得超过库存数量' },
    severity: 'error',
    clause: 'GB/T 29639-2020 6.5.3、7.5（物资装备保障）',
  },
  check({ plan, report }) {
    const anc = ancestors(plan);
    const ordered = (a: Step, b: Step) => a === b || anc.get(a.id)!.has(b.id) || anc.get(b.id)!.has(a.id);
    // One finding per resource: the level with the largest overflow, naming every level where the stock runs out.
    const worst = new Map<Resource, Shortage>();
    for (const levelId of plan.levels.length ? plan.levels.map((l) => l.id) : [undefined]) {
      for (const s of shortagesAt(plan, levelId, ordered)) {
        const prev = worst.get(s.resource);
        if (!prev) worst.set(s.resource, s);
        else worst.set(s.resource, { ...(s.total > prev.total ? s : prev), levels: [...prev.levels, ...s.levels] });
      }
    }
    for (const resource of plan.resources) {
      const s = worst.get(resource);
      if (!s) continue;
      const unit = resource.unit ?? '';
      const list = s.demands.map((d) => `${d.step.id} (${d.quantity})`).join(' + ');
      const listZh = s.demands.map((d) => `${d.step.id}（${d.quantity}${unit}）`).join(' + ');
      const concurrent = s.demands.length > 1 ? 'concurrent steps ' : 'step ';
      const every = s.levels.length > 1 && s.levels.length === plan.levels.length;
      const at = !s.levels.length ? '' : every ? ' at every level' : ` at level${s.levels.length > 1 ? 's' : ''} ${s.levels.join(', ')}`;
      const atZh = !s.levels.length ? '' : every ? '在各级响应中，' : `在${s.levels.join('、')}级响应中，`;
      report({
        node: resource, field: 'quantity',
        message: `Unexpected demand for ${s.total} ${resource.id}${at} by ${concurrent}${list}, expected at most the stock of ${resource.quantity}`,
        messageZh: `${atZh}${s.demands.length > 1 ? '可能同时进行的步骤' : '步骤'} ${listZh} 共需 ${resource.name}（${resource.id}）${s.total}${unit}，超过库存 ${resource.quantity}${unit}`,
        related: s.demands.map((d) => ({
          ...useTarget(d.step, d.index),
          message: `\`${d.step.id}\` needs ${d.quantity} here`, messageZh: `\`${d.step.id}\` 在此需要 ${d.quantity}${unit}`,
        })),
      });
    }
  },
});
