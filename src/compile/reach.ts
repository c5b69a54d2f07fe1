/**
 * Reachability of the compiled machine: which response levels (and whether
 * termination) some sequence of incident facts can reach.
 *
 * The facts' value space is cut into cells on which every trigger of the plan
 * (levels, escalations, termination, warnings) is constant: start from the
 * domain of the declared facts and split every cell by every trigger's region
 * (`src/expr/intervals.ts`). One sample valuation per cell (every declared fact
 * given a value) is then an event alphabet that is complete for complete
 * valuations: any two valuations in a cell take the machine the same way.
 *
 * The search is a breadth-first walk over the machine itself, with xstate's pure
 * `transition` function, from `standby` by `INCIDENT` (no facts, or a sample) and
 * `FACTS` (a sample) events. A FACTS event with a complete valuation replaces every
 * fact, so where the machine goes next depends only on its control state
 * (`standby.<warning>`, `response.<level>`, `terminated`); states are keyed by it.
 * `TERMINATE` is left out on purpose: the deciding role can always end the
 * response, the question is whether the plan's termination condition can.
 *
 * Bounded: at most `maxCells` cells, `maxStates` control states and
 * `maxTransitions` transitions; past a bound the result says `truncated` and is
 * an under-approximation (rules then stay silent).
 */
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import {
  checkExpr, domainRegion, intersect, isEmpty, regionContains, regionOf, sampleBox, subtract,
  type Expr, type FactValue, type Region,
} from '../expr/index.js';
import type { Plan } from '../model/index.js';
import { createPlanMachine, type FactInput, type PlanEvent } from './machine.js';
import { compileStatechart, levelsBySeverity, uniqueById, type StatechartConfig } from './statechart.js';

/** Limits of the search. */
export interface ReachOptions {
  /** Most cells of the fact space (default 2,000). */
  maxCells?: number;
  /** Most control states (default 1,000). */
  maxStates?: number;
  /** Most transitions computed (default 200,000). */
  maxTransitions?: number;
  /** A precompiled config (default: compiled from the plan). */
  config?: StatechartConfig;
}

/** Result of `reachableStates`. */
export interface Reachability {
  /** Ids of the response levels some sequence of incident facts reaches from standby. */
  levels: Set<string>;
  /** True when `terminated` is reachable from standby through the termination condition (FACTS alone). */
  terminated: boolean;
  /** Ids of reachable levels from which the termination condition can end the response (directly or via other levels). */
  terminatesFrom: Set<string>;
  /** Ids of reachable levels at which the termination condition can end the response directly (one FACTS event, no escalation first). */
  terminatesAt: Set<string>;
  /** Control states found (`standby`, `standby.red`, `response.assessing`, `response.II`, `terminated`, …). */
  states: Set<string>;
  /** For every control state found, the shortest event sequence from standby that reaches it. */
  paths: Map<string, PlanEvent[]>;
  /** Number of sample valuations (cells) used as FACTS / INCIDENT values. */
  samples: number;
  /** Transitions computed. */
  transitions: number;
  /** True when a bound was hit or a region was only approximated: the sets may be missing members. */
  truncated: boolean;
}

/** Triggers whose regions cut the fact space (only those that parse and type-check). */
function planTriggers(plan: Plan): Expr[] {
  const out: Expr[] = [];
  const add = (ast: Expr | undefined) => { if (ast && checkExpr(ast, plan.facts).length === 0) out.push(ast); };
  for (const l of uniqueById(plan.levels)) add(l.trigger?.ast);
  for (const e of plan.escalations) add(e.when?.ast);
  add(plan.termination?.when?.ast);
  for (const w of uniqueById(plan.warnings ?? [])) add(w.trigger?.ast);
  return out;
}

/** One complete sample valuation per cell of the partition of the fact space by the plan's triggers. */
export function sampleValuations(plan: Plan, maxCells = 2000): { samples: Record<string, FactValue>[]; truncated: boolean } {
  const domain = domainRegion(plan.facts);
  let cells: Region[] = isEmpty(domain) ? [] : [domain];
  let truncated = false;
  for (const ast of planTriggers(plan)) {
    const inside = regionOf(ast, plan.facts);
    const outside = subtract(domain, inside);
    if (inside.truncated || outside.truncated) { truncated = true; continue; }
    const next: Region[] = [];
    for (const c of cells) {
      const a = intersect(c, inside);
      const b = intersect(c, outside);
      if (a.truncated || b.truncated) { truncated = true; next.push(c); continue; }
      if (!isEmpty(a)) next.push(a);
      if (!isEmpty(b)) next.push(b);
    }
    if (next.length > maxCells) { truncated = true; break; }
    cells = next;
  }
  const samples: Record<string, FactValue>[] = [];
  const seen = new Set<string>();
  for (const c of cells) {
    const point = c.boxes.map((b) => sampleBox(b, plan.facts)).find((p) => regionContains(c, p));
    if (!point) { truncated = true; continue; }
    const key = JSON.stringify(point);
    if (!seen.has(key)) { seen.add(key); samples.push(point); }
  }
  return { samples, truncated };
}

