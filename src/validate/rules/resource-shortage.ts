import type { Plan, Resource, Step } from '../../model/index.js';
import { findResource, stepsAt } from '../../model/query.js';
import { defineRule } from '../rule.js';
import { useTarget } from '../resources.js';
import { ANTICHAIN_WORK, heaviestAntichain } from '../antichain.js';

/** Most demands a finding names (and points at); the rest are counted. */
const SHOWN = 20;

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
 * transitively; two demands of one step count once, the larger): a maximum-weight antichain (src/validate/antichain.ts).
 * Undefined when the plan is too large to decide within the work budget.
 */
function heaviestConcurrent(plan: Plan, demands: Demand[], maxWork: number): { set: Demand[]; total: number } | undefined {
  const byStep = new Map<string, Demand>();
  for (const d of demands) { const prev = byStep.get(d.step.id); if (!prev || d.quantity > prev.quantity) byStep.set(d.step.id, d); }
  const found = heaviestAntichain(plan, new Map([...byStep].map(([id, d]) => [id, d.quantity] as const)), maxWork);
  if (!found) return undefined;
  const order = new Map(demands.map((d, i) => [d, i] as const));
  const set = found.ids.map((id) => byStep.get(id)!).sort((a, b) => order.get(a)! - order.get(b)!);
  return { set, total: found.total };
}

/** Shortages at one level (or the whole plan when it declares no levels), one per resource. */
function shortagesAt(plan: Plan, levelId: string | undefined, maxWork: number, cut: (resource: Resource) => void): Shortage[] {
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
    const found = heaviestConcurrent(plan, demands, maxWork);
    if (!found) { cut(resource); continue; }
    const { set, total } = found;
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
    options: { maxWork: ANTICHAIN_WORK },
  },
  check({ plan, report, options, truncated }) {
    const maxWork = typeof options.maxWork === 'number' ? options.maxWork : ANTICHAIN_WORK;
    const cut = new Set<Resource>();
    // One finding per resource: the level with the largest overflow, naming every level where the stock runs out.
    const worst = new Map<Resource, Shortage>();
    for (const levelId of plan.levels.length ? plan.levels.map((l) => l.id) : [undefined]) {
      for (const s of shortagesAt(plan, levelId, maxWork, (r) => cut.add(r))) {
        const prev = worst.get(s.resource);
        if (!prev) worst.set(s.resource, s);
        else worst.set(s.resource, { ...(s.total > prev.total ? s : prev), levels: [...prev.levels, ...s.levels] });
      }
    }
    for (const resource of plan.resources) {
      const s = worst.get(resource);
      if (cut.has(resource)) {
        truncated({
          node: resource, field: 'quantity', limit: { en: `the work limit (option maxWork: ${maxWork})`, zh: `计算量上限（选项 maxWork：${maxWork}）` },
          what: { en: `the search for the heaviest concurrent demands for ${resource.id}`, zh: `${resource.id} 最大并发需求的计算` },
        });
      }
      if (!s) continue;
      const unit = resource.unit ?? '';
      // A long set is named by its first demands and a count (the total covers them all).
      const shown = s.demands.slice(0, SHOWN);
      const more = s.demands.length - shown.length;
      const list = shown.map((d) => `${d.step.id} (${d.quantity})`).join(' + ') + (more ? ` + … (${more} more steps)` : '');
      const listZh = shown.map((d) => `${d.step.id}（${d.quantity}${unit}）`).join(' + ') + (more ? ` + …（另 ${more} 个步骤）` : '');
      const concurrent = s.demands.length > 1 ? 'concurrent steps ' : 'step ';
      const every = s.levels.length > 1 && s.levels.length === plan.levels.length;
      const at = !s.levels.length ? '' : every ? ' at every level' : ` at level${s.levels.length > 1 ? 's' : ''} ${s.levels.join(', ')}`;
      const atZh = !s.levels.length ? '' : every ? '在各级响应中，' : `在${s.levels.join('、')}级响应中，`;
      report({
        node: resource, field: 'quantity',
        message: `Unexpected demand for ${s.total} ${resource.id}${at} by ${concurrent}${list}, expected at most the stock of ${resource.quantity}`,
        messageZh: `${atZh}${s.demands.length > 1 ? '可能同时进行的步骤' : '步骤'} ${listZh} 共需 ${resource.name}（${resource.id}）${s.total}${unit}，超过库存 ${resource.quantity}${unit}`,
        related: shown.map((d) => ({
          ...useTarget(d.step, d.index),
          message: `\`${d.step.id}\` needs ${d.quantity} here`, messageZh: `\`${d.step.id}\` 在此需要 ${d.quantity}${unit}`,
        })),
      });
    }
  },
});
