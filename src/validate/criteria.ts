/**
 * The listed criteria of a plan's levels (符合下列条件之一), one entry per criterion and per alternative inside it
 * (`lz_cut 60%以上 or lz_users 70%以上` is two alternatives), in document order — what the grading rules compare.
 */
import { bandKey, singleBand, type Band, type Expr } from '../expr/index.js';
import type { Level, Plan, Trigger } from '../model/index.js';

/** One criterion of one level, with its alternatives' single-indicator bands. */
export interface ListedCriterion {
  level: Level;
  criterion: Trigger;
  ast: Expr;
  /** Index of the criterion in the document order of all criteria. */
  order: number;
}

/** The parsed criteria of every level, in document order (a level listed twice contributes once). */
export function listedCriteria(plan: Plan): ListedCriterion[] {
  const out: ListedCriterion[] = [];
  const seen = new Set<string>();
  for (const level of plan.levels) {
    if (seen.has(level.id)) continue;
    seen.add(level.id);
    for (const criterion of level.criteria) if (criterion.ast) out.push({ level, criterion, ast: criterion.ast, order: 0 });
  }
  out.sort((a, b) => (a.criterion.place?.start.offset ?? 0) - (b.criterion.place?.start.offset ?? 0));
  out.forEach((c, i) => { c.order = i; });
  return out;
}

/** The alternatives of a criterion: the operands of a top-level `or`, else the criterion itself. */
export const alternatives = (ast: Expr): Expr[] => (ast.type === 'or' ? ast.operands.flatMap(alternatives) : [ast]);

/** A single-indicator band of one alternative of a criterion, with its key. */
export interface ListedBand {
  item: ListedCriterion;
  band: Band;
  key: string;
  ast: Expr;
}

/** Every single-indicator band among the criteria's alternatives (`死亡 10人以上30人以下` → deaths ∈ [10, 30)). */
export function listedBands(plan: Plan, items: readonly ListedCriterion[]): ListedBand[] {
  const out: ListedBand[] = [];
  for (const item of items) {
    for (const ast of alternatives(item.ast)) {
      const band = singleBand(ast, plan.facts, { bounds: plan.meta.bounds });
      if (band) out.push({ item, band, key: bandKey(band), ast });
    }
  }
  return out;
}
