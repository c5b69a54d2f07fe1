/**
 * Triggers as formulas in negation normal form over one-fact atoms (an interval, a set of enum values, a set of
 * booleans, each already clipped to the fact's domain) — the lazy counterpart of `intervals.ts`: the same reading of
 * every comparison, but no expansion to disjunctive normal form, so a formula stays as large as the trigger text.
 * `solve.ts` decides satisfiability of conjunctions of them.
 *
 * Two modes: `holds` is where the trigger evaluates to true, `fails` where it does not (false or unknown). With no
 * unknown atom they are each other's negation; an atom `evaluate` reads as unknown (wrong type, unknown name,
 * unconvertible unit) is false in `holds` and true in `fails`, under any number of `not`s — Kleene's "unknown is not
 * true". A comparison of two facts cannot be written over one-fact atoms: the formula is then `opaque`.
 */
import type { Expr, ExprOptions, ValueExpr } from './ast.js';
import type { Fact } from '../model/plan.js';
import { factDomain, interval, intersectC, type Constraint } from './box.js';
import { boundConvention } from './bounds.js';
import { lowerExpr } from './lower.js';
import {
  compareLiterals, factLookup, isBooleanFact, isOrdering, negateOp, operandValue, resolveCompare, type Atom, type FactLookup,
} from './resolve.js';

/** A formula in negation normal form. */
export type Formula =
  | { k: 'const'; value: boolean }
  | { k: 'atom'; fact: string; c: Constraint }
  | { k: 'and' | 'or'; xs: Formula[] };

/** A trigger read as a formula; `opaque` when some comparison could not be read (fact against fact). */
export interface TriggerFormula {
  f: Formula;
  opaque: boolean;
}

export const TRUE: Formula = { k: 'const', value: true };
export const FALSE: Formula = { k: 'const', value: false };

/** The conjunction of formulas, flattened and with constants folded. */
export function and(xs: readonly Formula[]): Formula {
  const out: Formula[] = [];
  for (const x of xs) {
    if (x.k === 'const') { if (!x.value) return FALSE; continue; }
    if (x.k === 'and') out.push(...x.xs); else out.push(x);
  }
  return out.length === 0 ? TRUE : out.length === 1 ? out[0] : { k: 'and', xs: out };
}

/** The disjunction of formulas, flattened and with constants folded. */
export function or(xs: readonly Formula[]): Formula {
  const out: Formula[] = [];
  for (const x of xs) {
    if (x.k === 'const') { if (x.value) return TRUE; continue; }
    if (x.k === 'or') out.push(...x.xs); else out.push(x);
  }
  return out.length === 0 ? FALSE : out.length === 1 ? out[0] : { k: 'or', xs: out };
}

/**
 * The one-fact constraints a comparison stands for (their union), read as `intervals.ts` reads it: `'unknown'`
 * when `evaluate` cannot decide it, a boolean for a comparison of two literals, `'facts'` for fact against fact.
 * Constraints are not yet clipped to the domain.
 */
export function atomConstraints(a: Atom, neg: boolean, domainOf: (f: Fact) => Constraint): Constraint[] | boolean | 'unknown' | 'facts' {
  switch (a.kind) {
    case 'literals': {
      const t = compareLiterals(a.op, a.left, a.right);
      return t === undefined ? 'unknown' : t !== neg;
    }
    case 'facts':
      return 'facts';
    case 'unknown':
      return 'unknown';
    case 'fact': {
      const v = operandValue(a.fact, a.operand);
      if (v === undefined) return 'unknown';
      const op = neg ? negateOp(a.op) : a.op;
      if (typeof v === 'number') {
        const int = a.fact.type === 'integer';
        switch (op) {
          case '<': return [interval(-Infinity, v, true, true, int)];
          case '<=': return [interval(-Infinity, v, true, false, int)];
          case '>': return [interval(v, Infinity, true, true, int)];
          case '>=': return [interval(v, Infinity, false, true, int)];
          case '==': return [interval(v, v, false, false, int)];
          case '!=': return [interval(-Infinity, v, true, true, int), interval(v, Infinity, true, true, int)];
        }
      }
      if (isOrdering(op)) return 'unknown';
      if (typeof v === 'boolean') return [{ kind: 'boolean', values: [op === '==' ? v : !v] }];
      const d = domainOf(a.fact);
      const universe = d.kind === 'enum' ? d.values : [];
      return [{ kind: 'enum', values: op === '==' ? universe.filter((x) => x === v) : universe.filter((x) => x !== v) }];
    }
  }
}

