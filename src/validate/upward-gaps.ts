/**
 * Coverage read on the grading convention. Under "the most severe level met applies", the incidents that start some
 * level should be closed upwards: when a smaller incident starts a level, every larger one (numbers larger, booleans
 * true) starts one too. An incident that starts nothing while a smaller one starts a level is a real gap (Gansu:
 * 39 % lost is Ⅱ, 45 % without the extra conditions of Ⅰ is nothing). Incidents with nothing smaller that starts a
 * level lie below the plan's floor: the "nothing happened" state, or the scope left to other plans.
 */
import { evaluate, member, parseExpr, regionOf, type Box, type Expr, type FactValue } from '../expr/index.js';
import type { Level, Plan } from '../model/index.js';
import { scopeFloorLevel } from '../model/query.js';
import { alternatives, type ListedCriterion } from './criteria.js';
import { levelInversions } from './level-analysis.js';

type Valuation = Record<string, FactValue>;

/** A larger incident that starts no level while a smaller one starts `from` by `criterion`; `at` is where to report it. */
export interface UpwardGap {
  from: ListedCriterion;
  /** The criterion of a more severe level that should take the larger incident over (the same fact, its band reached), else `from`. */
  at: ListedCriterion;
  smaller: Valuation;
  larger: Valuation;
  /** The stretch of uncovered values around the larger incident, when it is short enough to say (at most 3 facts). */
  box?: Box;
}

const NONE: Level = { id: '(none)', rank: Number.MAX_SAFE_INTEGER, criteria: [], deciderAlternatives: [] };
const span = { start: 0, end: 0 };

/** The level a scope floor names, when `below` is a level id. */
export function floorLevel(plan: Plan): Level | undefined {
  return scopeFloorLevel(plan);
}

/** The scope floor's condition, when `below` is a condition on the facts. */
export function floorCondition(plan: Plan): Expr | undefined {
  const below = plan.meta.scope?.below;
  if (!below || floorLevel(plan)) return undefined;
  return parseExpr(below).ast;
}

/**
 * Every criterion from which a larger incident falls into no level, one finding per place reported (`at`), in document
 * order; `cut` when the solver's budget ran out. Criteria of levels below a declared floor level, and larger incidents
 * inside a declared floor condition, are left out; with `ceiling` (the plan hands bigger incidents to a higher plan),
 * so are incidents beyond the top of every band.
 */
export function upwardGaps(plan: Plan, items: readonly { level: Level; ast: Expr }[], criteria: readonly ListedCriterion[], { maxWork, ceiling }: { maxWork?: number; ceiling: boolean }): { gaps: UpwardGap[]; cut: boolean } {
  const none: Expr = { type: 'not', operand: { type: 'or', operands: items.map((i) => i.ast), ...span }, ...span };
  const floor = floorLevel(plan);
  const cond = floorCondition(plan);
  const gaps: UpwardGap[] = [];
  let noneRegion: ReturnType<typeof regionOf> | undefined;
  const around = (p: Valuation): Box | undefined => {
    noneRegion ??= regionOf(none, plan.facts, { bounds: plan.meta.bounds });
    if (noneRegion.truncated) return undefined;
    const box = noneRegion.boxes.find((b) => [...b].every(([k, c]) => !Object.hasOwn(p, k) || member(c, p[k])));
    return box;
  };
  const seen = new Set<string>();
  const seenBoxes = new Set<Box>();
  for (const whole of criteria) {
    if (floor && whole.level.rank > floor.rank) continue;
    for (const ast of alternatives(whole.ast)) {
    const c = { ...whole, ast };
    const { violations, cut } = levelInversions(plan, [{ level: c.level, ast, rank: 1 }, { level: NONE, ast: none, rank: 2 }], { maxWork });
    if (cut) return { gaps, cut: true };
    const v = violations[0];
    if (!v) continue;
    const { smaller, larger } = v.witness;
    if (cond && evaluate(cond, larger, plan.facts)) continue;
    if (ceiling && aboveTop(plan, criteria, smaller, larger)) continue;
    const at = takeOver(plan, c, criteria, smaller, larger) ?? whole;
    const key = `${at.order}\u0000${Object.keys(larger).filter((k) => larger[k] !== smaller[k]).sort().join()}`;
    const box = around(larger);
    // One stretch of uncovered values is one gap, however many criteria lead into it.
    if (seen.has(key) || (box && seenBoxes.has(box))) continue;
    seen.add(key);
    if (box) seenBoxes.add(box);
    gaps.push({ from: whole, at, smaller, larger, box: box && box.size <= 3 ? box : undefined });
    }
  }
  return { gaps, cut: false };
}

/**
 * True when every fact that grew is at or above the top of all the plan's bands for it: the incident is beyond the
 * plan's most severe level (a county plan for 较大 and 一般 hands 重大 to the city's plan), not a gap between levels.
 */
function aboveTop(plan: Plan, criteria: readonly ListedCriterion[], smaller: Valuation, larger: Valuation): boolean {
  const grew = Object.keys(larger).filter((k) => larger[k] !== smaller[k]);
  return grew.length > 0 && grew.every((f) => {
    const v = larger[f];
    if (typeof v !== 'number') return false;
    let top = -Infinity;
    for (const d of criteria) {
      for (const b of regionOf(d.ast, plan.facts, { bounds: plan.meta.bounds }).boxes) {
        const k = b.get(f);
        if (k?.kind === 'interval') top = Math.max(top, k.hi);
      }
    }
    return Number.isFinite(top) && v >= top;
  });
}

/** The first criterion of a more severe level whose band of a fact that grew reaches the larger incident's value. */
function takeOver(plan: Plan, from: ListedCriterion, criteria: readonly ListedCriterion[], smaller: Valuation, larger: Valuation): ListedCriterion | undefined {
  const grew = Object.keys(larger).filter((k) => larger[k] !== smaller[k]);
  return criteria.find((d) => d.level.rank < from.level.rank && grew.some((f) => {
    const r = regionOf(d.ast, plan.facts, { bounds: plan.meta.bounds });
    return r.boxes.some((b) => { const k = b.get(f); return !!k && member(k, larger[f]); });
  }));
}
