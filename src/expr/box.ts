/**
 * Boxes: products of per-fact constraints (an interval, a set of enum values, a
 * set of booleans), and the set operations on them that `intervals.ts` builds
 * regions from. A fact a box does not mention is free within its domain.
 */
import type { Fact } from '../model/plan.js';

/** A numeric interval; infinite bounds are always open. */
export interface Interval {
  lo: number;
  hi: number;
  loOpen: boolean;
  hiOpen: boolean;
}

/** The constraint a box puts on one fact. */
export type Constraint =
  | ({ kind: 'interval'; integer: boolean } & Interval)
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'boolean'; values: readonly boolean[] };

/** Fact id → constraint; a fact not in the map is free within its domain. */
export type Box = ReadonlyMap<string, Constraint>;

/** A value a fact can take (numbers in the fact's declared unit). */
export type FactValue = number | boolean | string;

// Above these sizes the quadratic clean-ups (subsumption, merging) are skipped;
// the region stays correct, only less compact.
/** Largest set the quadratic subsumption pass runs on. */
export const SUBSUME_LIMIT = 256;
const MERGE_LIMIT = 96;
/** Cheaper limit for clean-ups between the steps of a big operation. */
export const STEP_LIMIT = 48;

// ---------------------------------------------------------------- constraints

/** An interval constraint (not yet normalised). */
export function interval(lo: number, hi: number, loOpen: boolean, hiOpen: boolean, integer: boolean): Constraint {
  return { kind: 'interval', lo, hi, loOpen, hiOpen, integer };
}

/** Canonical form of a constraint, or undefined when it is empty. */
export function norm(c: Constraint): Constraint | undefined {
  if (c.kind !== 'interval') return c.values.length === 0 ? undefined : c;
  let { lo, hi, loOpen, hiOpen } = c;
  if (Number.isNaN(lo) || Number.isNaN(hi) || lo === Infinity || hi === -Infinity) return undefined;
  if (lo === -Infinity) loOpen = true;
  if (hi === Infinity) hiOpen = true;
  if (c.integer) {
    // Closed integer bounds: (2, 5) on integers is [3, 4].
    if (Number.isFinite(lo)) { lo = loOpen ? Math.floor(lo) + 1 : Math.ceil(lo); loOpen = false; }
    if (Number.isFinite(hi)) { hi = hiOpen ? Math.ceil(hi) - 1 : Math.floor(hi); hiOpen = false; }
  }
  if (lo > hi || (lo === hi && (loOpen || hiOpen))) return undefined;
  return interval(lo, hi, loOpen, hiOpen, c.integer);
}

/** Intersection of two constraints on one fact, or undefined when empty. */
export function intersectC(a: Constraint, b: Constraint): Constraint | undefined {
  if (a.kind === 'interval' && b.kind === 'interval') {
    const [lo, loOpen] = a.lo > b.lo ? [a.lo, a.loOpen] : b.lo > a.lo ? [b.lo, b.loOpen] : [a.lo, a.loOpen || b.loOpen];
    const [hi, hiOpen] = a.hi < b.hi ? [a.hi, a.hiOpen] : b.hi < a.hi ? [b.hi, b.hiOpen] : [a.hi, a.hiOpen || b.hiOpen];
    return norm(interval(lo, hi, loOpen, hiOpen, a.integer || b.integer));
  }
  if (a.kind === 'enum' && b.kind === 'enum') return norm({ kind: 'enum', values: a.values.filter((v) => b.values.includes(v)) });
  if (a.kind === 'boolean' && b.kind === 'boolean') return norm({ kind: 'boolean', values: a.values.filter((v) => b.values.includes(v)) });
  // Different kinds for one fact id cannot come from one fact list; treat as contradictory.
  return undefined;
}

/** The parts of `outer` outside `c` (at most two intervals, or one set). */
export function complementWithin(outer: Constraint, c: Constraint): Constraint[] {
  if (outer.kind === 'interval' && c.kind === 'interval') {
    const below = intersectC(outer, interval(-Infinity, c.lo, true, !c.loOpen, outer.integer));
    const above = intersectC(outer, interval(c.hi, Infinity, !c.hiOpen, true, outer.integer));
    return [below, above].filter((x): x is Constraint => x !== undefined);
  }
  if (outer.kind === 'enum' && c.kind === 'enum') {
    const r = norm({ kind: 'enum', values: outer.values.filter((v) => !c.values.includes(v)) });
    return r ? [r] : [];
  }
  if (outer.kind === 'boolean' && c.kind === 'boolean') {
    const r = norm({ kind: 'boolean', values: outer.values.filter((v) => !c.values.includes(v)) });
    return r ? [r] : [];
  }
  return [outer];
}

/** True when constraint `a` allows no value `b` does not. */
export function subsetC(a: Constraint, b: Constraint): boolean {
  if (a.kind === 'interval' && b.kind === 'interval') {
    const loOk = b.lo < a.lo || (b.lo === a.lo && (!b.loOpen || a.loOpen));
    const hiOk = b.hi > a.hi || (b.hi === a.hi && (!b.hiOpen || a.hiOpen));
    return loOk && hiOk;
  }
  if (a.kind === 'enum' && b.kind === 'enum') return a.values.every((v) => b.values.includes(v));
  if (a.kind === 'boolean' && b.kind === 'boolean') return a.values.every((v) => b.values.includes(v));
  return false;
}

