/**
 * Helpers for linting grading tables ("符合下列条件之一", the highest level met applies): where a level is the
 * one that applies, whether two criteria are the same criterion written twice, the single-indicator band of a
 * criterion (`死亡人数 10人以上30人以下` → deaths ∈ [10, 30)), and whether a criterion rests on a judgement
 * (`超出省级人民政府处置能力`) rather than an observation.
 */
import type { Expr, ExprOptions } from './ast.js';
import type { Fact } from '../model/plan.js';
import { referencedFacts } from './check.js';
import { isEmpty, regionOf, subtract, type Interval } from './intervals.js';
import { factLookup, type FactLookup } from './resolve.js';

export { effectiveRegions } from './intervals.js';

/**
 * A canonical key of a criterion's structure: equal keys mean the same criterion written twice. Positions,
 * numeral spelling (`1,000` = `1000`, `100万` = `1000000`) and where a bound stands (`30人以上 死亡人数` =
 * `死亡人数 30人以上`) do not count; with `facts`, a fact's label and id are the same name. Different wording of
 * the same set (`死亡人数 >= 30` vs `死亡人数 30人以上`) gives different keys: use `equivalentCriteria` for that.
 */
export function criterionKey(ast: Expr, facts?: readonly Fact[]): string {
  return JSON.stringify(canon(ast, facts ? factLookup(facts) : undefined));
}

/** True when two criteria are structurally the same (see `criterionKey`). */
export function sameCriterion(a: Expr, b: Expr, facts?: readonly Fact[]): boolean {
  return criterionKey(a, facts) === criterionKey(b, facts);
}

function canon(e: Expr, lookup: FactLookup | undefined): unknown {
  const name = (n: string) => (lookup?.(n)?.id ?? n);
  switch (e.type) {
    case 'implies': return ['=>', canon(e.left, lookup), canon(e.right, lookup)];
    case 'or': case 'and': return [e.type, ...e.operands.map((o) => canon(o, lookup))];
    case 'not': return ['not', canon(e.operand, lookup)];
    case 'compare': return ['cmp', e.op, canon(e.left, lookup), canon(e.right, lookup)];
    case 'in': return [e.negated ? 'not in' : 'in', canon(e.left, lookup), ...e.values.map((v) => canon(v, lookup))];
    case 'bound': return ['bound', name(e.fact.name), ...e.terms.map((t) => [t.word, t.value.value, t.value.unit ?? null])];
    case 'ident': return ['id', name(e.name)];
    case 'number': return ['num', e.value, e.unit ?? null];
    case 'string': return ['str', e.value];
    case 'boolean': return ['bool', e.value];
  }
}

/** True when two criteria hold on exactly the same valuations (false when either region was truncated). */
export function equivalentCriteria(a: Expr, b: Expr, facts: readonly Fact[], options?: ExprOptions): boolean {
  const ra = regionOf(a, facts, options);
  const rb = regionOf(b, facts, options);
  if (ra.truncated || rb.truncated) return false;
  const ab = subtract(ra, rb);
  const ba = subtract(rb, ra);
  return !ab.truncated && !ba.truncated && isEmpty(ab) && isEmpty(ba);
}

/** A criterion that constrains exactly one numeric fact to one interval (in the fact's unit). */
export interface Band extends Interval {
  /** Fact id. */
  fact: string;
  integer: boolean;
}

/**
 * The single-indicator band of a criterion: `死亡人数 10人以上30人以下` is deaths ∈ [10, 30) (statutory
 * convention), `直接经济损失 1亿元以上` is loss ≥ 10000 when the fact is in 万元. Undefined when the criterion
 * involves several facts, a non-numeric fact, or a set that is not one interval (`x < 3 or x > 10`).
 */
export function singleBand(ast: Expr, facts: readonly Fact[], options?: ExprOptions): Band | undefined {
  const r = regionOf(ast, facts, options);
  if (r.truncated || r.boxes.length !== 1 || r.boxes[0].size !== 1) return undefined;
  const [[fact, c]] = [...r.boxes[0]];
  if (c.kind !== 'interval') return undefined;
  return { fact, lo: c.lo, hi: c.hi, loOpen: c.loOpen, hiOpen: c.hiOpen, integer: c.integer };
}

/** A key for grouping bands: equal keys are the same band of the same fact (`10人以上30人以下` listed under two levels). */
export function bandKey(b: Band): string {
  return `${b.fact}\u0000${b.loOpen ? '(' : '['}${b.lo},${b.hi}${b.hiOpen ? ')' : ']'}`;
}

/** The judgement facts (decided by a named body, never observed) a criterion depends on, in first-mention order. */
export function judgementFacts(ast: Expr, facts: readonly Fact[]): Fact[] {
  return referencedFacts(ast, facts).filter((f) => f.type === 'judgement');
}

/** True when a criterion depends on a judgement fact (`超出省级人民政府处置能力`, `国务院领导认为需要`). */
export function dependsOnJudgement(ast: Expr, facts: readonly Fact[]): boolean {
  return judgementFacts(ast, facts).length > 0;
}
