/**
 * Reachability of the compiled machine: which response levels (and whether termination) some sequence of incident
 * facts can reach.
 *
 * The search walks the control states of the compiled config (`standby`, `response.<level>`, `terminated`, …)
 * breadth-first from standby, by `INCIDENT` (no facts) and `FACTS` events carrying complete valuations (every
 * declared fact given a value). A complete valuation replaces every fact, so where the machine goes next depends
 * only on its control state and the valuation. The config is read as decision lists (program.ts): the transitions a
 * FACTS event may take in xstate's order, then the eventless ones it passes through (the transient `↑`/`↓` states of
 * an escalation chain, assessing picking the most severe level whose trigger holds).
 *
 * Instead of trying sample valuations, the search follows those lists symbolically: each branch adds "this guard
 * holds" or "this guard does not hold" to a conjunction of trigger formulas (src/expr/formula.ts), and a branch is
 * kept only when the conjunction is satisfiable (src/expr/solve.ts). Every resting state at the end of a satisfiable
 * branch is a successor; the satisfying box gives a witness valuation, which is replayed on concrete values to make
 * sure the two readings agree. The work is proportional to the branches of the decision lists, not to control
 * states × cells of the fact space × triggers. `TERMINATE` is left out on purpose: the deciding role can always end
 * the response, the question is whether the plan's termination condition can. Steps and their timers never
 * influence levels or termination, so the search reads a step-less config.
 *
 * Bounded: at most `maxStates` control states, `maxTransitions` successors and `maxWork` solver steps; past a bound
 * the result says `truncated` with the `limit` hit (a rule then says the analysis was cut short).
 */
import type { AnyMachineSnapshot } from 'xstate';
import {
  and, Conjunction, domainRegion, FALSE, sampleBox, SOLVER_WORK, triggerFormula, TRUE, Work, type Expr, type Formula,
} from '../expr/index.js';
import type { Plan } from '../model/index.js';
import type { FactInput, PlanEvent } from './machine.js';
import { MAX_MICROSTEPS, readProgram, step, type Guard, type Move } from './program.js';
import { compileStatechart, levelsBySeverity, type StatechartConfig } from './statechart.js';

export { sampleValuations } from './samples.js';

