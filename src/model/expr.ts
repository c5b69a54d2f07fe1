/**
 * AST of yuan's trigger-condition language (触发条件表达式).
 *
 * Every node carries `start`/`end`: 0-based UTF-16 offsets into the expression
 * text (end exclusive), so diagnostics can point at the exact characters and a
 * caller that knows where the text sits in its file (`Trigger.textOffset`) can map
 * them to file columns by plain addition.
 */

/** A source span inside the expression text: 0-based UTF-16 offsets, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** Comparison operators after normalisation (`=` and `==` are both `==`, `≥` is `>=` …). */
export type CompareOp = '<' | '<=' | '>' | '>=' | '==' | '!=';

/** `a or b or c`: n-ary (at least two operands); a run of `or` at one level is one node, parentheses make a new node. */
export interface OrExpr extends Span {
  type: 'or';
  operands: Expr[];
}

/** `a and b and c`: n-ary like `or`; a chained comparison `1 < x < 2` also becomes an `and` of its compares. */
export interface AndExpr extends Span {
  type: 'and';
  operands: Expr[];
}

/** `not a` / `!a` / `非 a`. */
export interface NotExpr extends Span {
  type: 'not';
  operand: Expr;
}

/** `left op right`; operands are plain values (a fact name or a literal), never sub-conditions. */
export interface CompareExpr extends Span {
  type: 'compare';
  op: CompareOp;
  left: ValueExpr;
  right: ValueExpr;
  /** Span of the operator token, so operator errors (`<` on a boolean) point at it. */
  opStart: number;
  opEnd: number;
}

/** `left in [a, b]` or `left not in [a, b]` (`negated`); `values` is never empty. */
export interface InExpr extends Span {
  type: 'in';
  negated: boolean;
  left: ValueExpr;
  values: ValueExpr[];
  /** Span of the `in` / `not in` keyword(s). */
  opStart: number;
  opEnd: number;
}

/** A name: a fact id or label (`leak_kg`, `泄漏量`), or an enum value in an enum context (`orange`). */
export interface IdentExpr extends Span {
  type: 'ident';
  name: string;
}

/** A number literal with an optional unit exactly as written (`100`, `1.5t`, `25 ppm`, `10万元`, `1,000,000`, `100万`). */
export interface NumberExpr extends Span {
  type: 'number';
  /** The number meant: `1,000,000` is 1000000, `100万` is 1000000, `1.5万` is 15000 (a 万/亿 on a known unit stays in `unit`). */
  value: number;
  /** The numeral as written when it has thousands separators or a 万/亿 scale (`1,000,000`, `100万`), for printing. */
  text?: string;
  /** Unit as written (not normalised); conversion happens against the fact's unit in check/evaluate/intervals. */
  unit?: string;
  /** Span of the unit text, present when `unit` is. */
  unitStart?: number;
  unitEnd?: number;
}

/** A quoted string literal (`'x'`, `"x"`, `“x”`), value unescaped. */
export interface StringExpr extends Span {
  type: 'string';
  value: string;
}

/** `true` / `false`. */
export interface BooleanExpr extends Span {
  type: 'boolean';
  value: boolean;
}

/**
 * One bound of a Chinese grading criterion: a number with a bound word after it (`30人以上`, `30人以下`, `3人以内`,
 * `3人及以上`) or before it (`超过30人`, `不足3人`, `不少于10人`). The word is kept as written; what it means
 * (以下 excludes the number by statute, includes it under 刑法 Art. 99) is decided by a `BoundConvention` when the
 * expression is checked, evaluated or analysed.
 */
export interface BoundTerm extends Span {
  /** The bound word as written: `以上`, `以下`, `超过`, `不足` … (see `boundWordInfo`). */
  word: string;
  value: NumberExpr;
  /** Span of the bound word, so diagnostics point at it. */
  wordStart: number;
  wordEnd: number;
}