/** Control state of a snapshot: `standby[.<warning>]`, `response.<level or assessing>`, `terminated`, `recovery`. */
export function controlState(snapshot: AnyMachineSnapshot): string {
  const v = snapshot.value as string | Record<string, unknown>;
  if (typeof v === 'string') return v;
  const [top] = Object.keys(v);
  const sub = v[top];
  if (top === 'response') {
    const level = (sub as Record<string, unknown>)?.level;
    return `response.${typeof level === 'string' ? level : '?'}`;
  }
  return typeof sub === 'string' ? `${top}.${sub}` : top;
}

// Results for default options, per plan object (lint rules share one search).
const CACHE = new WeakMap<Plan, Reachability>();

/** Levels, and termination, reachable from standby by incident facts (see the module comment). */
export function reachableStates(plan: Plan, opts: ReachOptions = {}): Reachability {
  const cacheable = Object.keys(opts).length === 0;
  const hit = cacheable ? CACHE.get(plan) : undefined;
  if (hit) return hit;
  const result = search(plan, opts);
  if (cacheable) CACHE.set(plan, result);
  return result;
}

function search(plan: Plan, opts: ReachOptions): Reachability {
  const maxStates = opts.maxStates ?? 1000;
  const maxTransitions = opts.maxTransitions ?? 200_000;
  const machine = createPlanMachine(plan, opts.config ?? compileStatechart(plan));
  const { samples, truncated: cut } = sampleValuations(plan, opts.maxCells);
  let truncated = cut;

  const alphabet: PlanEvent[] = [{ type: 'INCIDENT', values: {} }];
  for (const s of samples) alphabet.push({ type: 'INCIDENT', values: s as FactInput });
  for (const s of samples) alphabet.push({ type: 'FACTS', values: s as FactInput });

  const [start] = initialTransition(machine);
  const startKey = controlState(start);
  const snapshots = new Map<string, AnyMachineSnapshot>([[startKey, start]]);
  const paths = new Map<string, PlanEvent[]>([[startKey, []]]);
  const edges = new Map<string, Set<string>>();
  const queue = [startKey];
  let transitions = 0;
  bfs: while (queue.length) {
    const key = queue.shift()!;
    const snap = snapshots.get(key)!;
    if (snap.status !== 'active') continue;
    const out = new Set<string>();
    edges.set(key, out);
    for (const event of alphabet) {
      if (key.startsWith('response.') && event.type === 'INCIDENT') continue; // ignored during a response
      if (transitions >= maxTransitions) { truncated = true; break bfs; }
      transitions++;
      const [next] = transition(machine, snap, event);
      const k = controlState(next);
      out.add(k);
      if (snapshots.has(k)) continue;
      if (snapshots.size >= maxStates) { truncated = true; break bfs; }
      snapshots.set(k, next);
      paths.set(k, [...paths.get(key)!, event]);
      queue.push(k);
    }
  }

  const levelIds = new Set(levelsBySeverity(plan).map((l) => l.id));
  const levels = new Set<string>();
  for (const k of snapshots.keys()) {
    const id = k.startsWith('response.') ? k.slice('response.'.length) : undefined;
    if (id !== undefined && levelIds.has(id)) levels.add(id);
  }
  // Backward closure from `terminated` over the explored edges.
  const canEnd = new Set<string>(snapshots.has('terminated') ? ['terminated'] : []);
  for (let changed = true; changed;) {
    changed = false;
    for (const [from, tos] of edges) {
      if (canEnd.has(from)) continue;
      if ([...tos].some((t) => canEnd.has(t))) { canEnd.add(from); changed = true; }
    }
  }
  const terminatesFrom = new Set([...levels].filter((id) => canEnd.has(`response.${id}`)));
  const terminatesAt = new Set([...levels].filter((id) => edges.get(`response.${id}`)?.has('terminated')));
  return {
    levels, terminated: snapshots.has('terminated'), terminatesFrom, terminatesAt,
    states: new Set(snapshots.keys()), paths, samples: samples.length, transitions, truncated,
  };
}
