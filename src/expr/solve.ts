/**
 * Satisfiability of conjunctions of trigger formulas (`formula.ts`), with a witness: a box of fact values inside all of
 * them. A small DPLL search: conjunctions and one-fact atoms narrow a per-fact constraint store at once, disjunctions
 * are filtered against it (a disjunction left with one possibility is added as a fact), and only when disjunctions
 * with several possibilities remain does the search branch, smallest first. For the conditions plans are written
 * with ("any one of these criteria", bands of a fact, a few `and`s) this is linear in the size of the formulas; every
 * step is counted against a shared work budget, and a search that runs out says so (undefined), never guesses.
 */
import { intersectC, normBox, type Box, type Constraint } from './box.js';
import type { Formula } from './formula.js';

/**
 * Pairs of facts whose values must be ordered (`x ≤ partner`): fact id → partner id, for questions about two
 * valuations at once (the second one's facts renamed), and the test whether two constraints admit such values.
 */
export interface Coupling {
  /** Either fact id of a pair → the pair (`x` must be ≤ `y`). */
  pairs: ReadonlyMap<string, { x: string; y: string }>;
  compatible(x: Constraint, y: Constraint): boolean;
}

/** Default budget of one analysis, in formula nodes visited. */
export const SOLVER_WORK = 5_000_000;

/** Deepest branching the search follows before it gives up (each level settles one disjunction). */
const MAX_DEPTH = 1000;

/** A work budget shared by the searches of one analysis. */
export class Work {
  exhausted = false;
  constructor(private left = SOLVER_WORK) {}
  /** Charges `n` units; false (and `exhausted`) once the budget is spent. */
  spend(n: number): boolean {
    this.left -= n;
    if (this.left < 0) this.exhausted = true;
    return !this.exhausted;
  }
}

/** A conjunction of formulas being built up; `add` narrows it, `fork` copies it for a branch, `solve` decides it. */
export class Conjunction {
  private dead = false;
  /** Formulas known not to hold here (see `refute`). */
  private refuted: Set<Formula> | undefined;

  private constructor(
    private readonly domain: ReadonlyMap<string, Constraint>,
    private store: Map<string, Constraint>,
    private pending: Formula[],
    private readonly work: Work,
    private readonly coupling?: Coupling,
  ) {}

  /** The empty conjunction (every valuation of the facts' domains), optionally with coupled facts. */
  static over(domain: ReadonlyMap<string, Constraint>, work: Work, coupling?: Coupling): Conjunction {
    return new Conjunction(domain, new Map(), [], work, coupling);
  }

  /** A copy that can be narrowed independently. */
  fork(): Conjunction {
    this.work.spend(1 + this.store.size + this.pending.length);
    const c = new Conjunction(this.domain, new Map(this.store), [...this.pending], this.work, this.coupling);
    c.dead = this.dead;
    if (this.refuted) c.refuted = new Set(this.refuted);
    return c;
  }

  /**
   * Records that formula `f` does not hold (its negation is, or is about to be, added): a disjunction naming that
   * same formula object then drops it at once, without search.
   */
  refute(f: Formula): void {
    (this.refuted ??= new Set()).add(f);
  }

  /**
   * The conjunction of this and `other` (their facts should be disjoint, as for a valuation and a renamed second
   * one), checked against the coupling.
   */
  and(other: Conjunction): Conjunction {
    const c = this.fork();
    if (c.dead || other.dead) { c.dead = true; return c; }
    this.work.spend(other.store.size + other.pending.length);
    for (const [k, x] of other.store) {
      const cur = c.store.get(k);
      const y = cur ? intersectC(cur, x) : x;
      if (!y) { c.dead = true; return c; }
      c.store.set(k, y);
      if (!c.coupled(k)) { c.dead = true; return c; }
    }
    c.pending.push(...other.pending);
    return c;
  }

  /** False when fact `k` and its coupled partner can no longer be ordered. */
  private coupled(k: string): boolean {
    const pair = this.coupling?.pairs.get(k);
    if (!pair) return true;
    const X = this.store.get(pair.x) ?? this.domain.get(pair.x);
    const Y = this.store.get(pair.y) ?? this.domain.get(pair.y);
    return !X || !Y || this.coupling!.compatible(X, Y);
  }

  /** False once the conjunction is known to be unsatisfiable (by propagation alone; `solve` decides). */
  get possible(): boolean {
    return !this.dead;
  }