/** True when two constraints allow the same values. */
export function equalC(a: Constraint, b: Constraint): boolean {
  return subsetC(a, b) && subsetC(b, a);
}

/** The union of two constraints when it is again a single constraint (touching intervals, any two sets). */
export function unionC(a: Constraint, b: Constraint, universe: Constraint | undefined): Constraint | undefined {
  if (a.kind === 'interval' && b.kind === 'interval') {
    const [x, y] = a.lo < b.lo || (a.lo === b.lo && (!a.loOpen || b.loOpen)) ? [a, b] : [b, a];
    const integer = a.integer || b.integer;
    const touches = y.lo < x.hi || (y.lo === x.hi && (!x.hiOpen || !y.loOpen)) ||
      (integer && Number.isFinite(x.hi) && x.hi + 1 === y.lo);
    if (!touches) return undefined;
    const [hi, hiOpen] = x.hi > y.hi ? [x.hi, x.hiOpen] : y.hi > x.hi ? [y.hi, y.hiOpen] : [x.hi, x.hiOpen && y.hiOpen];
    return norm(interval(x.lo, hi, x.loOpen, hiOpen, integer));
  }
  if (a.kind === 'enum' && b.kind === 'enum') {
    const all = [...a.values, ...b.values.filter((v) => !a.values.includes(v))];
    const order = universe?.kind === 'enum' ? universe.values : undefined;
    return { kind: 'enum', values: order ? order.filter((v) => all.includes(v)) : all.sort() };
  }
  if (a.kind === 'boolean' && b.kind === 'boolean') {
    return { kind: 'boolean', values: [false, true].filter((v) => a.values.includes(v) || b.values.includes(v)) };
  }
  return undefined;
}

/** True when `v` satisfies the constraint. */
export function member(c: Constraint, v: FactValue): boolean {
  switch (c.kind) {
    case 'interval':
      if (typeof v !== 'number' || Number.isNaN(v)) return false;
      if (c.integer && !Number.isInteger(v)) return false;
      return (v > c.lo || (v === c.lo && !c.loOpen)) && (v < c.hi || (v === c.hi && !c.hiOpen));
    case 'enum': return typeof v === 'string' && c.values.includes(v);
    case 'boolean': return typeof v === 'boolean' && c.values.includes(v);
  }
}

/** The whole domain of a fact (see the module comment); may be empty (min > max, enum without values). */
export function factDomain(f: Fact): Constraint {
  switch (f.type) {
    case 'number':
    case 'integer': {
      const integer = f.type === 'integer';
      const lo = typeof f.min === 'number' ? f.min : 0;
      const hi = typeof f.max === 'number' ? f.max : Infinity;
      return norm(interval(lo, hi, false, false, integer)) ?? interval(1, 0, false, false, integer);
    }
    case 'enum':
      return { kind: 'enum', values: [...new Set(f.values ?? [])] };
    case 'boolean':
    default:
      return { kind: 'boolean', values: [false, true] };
  }
}

/** True when the constraint allows no value. */
export function isEmptyC(c: Constraint): boolean {
  return norm(c) === undefined;
}

/**
 * "Everything" of the kind of `c`, for a fact no domain knows: all reals, both
 * booleans — and for an enum the other side's values, so no complement is produced along it.
 */
export function fullLike(c: Constraint): Constraint {
  if (c.kind === 'interval') return interval(-Infinity, Infinity, true, true, c.integer);
  if (c.kind === 'boolean') return { kind: 'boolean', values: [false, true] };
  return c;
}

/** The constraint `box` puts on fact `id` (its domain, or `fullLike(like)`, when the box leaves it free). */
export function dim(box: Box, id: string, domain: ReadonlyMap<string, Constraint>, like: Constraint): Constraint {
  return box.get(id) ?? domain.get(id) ?? fullLike(like);
}

// ---------------------------------------------------------------- boxes

/** The box that constrains nothing (the whole domain). */
export const FULL_BOX: Box = new Map();

/** Canonical box: undefined if any constraint is empty; constraints equal to the domain are dropped. */
export function normBox(m: Map<string, Constraint>, domain: ReadonlyMap<string, Constraint>): Box | undefined {
  for (const [k, c] of m) {
    const n = norm(c);
    if (!n) return undefined;
    const d = domain.get(k);
    // (An empty domain is a subset of everything but must not erase the constraint.)
    if (d && !isEmptyC(d) && subsetC(d, n)) m.delete(k);
    else m.set(k, n);
  }
  return m;
}

