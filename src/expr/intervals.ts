/**
 * Static analysis of triggers as sets of fact valuations, for the linter
 * (coverage gaps, overlapping levels, non-monotone level ladders).
 *
 * A `Region` is a finite union of `Box`es; a box constrains each fact it
 * mentions independently (an interval, a set of enum values, a set of booleans)
 * and leaves every other fact free within its declared domain. Regions are
 * exact for everything `evaluate` can decide:
 *
 * - `not` is pushed inward (De Morgan; `not x < 3` is `x >= 3`), `!=` and
 *   `not in` become unions of intervals, the result is in disjunctive normal form.
 * - Every constraint is clipped to the fact's domain: number/integer facts range
 *   over `[min ?? 0, max ?? +∞]`, enums over their declared `values`, booleans
 *   over `{false, true}`. A complement is taken inside the domain.
 * - Integer facts keep closed integer bounds: `injured < 3` is `injured ≤ 2`,
 *   `injured > 0.5` is `injured ≥ 1`, so `== 0`, `1..2`, `>= 3` tile the integers.
 * - Comparisons `evaluate` treats as unknown (wrong type, unconvertible unit,
 *   ordering on booleans/enums, unknown names, fact-vs-fact) hold on no valuation,
 *   and neither do their negations — Kleene's "unknown is not true".
 *   Fact-vs-fact comparisons (`a > b`) cannot be boxed at all; `checkExpr` reports them.
 * - An enum fact without declared `values` has an empty domain: constraints on
 *   it are unsatisfiable (`checkExpr` reports the missing values).
 *
 * Size is bounded: no operation produces more than `MAX_BOXES` boxes or does
 * more than `MAX_WORK` steps; when it would, the result is cut and `truncated`
 * is set. A truncated region is an approximation and the linter should not draw
 * conclusions from it.
 *
 * Box-level machinery lives in `box.ts`; this file builds and combines regions.
 */
import type { Expr, ExprOptions, ValueExpr } from './ast.js';
import { boundConvention } from './bounds.js';
import { lowerExpr } from './lower.js';
import type { Fact } from '../model/plan.js';
import {
  factDomain, FULL_BOX, fullLike, intersectBox, intersectC, isEmptyC, member, norm, normBox, sample,
  simplify, STEP_LIMIT, subtractBox, type Box, type Constraint, type FactValue,
} from './box.js';
import { atomConstraints } from './formula.js';
import { factLookup, isBooleanFact, resolveCompare, type Atom, type FactLookup } from './resolve.js';

export { factDomain, type Box, type Constraint, type FactValue, type Interval } from './box.js';

/** A union of boxes plus the domains of the facts it was built over. */
export interface Region {
  boxes: readonly Box[];
  /** True when some step hit `MAX_BOXES` or `MAX_WORK` (the region is then only an approximation). */
  truncated: boolean;
  /** Domain of every known fact (the meaning of "free" for facts a box leaves out). */
  domain: ReadonlyMap<string, Constraint>;
}

/** Upper bound on the number of boxes in any region. */
export const MAX_BOXES = 4096;

/**
 * Upper bound on work in one call, counted as box operations (intersections,
 * differences, comparisons) weighted by the number of facts the two boxes
 * constrain; past it the call stops and marks its result `truncated`. With
 * MAX_BOXES alone a hostile pair of 4,096-box regions could cost 16M steps.
 */
export const MAX_WORK = 2_000_000;

// ---------------------------------------------------------------- regions

/** Accumulates boxes up to MAX_BOXES, remembering whether any were dropped. */
class Bounded {
  boxes: Box[] = [];
  truncated = false;
  push(b: Box | undefined): boolean {
    if (!b) return true;
    if (this.boxes.length >= MAX_BOXES) { this.truncated = true; return false; }
    this.boxes.push(b);
    return true;
  }
}

/** Counts box operations against MAX_WORK. */
class Budget {
  private left = MAX_WORK;
  exhausted = false;
  /** Charges an operation on boxes `x` and `y` (cost grows with the facts they constrain). */
  spend(x: Box, y: Box): boolean {
    this.left -= 1 + x.size + y.size;
    if (this.left >= 0) return true;
    this.exhausted = true;
    return false;
  }
}

