/**
 * How a comparison's two sides are read against the declared facts. check,
 * evaluate and intervals all go through here so they agree on what `warning ==
 * orange` or `100 <= 泄漏量` means.
 */
import type { CompareOp, IdentExpr, ValueExpr } from './ast.js';
import type { Fact } from '../model/plan.js';
import { convertUnit, isPlainUnit, SCALE_WORDS, unitScale } from './units.js';

/** True for facts that are true or false: observed booleans and judgements (decided by a named body). */
export function isBooleanFact(f: Fact | undefined): boolean {
  return f !== undefined && (f.type === 'boolean' || f.type === 'judgement');
}

/** Finds a fact by id, then by label (ids win when a label collides with another fact's id). */
export type FactLookup = (name: string) => Fact | undefined;

/** Builds a lookup over declared facts: by `id` first, then by `label`. */
export function factLookup(facts: readonly Fact[]): FactLookup {
  const byId = new Map<string, Fact>();
  const byLabel = new Map<string, Fact>();
  for (const f of facts) {
    if (!byId.has(f.id)) byId.set(f.id, f);
  }
  for (const f of facts) {
    if (f.label !== undefined && !byLabel.has(f.label)) byLabel.set(f.label, f);
  }
  return (name) => byId.get(name) ?? byLabel.get(name);
}

/** The non-fact side of a comparison, read in the context of the fact. */
export type Operand =
  | { kind: 'number'; value: number; unit?: string; node: ValueExpr }
  | { kind: 'string'; value: string; node: ValueExpr }
  | { kind: 'boolean'; value: boolean; node: ValueExpr }
  /** A bare word used as an enum value (`orange` in `warning == orange`). */
  | { kind: 'enum-name'; value: string; node: IdentExpr }
  /** A bare word that is neither a fact nor (in this context) an enum value. */
  | { kind: 'unknown-ident'; node: IdentExpr };

/** A comparison normalised so the fact (if any) is on the left. */
export type Atom =
  | { kind: 'fact'; fact: Fact; factNode: IdentExpr; op: CompareOp; operand: Operand }
  | { kind: 'facts'; left: Fact; right: Fact; leftNode: IdentExpr; rightNode: IdentExpr; op: CompareOp }
  | { kind: 'literals'; op: CompareOp; left: Operand; right: Operand }
  /** Neither side is a known fact but at least one side is a bare word. */
  | { kind: 'unknown'; idents: IdentExpr[] };

/** Mirror of an operator when the sides are swapped (`100 <= x` is `x >= 100`). */
export function flipOp(op: CompareOp): CompareOp {
  switch (op) {
    case '<': return '>';
    case '<=': return '>=';
    case '>': return '<';
    case '>=': return '<=';
    default: return op;
  }
}

/** Logical negation of an operator (`not x < 3` is `x >= 3`). */
export function negateOp(op: CompareOp): CompareOp {
  switch (op) {
    case '<': return '>=';
    case '<=': return '>';
    case '>': return '<=';
    case '>=': return '<';
    case '==': return '!=';
    case '!=': return '==';
  }
}

/**
 * Reads `left op right`. Rules, in order:
 * 1. both sides name facts: if one is an enum whose `values` contain the other
 *    name, that name is an enum value; otherwise it is a fact-vs-fact comparison;
 * 2. one side names a fact: the other side is its operand (a bare word there is an
 *    enum value when the fact is an enum, else an unknown name);
 * 3. no fact: two literals, or unknown names.
 */
export function resolveCompare(left: ValueExpr, op: CompareOp, right: ValueExpr, lookup: FactLookup): Atom {
  const lf = left.type === 'ident' ? lookup(left.name) : undefined;
  const rf = right.type === 'ident' ? lookup(right.name) : undefined;
  if (lf && rf) {
    const l = left as IdentExpr;
    const r = right as IdentExpr;
    if (lf.type === 'enum' && lf.values?.includes(r.name)) {
      return { kind: 'fact', fact: lf, factNode: l, op, operand: { kind: 'enum-name', value: r.name, node: r } };
    }
    if (rf.type === 'enum' && rf.values?.includes(l.name)) {
      return { kind: 'fact', fact: rf, factNode: r, op: flipOp(op), operand: { kind: 'enum-name', value: l.name, node: l } };
    }
    return { kind: 'facts', left: lf, right: rf, leftNode: l, rightNode: r, op };
  }
  if (lf) return { kind: 'fact', fact: lf, factNode: left as IdentExpr, op, operand: operandOf(right, lf) };
  if (rf) return { kind: 'fact', fact: rf, factNode: right as IdentExpr, op: flipOp(op), operand: operandOf(left, rf) };
  const idents = [left, right].filter((v): v is IdentExpr => v.type === 'ident');
  if (idents.length > 0) return { kind: 'unknown', idents };
  return { kind: 'literals', op, left: operandOf(left, undefined), right: operandOf(right, undefined) };
}

