/**
 * Exact satisfiability of order relations between numeric facts inside a box: variables with interval bounds
 * (open or closed ends, integer or real) and relations `a ≤ b` / `a < b` — difference constraints with zero
 * weight. Over the reals a chain of strict relations needs no room (`0 < a < b < 1` is satisfiable); over the
 * integers every strict step costs one (`0 ≤ a < b < c ≤ 1` is not). Both are handled exactly.
 *
 * Method: upper bounds are propagated backwards to a fixpoint (each variable's least upper bound implied by its
 * successors), then values are assigned greedily in topological order of the strongly connected components:
 * each component takes the least value its predecessors allow, moved up by half the remaining room when that
 * least value is an open bound. If any assignment exists, this one is valid; the result is verified at the end.
 */

/** `lo ≤ hi`, or `lo < hi` when strict (fact ids). */
export interface OrderRelation {
  lo: string;
  hi: string;
  strict: boolean;
}

/** Bounds of one variable. */
export interface VarBounds {
  lo: number;
  hi: number;
  loOpen: boolean;
  hiOpen: boolean;
  integer: boolean;
}

// A bound value with an open flag; open lower bounds sit just above `v`, open upper bounds just below.
type B = { v: number; open: boolean };

/** Values satisfying every bound and relation, or undefined when none exist. Relations on unknown ids are ignored. */
export function solveOrder(vars: ReadonlyMap<string, VarBounds>, relations: readonly OrderRelation[]): Map<string, number> | undefined {
  const rels = relations.filter((r) => vars.has(r.lo) && vars.has(r.hi));
  const ids = [...vars.keys()];
  // Least upper bounds, propagated backwards along `lo ≤ hi`; strict integer cycles would descend forever, so cap rounds.
  const up = new Map<string, B>(ids.map((id) => [id, normUpper({ v: vars.get(id)!.hi, open: vars.get(id)!.hiOpen }, vars.get(id)!.integer)]));
  for (let round = 0, changed = true; changed; round++) {
    if (round > ids.length + 1) return undefined;
    changed = false;
    for (const r of rels) {
      const h = up.get(r.hi)!;
      const cand = normUpper({ v: h.v, open: h.open || r.strict }, vars.get(r.lo)!.integer);
      if (lessUpper(cand, up.get(r.lo)!)) { up.set(r.lo, cand); changed = true; }
    }
  }
  const values = new Map<string, number>();
  for (const comp of components(ids, rels)) {
    // The least value the component's own bounds and its already assigned predecessors allow.
    let base: B = { v: -Infinity, open: true };
    let integer = false;
    let roof: B = { v: Infinity, open: true };
    for (const id of comp) {
      const b = vars.get(id)!;
      integer ||= b.integer;
      base = maxLower(base, { v: b.lo, open: b.loOpen });
      const u = up.get(id)!;
      if (lessUpper(u, roof)) roof = u;
    }
    for (const r of rels) {
      if (comp.includes(r.hi) && !comp.includes(r.lo)) {
        const p = values.get(r.lo);
        if (p !== undefined) base = maxLower(base, { v: p, open: r.strict });
      }
    }
    const v = pick(base, roof, integer);
    for (const id of comp) values.set(id, v);
  }
  return verify(vars, rels, values) ? values : undefined;
}

function pick(base: B, roof: B, integer: boolean): number {
  if (integer) {
    if (base.v === -Infinity) return Number.isFinite(roof.v) ? (roof.open ? Math.ceil(roof.v) - 1 : Math.floor(roof.v)) : 0;
    return base.open ? Math.floor(base.v) + 1 : Math.ceil(base.v);
  }
  if (base.v === -Infinity) return Number.isFinite(roof.v) ? roof.v - 1 : 0;
  if (!base.open) return base.v;
  if (!Number.isFinite(roof.v)) return base.v + Math.max(1, Math.abs(base.v));
  return base.v + Math.min(1, (roof.v - base.v) / 2);
}

function normUpper(b: B, integer: boolean): B {
  if (!integer || !Number.isFinite(b.v)) return b;
  return { v: b.open ? Math.ceil(b.v) - 1 : Math.floor(b.v), open: false };
}

// True when upper bound `a` is tighter than `b`.
function lessUpper(a: B, b: B): boolean {
  return a.v < b.v || (a.v === b.v && a.open && !b.open);
}

function maxLower(a: B, b: B): B {
  if (a.v > b.v) return a;
  if (b.v > a.v) return b;
  return { v: a.v, open: a.open || b.open };
}

/** Strongly connected components of the relation graph, in topological order (predecessors first). */
function components(ids: readonly string[], rels: readonly OrderRelation[]): string[][] {
  const n = ids.length;
  const index = new Map(ids.map((id, k) => [id, k]));
  const reach = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => i === j));
  for (const r of rels) reach[index.get(r.lo)!][index.get(r.hi)!] = true;
  for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) if (reach[i][k]) for (let j = 0; j < n; j++) if (reach[k][j]) reach[i][j] = true;
  const comps: number[][] = [];
  const seen = new Array<boolean>(n).fill(false);
  for (let i = 0; i < n; i++) {
    if (seen[i]) continue;
    const c = [];
    for (let j = 0; j < n; j++) if (reach[i][j] && reach[j][i]) { c.push(j); seen[j] = true; }
    comps.push(c);
  }
  // A component comes after every component that reaches it; count how many other components reach each one.
  const rank = (c: number[]) => comps.filter((d) => d !== c && reach[d[0]][c[0]]).length;
  return comps.map((c) => ({ c, r: rank(c) })).sort((x, y) => x.r - y.r).map(({ c }) => c.map((k) => ids[k]));
}

function verify(vars: ReadonlyMap<string, VarBounds>, rels: readonly OrderRelation[], values: ReadonlyMap<string, number>): boolean {
  for (const [id, b] of vars) {
    const v = values.get(id);
    if (v === undefined || !Number.isFinite(v)) return false;
    if (b.integer && !Number.isInteger(v)) return false;
    if (v < b.lo || (v === b.lo && b.loOpen) || v > b.hi || (v === b.hi && b.hiOpen)) return false;
  }
  return rels.every((r) => {
    const a = values.get(r.lo)!;
    const c = values.get(r.hi)!;
    return r.strict ? a < c : a <= c;
  });
}