class Builder {
  opaque = false;
  private readonly lookup: FactLookup;
  private readonly domains = new Map<string, Constraint>();

  constructor(facts: readonly Fact[], private readonly unknownAs: boolean) {
    this.lookup = factLookup(facts);
    for (const f of facts) if (!this.domains.has(f.id)) this.domains.set(f.id, factDomain(f));
  }

  private domainOf = (f: Fact): Constraint => this.domains.get(f.id) ?? factDomain(f);

  private atoms(f: Fact, cs: readonly Constraint[]): Formula {
    const d = this.domainOf(f);
    return or(cs.map((c) => { const x = intersectC(d, c); return x ? { k: 'atom', fact: f.id, c: x } as Formula : FALSE; }));
  }

  private atom(a: Atom, neg: boolean): Formula {
    const r = atomConstraints(a, neg, this.domainOf);
    if (r === 'facts') { this.opaque = true; return { k: 'const', value: this.unknownAs }; }
    if (r === 'unknown') return { k: 'const', value: this.unknownAs };
    if (typeof r === 'boolean') return r ? TRUE : FALSE;
    return a.kind === 'fact' ? this.atoms(a.fact, r) : FALSE;
  }

  build(e: Expr, neg: boolean): Formula {
    switch (e.type) {
      case 'or':
      case 'and': {
        const parts = e.operands.map((o) => this.build(o, neg));
        return (e.type === 'or') !== neg ? or(parts) : and(parts);
      }
      case 'not':
        return this.build(e.operand, !neg);
      case 'boolean':
        return e.value !== neg ? TRUE : FALSE;
      case 'ident': {
        const f = this.lookup(e.name);
        if (!f || !isBooleanFact(f)) return { k: 'const', value: this.unknownAs };
        return this.atoms(f, [{ kind: 'boolean', values: [!neg] }]);
      }
      case 'compare':
        return this.atom(resolveCompare(e.left, e.op, e.right, this.lookup), neg);
      case 'in': {
        const atoms = (e.values as ValueExpr[]).map((v) => resolveCompare(e.left, '==', v, this.lookup));
        return neg !== e.negated ? and(atoms.map((a) => this.atom(a, true))) : or(atoms.map((a) => this.atom(a, false)));
      }
      default:
        return { k: 'const', value: this.unknownAs };
    }
  }
}

const CACHE = new WeakMap<Expr, Map<readonly Fact[], { holds?: TriggerFormula; fails?: TriggerFormula }>>();

/**
 * Where `ast` holds (`holds`) or does not hold (`fails`), over the declared facts; cached per AST and fact list.
 * Bounds (`30人以上`) and `implies` are read as `evaluate` and `regionOf` read them, under `options.bounds`
 * (default: statutory; the cache assumes one convention per AST).
 */
export function triggerFormula(ast: Expr, facts: readonly Fact[], mode: 'holds' | 'fails', options?: ExprOptions): TriggerFormula {
  let byFacts = CACHE.get(ast);
  if (!byFacts) CACHE.set(ast, byFacts = new Map());
  let entry = byFacts.get(facts);
  if (!entry) byFacts.set(facts, entry = {});
  const hit = entry[mode];
  if (hit) return hit;
  const b = new Builder(facts, mode === 'fails');
  const f = b.build(lowerExpr(ast, boundConvention(options)), mode === 'fails');
  return (entry[mode] = { f, opaque: b.opaque });
}