function mergeDomains(a: Region, b: Region): ReadonlyMap<string, Constraint> {
  if (a.domain === b.domain || b.domain.size === 0) return a.domain;
  if (a.domain.size === 0) return b.domain;
  const m = new Map(a.domain);
  for (const [k, c] of b.domain) if (!m.has(k)) m.set(k, c);
  return m;
}

function region(boxes: Box[], truncated: boolean, domain: ReadonlyMap<string, Constraint>): Region {
  return { boxes: simplify(boxes, domain), truncated, domain };
}

/** Valuations in both regions. */
export function intersect(a: Region, b: Region): Region {
  const domain = mergeDomains(a, b);
  const acc = new Bounded();
  const budget = new Budget();
  outer: for (const x of a.boxes) {
    for (const y of b.boxes) {
      if (!budget.spend(x, y) || !acc.push(intersectBox(x, y, domain))) break outer;
    }
  }
  return region(acc.boxes, acc.truncated || budget.exhausted || a.truncated || b.truncated, domain);
}

/** Valuations in either region. */
export function union(a: Region, b: Region): Region {
  const domain = mergeDomains(a, b);
  const acc = new Bounded();
  for (const x of [...a.boxes, ...b.boxes]) if (!acc.push(x)) break;
  return region(acc.boxes, acc.truncated || a.truncated || b.truncated, domain);
}

/** Valuations in `a` but not in `b` (complements are taken inside the facts' domains). */
export function subtract(a: Region, b: Region): Region {
  // Fast path: `b` came from a trigger, so its complement is that trigger negated
  // (De Morgan), which is far smaller than carving `a` box by box.
  const comp = complementOf(b);
  if (comp) return intersect(a, comp);
  const domain = mergeDomains(a, b);
  let cur: Box[] = [...a.boxes];
  let truncated = a.truncated || b.truncated;
  const budget = new Budget();
  for (const y of b.boxes) {
    const acc = new Bounded();
    let spent = false;
    outer: for (const x of cur) {
      if (!budget.spend(x, y)) { spent = true; break; }
      for (const part of subtractBox(x, y, domain)) if (!acc.push(part)) break outer;
    }
    if (spent) {
      // Out of budget: keep `cur` as it was before this box (an over-approximation).
      truncated = true;
      break;
    }
    truncated ||= acc.truncated;
    cur = simplify(acc.boxes, domain, STEP_LIMIT);
    if (cur.length === 0) break;
  }
  return region(cur, truncated, domain);
}

/** True when no valuation is in the region. */
export function isEmpty(r: Region): boolean {
  return r.boxes.length === 0;
}

/** Every valuation of the facts (each fact over its domain); empty when some numeric fact has min > max. */
export function domainRegion(facts: readonly Fact[]): Region {
  const domain = domainOf(facts);
  const impossible = [...domain.values()].some((c) => c.kind === 'interval' && isEmptyC(c));
  return { boxes: impossible ? [] : [FULL_BOX], truncated: false, domain };
}

function domainOf(facts: readonly Fact[]): Map<string, Constraint> {
  const m = new Map<string, Constraint>();
  for (const f of facts) if (!m.has(f.id)) m.set(f.id, factDomain(f));
  return m;
}

/** True when the valuation `point` (fact id → value) lies in the region; facts the point omits must be free. */
export function regionContains(r: Region, point: Readonly<Record<string, FactValue | undefined>>): boolean {
  return r.boxes.some((box) => {
    const keys = new Set([...box.keys(), ...r.domain.keys()]);
    for (const k of keys) {
      const v = Object.hasOwn(point, k) ? point[k] : undefined;
      const c = box.get(k) ?? r.domain.get(k)!;
      if (v === undefined) {
        if (box.has(k)) return false;
        continue;
      }
      if (!member(c, v)) return false;
    }
    return true;
  });
}

// ---------------------------------------------------------------- regionOf

/**
 * The valuations (within the facts' domains) on which `ast` evaluates to true; see the module comment.
 * Bounds (`30人以上`) mean what `options.bounds` says (default: statutory); judgement facts are free booleans.
 */
export function regionOf(ast: Expr, facts: readonly Fact[], options?: ExprOptions): Region {
  return buildRegion({ ast: lowerExpr(ast, boundConvention(options)), facts, negated: false });
}

