/**
 * Fact constraints (`Plan.constraints`): facts that constrain each other, so some valuations cannot happen —
 * `rain_3h <= rain_6h` (3-hour rainfall is part of 6-hour rainfall), `tier2_exceeded implies tier1_exceeded`,
 * `严重险情 implies 险情`. Region analyses take them through the `RegionHook` of intervals.ts: a box no
 * valuation of which satisfies the constraints is infeasible and dropped, so coverage gaps, overlaps and
 * monotonicity violations are reported only where they can happen, each with a witness that satisfies every
 * constraint.
 *
 * The constraints are compiled once into disjunctive normal form. Parts without fact-vs-fact comparisons
 * become an ordinary region (booleans and enums fixed per box, numbers as intervals); comparisons between two
 * numeric facts become order relations (difference constraints), decided exactly over a box's bounds by
 * `solveOrder` (open/closed ends, integers). A constraint that does not check (unknown fact, type error) is not
 * applied — it can only hide findings, never invent them — and is listed in `skipped`.
 */
import type { Expr, ExprOptions, ValueExpr } from './ast.js';
import type { Fact } from '../model/plan.js';
import { dim, factDomain, FULL_BOX, intersectBox, type Box, type Constraint, type FactValue } from './box.js';
import { boundConvention } from './bounds.js';
import { checkExpr } from './check.js';
import { evaluateTri, type FactValues } from './evaluate.js';
import { domainRegion, intersect, MAX_BOXES, regionOf, sampleBox, type Region, type RegionHook } from './intervals.js';
import { lowerExpr } from './lower.js';
import { solveOrder, type OrderRelation, type VarBounds } from './order.js';
import { factLookup, isBooleanFact, negateOp, resolveCompare, type FactLookup } from './resolve.js';

export type { OrderRelation } from './order.js';

/** One conjunct of the constraints in DNF: a box and order relations between numeric facts. */
interface Term {
  box: Box;
  order: OrderRelation[];
}

/** A full valuation: every fact with a non-empty domain gets a value. */
export type Valuation = Record<string, FactValue>;

/**
 * Compiles fact constraints (ASTs of `Plan.constraints`; undefined entries, from texts that did not parse,
 * are skipped) against the declared facts. Fact-vs-fact comparisons are allowed here, and only here.
 */
export function compileConstraints(constraints: readonly (Expr | undefined)[], facts: readonly Fact[], options?: ExprOptions): FactConstraints {
  return new FactConstraints(constraints, facts, options ?? {});
}

/** Compiled fact constraints; pass as the `hook` of `gapRegion`, `overlaps`, `monotonicityReport`. */
export class FactConstraints implements RegionHook {
  /** Indices of constraints not applied because they did not parse or check. */
  readonly skipped: number[] = [];
  /** True when the DNF hit `MAX_BOXES` (then some feasible boxes may be missed: treat results as hints). */
  truncated = false;
  private readonly applied: Expr[] = [];
  private readonly pure: Region;
  private readonly terms: Term[];
  private readonly domain: ReadonlyMap<string, Constraint>;
  private readonly lookup: FactLookup;
  private readonly byId: ReadonlyMap<string, Fact>;

  constructor(constraints: readonly (Expr | undefined)[], private readonly facts: readonly Fact[], private readonly options: ExprOptions) {
    const all = domainRegion(facts);
    this.domain = all.domain;
    this.lookup = factLookup(facts);
    this.byId = new Map(facts.map((f) => [f.id, f]));
    const conv = boundConvention(options);
    let pure = all;
    let terms: Term[] = [{ box: FULL_BOX, order: [] }];
    constraints.forEach((ast, i) => {
      if (!ast || checkExpr(ast, facts, { ...options, allowFactComparisons: true }).length > 0) {
        this.skipped.push(i);
        return;
      }
      this.applied.push(ast);
      const e = lowerExpr(ast, conv);
      if (!this.hasFactPair(e)) pure = intersect(pure, regionOf(e, facts, options));
      else terms = this.product(terms, this.dnf(e, false));
    });
    this.pure = pure;
    this.truncated ||= pure.truncated;
    this.terms = terms;
  }

  /** True when some valuation satisfies every applied constraint (false: the constraints contradict each other). */
  satisfiable(): boolean {
    return this.witness(FULL_BOX) !== undefined;
  }

  /** Three-valued truth of all applied constraints at a valuation (undefined when a fact they use is missing). */
  holds(values: FactValues): boolean | undefined {
    let unknown = false;
    for (const c of this.applied) {
      const v = evaluateTri(c, values, this.facts, this.options);
      if (v === false) return false;
      if (v === undefined) unknown = true;
    }
    return unknown ? undefined : true;
  }