  /** Adds a formula; returns false when that makes the conjunction certainly unsatisfiable. */
  add(f: Formula): boolean {
    if (this.dead) return false;
    if (!this.work.spend(1)) return true; // out of budget: `solve` will say so
    if (this.refuted?.has(f)) { this.dead = true; return false; }
    switch (f.k) {
      case 'const':
        if (!f.value) this.dead = true;
        break;
      case 'atom': {
        const cur = this.store.get(f.fact) ?? this.domain.get(f.fact);
        const x = cur ? intersectC(cur, f.c) : f.c;
        if (x) this.store.set(f.fact, x); else this.dead = true;
        if (x && !this.coupled(f.fact)) this.dead = true;
        break;
      }
      case 'and':
        for (const x of f.xs) if (!this.add(x)) break;
        break;
      case 'or': {
        const kids = this.alive(f.xs);
        if (kids.length === 0) this.dead = true;
        else if (kids.length === 1) this.add(kids[0]);
        else this.pending.push(kids.length === f.xs.length ? f : { k: 'or', xs: kids });
        break;
      }
    }
    return !this.dead;
  }

  /** A box inside every formula added, null when there is none, undefined when the work budget ran out. */
  solve(): Box | null | undefined {
    return this.search(0);
  }

  private search(depth: number): Box | null | undefined {
    if (!this.settle()) return this.work.exhausted ? undefined : null;
    if (this.work.exhausted) return undefined;
    if (this.pending.length === 0) return normBox(new Map(this.store), this.domain) ?? null;
    if (depth >= MAX_DEPTH) return undefined;
    let pick = 0;
    for (let i = 1; i < this.pending.length; i++) {
      if ((this.pending[i] as { xs: Formula[] }).xs.length < (this.pending[pick] as { xs: Formula[] }).xs.length) pick = i;
    }
    const choice = this.pending[pick] as { xs: Formula[] };
    const rest = this.pending.filter((_, i) => i !== pick);
    for (const kid of choice.xs) {
      const branch = new Conjunction(this.domain, new Map(this.store), [...rest], this.work, this.coupling);
      if (this.refuted) branch.refuted = new Set(this.refuted);
      if (!this.work.spend(1 + this.store.size + rest.length)) return undefined;
      if (!branch.add(kid)) continue;
      const r = branch.search(depth + 1);
      if (r !== null) return r;
    }
    return this.work.exhausted ? undefined : null;
  }

  /** Re-filters the pending disjunctions against the store until nothing more follows; false on a contradiction. */
  private settle(): boolean {
    for (let changed = true; changed && !this.dead;) {
      changed = false;
      const pending = this.pending;
      this.pending = [];
      for (const f of pending) {
        const xs = (f as { xs: Formula[] }).xs;
        const kids = this.alive(xs);
        if (kids.length === 0) { this.dead = true; break; }
        if (kids.length === 1) { this.add(kids[0]); changed = true; continue; }
        if (kids.length < xs.length) changed = true;
        this.pending.push(kids.length === xs.length ? f : { k: 'or', xs: kids });
      }
      if (this.work.exhausted) return true;
    }
    return !this.dead;
  }

  /** The disjuncts not already ruled out by the store (judged by their atoms, and a conjunction's own atoms). */
  private alive(xs: readonly Formula[]): Formula[] {
    this.work.spend(xs.length);
    const out: Formula[] = [];
    for (const x of xs) {
      if (x.k === 'const') { if (x.value) return [x]; continue; }
      if (this.refuted?.has(x)) continue;
      if (x.k === 'atom' && this.excludes(x)) continue;
      if (x.k === 'and') {
        this.work.spend(x.xs.length);
        if (x.xs.some((y) => (y.k === 'atom' && this.excludes(y)) || (y.k === 'const' && !y.value))) continue;
      }
      out.push(x);
    }
    return out;
  }

  /** True when the store leaves no value for the atom. */
  private excludes(a: Extract<Formula, { k: 'atom' }>): boolean {
    const cur = this.store.get(a.fact) ?? this.domain.get(a.fact);
    return !!cur && !intersectC(cur, a.c);
  }
}

/** A box satisfying every formula, null when none exists, undefined when `work` ran out. */
export function satisfy(formulas: readonly Formula[], domain: ReadonlyMap<string, Constraint>, work: Work): Box | null | undefined {
  const c = Conjunction.over(domain, work);
  for (const f of formulas) if (!c.add(f)) return work.exhausted ? undefined : null;
  return c.solve();
}
