/**
 * Lowering of the written forms to the core language, for evaluation and region analysis: a bound
 * (`死亡人数 10人以上30人以下`) becomes the comparisons it stands for under a convention, `a implies b`
 * becomes `not a or b` (the same in Kleene's three-valued logic). Positions are kept, so anything
 * derived from a lowered tree still points at the bound word or the operator as written.
 */
import type { BoundConvention, Expr } from './ast.js';
import { boundCompares } from './bounds.js';

// Per AST, the lowered tree for the last convention asked (drills evaluate one trigger many times).
const CACHE = new WeakMap<Expr, { convention: BoundConvention; lowered: Expr }>();

/** `ast` without `bound` and `implies` nodes (the same object when it has none). */
export function lowerExpr(ast: Expr, convention: BoundConvention): Expr {
  const hit = CACHE.get(ast);
  if (hit && sameConvention(hit.convention, convention)) return hit.lowered;
  const lowered = lower(ast, convention);
  CACHE.set(ast, { convention, lowered });
  return lowered;
}

function sameConvention(a: BoundConvention, b: BoundConvention): boolean {
  return a === b || (a.以上 === b.以上 && a.以下 === b.以下 && a.以内 === b.以内);
}

function lower(e: Expr, c: BoundConvention): Expr {
  switch (e.type) {
    case 'implies': {
      const left = lower(e.left, c);
      return { type: 'or', operands: [{ type: 'not', operand: left, start: left.start, end: left.end }, lower(e.right, c)], start: e.start, end: e.end };
    }
    case 'or':
    case 'and': {
      const operands = e.operands.map((o) => lower(o, c));
      return operands.every((o, k) => o === e.operands[k]) ? e : { ...e, operands };
    }
    case 'not': {
      const operand = lower(e.operand, c);
      return operand === e.operand ? e : { ...e, operand };
    }
    case 'bound': {
      const compares = boundCompares(e, c);
      // A hand-built bound with no readable term holds nowhere, like any other unreadable atom.
      if (compares.length === 0) return { type: 'number', value: 0, start: e.start, end: e.end };
      return compares.length === 1 ? compares[0] : { type: 'and', operands: compares, start: e.start, end: e.end };
    }
    default:
      return e;
  }
}