  /** True when some valuation in `box` satisfies the constraints. */
  feasible(box: Box): boolean {
    return this.witness(box) !== undefined;
  }

  /** A valuation of every fact, inside `box`, satisfying the constraints; undefined when the box is infeasible. */
  witness(box: Box): Valuation | undefined {
    for (const p of this.pure.boxes) {
      const b1 = intersectBox(box, p, this.domain);
      if (!b1) continue;
      for (const t of this.terms) {
        const b2 = intersectBox(b1, t.box, this.domain);
        if (!b2) continue;
        if (t.order.length === 0) return sampleBox(b2, this.facts);
        const values = solveOrder(this.bounds(b2, t.order, ''), t.order);
        if (values) return { ...sampleBox(b2, this.facts), ...Object.fromEntries(values) };
      }
    }
    return undefined;
  }

  /** `r` without its infeasible boxes: a valuation that satisfies the constraints is in the result iff it is in `r`. */
  restrict(r: Region): Region {
    const boxes = r.boxes.filter((b) => this.feasible(b));
    if (boxes.length === r.boxes.length && (r.truncated || !this.truncated)) return r;
    return { boxes, truncated: r.truncated || this.truncated, domain: r.domain };
  }

  /** Feasible valuations x ∈ X and y ∈ Y with x ≤ y fact by fact (numbers ≤, false ≤ true, enums equal), if any. */
  leqWitness(x: Box, y: Box): { smaller: Valuation; larger: Valuation } | undefined {
    for (const px of this.pure.boxes) {
      const x1 = intersectBox(x, px, this.domain);
      if (!x1) continue;
      for (const py of this.pure.boxes) {
        const y1 = intersectBox(y, py, this.domain);
        if (!y1) continue;
        for (const tx of this.terms) {
          const x2 = intersectBox(x1, tx.box, this.domain);
          if (!x2) continue;
          for (const ty of this.terms) {
            const y2 = intersectBox(y1, ty.box, this.domain);
            const w = y2 && this.leqIn(x2, tx.order, y2, ty.order);
            if (w) return w;
          }
        }
      }
    }
    return undefined;
  }

  // x ∈ X, y ∈ Y with x ≤ y: numbers through one order system over both copies (x·f ≤ y·f), booleans and enums per fact.
  private leqIn(x: Box, xo: OrderRelation[], y: Box, yo: OrderRelation[]): { smaller: Valuation; larger: Valuation } | undefined {
    const xs = sampleBox(x, this.facts);
    const ys = sampleBox(y, this.facts);
    const vars = new Map<string, VarBounds>();
    const rels: OrderRelation[] = [];
    for (const f of this.facts) {
      const X = dim(x, f.id, this.domain, factDomain(f));
      const Y = dim(y, f.id, this.domain, factDomain(f));
      if (X.kind === 'interval' && Y.kind === 'interval') {
        vars.set(`x\u0000${f.id}`, bounds(X));
        vars.set(`y\u0000${f.id}`, bounds(Y));
        rels.push({ lo: `x\u0000${f.id}`, hi: `y\u0000${f.id}`, strict: false });
      } else if (X.kind === 'boolean' && Y.kind === 'boolean') {
        const a = X.values.includes(false) ? false : true;
        const b = Y.values.includes(true) ? true : false;
        if (a && !b) return undefined;
        xs[f.id] = a;
        ys[f.id] = b;
      } else if (X.kind === 'enum' && Y.kind === 'enum' && (X.values.length > 0 || Y.values.length > 0)) {
        const v = X.values.find((s) => Y.values.includes(s));
        if (v === undefined) return undefined;
        xs[f.id] = v;
        ys[f.id] = v;
      }
    }
    for (const r of xo) rels.push({ lo: `x\u0000${r.lo}`, hi: `x\u0000${r.hi}`, strict: r.strict });
    for (const r of yo) rels.push({ lo: `y\u0000${r.lo}`, hi: `y\u0000${r.hi}`, strict: r.strict });
    const values = solveOrder(vars, rels);
    if (!values) return undefined;
    for (const [k, v] of values) {
      const [side, id] = k.split('\u0000');
      (side === 'x' ? xs : ys)[id] = v;
    }
    return { smaller: xs, larger: ys };
  }

  // Bounds of the facts an order system mentions, from the box (or the domain), keyed `prefix + id`.
  private bounds(box: Box, order: readonly OrderRelation[], prefix: string): Map<string, VarBounds> {
    const out = new Map<string, VarBounds>();
    for (const r of order) {
      for (const id of [r.lo, r.hi]) {
        const f = this.byId.get(id);
        if (!f || out.has(prefix + id)) continue;
        const c = dim(box, id, this.domain, factDomain(f));
        if (c.kind === 'interval') out.set(prefix + id, bounds(c));
      }
    }
    return out;
  }

