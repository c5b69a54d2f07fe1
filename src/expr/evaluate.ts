/**
 * Evaluation of a trigger at one valuation of the facts (a drill step, a test).
 *
 * Missing knowledge propagates with Kleene's three-valued logic: a comparison
 * on a fact with no (or an ill-typed) value is *unknown*; `false and unknown` is
 * false, `true or unknown` is true, `not unknown` is unknown; the trigger fires
 * only when the result is definitely true. This keeps `not (x < 3)` and `x >= 3`
 * equivalent when `x` is missing (both do not fire), which is also what makes
 * `evaluate` agree with `regionOf`.
 */
import type { CompareOp, Expr, ExprOptions, ValueExpr } from './ast.js';
import type { Fact } from '../model/plan.js';
import { boundConvention } from './bounds.js';
import { lowerExpr } from './lower.js';
import {
  compareLiterals, compareNumbers, factLookup, isBooleanFact, isOrdering, operandValue, resolveCompare,
  type Atom, type FactLookup,
} from './resolve.js';
import { convertUnit } from './units.js';

/** Values of facts keyed by fact id (by name when no `facts` are given); numbers are in the fact's declared unit. */
export type FactValues = Record<string, number | boolean | string | undefined>;

/**
 * True when `ast` definitely holds at `values`. Pure and total: never throws.
 * With `facts`, names resolve by id or label and literal units convert to the
 * fact's unit; without them, names are keys of `values`, a value's JS type gives
 * the fact's type, and units are ignored (numbers compare as written).
 */
export function evaluate(ast: Expr, values: FactValues, facts?: readonly Fact[], options?: ExprOptions): boolean {
  return evaluateTri(ast, values, facts, options) === true;
}

/**
 * Three-valued evaluation: true, false, or undefined when missing facts leave it open (useful for drills).
 * `options.bounds` says what 以上/以下/以内 mean (default: statutory, 以下 excludes its number).
 */
export function evaluateTri(ast: Expr, values: FactValues, facts?: readonly Fact[], options?: ExprOptions): boolean | undefined {
  // Totality: a hostile caller may pass null or a primitive; treat it as "nothing known".
  const safe: FactValues = values !== null && typeof values === 'object' ? values : {};
  const ev = new Evaluator(safe, Array.isArray(facts) ? facts : undefined);
  return ev.cond(lowerExpr(ast, boundConvention(options !== null && typeof options === 'object' ? options : undefined)));
}

class Evaluator {
  private readonly lookup: FactLookup;
  private readonly inferred: boolean;

  constructor(private readonly values: FactValues, facts: readonly Fact[] | undefined) {
    this.inferred = facts === undefined;
    this.lookup = facts ? factLookup(facts) : (name) => this.pseudoFact(name);
  }

  // Without declarations, a key of `values` is a fact whose type is its value's JS type.
  private pseudoFact(name: string): Fact | undefined {
    if (!Object.hasOwn(this.values, name)) return undefined;
    const v = this.values[name];
    const type = typeof v === 'boolean' ? 'boolean' : typeof v === 'string' ? 'enum' : 'number';
    return { id: name, type };
  }

  private valueOf(f: Fact): number | boolean | string | undefined {
    if (!Object.hasOwn(this.values, f.id)) return undefined;
    const v = this.values[f.id];
    switch (f.type) {
      case 'number':
      case 'integer': return typeof v === 'number' && !Number.isNaN(v) ? v : undefined;
      case 'boolean':
      case 'judgement': return typeof v === 'boolean' ? v : undefined;
      case 'enum': return typeof v === 'string' ? v : undefined;
      default: return undefined;
    }
  }

  cond(e: Expr): boolean | undefined {
    switch (e.type) {
      case 'or': {
        let unknown = false;
        for (const o of e.operands) {
          const v = this.cond(o);
          if (v === true) return true;
          if (v === undefined) unknown = true;
        }
        return unknown ? undefined : false;
      }
      case 'and': {
        let unknown = false;
        for (const o of e.operands) {
          const v = this.cond(o);
          if (v === false) return false;
          if (v === undefined) unknown = true;
        }
        return unknown ? undefined : true;
      }
      case 'not': {
        const v = this.cond(e.operand);
        return v === undefined ? undefined : !v;
      }
      case 'boolean':
        return e.value;
      case 'ident': {
        const f = this.lookup(e.name);
        if (!isBooleanFact(f)) return undefined;
        const v = this.valueOf(f!);
        return typeof v === 'boolean' ? v : undefined;
      }
      case 'compare':
        return this.atom(resolveCompare(e.left, e.op, e.right, this.lookup));
      case 'in': {
        // `x in [a, b]` is `x == a or x == b` (Kleene), `not in` its negation.
        let unknown = false;
        let hit = false;
        for (const v of e.values as ValueExpr[]) {
          const r = this.atom(resolveCompare(e.left, '==', v, this.lookup));
          if (r === true) { hit = true; break; }
          if (r === undefined) unknown = true;
        }
        const r = hit ? true : unknown ? undefined : false;
        return r === undefined ? undefined : e.negated ? !r : r;
      }
      default:
        // A bare number or string is not a condition (bounds and implications were lowered away).
        return undefined;
    }
  }

  private atom(a: Atom): boolean | undefined {
    switch (a.kind) {
      case 'unknown':
        return undefined;
      case 'literals':
        return compareLiterals(a.op, a.left, a.right);
      case 'facts': {
        const l = this.valueOf(a.left);
        let r = this.valueOf(a.right);
        if (l === undefined || r === undefined || typeof l !== typeof r) return undefined;
        if (typeof l === 'number') {
          if (!this.inferred && a.left.unit !== undefined && a.right.unit !== undefined) {
            r = convertUnit(r as number, a.right.unit, a.left.unit);
            if (r === undefined) return undefined;
          }
          return compareNumbers(l, a.op, r as number);
        }
        return equality(a.op, l, r);
      }
      case 'fact': {
        const v = this.valueOf(a.fact);
        if (v === undefined) return undefined;
        const operand = this.inferred && a.operand.kind === 'number' ? { ...a.operand, unit: undefined } : a.operand;
        const lit = operandValue(a.fact, operand);
        if (lit === undefined || typeof lit !== typeof v) return undefined;
        if (typeof v === 'number') return compareNumbers(v, a.op, lit as number);
        return equality(a.op, v, lit);
      }
    }
  }
}

// Booleans and enum values only support `==`/`!=`; ordering them is unknown.
function equality(op: CompareOp, a: unknown, b: unknown): boolean | undefined {
  if (isOrdering(op)) return undefined;
  return op === '==' ? a === b : a !== b;
}
