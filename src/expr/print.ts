/**
 * Canonical printer: ASCII keywords, single spaces, `'…'` strings, units attached
 * to their number (`100kg`), and only the parentheses the tree needs.
 * `parseExpr(printExpr(a)).ast` equals `a` up to positions.
 */
import { sameValue, type CompareExpr, type Expr, type ValueExpr } from './ast.js';

/** Canonical text of an expression (assumes identifiers are valid names, as the parser produces). */
export function printExpr(ast: Expr): string {
  return print(ast);
}

function print(e: Expr): string {
  switch (e.type) {
    case 'or':
      // A nested `or` must keep its parentheses, or it would re-parse flattened into this one.
      return e.operands.map((o) => (o.type === 'or' ? `(${print(o)})` : print(o))).join(' or ');
    case 'and':
      if (isChain(e.operands)) return printChain(e.operands as CompareExpr[]);
      return e.operands.map((o) => (needsParensInAnd(o) ? `(${print(o)})` : print(o))).join(' and ');
    case 'not':
      return `not ${needsParensInNot(e.operand) ? `(${print(e.operand)})` : print(e.operand)}`;
    case 'compare':
      return `${printValue(e.left)} ${e.op} ${printValue(e.right)}`;
    case 'in':
      return `${printValue(e.left)} ${e.negated ? 'not in' : 'in'} [${e.values.map(printValue).join(', ')}]`;
    default:
      return printValue(e);
  }
}

// An `and` written as a chain (`1 < x < 2`) re-parses to its own `and` node, so it needs no parentheses.
function needsParensInAnd(o: Expr): boolean {
  return o.type === 'or' || (o.type === 'and' && !isChain(o.operands));
}

function needsParensInNot(o: Expr): boolean {
  return o.type === 'or' || (o.type === 'and' && !isChain(o.operands));
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

function printValue(v: ValueExpr): string {
  switch (v.type) {
    case 'ident': return v.name;
    case 'boolean': return v.value ? 'true' : 'false';
    case 'string': return `'${v.value.replace(/[\\']/g, (c) => `\\${c}`)}'`;
    case 'number': {
      const n = Object.is(v.value, -0) ? '-0' : String(v.value);
      return v.unit === undefined ? n : `${n}${v.unit}`;
    }
  }
}