  private hasFactPair(e: Expr): boolean {
    switch (e.type) {
      case 'or': case 'and': return e.operands.some((o) => this.hasFactPair(o));
      case 'not': return this.hasFactPair(e.operand);
      case 'compare': return resolveCompare(e.left, e.op, e.right, this.lookup).kind === 'facts';
      case 'in': return e.values.some((v) => resolveCompare(e.left, '==', v, this.lookup).kind === 'facts');
      default: return false;
    }
  }

  /** DNF of a lowered constraint (of its negation when `neg`). */
  private dnf(e: Expr, neg: boolean): Term[] {
    if (!this.hasFactPair(e)) {
      const r = regionOf(neg ? { type: 'not', operand: e, start: e.start, end: e.end } : e, this.facts, this.options);
      this.truncated ||= r.truncated;
      return r.boxes.map((box) => ({ box, order: [] }));
    }
    switch (e.type) {
      case 'not':
        return this.dnf(e.operand, !neg);
      case 'or':
      case 'and': {
        const parts = e.operands.map((o) => this.dnf(o, neg));
        if ((e.type === 'or') !== neg) return this.bounded(parts.flat());
        return parts.reduce((acc, p) => this.product(acc, p), [{ box: FULL_BOX, order: [] }] as Term[]);
      }
      case 'in': {
        const compares = e.values.map((v: ValueExpr): Expr => ({ type: 'compare', op: '==', left: e.left, right: v, start: e.start, end: e.end, opStart: e.opStart, opEnd: e.opEnd }));
        return this.dnf({ type: 'or', operands: compares, start: e.start, end: e.end }, neg !== e.negated);
      }
      case 'compare': {
        const a = resolveCompare(e.left, e.op, e.right, this.lookup);
        if (a.kind !== 'facts') return [];
        return this.pairTerms(a.left, a.right, neg ? negateOp(a.op) : a.op);
      }
      default:
        return [];
    }
  }

  // `a op b` between two facts the checker accepted: numbers as order relations, booleans and enums as boxes.
  private pairTerms(a: Fact, b: Fact, op: string): Term[] {
    if (isBooleanFact(a)) {
      const same = op === '==';
      return [true, false].map((v) => ({ box: new Map<string, Constraint>([[a.id, { kind: 'boolean', values: [v] }], [b.id, { kind: 'boolean', values: [same ? v : !v] }]]), order: [] }));
    }
    if (a.type === 'enum') {
      const av = a.values ?? [];
      const bv = b.values ?? [];
      return av.flatMap((v) => {
        const other = op === '==' ? bv.filter((w) => w === v) : bv.filter((w) => w !== v);
        return other.length ? [{ box: new Map<string, Constraint>([[a.id, { kind: 'enum', values: [v] }], [b.id, { kind: 'enum', values: other }]]), order: [] }] : [];
      });
    }
    switch (op) {
      case '<': return [{ box: FULL_BOX, order: [{ lo: a.id, hi: b.id, strict: true }] }];
      case '<=': return [{ box: FULL_BOX, order: [{ lo: a.id, hi: b.id, strict: false }] }];
      case '>': return [{ box: FULL_BOX, order: [{ lo: b.id, hi: a.id, strict: true }] }];
      case '>=': return [{ box: FULL_BOX, order: [{ lo: b.id, hi: a.id, strict: false }] }];
      case '==': return [{ box: FULL_BOX, order: [{ lo: a.id, hi: b.id, strict: false }, { lo: b.id, hi: a.id, strict: false }] }];
      default: return [{ box: FULL_BOX, order: [{ lo: a.id, hi: b.id, strict: true }] }, { box: FULL_BOX, order: [{ lo: b.id, hi: a.id, strict: true }] }];
    }
  }

  private product(xs: Term[], ys: Term[]): Term[] {
    const out: Term[] = [];
    for (const x of xs) {
      for (const y of ys) {
        const box = intersectBox(x.box, y.box, this.domain);
        if (!box) continue;
        if (out.length >= MAX_BOXES) { this.truncated = true; return out; }
        out.push({ box, order: [...x.order, ...y.order] });
      }
    }
    return out;
  }

  private bounded(terms: Term[]): Term[] {
    if (terms.length <= MAX_BOXES) return terms;
    this.truncated = true;
    return terms.slice(0, MAX_BOXES);
  }
}

function bounds(c: Extract<Constraint, { kind: 'interval' }>): VarBounds {
  return { lo: c.lo, hi: c.hi, loOpen: c.loOpen, hiOpen: c.hiOpen, integer: c.integer };
}
