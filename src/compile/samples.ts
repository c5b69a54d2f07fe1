/**
 * Sample valuations of a plan's fact space: one complete valuation per cell of the partition the plan's triggers
 * make (inside a cell every trigger is constant). Drill generation (drill/blind.ts) walks the machine with them.
 */
import {
  checkExpr, domainRegion, intersect, isEmpty, regionContains, regionOf, sampleBox, stripPositions, subtract,
  type Expr, type FactValue, type Region,
} from '../expr/index.js';
import type { Plan } from '../model/index.js';
import { uniqueById } from './statechart.js';

/** True when a trigger can be analysed (it parsed and type-checks against the facts). */
const usable = (plan: Plan, ast: Expr | undefined): ast is Expr => !!ast && checkExpr(ast, plan.facts).length === 0;

/** Every analysable trigger of the plan: levels, escalations, termination, warnings. */
function planTriggers(plan: Plan): Expr[] {
  return [
    ...uniqueById(plan.levels).map((l) => l.trigger?.ast),
    ...plan.escalations.map((e) => e.when?.ast),
    plan.termination?.when?.ast,
    ...uniqueById(plan.warnings ?? []).map((w) => w.trigger?.ast),
  ].filter((a) => usable(plan, a));
}

/** One complete sample valuation per cell of the partition of the fact space by all of the plan's triggers. */
export function sampleValuations(plan: Plan, maxCells = 2000): { samples: Record<string, FactValue>[]; truncated: boolean } {
  return partitionSamples(plan, planTriggers(plan), maxCells);
}

/** One complete sample valuation per cell of the partition of the facts' domain by `asts`. */
export function partitionSamples(plan: Plan, asts: readonly Expr[], maxCells: number): { samples: Record<string, FactValue>[]; truncated: boolean } {
  const domain = domainRegion(plan.facts);
  let cells: Region[] = isEmpty(domain) ? [] : [domain];
  let truncated = false;
  const done = new Set<string>();
  for (const ast of asts) {
    const key = JSON.stringify(stripPositions(ast));
    if (done.has(key)) continue; // the same condition twice cuts nothing new
    done.add(key);
    const inside = regionOf(ast, plan.facts);
    const outside = subtract(domain, inside);
    if (inside.truncated || outside.truncated) { truncated = true; continue; }
    const next: Region[] = [];
    for (const c of cells) {
      const a = intersect(c, inside);
      const b = intersect(c, outside);
      if (a.truncated || b.truncated) { truncated = true; next.push(c); continue; }
      if (!isEmpty(a)) next.push(a);
      if (!isEmpty(b)) next.push(b);
    }
    if (next.length > maxCells) { truncated = true; break; }
    cells = next;
  }
  const samples: Record<string, FactValue>[] = [];
  const seen = new Set<string>();
  for (const c of cells) {
    const point = c.boxes.map((b) => sampleBox(b, plan.facts)).find((p) => regionContains(c, p));
    if (!point) { truncated = true; continue; }
    const key = JSON.stringify(point);
    if (!seen.has(key)) { seen.add(key); samples.push(point); }
  }
  return { samples, truncated };
}