/** Where a region built from a trigger came from, so `subtract` can negate the trigger instead. */
interface Source {
  ast: Expr;
  facts: readonly Fact[];
  negated: boolean;
}

// Private side table (not a Region field, so regions stay plain data for callers and tests).
const SOURCES = new WeakMap<Region, Source>();

function buildRegion(src: Source): Region {
  const b = new RegionBuilder(src.facts);
  const boxes = b.build(src.ast, src.negated);
  const r = region(boxes, b.truncated, b.domain);
  // Only a two-valued trigger has "the negation" as its complement: with an unknown
  // atom somewhere, neither it nor its negation holds on some valuations.
  if (b.exact && !b.truncated) SOURCES.set(r, src);
  return r;
}

/** The complement of `r` within its domain when `r` came exactly from a trigger, else undefined. */
function complementOf(r: Region): Region | undefined {
  const src = SOURCES.get(r);
  if (!src) return undefined;
  const c = buildRegion({ ...src, negated: !src.negated });
  return c.truncated ? undefined : c;
}

class RegionBuilder {
  readonly domain: Map<string, Constraint>;
  truncated = false;
  /** False once an atom was unknown (ill-typed, unresolvable): then `not e` is not the complement of `e`. */
  exact = true;
  private readonly lookup: FactLookup;
  private readonly budget = new Budget();

  constructor(facts: readonly Fact[]) {
    this.domain = domainOf(facts);
    this.lookup = factLookup(facts);
  }

  /** Boxes of `e` (of `not e` when `neg`), in DNF. */
  build(e: Expr, neg: boolean): Box[] {
    switch (e.type) {
      case 'or':
      case 'and':
        // De Morgan: a negated `and` is an `or` of negations and vice versa.
        return (e.type === 'or') !== neg
          ? this.any(e.operands.map((o) => () => this.build(o, neg)))
          : this.all(e.operands.map((o) => () => this.build(o, neg)));
      case 'not':
        return this.build(e.operand, !neg);
      case 'boolean':
        return e.value !== neg ? [FULL_BOX] : [];
      case 'ident': {
        const f = this.lookup(e.name);
        if (!f || !isBooleanFact(f)) return this.unknown();
        return this.boxesOf(f, [{ kind: 'boolean', values: [!neg] }]);
      }
      case 'compare':
        return this.atom(resolveCompare(e.left, e.op, e.right, this.lookup), neg);
      case 'in': {
        // `x in [a, b]` is `x == a or x == b`; its negation is `x != a and x != b`.
        const atoms = (e.values as ValueExpr[]).map((v) => resolveCompare(e.left, '==', v, this.lookup));
        const negated = neg !== e.negated;
        return negated
          ? this.all(atoms.map((a) => () => this.atom(a, true)))
          : this.any(atoms.map((a) => () => this.atom(a, false)));
      }
      default:
        // A bare number/string is never true, and neither is its negation (unknown).
        return this.unknown();
    }
  }

  private unknown(): Box[] {
    this.exact = false;
    return [];
  }

  private any(parts: Array<() => Box[]>): Box[] {
    const acc = new Bounded();
    for (const p of parts) {
      for (const b of p()) if (!acc.push(b)) break;
    }
    this.truncated ||= acc.truncated;
    return acc.boxes;
  }

  private all(parts: Array<() => Box[]>): Box[] {
    let cur: Box[] = [FULL_BOX];
    for (const p of parts) {
      const next = p();
      const acc = new Bounded();
      outer: for (const x of cur) {
        for (const y of next) {
          if (!this.budget.spend(x, y) || !acc.push(intersectBox(x, y, this.domain))) break outer;
        }
      }
      this.truncated ||= acc.truncated || this.budget.exhausted;
      // Simplify between steps so a long `and` of `or`s does not grow needlessly
      // (cheaply: the quadratic part only on small sets; the final result gets the full pass).
      cur = simplify(acc.boxes, this.domain, STEP_LIMIT);
      if (cur.length === 0) return cur;
    }
    return cur;
  }

