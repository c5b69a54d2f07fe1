/**
 * Reachability of the compiled machine: which response levels (and whether
 * termination) some sequence of incident facts can reach.
 *
 * The search is a breadth-first walk over the machine itself, with xstate's pure
 * `transition` function, from `standby` by `INCIDENT` (no facts) and `FACTS`
 * events carrying complete valuations (every declared fact given a value). A
 * complete valuation replaces every fact, so where the machine goes next depends
 * only on its control state (`standby`, `response.<level>`, `terminated`); states
 * are keyed by it.
 *
 * The valuations tried in a state are one sample per cell of the partition of the
 * facts' domain by the triggers that state reads (`src/expr/intervals.ts`): inside
 * a cell every such trigger is constant, so any two valuations of a cell take the
 * machine the same way, and the samples are complete for complete valuations. A
 * state reads the guards of its FACTS transitions and of the eventless transitions
 * the same event passes through: a level state its escalations and the termination
 * condition, plus the escalation rules of the transient `↑`/`↓` states on the way
 * (one FACTS settles the level); assessing, and standby on its way into the
 * response, the level triggers and the escalation rules out of the level they pick
 * (assessing also the termination condition). `TERMINATE` is left out on purpose:
 * the deciding role can always end the response, the question is whether the
 * plan's termination condition can. Steps and their timers never influence levels
 * or termination, so the search runs a step-less machine.
 *
 * Bounded: at most `maxCells` cells per partition, `maxStates` control states and
 * `maxTransitions` transitions; past a bound the result says `truncated` and is an
 * under-approximation (rules then stay silent).
 */
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import {
  checkExpr, domainRegion, intersect, isEmpty, regionContains, regionOf, sampleBox, stripPositions, subtract,
  type Expr, type FactValue, type Region,
} from '../expr/index.js';
import type { Plan } from '../model/index.js';
import { createPlanMachine, type FactInput, type PlanEvent, type TriggerParams } from './machine.js';
import { compileStatechart, levelsBySeverity, uniqueById, type NamedRef, type StateConfig, type StatechartConfig } from './statechart.js';

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
  /** Number of events tried (sample valuations summed over the control states explored). */
  samples: number;
  /** Transitions computed. */
  transitions: number;
  /** True when a bound was hit or a region was only approximated: the sets may be missing members. */
  truncated: boolean;
}

/** True when a trigger can be analysed (it parsed and type-checks against the facts). */
const usable = (plan: Plan, ast: Expr | undefined): ast is Expr => !!ast && checkExpr(ast, plan.facts).length === 0;

/** Every analysable trigger of the plan: levels, escalations, termination, warnings. */
function planTriggers(plan: Plan): Expr[] {
  return [
    ...uniqueById(plan.levels).map((l) => l.trigger?.ast),
    ...plan.escalations.map((e) => e.when?.ast),
    plan.termination?.when?.ast,
    ...uniqueById(plan.warnings ?? []).map((w) => w.trigger?.ast),
  ].filter((a) => usable(plan, a));
}

/** One complete sample valuation per cell of the partition of the fact space by all of the plan's triggers. */
export function sampleValuations(plan: Plan, maxCells = 2000): { samples: Record<string, FactValue>[]; truncated: boolean } {
  return partitionSamples(plan, planTriggers(plan), maxCells);
}