/** Reads a value node as the operand of `fact` (or as a plain literal when `fact` is undefined). */
export function operandOf(v: ValueExpr, fact: Fact | undefined): Operand {
  switch (v.type) {
    case 'number': return { kind: 'number', value: v.value, unit: v.unit, node: v };
    case 'string': return { kind: 'string', value: v.value, node: v };
    case 'boolean': return { kind: 'boolean', value: v.value, node: v };
    case 'ident':
      return fact?.type === 'enum' ? { kind: 'enum-name', value: v.name, node: v } : { kind: 'unknown-ident', node: v };
  }
}

/**
 * The operand as a value of the fact's type, or undefined when it cannot be
 * one (wrong type, unit not convertible). Numbers are converted to the fact's
 * unit; a fact with no unit accepts plain numbers and count units (`3人`).
 * Enum facts accept names, strings, and numbers whose text is a declared value.
 */
export function operandValue(fact: Fact, operand: Operand): number | string | boolean | undefined {
  switch (fact.type) {
    case 'number':
    case 'integer':
      if (operand.kind !== 'number') return undefined;
      return numberInUnit(operand.value, operand.unit, fact.unit, isScaledNumeral(operand.node));
    case 'boolean':
    case 'judgement':
      return operand.kind === 'boolean' ? operand.value : undefined;
    case 'enum':
      if (operand.kind === 'enum-name' || operand.kind === 'string') return operand.value;
      if (operand.kind === 'number' && operand.unit === undefined) return String(operand.value);
      return undefined;
    default:
      return undefined;
  }
}

/**
 * A literal `value unit` expressed in `factUnit`; undefined when not convertible. A fact without a unit takes
 * plain numbers, counts (`3人`) and scale numbers (`12级`). A number scaled by 万/亿 without a unit (`100万`) is
 * ambiguous against a fact whose own unit is scaled (`万人`: 100 万人 or 100万 万人?), so it is undefined there.
 */
export function numberInUnit(value: number, unit: string | undefined, factUnit: string | undefined, scaledNumeral = false): number | undefined {
  if (unit === undefined) return scaledNumeral && unitScale(factUnit) !== 1 ? undefined : value;
  if (factUnit === undefined) return isPlainUnit(unit) ? value : undefined;
  return convertUnit(value, unit, factUnit);
}

/** True when a number literal was written with a 万/亿 scale (`100万`, `1.5亿`). */
export function isScaledNumeral(node: ValueExpr): boolean {
  return node.type === 'number' && node.text !== undefined && SCALE_WORDS.has(node.text[node.text.length - 1]);
}

/** True for the ordering operators, which only make sense on numbers. */
export function isOrdering(op: CompareOp): boolean {
  return op === '<' || op === '<=' || op === '>' || op === '>=';
}

/** Compares two numbers with `op`. */
export function compareNumbers(a: number, op: CompareOp, b: number): boolean {
  switch (op) {
    case '<': return a < b;
    case '<=': return a <= b;
    case '>': return a > b;
    case '>=': return a >= b;
    case '==': return a === b;
    case '!=': return a !== b;
  }
}

/**
 * Truth of a comparison between two literals (`1 t > 500 kg`); undefined when
 * the two cannot be compared (different types, units of different dimensions,
 * ordering on strings/booleans). A unit on only one side is ignored.
 */
export function compareLiterals(op: CompareOp, a: Operand, b: Operand): boolean | undefined {
  if (a.kind === 'number' && b.kind === 'number') {
    const bv = a.unit !== undefined && b.unit !== undefined ? convertUnit(b.value, b.unit, a.unit) : b.value;
    return bv === undefined ? undefined : compareNumbers(a.value, op, bv);
  }
  if (isOrdering(op)) return undefined;
  const av = a.kind === 'string' || a.kind === 'enum-name' || a.kind === 'boolean' ? a.value : undefined;
  const bv = b.kind === 'string' || b.kind === 'enum-name' || b.kind === 'boolean' ? b.value : undefined;
  if (av === undefined || bv === undefined || typeof av !== typeof bv) return undefined;
  return op === '==' ? av === bv : av !== bv;
}