  private boxesOf(f: Fact, cs: Constraint[]): Box[] {
    const d = this.domain.get(f.id) ?? factDomain(f);
    const out: Box[] = [];
    for (const c of cs) {
      const x = intersectC(d, c);
      if (!x) continue;
      const b = normBox(new Map([[f.id, x]]), this.domain);
      if (b) out.push(b);
    }
    return out;
  }

  private atom(a: Atom, neg: boolean): Box[] {
    const r = atomConstraints(a, neg, (f) => this.domain.get(f.id) ?? factDomain(f));
    if (r === 'unknown' || r === 'facts') return this.unknown();
    if (typeof r === 'boolean') return r ? [FULL_BOX] : [];
    return a.kind === 'fact' ? this.boxesOf(a.fact, r) : [];
  }
}

// ---------------------------------------------------------------- describe

/** Human text for a box: `100 ≤ leak_kg < 1000 and fire = true` (en) / `100 ≤ 泄漏量 < 1000 且 火灾 = 是` (zh, labels when declared). */
export function describeBox(box: Box, facts: readonly Fact[], lang: 'en' | 'zh'): string {
  const byId = new Map(facts.map((f) => [f.id, f] as const));
  const order = [...box.keys()].sort((x, y) => rank(x) - rank(y) || (x < y ? -1 : x > y ? 1 : 0));
  function rank(id: string): number {
    const i = facts.findIndex((f) => f.id === id);
    return i < 0 ? facts.length : i;
  }
  const parts: string[] = [];
  for (const id of order) {
    const c = box.get(id)!;
    const f = byId.get(id);
    const name = lang === 'zh' && f?.label ? f.label : id;
    const text = describeConstraint(name, c, f ? factDomain(f) : undefined, lang);
    if (text) parts.push(text);
  }
  if (parts.length === 0) return lang === 'zh' ? '任意取值' : 'any values';
  return parts.join(lang === 'zh' ? ' 且 ' : ' and ');
}

function describeConstraint(name: string, c: Constraint, domain: Constraint | undefined, lang: 'en' | 'zh'): string {
  if (c.kind === 'boolean') {
    if (c.values.length !== 1) return '';
    const v = c.values[0];
    return `${name} = ${lang === 'zh' ? (v ? '是' : '否') : String(v)}`;
  }
  if (c.kind === 'enum') {
    return c.values.length === 1 ? `${name} = ${c.values[0]}` : `${name} ∈ {${c.values.join(', ')}}`;
  }
  if (c.lo === c.hi) return `${name} = ${num(c.lo)}`;
  // A bound equal to the domain's is implied; leave it out (`leak_kg < 100`, not `0 ≤ leak_kg < 100`).
  const d = domain?.kind === 'interval' ? domain : undefined;
  const showLo = Number.isFinite(c.lo) && !(d && d.lo === c.lo && d.loOpen === c.loOpen);
  const showHi = Number.isFinite(c.hi) && !(d && d.hi === c.hi && d.hiOpen === c.hiOpen);
  if (showLo && showHi) return `${num(c.lo)} ${c.loOpen ? '<' : '≤'} ${name} ${c.hiOpen ? '<' : '≤'} ${num(c.hi)}`;
  if (showLo) return `${name} ${c.loOpen ? '>' : '≥'} ${num(c.lo)}`;
  if (showHi) return `${name} ${c.hiOpen ? '<' : '≤'} ${num(c.hi)}`;
  return '';
}

function num(n: number): string {
  return String(n);
}

// ---------------------------------------------------------------- level analyses

/** A level's id and the region of its trigger. */
export interface LevelRegion {
  id: string;
  region: Region;
}

/**
 * Narrows an analysis to valuations that can happen: fact constraints (`compileConstraints` in constraints.ts)
 * implement it. Without a hook every valuation of the domains counts.
 */
export interface RegionHook {
  /** `r` without boxes no possible valuation lies in. */
  restrict(r: Region): Region;
  /** Possible valuations x ∈ X, y ∈ Y with x ≤ y fact by fact (full valuations), or undefined. */
  leqWitness(x: Box, y: Box): { smaller: Record<string, FactValue>; larger: Record<string, FactValue> } | undefined;
}