/** Intersection of two boxes, or undefined when empty. */
export function intersectBox(a: Box, b: Box, domain: ReadonlyMap<string, Constraint>): Box | undefined {
  const m = new Map(a);
  for (const [k, c] of b) {
    const prev = m.get(k);
    if (prev === undefined) {
      const d = domain.get(k);
      const x = d ? intersectC(d, c) : c;
      if (!x) return undefined;
      m.set(k, x);
    } else {
      const x = intersectC(prev, c);
      if (!x) return undefined;
      m.set(k, x);
    }
  }
  return normBox(m, domain);
}

/** `a − b` as disjoint boxes (split `a` along each fact `b` constrains). */
export function subtractBox(a: Box, b: Box, domain: ReadonlyMap<string, Constraint>): Box[] {
  if (!intersectBox(a, b, domain)) return [a];
  const out: Box[] = [];
  const cur = new Map(a);
  for (const [k, bc] of b) {
    const ac = dim(cur, k, domain, bc);
    for (const piece of complementWithin(ac, bc)) {
      const part = normBox(new Map(cur).set(k, piece), domain);
      if (part) out.push(part);
    }
    const inside = intersectC(ac, bc);
    if (!inside) return out;
    cur.set(k, inside);
  }
  return out;
}

/** True when every valuation in box `a` is in box `b`. */
export function boxSubset(a: Box, b: Box, domain: ReadonlyMap<string, Constraint>): boolean {
  for (const [k, bc] of b) {
    if (!subsetC(dim(a, k, domain, bc), bc)) return false;
  }
  return true;
}

/** A canonical string of a box, for deduplication (built by hand: this is the hot loop of every region clean-up). */
export function boxKey(b: Box): string {
  const keys = [...b.keys()].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  let out = '';
  for (const k of keys) {
    const c = b.get(k)!;
    const v = c.kind === 'interval'
      ? `${c.integer ? 'n' : 'r'}${c.loOpen ? '(' : '['}${c.lo},${c.hi}${c.hiOpen ? ')' : ']'}`
      : `${c.kind[0]}${c.values.map((x) => JSON.stringify(x)).join(',')}`;
    out += `${JSON.stringify(k)}:${v};`;
  }
  return out;
}

/** Merges `a` and `b` when they differ along exactly one fact and the union there is one constraint. */
export function mergeBoxes(a: Box, b: Box, domain: ReadonlyMap<string, Constraint>): Box | undefined {
  let diff: string | undefined;
  const keys = new Set([...a.keys(), ...b.keys()]);
  for (const k of keys) {
    const ac = a.get(k);
    const bc = b.get(k);
    if (ac && bc && equalC(ac, bc)) continue;
    if (diff !== undefined) return undefined;
    diff = k;
  }
  if (diff === undefined) return a;
  const ac = a.get(diff);
  const bc = b.get(diff);
  // One side free along `diff`: the union is the free side.
  if (!ac) return a;
  if (!bc) return b;
  const u = unionC(ac, bc, domain.get(diff));
  if (!u) return undefined;
  return normBox(new Map(a).set(diff, u), domain);
}

/** Deduplicates, drops boxes inside others and merges neighbours, within size limits. */
export function simplify(boxes: Box[], domain: ReadonlyMap<string, Constraint>, subsumeLimit = SUBSUME_LIMIT): Box[] {
  // Between steps of a big `and`, even deduplication costs more than it saves.
  if (subsumeLimit < SUBSUME_LIMIT && boxes.length > subsumeLimit) return boxes;
  const seen = new Set<string>();
  let out: Box[] = [];
  for (const b of boxes) {
    const k = boxKey(b);
    if (!seen.has(k)) { seen.add(k); out.push(b); }
  }
  if (out.length > subsumeLimit) return out;
  out = out.filter((b, i) => !out.some((o, j) => j !== i && boxSubset(b, o, domain) && (!boxSubset(o, b, domain) || j < i)));
  if (out.length > Math.min(MERGE_LIMIT, subsumeLimit)) return out;
  for (let changed = true; changed;) {
    changed = false;
    search: for (let i = 0; i < out.length; i++) {
      for (let j = i + 1; j < out.length; j++) {
        const m = mergeBoxes(out[i], out[j], domain);
        if (m) {
          out[i] = m;
          out.splice(j, 1);
          // A merged box may now swallow others.
          out = out.filter((b, x) => x === i || !boxSubset(b, out[i], domain));
          changed = true;
          break search;
        }
      }
    }
  }
  return out;
}

/** A representative value of a non-empty constraint (a closed bound when there is one). */
export function sample(c: Constraint): FactValue {
  if (c.kind !== 'interval') return c.values[0];
  const loIn = Number.isFinite(c.lo) && !c.loOpen;
  const hiIn = Number.isFinite(c.hi) && !c.hiOpen;
  if (loIn) return c.lo;
  if (hiIn) return c.hi;
  if (Number.isFinite(c.lo) && Number.isFinite(c.hi)) return c.lo + (c.hi - c.lo) / 2;
  // Step by at least 1 but also relative to the bound, so huge bounds still move.
  if (Number.isFinite(c.lo)) return c.lo + Math.max(1, Math.abs(c.lo));
  if (Number.isFinite(c.hi)) return c.hi - Math.max(1, Math.abs(c.hi));
  return 0;
}
