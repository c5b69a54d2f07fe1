/**
 * The `after` (前置) graph of a plan's steps, with the passes the step rules share: strongly connected components,
 * a topological order of the rest, and one forward pass for longest paths. Everything is iterative and linear in
 * steps + prerequisites (no recursion whose depth grows with a chain, no per-step ancestor sets or path copies),
 * so a plan of any size gets an answer.
 */
import type { Plan, Step } from '../model/index.js';
import { byId } from '../model/query.js';

/** The step graph: each step's defined prerequisites (undefined `after` names are step-dangling's finding). */
export interface StepGraph {
  /** Steps by id (the last of a duplicated id, as `byId`). */
  steps: Map<string, Step>;
  /** Each step id's prerequisites, in the order `after` names them (repeats kept). */
  pre: Map<string, Step[]>;
}

const GRAPHS = new WeakMap<Plan, StepGraph>();

/** The prerequisite graph of a plan (computed once per plan object). */
export function stepGraph(plan: Plan): StepGraph {
  let g = GRAPHS.get(plan);
  if (!g) {
    const steps = byId(plan.steps);
    g = { steps, pre: new Map(plan.steps.map((s) => [s.id, s.after.map((a) => steps.get(a)).filter((x): x is Step => !!x)] as const)) };
    GRAPHS.set(plan, g);
  }
  return g;
}

/** Each step's defined prerequisites. */
export function prerequisites(plan: Plan): Map<string, Step[]> {
  return stepGraph(plan).pre;
}

/** Strongly connected components of the `after` graph and, for each step id, the index of its component. */
export interface Components {
  /** Components in document order of their first step; each component's steps in document order. */
  list: Step[][];
  /** Step id → index into `list`. */
  of: Map<string, number>;
  /** Ids of the steps caught in a cycle (a component of two or more, or a step waiting for itself). */
  cyclic: Set<string>;
}

const COMPONENTS = new WeakMap<Plan, Components>();

/** Strongly connected components (Tarjan's algorithm with an explicit stack), computed once per plan object. */
export function components(plan: Plan): Components {
  const hit = COMPONENTS.get(plan);
  if (hit) return hit;
  const { pre } = stepGraph(plan);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: Step[] = [];
  const found: Step[][] = [];
  let next = 0;
  // Each frame: a step and how many of its prerequisites have been looked at.
  const frames: { s: Step; i: number }[] = [];
  const open = (s: Step) => {
    index.set(s.id, next); low.set(s.id, next); next++;
    stack.push(s); onStack.add(s.id);
    frames.push({ s, i: 0 });
  };
  for (const root of plan.steps) {
    if (index.has(root.id)) continue;
    open(root);
    while (frames.length) {
      const f = frames[frames.length - 1];
      const ps = pre.get(f.s.id) ?? [];
      if (f.i < ps.length) {
        const p = ps[f.i++];
        if (!index.has(p.id)) open(p);
        else if (onStack.has(p.id)) low.set(f.s.id, Math.min(low.get(f.s.id)!, index.get(p.id)!));
        continue;
      }
      frames.pop();
      if (frames.length) { const up = frames[frames.length - 1].s.id; low.set(up, Math.min(low.get(up)!, low.get(f.s.id)!)); }
      if (low.get(f.s.id) === index.get(f.s.id)) {
        const comp: Step[] = [];
        let x: Step;
        do { x = stack.pop()!; onStack.delete(x.id); comp.push(x); } while (x !== f.s);
        found.push(comp);
      }
    }
  }
  const order = new Map(plan.steps.map((s, i) => [s.id, i] as const));
  const list = found.map((c) => c.sort((a, b) => order.get(a.id)! - order.get(b.id)!)).sort((a, b) => order.get(a[0].id)! - order.get(b[0].id)!);
  const of = new Map<string, number>();
  const cyclic = new Set<string>();
  list.forEach((c, i) => {
    for (const s of c) of.set(s.id, i);
    if (c.length > 1 || (pre.get(c[0].id) ?? []).includes(c[0])) for (const s of c) cyclic.add(s.id);
  });
  const result = { list, of, cyclic };
  COMPONENTS.set(plan, result);
  return result;
}

/**
 * The steps of `subset` (default: every step not caught in a cycle) in an order where every prerequisite inside the
 * subset comes before the steps that wait for it (Kahn's algorithm; ties in document order). Steps of the subset that
 * wait, within it, for a cycle are left out.
 */
export function topologicalOrder(plan: Plan, subset?: ReadonlySet<string>): Step[] {
  const { steps, pre } = stepGraph(plan);
  const inside = subset ?? new Set([...steps.keys()].filter((id) => !components(plan).cyclic.has(id)));
  const waiting = new Map<string, number>();
  const next = new Map<string, Step[]>();
  for (const id of inside) {
    const s = steps.get(id);
    if (!s) continue;
    let n = 0;
    for (const p of new Set(pre.get(id) ?? [])) {
      if (!inside.has(p.id)) continue;
      n++;
      if (!next.has(p.id)) next.set(p.id, []);
      next.get(p.id)!.push(s);
    }
    waiting.set(id, n);
  }
  const ready = plan.steps.filter((s) => waiting.get(s.id) === 0 && steps.get(s.id) === s);
  const out: Step[] = [];
  for (let i = 0; i < ready.length; i++) {
    const s = ready[i];
    out.push(s);
    for (const t of next.get(s.id) ?? []) {
      const n = waiting.get(t.id)! - 1;
      waiting.set(t.id, n);
      if (n === 0) ready.push(t);
    }
  }
  return out;
}

/** A longest-path label: the value and the prerequisite it came through (follow `via` back for the whole path). */
export interface PathLabel<T> {
  value: number;
  via: Step;
  data: T;
}

/**
 * One forward pass in topological order: for each step of `order`, the best label over its prerequisites that are in
 * `order`, where `through(p, labelOfP)` gives what waiting for prerequisite `p` costs (or undefined: nothing). Ties
 * keep the first prerequisite in `after` order. Returns the labels by step id (steps without one are absent).
 */
export function longestPaths<T>(plan: Plan, order: readonly Step[], through: (p: Step, label: PathLabel<T> | undefined) => { value: number; data: T } | undefined): Map<string, PathLabel<T>> {
  const { pre } = stepGraph(plan);
  const member = new Set(order.map((s) => s.id));
  const out = new Map<string, PathLabel<T>>();
  for (const s of order) {
    let best: PathLabel<T> | undefined;
    for (const p of pre.get(s.id) ?? []) {
      if (!member.has(p.id)) continue;
      const x = through(p, out.get(p.id));
      if (x && (!best || x.value > best.value)) best = { value: x.value, via: p, data: x.data };
    }
    if (best) out.set(s.id, best);
  }
  return out;
}
