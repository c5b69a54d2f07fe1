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

/** A number literal with an optional unit exactly as written (`100`, `1.5t`, `25 ppm`, `10万元`). */
export interface NumberExpr extends Span {
  type: 'number';
  value: number;
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

/** Nodes that may stand on either side of a comparison or in an `in` list. */
export type ValueExpr = IdentExpr | NumberExpr | StringExpr | BooleanExpr;

/** Any node of a trigger condition (discriminated on `type`). */
export type Expr = OrExpr | AndExpr | NotExpr | CompareExpr | InExpr | ValueExpr;

/** A problem found while parsing or checking an expression, with its exact span and both languages. */
export type ExprError = {
  message: string;
  messageZh: string;
  start: number;
  end: number;
  /** `expr/syntax`, `expr/limit`, `expr/unknown-fact`, `expr/type`, `expr/enum-value`, `expr/unit`. */
  code: string;
};

/** Keys that only carry positions; `stripPositions` removes them. */
const POSITION_KEYS = new Set(['start', 'end', 'opStart', 'opEnd', 'unitStart', 'unitEnd']);

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
