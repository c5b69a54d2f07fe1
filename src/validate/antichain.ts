/**
 * The heaviest set of steps that may run at the same time: steps none of which waits for another, directly or
 * transitively — a maximum-weight antichain of the `after` order. By Dilworth's theorem (weighted form) its weight is
 * the least number of chains, counted with multiplicity, that cover every step as often as its weight; that is a
 * minimum flow with lower bounds through the step graph, found here as the total weight minus a maximum flow
 * (Dinic's algorithm, iterative) in the residual network of the trivial cover, and the antichain itself is read off
 * the minimum cut. Steps caught in a cycle wait for each other, so each cycle counts as one step (its heaviest).
 * Polynomial and exact, with no recursion and no per-step sets of other steps; a work budget keeps pathological
 * plans bounded (the caller then says the analysis was cut short).
 */
import type { Plan } from '../model/index.js';
import { components, stepGraph } from './graph.js';

/** Result of `heaviestAntichain`: the chosen step ids (heaviest member of each chosen cycle) and their total weight. */
export interface Antichain {
  ids: string[];
  total: number;
}

/** Default most arc visits of one search. */
export const ANTICHAIN_WORK = 20_000_000;

const EPS = 1e-9;

/** The step graph condensed to its components, built once per plan: arcs from a prerequisite's component to its step's. */
const CONDENSED = new WeakMap<Plan, number[][]>();

function condensed(plan: Plan): number[][] {
  const hit = CONDENSED.get(plan);
  if (hit) return hit;
  const { list, of } = components(plan);
  const { pre, steps } = stepGraph(plan);
  const seen = list.map(() => new Set<number>());
  const out: number[][] = list.map(() => []);
  for (const [id, ps] of pre) {
    if (steps.get(id) === undefined) continue;
    const to = of.get(id)!;
    for (const p of ps) {
      const from = of.get(p.id)!;
      if (from === to || seen[from].has(to)) continue;
      seen[from].add(to);
      out[from].push(to);
    }
  }
  CONDENSED.set(plan, out);
  return out;
}

/**
 * The heaviest antichain among the steps `weight` names (step id → weight > 0; other steps only carry the order),
 * or undefined when the search would need more than `maxWork` arc visits.
 */
export function heaviestAntichain(plan: Plan, weight: ReadonlyMap<string, number>, maxWork = ANTICHAIN_WORK): Antichain | undefined {
  const { of } = components(plan);
  const arcsOut = condensed(plan);
  const n = arcsOut.length;
  // Each component's weight: its heaviest weighted step (members of a cycle exclude each other).
  const w = new Float64Array(n);
  const pick: (string | undefined)[] = new Array(n);
  for (const [id, x] of weight) {
    const c = of.get(id);
    if (c === undefined || !(x > 0) || x <= w[c]) continue;
    w[c] = x;
    pick[c] = id;
  }
  let total = 0;
  for (let c = 0; c < n; c++) total += w[c];

  // Residual network of the trivial cover (every weighted step its own chain): node 2c = in(c), 2c+1 = out(c),
  // T = 2n, S = 2n + 1. Arcs T→out(c) and in(c)→S carry w(c); in(c)→out(c) and out(c)→in(d) (d after c) are unbounded.
  const T = 2 * n;
  const S = 2 * n + 1;
  const N = 2 * n + 2;
  const head = new Int32Array(N).fill(-1);
  const to: number[] = [];
  const cap: number[] = [];
  const next: number[] = [];
  const arc = (a: number, b: number, c: number) => {
    to.push(b); cap.push(c); next.push(head[a]); head[a] = to.length - 1;
    to.push(a); cap.push(0); next.push(head[b]); head[b] = to.length - 1;
  };
  for (let c = 0; c < n; c++) {
    if (w[c] > 0) { arc(T, 2 * c + 1, w[c]); arc(2 * c, S, w[c]); }
    arc(2 * c, 2 * c + 1, Infinity);
    for (const d of arcsOut[c]) arc(2 * c + 1, 2 * d, Infinity);
  }

  let work = 0;
  const level = new Int32Array(N);
  const queue = new Int32Array(N);
  const bfs = (): boolean => {
    level.fill(-1);
    level[T] = 0;
    let qh = 0;
    let qt = 0;
    queue[qt++] = T;
    while (qh < qt) {
      const u = queue[qh++];
      for (let e = head[u]; e !== -1; e = next[e]) {
        work++;
        if (cap[e] > EPS && level[to[e]] < 0) { level[to[e]] = level[u] + 1; queue[qt++] = to[e]; }
      }
    }
    return level[S] >= 0;
  };
  const current = new Int32Array(N);
  const path: number[] = []; // arcs from T to the node being extended
  let flow = 0;
  while (bfs()) {
    if (work > maxWork) return undefined;
    current.set(head);
    path.length = 0;
    let u = T;
    for (;;) {
      if (u === S) {
        let push = Infinity;
        for (const e of path) push = Math.min(push, cap[e]);
        flow += push;
        // Retreat to the tail of the first saturated arc.
        let cut = path.length;
        for (let i = 0; i < path.length; i++) {
          const e = path[i];
          cap[e] -= push;
          cap[e ^ 1] += push;
          if (cap[e] <= EPS && cut === path.length) cut = i;
        }
        path.length = cut;
        u = cut === 0 ? T : to[path[cut - 1]];
        continue;
      }
      let e = current[u];
      while (e !== -1 && !(cap[e] > EPS && level[to[e]] === level[u] + 1)) { e = next[e]; work++; }
      current[u] = e;
      if (e !== -1) { path.push(e); u = to[e]; continue; }
      // Dead end: nothing more goes through u in this phase.
      level[u] = -1;
      if (u === T) break;
      const back = path.pop()!;
      u = to[back ^ 1];
      current[u] = next[current[u]];
      if (work > maxWork) return undefined;
    }
  }

  // The minimum cut: nodes still reachable from T. A weighted component whose out-node is reachable and whose in-node
  // is not belongs to the antichain.
  const reach = new Uint8Array(N);
  const stack = [T];
  reach[T] = 1;
  while (stack.length) {
    const u = stack.pop()!;
    for (let e = head[u]; e !== -1; e = next[e]) if (cap[e] > EPS && !reach[to[e]]) { reach[to[e]] = 1; stack.push(to[e]); }
  }
  const ids: string[] = [];
  let chosen = 0;
  for (let c = 0; c < n; c++) if (w[c] > 0 && reach[2 * c + 1] && !reach[2 * c]) { ids.push(pick[c]!); chosen += w[c]; }
  // Dilworth: the cut's weight equals the minimum flow; anything else means a numerical slip, which must not pass.
  if (Math.abs(chosen - (total - flow)) > 1e-6 * Math.max(1, total)) return undefined;
  return { ids, total: chosen };
}
