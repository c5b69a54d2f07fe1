/**
 * The part of a compiled statechart that decides levels and termination, read as plain decision lists: for each
 * control state (`standby[.<warning>]`, `response.<level state>`, `terminated`, …) the transitions an event may take,
 * in xstate's order (the state's own first, then its ancestors'; the first whose guard holds wins), and the
 * eventless (`always`) transitions followed after it. Guards are the config's named `trigger` / `anyLevel` guards,
 * resolved to trigger ASTs exactly as the machine resolves them (guards.ts); `moreSevere` is the `anyLevel` of the
 * levels above (statechart.ts `levelsAbove`). Targets are resolved as xstate does
 * (`#root.a.b`, `.child`, `sibling`, with `\` escapes) and entered through `initial` states.
 *
 * It lets the reachability search reason about the machine without running xstate; `step` runs one event on
 * concrete fact values, and the tests check it against xstate's own `transition` on many valuations.
 */
import { evaluate, type Expr, type FactValues } from '../expr/index.js';
import type { Plan } from '../model/index.js';
import { triggerResolver, type TriggerParams } from './guards.js';
import { levelsAbove, type StateConfig, type StatechartConfig, type TransitionConfig } from './statechart.js';

/** A guard as the search reads it. */
export type Guard =
  | { kind: 'none' }
  | { kind: 'trigger'; ast: Expr | undefined }
  | { kind: 'any'; asts: (Expr | undefined)[] };

/** One transition: its guard, and the control state it leads to (undefined: it stays where it is). */
export interface Move {
  guard: Guard;
  to: string | undefined;
}

/** The level-deciding program of a compiled config. */
export interface Program {
  /** The control state the machine starts in. */
  start: string;
  /** Transitions of an event in a control state, in the order xstate tries them. */
  on(key: string, event: 'FACTS' | 'INCIDENT'): readonly Move[];
  /** Eventless transitions checked in a control state after every event, in order. */
  always(key: string): readonly Move[];
  /** True for the transient states of escalation chains (`meta.direction`), which the machine never rests in. */
  transient(key: string): boolean;
  /** Why the config cannot be read this way (a guard or target outside what `compileStatechart` produces). */
  unsupported?: string;
}

/** Most eventless transitions one event may pass through before the program is considered to loop. */
export const MAX_MICROSTEPS = 10_000;

/** Splits a target path on unescaped dots and removes the escapes. */
function segments(path: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < path.length; i++) {
    const c = path[i];
    if (c === '\\' && i + 1 < path.length) { cur += path[++i]; continue; }
    if (c === '.') { out.push(cur); cur = ''; continue; }
    cur += c;
  }
  out.push(cur);
  return out;
}

/** Control-state key of an active leaf path (as `controlState` names snapshots). */
function keyOf(path: readonly string[]): string {
  if (path[0] === 'response') return `response.${path[2] ?? '?'}`;
  return path.length > 1 ? `${path[0]}.${path[1]}` : path[0];
}

