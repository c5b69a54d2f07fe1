/**
 * Canonical printer: ASCII keywords, single spaces, `'…'` strings, units attached
 * to their number (`100kg`), and only the parentheses the tree needs. Bounds print
 * as written (`死亡人数 10人以上30人以下`, `30人以上 死亡人数`), numerals keep their
 * separators and scale (`1,000,000`, `10万人`), implication prints as `implies`.
 * `parseExpr(printExpr(a)).ast` equals `a` up to positions.
 */
import { sameValue, type BoundExpr, type CompareExpr, type Expr, type NumberExpr, type ValueExpr } from './ast.js';
import { boundWordInfo } from './bounds.js';
import { lookupUnit } from './units.js';

/** Canonical text of an expression (assumes identifiers are valid names, as the parser produces). */
export function printExpr(ast: Expr): string {
  return print(ast);
}

function print(e: Expr): string {
  switch (e.type) {
    case 'implies':
      // `a implies b implies c` does not parse: nested implications keep their parentheses.
      return `${e.left.type === 'implies' ? `(${print(e.left)})` : print(e.left)} implies ${e.right.type === 'implies' ? `(${print(e.right)})` : print(e.right)}`;
    case 'or':
      // A nested `or` must keep its parentheses, or it would re-parse flattened into this one.
      return e.operands.map((o) => (o.type === 'or' || o.type === 'implies' ? `(${print(o)})` : print(o))).join(' or ');
    case 'and':
      if (isChain(e.operands)) return printChain(e.operands as CompareExpr[]);
      return e.operands.map((o) => (needsParensInAnd(o) ? `(${print(o)})` : print(o))).join(' and ');
    case 'not':
      return `not ${needsParensInNot(e.operand) ? `(${print(e.operand)})` : print(e.operand)}`;
    case 'compare':
      return `${printValue(e.left)} ${e.op} ${printValue(e.right)}`;
    case 'in':
      return `${printValue(e.left)} ${e.negated ? 'not in' : 'in'} [${e.values.map((v) => printValue(v, true)).join(', ')}]`;
    case 'bound':
      return printBound(e);
    default:
      return printValue(e);
  }
}

// An `and` written as a chain (`1 < x < 2`) re-parses to its own `and` node, so it needs no parentheses.
function needsParensInAnd(o: Expr): boolean {
  return o.type === 'or' || o.type === 'implies' || (o.type === 'and' && !isChain(o.operands));
}

function needsParensInNot(o: Expr): boolean {
  return needsParensInAnd(o);
}

/** A bound as written, canonically spaced: `死亡人数 10人以上30人以下`, `30人以上 死亡人数`. */
export function printBound(e: BoundExpr): string {
  const terms = printBoundTerms(e);
  return e.boundFirst ? `${terms} ${e.fact.name}` : `${e.fact.name} ${terms}`;
}

/** The bound terms alone: `10人以上30人以下`, `超过10人`. */
export function printBoundTerms(e: BoundExpr): string {
  let out = '';
  e.terms.forEach((t, k) => {
    const n = printNumber(t.value, false);
    const prefix = boundWordInfo(t.word)?.position === 'prefix';
    // `超过10kg 30kg以下`: a number right after a unit would read as part of it, so a space separates them.
    if (k > 0 && !prefix && boundWordInfo(e.terms[k - 1].word)?.position === 'prefix') out += ' ';
    out += prefix ? `${t.word}${n}` : `${n}${t.word}`;
  });
  return out;
}

/** True when an `and`'s operands are compares that link up as `a < b <= c` (one direction). */
export function isChain(ops: Expr[]): boolean {
  if (ops.length < 2) return false;
  let dir = 0;
  for (let k = 0; k < ops.length; k++) {
    const o = ops[k];
    if (o.type !== 'compare') return false;
    const d = o.op === '<' || o.op === '<=' ? 1 : o.op === '>' || o.op === '>=' ? -1 : 0;
    if (d === 0 || (dir !== 0 && d !== dir)) return false;
    dir = d;
    if (k > 0 && !sameValue((ops[k - 1] as CompareExpr).right, o.left)) return false;
  }
  return true;
}

function printChain(ops: CompareExpr[]): string {
  let s = printValue(ops[0].left);
  for (const c of ops) s += ` ${c.op} ${printValue(c.right)}`;
  return s;
}

function printValue(v: ValueExpr, inList = false): string {
  switch (v.type) {
    case 'ident': return v.name;
    case 'boolean': return v.value ? 'true' : 'false';
    case 'string': return `'${v.value.replace(/[\\']/g, (c) => `\\${c}`)}'`;
    case 'number': return printNumber(v, inList);
  }
}

/** A number as written (`1,000,000`, `10万`) with its unit attached; in a list, without thousands separators (they would be ambiguous there). */
export function printNumber(v: NumberExpr, inList: boolean): string {
  const n = v.text !== undefined && !(inList && v.text.includes(',')) ? v.text : Object.is(v.value, -0) ? '-0' : String(v.value);
  if (v.unit === undefined) return n;
  // A scaled numeral keeps a space before a unit that, glued, would start a scaled unit: `1e3万 kg` glued reads as
  // 1e3 of the unit 万kg. (Any other unit stays attached, which is how an undeclared unit must be written.)
  const glued = `${n.slice(-1)}${v.unit}`;
  const merges = /[万亿]$/.test(n) && [...Array(glued.length).keys()].some((k) => k >= 1 && lookupUnit(glued.slice(0, k + 1)) !== undefined);
  return merges ? `${n} ${v.unit}` : `${n}${v.unit}`;
}