/**
 * A grading criterion written as regulations write it: `死亡人数 30人以上`, `死亡人数 10人以上30人以下`,
 * `死亡30人以上` (name glued), `30人以上 死亡人数` (bound first, as in "造成30人以上死亡"). One lower and/or one
 * upper bound on one fact.
 */
export interface BoundExpr extends Span {
  type: 'bound';
  fact: IdentExpr;
  /** One or two terms (at most one lower and one upper bound), in the order written. */
  terms: BoundTerm[];
  /** True when the bound came before the fact (`30人以上 死亡人数`). */
  boundFirst: boolean;
}

/** `a implies b` (`=>`, `⇒`, `→`, `则`): `not a or b`, the lowest-precedence operator; used by fact constraints. */
export interface ImpliesExpr extends Span {
  type: 'implies';
  left: Expr;
  right: Expr;
  /** Span of the operator token. */
  opStart: number;
  opEnd: number;
}

/** Whether a bound word includes its number: 以上/以下/以内 depend on the law the plan follows. */
export type BoundMeaning = 'inclusive' | 'exclusive';

/**
 * What 以上 / 以下 / 以内 mean. The statutory default (`STATUTORY_BOUNDS`, 生产安全事故报告和调查处理条例 Art. 3):
 * 以上 includes the number, 以下 excludes it, 以内 includes it; 刑法 Art. 99 includes the number for all three.
 */
export interface BoundConvention {
  以上: BoundMeaning;
  以下: BoundMeaning;
  以内: BoundMeaning;
}

/** The same convention keyed as the plan model keys it (`PlanMeta.bounds`: `{ above, below }`). */
export interface BoundConventionEn {
  above?: BoundMeaning;
  below?: BoundMeaning;
  within?: BoundMeaning;
}

/** Options of check / evaluate / region analysis. */
export interface ExprOptions {
  /** Meaning of 以上 / 以下 / 以内 (default: the statutory convention; missing keys keep their default). */
  bounds?: Partial<BoundConvention> & BoundConventionEn;
  /** Allow comparisons between two facts (`rain_3h <= rain_6h`): only fact constraints do (`Plan.constraints`). */
  allowFactComparisons?: boolean;
}

/** Nodes that may stand on either side of a comparison or in an `in` list. */
export type ValueExpr = IdentExpr | NumberExpr | StringExpr | BooleanExpr;

/** Any node of a trigger condition (discriminated on `type`). */
export type Expr = ImpliesExpr | OrExpr | AndExpr | NotExpr | CompareExpr | InExpr | BoundExpr | ValueExpr;

/** A problem found while parsing or checking an expression, with its exact span and both languages. */
export type ExprError = {
  message: string;
  messageZh: string;
  start: number;
  end: number;
  /** `expr/syntax`, `expr/limit`, `expr/unknown-fact`, `expr/type`, `expr/enum-value`, `expr/unit`, `expr/bound`. */
  code: string;
};

/** Keys that only carry positions; `stripPositions` removes them. */
const POSITION_KEYS = new Set(['start', 'end', 'opStart', 'opEnd', 'unitStart', 'unitEnd', 'wordStart', 'wordEnd']);

/** A deep copy of `ast` without any position fields, for structural comparison (round-trip tests, dedupe). */
export function stripPositions(ast: Expr): unknown {
  return strip(ast);
}

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (!POSITION_KEYS.has(k)) out[k] = strip(v);
    }
    return out;
  }
  return value;
}

/** True when two value nodes are the same value ignoring positions (used to recognise chains when printing). */
export function sameValue(a: ValueExpr, b: ValueExpr): boolean {
  switch (a.type) {
    case 'ident': return b.type === 'ident' && a.name === b.name;
    case 'string': return b.type === 'string' && a.value === b.value;
    case 'boolean': return b.type === 'boolean' && a.value === b.value;
    case 'number': return b.type === 'number' && Object.is(a.value, b.value) && a.unit === b.unit;
  }
}