/** Reads the program of `config` (compiled from `plan`). */
export function readProgram(plan: Plan, config: StatechartConfig): Program {
  const resolve = triggerResolver(plan);
  let unsupported: string | undefined;
  const fail = (why: string) => { unsupported ??= why; };
  const node = (path: readonly string[]): StateConfig | undefined => {
    let n: StateConfig | undefined = config;
    for (const p of path) n = n?.states && Object.hasOwn(n.states, p) ? n.states[p] : undefined;
    return n;
  };
  /** The leaf path entered by entering `path` (initial states; of `response`, the level region). */
  const enter = (path: string[]): string[] | undefined => {
    const out = [...path];
    for (let n = node(out); n?.states; n = node(out)) {
      if (n.type === 'parallel') {
        if (!n.states.level) return undefined;
        out.push('level');
      } else if (n.initial !== undefined && Object.hasOwn(n.states, n.initial)) {
        out.push(n.initial);
      } else {
        return undefined;
      }
    }
    return node(out) ? out : undefined;
  };
  const target = (source: readonly string[], t: string | undefined): string | undefined | null => {
    if (t === undefined) return undefined;
    let path: string[];
    if (t.startsWith('#')) {
      const [id, ...rest] = segments(t.slice(1));
      if (id !== config.id) return null;
      path = rest;
    } else if (t.startsWith('.')) {
      path = [...source, ...segments(t.slice(1))];
    } else {
      path = [...source.slice(0, -1), ...segments(t)];
    }
    const leaf = enter(path);
    return leaf ? keyOf(leaf) : null;
  };
  const guard = (t: TransitionConfig): Guard | null => {
    const g = t.guard;
    if (!g) return { kind: 'none' };
    if (g.type === 'trigger') return { kind: 'trigger', ast: resolve((g.params ?? {}) as TriggerParams) };
    if (g.type === 'moreSevere') {
      const than = (g.params as { than?: unknown } | undefined)?.than;
      return { kind: 'any', asts: (typeof than === 'string' ? levelsAbove(plan, than) : []).map((level) => resolve({ level })) };
    }
    if (g.type === 'anyLevel') {
      const levels = (g.params as { levels?: unknown } | undefined)?.levels;
      return { kind: 'any', asts: (Array.isArray(levels) ? levels : []).map((level) => resolve({ level: String(level) })) };
    }
    return null;
  };
  /** The moves of a list of transitions declared on the node at `source`. */
  const moves = (source: readonly string[], list: TransitionConfig | TransitionConfig[] | undefined): Move[] => {
    const out: Move[] = [];
    for (const t of [list ?? []].flat()) {
      const g = guard(t);
      const to = target(source, t.target);
      if (g === null) { fail(`guard ${t.guard?.type}`); continue; }
      if (to === null) { fail(`target ${t.target}`); continue; }
      out.push({ guard: g, to });
    }
    return out;
  };
  // Every control state: its leaf path.
  const paths = new Map<string, string[]>();
  for (const [top, n] of Object.entries(config.states ?? {})) {
    if (top === 'response') {
      for (const k of Object.keys(n.states?.level?.states ?? {})) paths.set(`response.${k}`, ['response', 'level', k]);
    } else if (n.states) {
      for (const k of Object.keys(n.states)) paths.set(`${top}.${k}`, [top, k]);
    } else {
      paths.set(top, [top]);
    }
  }
  const table = new Map<string, { FACTS: Move[]; INCIDENT: Move[]; always: Move[] }>();
  const transient = new Set([...paths].filter(([, path]) => node(path)?.meta?.direction !== undefined).map(([key]) => key));
  for (const [key, path] of paths) {
    const entry = { FACTS: [] as Move[], INCIDENT: [] as Move[], always: [] as Move[] };
    // The state's own transitions first, then each ancestor's, up to the root.
    for (let i = path.length; i >= 0; i--) {
      const source = path.slice(0, i);
      const n = node(source);
      entry.FACTS.push(...moves(source, n?.on?.FACTS));
      entry.INCIDENT.push(...moves(source, n?.on?.INCIDENT));
      entry.always.push(...moves(source, n?.always));
    }
    table.set(key, entry);
  }
  const startPath = enter([config.initial]);
  if (!startPath) fail('initial state');
  const none: Move[] = [];
  return {
    start: startPath ? keyOf(startPath) : config.initial,
    on: (key, event) => table.get(key)?.[event] ?? none,
    always: (key) => table.get(key)?.always ?? none,
    transient: (key) => transient.has(key),
    unsupported,
  };
}

/** True when the guard holds on concrete fact values (as the machine's guards evaluate it). */
export function guardHolds(g: Guard, values: FactValues, plan: Plan): boolean {
  switch (g.kind) {
    case 'none': return true;
    case 'trigger': return !!g.ast && evaluate(g.ast, values, plan.facts);
    case 'any': return g.asts.some((ast) => !!ast && evaluate(ast, values, plan.facts));
  }
}

/**
 * The control state after one event with concrete fact values (the facts known after it): the first enabled
 * transition, then eventless transitions while one is enabled. Undefined when the eventless transitions loop.
 */
export function step(program: Program, plan: Plan, key: string, event: 'FACTS' | 'INCIDENT', values: FactValues): string | undefined {
  const first = program.on(key, event).find((m) => guardHolds(m.guard, values, plan));
  if (!first) return key;
  let at = first.to ?? key;
  for (let i = 0; i < MAX_MICROSTEPS; i++) {
    const next = program.always(at).find((m) => guardHolds(m.guard, values, plan));
    if (!next) return at;
    at = next.to ?? at;
  }
  return undefined;
}