/** One complete sample valuation per cell of the partition of the facts' domain by `asts`. */
function partitionSamples(plan: Plan, asts: readonly Expr[], maxCells: number): { samples: Record<string, FactValue>[]; truncated: boolean } {
  const domain = domainRegion(plan.facts);
  let cells: Region[] = isEmpty(domain) ? [] : [domain];
  let truncated = false;
  const done = new Set<string>();
  for (const ast of asts) {
    const key = JSON.stringify(stripPositions(ast));
    if (done.has(key)) continue; // the same condition twice cuts nothing new
    done.add(key);
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

/** The config without step timers and step statuses: they never influence the level region or termination. */
function withoutSteps(config: StatechartConfig): StatechartConfig {
  const response = config.states?.response;
  const states = { ...response?.states };
  delete states.timers;
  return {
    ...config,
    context: { ...config.context, steps: {} },
    states: { ...config.states, ...(response ? { response: { ...response, states } } : {}) },
  };
}

/** The AST a `trigger` guard reference names, or undefined (not a trigger guard, or not analysable). */
function guardAst(plan: Plan, g: NamedRef): Expr | undefined | null {
  if (g.type !== 'trigger') return null;
  const p = (g.params ?? {}) as TriggerParams;
  const ast = typeof p.level === 'string' ? uniqueById(plan.levels).find((l) => l.id === p.level)?.trigger?.ast
    : typeof p.escalation === 'number' ? plan.escalations[p.escalation]?.when?.ast
    : typeof p.warning === 'string' ? uniqueById(plan.warnings ?? []).find((w) => w.id === p.warning)?.trigger?.ast
    : p.termination ? plan.termination?.when?.ast
    : undefined;
  return usable(plan, ast) ? ast : undefined;
}

/**
 * The events to try in each control state: complete valuations, one per cell of the partition by the triggers
 * that state reads — the guards of its FACTS transitions and of every eventless transition the event may pass
 * through on its way to a resting state (`readGuards`), so its cells come from those few triggers. Standby reads
 * the level triggers and, as it starts the response, what assessing reads without an event. Falls back to the
 * partition by every trigger of the plan when a state's guards are not all plain triggers. Warning states are not
 * explored (they cannot change which level starts).
 */
function alphabets(plan: Plan, config: StatechartConfig, maxCells: number) {
  let truncated = false;
  const memo = new Map<string, PlanEvent[]>();
  const facts = (asts: readonly Expr[]): PlanEvent[] => {
    const r = partitionSamples(plan, asts, maxCells);
    truncated ||= r.truncated;
    return r.samples.map((values) => ({ type: 'FACTS', values: values as FactInput }));
  };
  const levelAsts = uniqueById(plan.levels).map((l) => l.trigger?.ast).filter((a) => usable(plan, a));
  const region = config.states?.response?.states?.level;
  const guardsOf = (s: StateConfig | undefined): NamedRef[] => [s?.on?.FACTS ?? []].flat().map((t) => t.guard).filter((g): g is NamedRef => !!g);
  /** Plain triggers read by `refs`, or null when one is not a plain trigger (then every trigger of the plan counts). */
  const astsOf = (refs: readonly NamedRef[]): Expr[] | null => {
    const asts = refs.map((g) => guardAst(plan, g));
    return asts.some((a) => a === null) ? null : asts.filter((a): a is Expr => !!a);
  };
  const forKey = (key: string): PlanEvent[] => {
    if (key.startsWith('standby')) {
      const asts = region?.initial === undefined ? [] : astsOf(eventless(region, region.initial));
      return [{ type: 'INCIDENT', values: {} }, ...facts(asts === null ? planTriggers(plan) : [...levelAsts, ...asts])];
    }
    if (!key.startsWith('response.') || !region) return [];
    const id = key.slice('response.'.length);
    const state = region.states?.[id];
    const asts = state ? astsOf([...readGuards(region, id), ...guardsOf(region), ...guardsOf(config.states?.response)]) : null;
    return facts(asts ?? planTriggers(plan));
  };
  return {
    events(key: string): PlanEvent[] {
      if (!memo.has(key)) memo.set(key, forKey(key));
      return memo.get(key)!;
    },
    get truncated() { return truncated; },
  };
}

/** Guards of a transition list. */
const guardsIn = (ts: StateConfig['always'] | undefined): NamedRef[] => [ts ?? []].flat().map((t) => t.guard).filter((g): g is NamedRef => !!g);

/** A transition target as a sibling key in `region` (targets are relative keys, with `.` and `\` escaped), else undefined. */
function siblingOf(region: StateConfig, target: string | undefined): string | undefined {
  if (target === undefined || target.startsWith('#') || target.startsWith('.')) return undefined;
  const key = target.replace(/\\(.)/g, '$1');
  return region.states && Object.hasOwn(region.states, key) ? key : undefined;
}

/**
 * The guards a FACTS event reads in state `id` of the level region: those of its FACTS transitions, and of the
 * eventless transitions of every state of the region the event may pass through (transient `↑`/`↓` states, and
 * assessing's own eventless transitions), transitively.
 */
function readGuards(region: StateConfig, id: string): NamedRef[] {
  const s = region.states?.[id];
  const first = [s?.on?.FACTS ?? []].flat();
  return [...guardsIn(first), ...first.flatMap((t) => { const k = siblingOf(region, t.target); return k ? eventless(region, k) : []; }), ...eventless(region, id)];
}

/** The guards of the eventless transitions read on entering state `id` of the level region, following their targets. */
function eventless(region: StateConfig, id: string, seen = new Set<string>()): NamedRef[] {
  if (seen.has(id)) return [];
  seen.add(id);
  const always = [region.states?.[id]?.always ?? []].flat();
  return [...guardsIn(always), ...always.flatMap((t) => { const k = siblingOf(region, t.target); return k ? eventless(region, k, seen) : []; })];
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
  // Steps never influence levels or termination: search a step-less machine (several times cheaper per transition).
  const bare: Plan = { ...plan, steps: [] };
  const config = opts.config ? withoutSteps(opts.config) : compileStatechart(bare);
  const machine = createPlanMachine(bare, config);
  const alphabet = alphabets(plan, config, opts.maxCells ?? 2000);
  let truncated = false;
  let samples = 0;

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
    const events = alphabet.events(key);
    samples += events.length;
    for (const event of events) {
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
    states: new Set(snapshots.keys()), paths, samples, transitions, truncated: truncated || alphabet.truncated,
  };
}