/** The region of valuations no level covers, within `domain` (its boxes only name facts the triggers or domain mention). */
export function gapRegion(levels: readonly LevelRegion[], domain: Region, hook?: RegionHook): Region {
  // Level by level, so each trigger's complement can come from negating it.
  let gaps = domain;
  for (const l of levels) {
    if (isEmpty(gaps)) break;
    gaps = subtract(gaps, l.region);
  }
  return hook ? hook.restrict(gaps) : gaps;
}

/**
 * Valuations that start no level, as boxes over the facts the triggers mention
 * (facts no trigger mentions are left free). Empty when the levels cover `domain`.
 * Use `gapRegion` to also learn whether the result was truncated.
 */
export function coverageGaps(levels: readonly LevelRegion[], domain: Region, hook?: RegionHook): Box[] {
  return [...gapRegion(levels, domain, hook).boxes];
}

/** Two levels whose triggers can hold at once: `box` is the simplest shared box, `region` all of them. */
export interface Overlap {
  a: string;
  b: string;
  box: Box;
  region: Region;
}

/** Every pair of levels (in input order, `a` before `b`) whose regions intersect (where a valuation can happen, with a hook). */
export function overlaps(levels: readonly LevelRegion[], hook?: RegionHook): Overlap[] {
  const out: Overlap[] = [];
  for (let i = 0; i < levels.length; i++) {
    for (let j = i + 1; j < levels.length; j++) {
      const both = intersect(levels[i].region, levels[j].region);
      const r = hook ? hook.restrict(both) : both;
      if (isEmpty(r)) continue;
      // The box with the fewest constrained facts reads best in a message.
      const box = r.boxes.reduce((best, b) => (b.size < best.size ? b : best));
      out.push({ a: levels[i].id, b: levels[j].id, box, region: r });
    }
  }
  return out;
}

/** A level with its severity rank (1 = most severe, like 级别 I). */
export interface RankedLevelRegion extends LevelRegion {
  rank: number;
}

/** A smaller incident that starts a more severe level than a larger one. */
export interface MonotonicityViolation {
  /** Id of the more severe level (smaller rank), started by the smaller incident. */
  moreSevere: string;
  /** Id of the less severe level, started by the larger incident. */
  lessSevere: string;
  /** Box of the more severe level's effective region containing the smaller incident. */
  smaller: Box;
  /** Box of the less severe level's effective region containing the larger incident. */
  larger: Box;
  /**
   * Concrete valuations: `smaller` ≤ `larger` fact by fact; facts neither box constrains are omitted (any equal
   * value) — with a `RegionHook` (fact constraints) both are full valuations that satisfy the constraints.
   */
  witness: { smaller: Record<string, FactValue>; larger: Record<string, FactValue> };
}

/**
 * Finds incidents x ≤ y (every numeric fact of x ≤ that of y, booleans
 * false ≤ true, enum facts equal) where x starts a strictly more severe level
 * than y.
 *
 * "Starts" uses the usual precedence (就高不就低): an incident starts the most
 * severe level whose trigger holds, so each level's *effective* region is its
 * own minus those of all more severe levels. Over boxes the question is
 * decidable exactly: boxes are products, so some x ∈ X, y ∈ Y with x ≤ y exist
 * iff each fact separately admits x_f ≤ y_f (inf X_f ≤ sup Y_f for intervals,
 * X_f ∋ false or Y_f ∋ true for booleans, X_f ∩ Y_f ≠ ∅ for enums). So the result
 * is exact unless a region was truncated (see `monotonicityReport`). One
 * violation per pair of levels, pairs in order of rank.
 *
 * It assumes bigger numbers are worse for every numeric fact; a fact where
 * smaller is worse (能见度 visibility) will show up as a violation.
 */
export function monotonicityViolations(levels: readonly RankedLevelRegion[], facts: readonly Fact[], hook?: RegionHook): MonotonicityViolation[] {
  return monotonicityReport(levels, facts, hook).violations;
}

/** Result of the monotonicity check, with a flag for when it could not be exact. */
export interface MonotonicityReport {
  violations: MonotonicityViolation[];
  /**
   * True when an input or effective region was truncated or the search ran out
   * of MAX_WORK: violations may then be spurious or missing; treat them as hints.
   */
  truncated: boolean;
}