/** Limits of the search. */
export interface ReachOptions {
  /** Most control states (default 1,000). */
  maxStates?: number;
  /** Most successors computed (default 200,000). */
  maxTransitions?: number;
  /** Most solver steps (formula nodes visited; default `SOLVER_WORK`). */
  maxWork?: number;
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
  /** Number of events built (witness valuations, and INCIDENTs). */
  samples: number;
  /** Successors computed (satisfiable branches followed to a resting state). */
  transitions: number;
  /** True when a bound was hit or the config could not be read exactly: the sets may be missing members. */
  truncated: boolean;
  /** The bound that cut the search short, when one did (then a finding should say the analysis was cut short). */
  limit?: 'states' | 'transitions' | 'work';
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

/** Thrown inside the search when a bound is hit. */
class Cut {
  constructor(readonly limit: Reachability['limit']) {}
}

function search(plan: Plan, opts: ReachOptions): Reachability {
  const maxStates = opts.maxStates ?? 1000;
  const maxTransitions = opts.maxTransitions ?? 200_000;
  const program = readProgram(plan, opts.config ?? compileStatechart({ ...plan, steps: [] }));
  const domain = domainRegion(plan.facts);
  const work = new Work(opts.maxWork ?? SOLVER_WORK);
  let truncated = !!program.unsupported;
  let limit: Reachability['limit'];
  let samples = 0;
  let transitions = 0;

  const formulas = new Map<Guard, { holds: Formula; fails: Formula }>();
  const read = (ast: Expr | undefined, mode: 'holds' | 'fails'): Formula => {
    if (!ast) return mode === 'holds' ? FALSE : TRUE; // no condition never holds
    const t = triggerFormula(ast, plan.facts, mode);
    if (t.opaque) truncated = true; // a comparison of two facts: checkExpr reports it, the search cannot read it
    return t.f;
  };
  const formulaOf = (g: Guard) => {
    let f = formulas.get(g);
    if (!f) {
      f = g.kind === 'none' ? { holds: TRUE, fails: FALSE }
        : g.kind === 'trigger' ? { holds: read(g.ast, 'holds'), fails: read(g.ast, 'fails') }
        // Not flattened: each disjunct stays the trigger's own formula, which `refute` can recognise.
        : { holds: { k: 'or', xs: g.asts.map((a) => read(a, 'holds')) }, fails: and(g.asts.map((a) => read(a, 'fails'))) };
      formulas.set(g, f);
    }
    return f;
  };

  /**
   * Follows a decision list in conjunction `c` (which it narrows): each move whose guard can hold while the earlier
   * ones do not continues with `then`; returns the conjunction in which none holds, or undefined when one always does.
   */
  const branches = (moves: readonly Move[], c: Conjunction, then: (m: Move, c: Conjunction) => void, wanted: (m: Move) => boolean): Conjunction | undefined => {
    for (const m of moves) {
      if (m.guard.kind === 'none') { if (wanted(m)) then(m, c); return undefined; }
      const f = formulaOf(m.guard);
      if (wanted(m)) {
        const yes = c.fork();
        if (yes.add(f.holds)) then(m, yes);
      }
      // Remember that this guard failed, so a later `anyLevel`/`moreSevere` naming the same trigger is seen false.
      c.refute(f.holds);
      if (!c.add(f.fails)) return undefined;
    }
    return c;
  };

  /** The resting states an event may end in once it has led to `at`, whatever the guards say (memoised). */
  // (A search of the eventless graph from `at`, which may have cycles that the guards never close.)
  const potential = new Map<string, Set<string>>();
  /** States all of whose possible ends have been found. */
  const settled = new Set<string>();
  const endsOf = (at: string): Set<string> => {
    let p = potential.get(at);
    if (p) return p;
    p = new Set();
    const seen = new Set([at]);
    const todo = [at];
    while (todo.length) {
      const x = todo.pop()!;
      const moves = program.always(x);
      // (A transient state is never a resting place: the compiler ends each with an unguarded move, or — the shared
      // `↑` — enters it only when one of its guards holds.)
      if (!moves.some((m) => m.guard.kind === 'none') && !program.transient(x)) p.add(x);
      for (const m of moves) { const y = m.to ?? x; if (!seen.has(y)) { seen.add(y); todo.push(y); } }
    }
    potential.set(at, p);
    return p;
  };

  const states = new Map<string, PlanEvent[]>([[program.start, []]]);
  const edges = new Map<string, Set<string>>();
  const queue = [program.start];
  const discover = (from: string, to: string, event: () => PlanEvent | undefined) => {
    if (states.has(to)) return;
    if (states.size >= maxStates) throw new Cut('states');
    const e = event();
    if (!e) return;
    samples++;
    states.set(to, [...states.get(from)!, e]);
    queue.push(to);
  };

  /**
   * The successors of one control state. With `all` false a branch into a state already found is not solved (only
   * `terminated` is, for `terminatesAt`): discovering states needs only the new ones. Returns true when some branch
   * was skipped that way.
   */
  const explore = (key: string, all: boolean): boolean => {
    let skipped = false;
    const out = edges.get(key) ?? new Set<string>();
    edges.set(key, out);
    const standby = key === 'standby' || key.startsWith('standby.');
    if (!standby && !key.startsWith('response.')) return false;
    if (standby && !all) {
      const to = step(program, plan, key, 'INCIDENT', {});
      if (to === undefined) { truncated = true; return false; }
      transitions++;
      out.add(to);
      discover(key, to, () => ({ type: 'INCIDENT', values: {} }));
    }
    if (domain.boxes.length === 0) return false; // no valuation of the facts exists
    /** A resting state at the end of a branch: solve it (unless its successor is known) and record it. */
    const rest = (to: string, c: Conjunction) => {
      if (out.has(to) || !c.possible) return;
      if (!all && to !== 'terminated' && states.has(to)) { skipped = true; return; }
      if (transitions >= maxTransitions) throw new Cut('transitions');
      const box = c.solve();
      if (box === undefined) throw new Cut('work');
      if (box === null) return;
      transitions++;
      out.add(to);
      discover(key, to, () => {
        const values = sampleBox(box, plan.facts);
        // The witness must take the machine where the symbolic reading says; if not, the readings disagree.
        if (step(program, plan, key, 'FACTS', values) !== to) { truncated = true; return undefined; }
        return { type: 'FACTS', values: values as FactInput };
      });
    };
    // While discovering, a branch all of whose possible ends are known (and are not `terminated`) needs no search.
    const wanted = (from: string) => (m: Move) => {
      if (all) return true;
      const to = m.to ?? from;
      const ends = endsOf(to);
      if (ends.has('terminated') && !out.has('terminated')) return true;
      if (settled.has(to)) return false;
      for (const x of ends) if (!states.has(x)) return true;
      settled.add(to); // states are only ever added: once all known, always all known
      return false;
    };
    /**
     * Eventless transitions from `at`, followed while one holds. Coming back to a state of the same chain means the
     * branch is impossible (the guards that led round exclude each other) — unless the solver finds values for it,
     * and then the chain really loops, which the machine would not survive either: the search says so.
     */
    const settle = (at: string, c: Conjunction, chain: ReadonlySet<string>) => {
      if (chain.has(at) || chain.size > MAX_MICROSTEPS) {
        const w = c.solve();
        if (w === undefined) throw new Cut('work');
        if (w !== null) truncated = true;
        return;
      }
      const next = new Set(chain).add(at);
      const none = branches(program.always(at), c, (m, c2) => settle(m.to ?? at, c2, next), wanted(at));
      if (none) rest(at, none);
    };
    const none = branches(program.on(key, 'FACTS'), Conjunction.over(domain.domain, work), (m, c) => settle(m.to ?? key, c, new Set()), wanted(key));
    if (none) rest(key, none);
    if (work.exhausted) throw new Cut('work');
    return skipped;
  };

  /** States from which `terminated` can be reached over the edges found so far. */
  const ending = () => {
    const into = new Map<string, string[]>();
    for (const [from, tos] of edges) for (const t of tos) { if (!into.has(t)) into.set(t, []); into.get(t)!.push(from); }
    const canEnd = new Set<string>(states.has('terminated') ? ['terminated'] : []);
    const back = [...canEnd];
    while (back.length) for (const f of into.get(back.pop()!) ?? []) if (!canEnd.has(f)) { canEnd.add(f); back.push(f); }
    return canEnd;
  };

  let canEnd = new Set<string>();
  try {
    // Discover every state (solving only branches into new states and into `terminated`) …
    const partial: string[] = [];
    for (let head = 0; head < queue.length; head++) if (explore(queue[head], false)) partial.push(queue[head]);
    canEnd = ending();
    // … then, only if some state cannot end the response directly, the edges between known states too.
    if ([...states.keys()].some((k) => k.startsWith('response.') && !canEnd.has(k))) {
      for (const k of partial) explore(k, true);
      canEnd = ending();
    }
  } catch (err) {
    if (!(err instanceof Cut)) throw err;
    truncated = true;
    limit = err.limit;
    canEnd = ending();
  }

  const levelIds = new Set(levelsBySeverity(plan).map((l) => l.id));
  const levels = new Set<string>();
  for (const k of states.keys()) {
    const id = k.startsWith('response.') ? k.slice('response.'.length) : undefined;
    if (id !== undefined && levelIds.has(id)) levels.add(id);
  }
  const terminatesFrom = new Set([...levels].filter((id) => canEnd.has(`response.${id}`)));
  const terminatesAt = new Set([...levels].filter((id) => edges.get(`response.${id}`)?.has('terminated')));
  return {
    levels, terminated: states.has('terminated'), terminatesFrom, terminatesAt,
    states: new Set(states.keys()), paths: states, samples, transitions, truncated, ...(limit ? { limit } : {}),
  };
}