/**
 * Under "the highest level met applies" (就高不就低), where each level is the one that applies: its region minus
 * the regions of all more severe levels (smaller rank), sorted most severe first. With a hook, boxes that cannot
 * happen are dropped.
 */
export function effectiveRegions<L extends RankedLevelRegion>(levels: readonly L[], hook?: RegionHook): L[] {
  const sorted = [...levels].sort((x, y) => x.rank - y.rank);
  return sorted.map((l) => {
    let r = l.region;
    for (const m of sorted) if (m.rank < l.rank) r = subtract(r, m.region);
    return { ...l, region: hook ? hook.restrict(r) : r };
  });
}

/** `monotonicityViolations` plus whether the answer is exact (see there); with a hook, only possible incidents count. */
export function monotonicityReport(levels: readonly RankedLevelRegion[], facts: readonly Fact[], hook?: RegionHook): MonotonicityReport {
  const factDomains = domainOf(facts);
  const effective = effectiveRegions(levels, hook);
  let truncated = effective.some((l) => l.region.truncated);
  const violations: MonotonicityViolation[] = [];
  const budget = new Budget();
  pairs: for (const a of effective) {
    for (const b of effective) {
      if (!(a.rank < b.rank)) continue;
      const domain = new Map([...factDomains, ...a.region.domain, ...b.region.domain]);
      found: for (const x of a.region.boxes) {
        for (const y of b.region.boxes) {
          if (!budget.spend(x, y)) {
            truncated = true;
            break pairs;
          }
          const w = hook ? hook.leqWitness(x, y) : leqWitness(x, y, domain);
          if (w) {
            violations.push({ moreSevere: a.id, lessSevere: b.id, smaller: x, larger: y, witness: w });
            break found;
          }
        }
      }
    }
  }
  return { violations, truncated };
}

/** True when some x ∈ X and y ∈ Y have x ≤ y (numbers by value, false < true, enum values only equal to themselves). */
export function leqCompatible(X: Constraint, Y: Constraint): boolean {
  if (intersectC(X, Y)) return true;
  if (X.kind === 'interval' && Y.kind === 'interval') return X.lo < Y.hi || (X.lo === Y.hi && !X.loOpen && !Y.hiOpen);
  if (X.kind === 'boolean' && Y.kind === 'boolean') return X.values.includes(false) || Y.values.includes(true);
  return false;
}

/** Points x ∈ X, y ∈ Y with x ≤ y fact by fact, or undefined when none exist. */
export function leqWitness(x: Box, y: Box, domain: ReadonlyMap<string, Constraint>):
  { smaller: Record<string, FactValue>; larger: Record<string, FactValue> } | undefined {
  const smaller: Record<string, FactValue> = {};
  const larger: Record<string, FactValue> = {};
  for (const k of new Set([...x.keys(), ...y.keys()])) {
    const xs = x.get(k);
    const ys = y.get(k);
    const like = (xs ?? ys)!;
    const X = xs ?? domain.get(k) ?? fullLike(like);
    const Y = ys ?? domain.get(k) ?? fullLike(like);
    const both = intersectC(X, Y);
    if (both) {
      const p = sample(both);
      smaller[k] = p;
      larger[k] = p;
      continue;
    }
    // Disjoint intervals: possible only when X lies below Y, and then any two points do; booleans: false ≤ true.
    if (!leqCompatible(X, Y)) return undefined;
    if (X.kind === 'interval') {
      smaller[k] = sample(X);
      larger[k] = sample(Y);
    } else {
      smaller[k] = false;
      larger[k] = true;
    }
  }
  return { smaller, larger };
}

/**
 * A concrete valuation inside `box` for every fact in `facts` (free facts get a
 * value of their domain), e.g. for "at leak_kg = 100, fire = true both II and III
 * start". Facts with an empty domain are left out.
 */
export function sampleBox(box: Box, facts: readonly Fact[]): Record<string, FactValue> {
  const out: Record<string, FactValue> = {};
  for (const f of facts) {
    const d = factDomain(f);
    const c = box.get(f.id);
    const x = c ? intersectC(d, c) ?? (isEmptyC(d) ? c : undefined) : norm(d);
    if (x) out[f.id] = sample(x);
  }
  for (const [k, c] of box) if (!Object.hasOwn(out, k)) out[k] = sample(c);
  return out;
}
