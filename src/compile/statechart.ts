/**
 * Plan → statechart: a plain, JSON-serialisable xstate v5 machine config.
 *
 * The config holds no functions. Guards, actions and delays are referenced by
 * name (with JSON params); `createPlanMachine` (machine.ts) supplies their
 * implementations. The shape (see docs/statechart.md):
 *
 * ```
 * <plan id>
 * ├─ standby                 (warning substates `normal`, blue, yellow, … when the plan has warnings)
 * ├─ response  (parallel)
 * │  ├─ level                assessing → IV / III / II / I (one state per response level, key = level id),
 * │  │                       plus transient ↑<level> / ↓<level> states that follow further escalation edges
 * │  └─ timers  (parallel)   one region per step with a deadline: idle → (waiting →) running → expired | stopped
 * ├─ terminated
 * └─ recovery                (final)
 * ```
 *
 * Step progress lives in the context (`steps: {id: status}`), recomputed by the
 * `refreshSteps` action after every event; the `timers` regions hold the
 * deadline clocks as `after` transitions with named delays (`deadline.<step>`),
 * which survive level changes because they sit beside the level region, not in it.
 * A step that applies only at some levels starts its clock when the first of
 * those levels is entered (a step cannot be late before it applies).
 *
 * One event settles the level: a FACTS escalation into a level (or the level
 * assessing picks) enters its transient `↑<level>` state, whose eventless
 * (`always`) transitions are that level's own escalation edges, followed while
 * they hold (most severe first), with a final unguarded transition that rests in
 * the level. A de-escalation enters `↓<level>`, which checks that level's
 * escalation edges first (as a level does on FACTS: when the plan's rules
 * overlap, the more severe level wins), then its de-escalations to a less severe
 * level. Rising moves only up, falling only down and switches to rising at most
 * once, so every chain ends; intermediate levels are passed, not entered.
 */
import { isTimed, type Duration, type Level, type Plan, type Step } from '../model/index.js';

/** A JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Progress of one step: `pending` (waiting for prerequisites or an undecided level/condition), `ready`, `done`, `overdue` (deadline passed, not done), `skipped` (not required at the current level or its condition is false). */
export type StepStatus = 'pending' | 'ready' | 'done' | 'overdue' | 'skipped';

/** Fact values known so far, keyed by fact id (numbers in the fact's declared unit). */
export type FactMap = Record<string, number | boolean | string>;

/** The machine's context: serialisable, nothing but plain data. */
export interface PlanContext {
  /** Every fact reported so far (FACTS / INCIDENT values merged, later values win). */
  facts: FactMap;
  /** Id of the current (or, after termination, the last) response level; null before one is decided. */
  level: string | null;
  /** Status of every step, by step id. */
  steps: Record<string, StepStatus>;
  /** Steps whose deadline has passed (in the order it happened), done or not. */
  expired: string[];
  /** Roles that have been told (an inject or notification reached them): starts receipt-anchored deadlines. */
  received: string[];
  /** How many times each step has been done (a cadence is done again and again). */
  counts: Record<string, number>;
  /** Dues of each cadence step so far. */
  dues: Record<string, number>;
  /** Cadence dues that passed without the step done often enough, in order. */
  missed: { step: string; due: number }[];
}

/** A named guard or action with JSON params (`{ type: 'trigger', params: { level: 'II', when: '…' } }`). */
export interface NamedRef {
  type: string;
  params?: { [key: string]: Json };
}

/** One transition. */
export interface TransitionConfig {
  target?: string;
  guard?: NamedRef;
  actions?: NamedRef[];
  description?: string;
}

/** A state node, as xstate's `createMachine` accepts it (only the parts yuan uses). */
export interface StateConfig {
  type?: 'parallel' | 'final';
  initial?: string;
  description?: string;
  meta?: { [key: string]: Json };
  entry?: NamedRef[];
  on?: Record<string, TransitionConfig | TransitionConfig[]>;
  always?: TransitionConfig | TransitionConfig[];
  after?: Record<string, TransitionConfig | TransitionConfig[]>;
  states?: Record<string, StateConfig>;
}

/** Root of the compiled statechart: load it with `createPlanMachine(plan, config)`. */
export interface StatechartConfig extends StateConfig {
  id: string;
  initial: 'standby';
  context: PlanContext;
  meta: { [key: string]: Json };
}

/** Names of the delays in a compiled config (`deadline.<step>`, `period.<step>`, `followUp`). */
export const deadlineDelay = (step: string): string => `deadline.${step}`;
/** Delay between the dues of a cadence step. */
export const periodDelay = (step: string): string => `period.${step}`;
export const FOLLOW_UP_DELAY = 'followUp';

/** Version of the config format, stored in the root `meta.format`. */
export const STATECHART_FORMAT = 'yuan-statechart/1';

/** Escapes a state key for use in a target path (xstate splits paths on `.`; `\` escapes). */
export function escapeKey(key: string): string {
  return key.replace(/[\\.]/g, (c) => `\\${c}`);
}

/** Levels ordered from most severe to least severe (rank 1 first); duplicates (by id) dropped, first wins. */
export function levelsBySeverity(plan: Plan): Level[] {
  return uniqueById(plan.levels).sort((a, b) => rankOf(a) - rankOf(b));
}

/**
 * Ids of the levels strictly more severe than level `id` that have criteria, most severe first: what the `moreSevere`
 * guard of a compiled config checks (the highest level met applies).
 */
export function levelsAbove(plan: Plan, id: string): string[] {
  const levels = levelsBySeverity(plan);
  const l = levels.find((x) => x.id === id);
  return l ? levels.filter((m) => rankOf(m) < rankOf(l) && !!m.trigger?.text.trim()).map((m) => m.id) : [];
}

/** A level's severity rank for ordering (a missing or broken rank sorts as least severe). */
export const rankOf = (l: Level): number => (Number.isFinite(l.rank) ? l.rank : Number.MAX_SAFE_INTEGER);

/** The first node of each id, in document order. */
export function uniqueById<T extends { id: string }>(list: readonly T[]): T[] {
  const seen = new Set<string>();
  return list.filter((x) => typeof x.id === 'string' && x.id !== '' && !seen.has(x.id) && !!seen.add(x.id));
}

/**
 * The first due of a time limit in milliseconds (a window's upper bound, a cadence's first due, 立即's threshold), or
 * undefined when it has none the machine can time: no due time (vague, unreadable, a standing duty) or an anchor
 * only the outside world knows (a later event).
 */
export function deadlineMs(d: Duration | undefined): number | undefined {
  if (!isTimed(d) || d.seconds < 0 || d.anchor.kind === 'event') return undefined;
  return Math.round(d.seconds * 1000);
}

/** The time between dues of a cadence (`每日至少2次` → 12 h), in milliseconds; undefined for other kinds. */
export function periodMs(d: Duration | undefined): number | undefined {
  if (!isTimed(d) || d.kind !== 'cadence' || !d.every) return undefined;
  const ms = Math.round((d.every / (d.times ?? 1)) * 1000);
  return ms > 0 ? ms : undefined;
}

function durationJson(d: Duration): { [key: string]: Json } {
  const t = isTimed(d) ? d : undefined;
  return clean({ kind: d.kind, seconds: finite(d.seconds), earliest: finite(t?.earliest), every: finite(t?.every), times: finite(t?.times), text: d.text, anchor: { ...d.anchor } }) as { [key: string]: Json };
}

/** A number JSON can hold, else undefined (dropped). */
const finite = (n: unknown): number | undefined => (typeof n === 'number' && Number.isFinite(n) ? n : undefined);

/** Drops undefined properties so the config survives a JSON round trip unchanged. */
function clean<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

function pick(key: string, taken: ReadonlySet<string>): string {
  let k = key;
  while (taken.has(k)) k = `_${k}`;
  return k;
}

const merge: NamedRef = { type: 'mergeFacts' };
const refresh: NamedRef = { type: 'refreshSteps' };

/** Compiles a plan into a plain xstate v5 machine config (see the module comment and docs/statechart.md). */
export function compileStatechart(plan: Plan): StatechartConfig {
  const rootId = /^[\p{L}\p{N}_-]+$/u.test(plan.meta?.id ?? '') ? plan.meta.id : 'plan';
  const root = `#${rootId}`;
  const levels = levelsBySeverity(plan);
  const levelIds = new Set(levels.map((l) => l.id));
  const steps = uniqueById(plan.steps);
  const stepIds = new Set(steps.map((s) => s.id));
  const delays: { [key: string]: Json } = {};

  // ------------------------------------------------------------------ guards
  const levelGuard = (l: Level): NamedRef | undefined =>
    l.trigger?.text.trim() ? { type: 'trigger', params: { level: l.id, when: l.trigger.text } } : undefined;
  const termination = plan.termination;
  const termGuard: NamedRef | undefined = termination?.when?.text.trim()
    ? { type: 'trigger', params: { termination: true, when: termination.when.text } }
    : undefined;

  // ------------------------------------------------------------------ standby
  const warnings = uniqueById(plan.warnings ?? []);
  const warningIds = new Set(warnings.map((w) => w.id));
  const normal = pick('normal', warningIds);
  const startable = levels.filter((l) => levelGuard(l)).map((l) => l.id);
  const standbyFacts: TransitionConfig[] = [];
  if (startable.length) {
    standbyFacts.push({
      guard: { type: 'anyLevel', params: { levels: startable } },
      target: `${root}.response`,
      actions: [merge],
      description: 'a level trigger holds: the response starts',
    });
  }
  const standby: StateConfig = {
    description: 'No incident: facts are watched (and warnings issued) until an INCIDENT or a level trigger starts the response',
    on: {
      INCIDENT: { target: `${root}.response`, actions: [merge] },
      FACTS: standbyFacts,
    },
  };
  if (warnings.length) {
    const rank: Record<string, number> = { red: 1, orange: 2, yellow: 3, blue: 4 };
    const bySeverity = [...warnings].sort((a, b) => (rank[a.colour] ?? 9) - (rank[b.colour] ?? 9));
    for (const w of bySeverity) {
      if (!w.trigger?.text.trim()) continue;
      standbyFacts.push({ guard: { type: 'trigger', params: { warning: w.id, when: w.trigger.text } }, target: `.${escapeKey(w.id)}`, actions: [merge] });
    }
    standbyFacts.push({ target: `.${escapeKey(normal)}`, actions: [merge] });
    standby.initial = normal;
    standby.states = { [normal]: { description: 'No warning in force' } };
    for (const w of warnings) {
      standby.states[w.id] = {
        description: `Warning ${w.id} (预警)`,
        meta: clean({ warning: w.id, colour: w.colour, when: w.trigger?.text, lead: w.lead ? durationJson(w.lead) : undefined, actions: w.actions }) as { [key: string]: Json },
      };
    }
  } else {
    standbyFacts.push({ actions: [merge] });
  }
  // Readiness states (启动准备 / 预警响应): entered from standby when their condition holds, before any level.
  for (const s of uniqueById(plan.standby ?? [])) {
    if (!s.trigger?.text.trim()) continue;
    standby.states ??= { [normal]: { description: 'No warning in force' } };
    standby.initial ??= normal;
    const key = pick(s.id, new Set([...Object.keys(standby.states)]));
    standby.states[key] = { description: `Standby ${s.id}${s.name ? ` (${s.name})` : ''}`, meta: clean({ standby: s.id, when: s.trigger.text, decidedBy: s.decidedBy, actions: s.actions }) as { [key: string]: Json } };
    standbyFacts.splice(standbyFacts.length - 1, 0, { guard: { type: 'trigger', params: { standby: s.id, when: s.trigger.text } }, target: `.${escapeKey(key)}`, actions: [merge] });
  }

  // ------------------------------------------------------------------ level region
  // The plan's escalation edges between known levels (index = position in plan.escalations, the guard's reference).
  const edges = plan.escalations
    .map((e, index) => ({ e, index, from: levels.find((x) => x.id === e.from), to: levels.find((x) => x.id === e.to) }))
    .filter((x): x is typeof x & { from: Level; to: Level } => !!x.from && !!x.to && x.to.id !== x.from.id);
  type Edge = (typeof edges)[number];
  const edgesFrom = new Map<string, Edge[]>();
  for (const x of edges) { if (!edgesFrom.has(x.from.id)) edgesFrom.set(x.from.id, []); edgesFrom.get(x.from.id)!.push(x); }
  const edgesInto = new Map<string, Edge[]>();
  for (const x of edges) { if (!edgesInto.has(x.to.id)) edgesInto.set(x.to.id, []); edgesInto.get(x.to.id)!.push(x); }
  const from = (l: Level): Edge[] => edgesFrom.get(l.id) ?? [];
  /** Escalations out of a level, most severe target first. */
  const upOf = (l: Level): Edge[] => from(l).filter((x) => rankOf(x.to) < rankOf(l)).sort((a, b) => rankOf(a.to) - rankOf(b.to));
  /** De-escalations out of a level (to a level of the same or lower severity), least severe target first. */
  const downOf = (l: Level): Edge[] => from(l).filter((x) => rankOf(x.to) >= rankOf(l)).sort((a, b) => rankOf(b.to) - rankOf(a.to));
  /** De-escalations a chain may follow: strictly less severe, so a falling chain always ends. */
  const fallOf = (l: Level): Edge[] => downOf(l).filter((x) => rankOf(x.to) > rankOf(l));
  // 就高不就低: under the `highest` convention (the default) a more severe level whose criteria now hold is entered from
  // any level, whether or not the plan wrote an escalation rule ("根据事态发展调整响应级别"). One transition per level
  // says so (guard `moreSevere`: some more severe level's criteria hold) and leads to one shared transient state that,
  // like assessing, enters the most severe level whose criteria hold — so the config grows with the levels, not with
  // their square.
  const highest = plan.meta?.grading !== 'exclusive';
  const topGuarded = Math.min(...levels.filter((m) => levelGuard(m)).map(rankOf));
  const hasAbove = (l: Level): boolean => highest && rankOf(l) > topGuarded;

  const assessing = pick('assessing', levelIds);
  const taken = new Set([...levelIds, assessing]);
  const risingAny = pick('↑', taken);
  taken.add(risingAny);
  const anyAbove = levels.some(hasAbove);
  // Transient states: `↑L` (entered by an escalation, or from assessing) and `↓L` (entered by a de-escalation),
  // only where something enters L that way and L has a rule that could move the level on.
  const rising = new Map<string, string>();
  const falling = new Map<string, string>();
  for (const l of levels) {
    const into = edgesInto.get(l.id) ?? [];
    const risenInto = !!levelGuard(l) || into.some((x) => rankOf(x.to) < rankOf(x.from));
    const fallenInto = into.some((x) => rankOf(x.to) >= rankOf(x.from));
    const moves = upOf(l).length + (hasAbove(l) ? 1 : 0);
    if (risenInto && moves) { const k = pick(`↑${l.id}`, taken); taken.add(k); rising.set(l.id, k); }
    if (fallenInto && (moves || fallOf(l).length)) { const k = pick(`↓${l.id}`, taken); taken.add(k); falling.set(l.id, k); }
  }
  const riseTo = (l: Level): string => escapeKey(rising.get(l.id) ?? l.id);
  const fallTo = (l: Level): string => escapeKey(falling.get(l.id) ?? l.id);
  const edgeGuard = ({ e, index }: Edge): NamedRef => ({ type: 'trigger', params: { escalation: index, from: e.from, to: e.to, when: e.when?.text ?? '' } });
  const up = (x: Edge, actions?: NamedRef[]): TransitionConfig => clean({ guard: edgeGuard(x), target: riseTo(x.to), actions });
  const down = (x: Edge, actions?: NamedRef[]): TransitionConfig => clean({ guard: edgeGuard(x), target: fallTo(x.to), actions });
  /** From `l` to the shared transient state, when a more severe level's criteria hold. */
  const implied = (l: Level, actions?: NamedRef[]): TransitionConfig[] => (hasAbove(l)
    ? [clean({ guard: { type: 'moreSevere', params: { than: l.id } }, target: escapeKey(risingAny), actions, description: 'the criteria of a more severe level hold (highest level met applies)' })]
    : []);
  const bySeverity = levels.filter((l) => levelGuard(l)).map((l) => ({ guard: levelGuard(l), target: riseTo(l) }));
  // Out of the shared `↑`, a level is passed through `⇡<level>`: only its written escalation rules, not `moreSevere`
  // again (the level picked is the most severe one whose criteria hold), so no eventless path leads back to `↑`.
  const ascending = new Map<string, string>();
  if (anyAbove) for (const l of levels) if (upOf(l).length) { const k = pick(`⇡${l.id}`, taken); taken.add(k); ascending.set(l.id, k); }
  const ascendTo = (l: Level): string => escapeKey(ascending.get(l.id) ?? l.id);

  const levelStates: Record<string, StateConfig> = {
    [assessing]: {
      description: 'Incident reported, level not yet decided: the most severe level whose trigger holds is entered, then its escalation rules are followed while they hold',
      always: bySeverity,
      on: termGuard ? { FACTS: [{ guard: termGuard, target: `${root}.terminated`, actions: [merge, refresh] }] } : undefined,
    },
  };
  // Steps by level in one pass (a step with no levels applies at every level).
  const stepsOf = new Map<string, string[]>(levels.map((l) => [l.id, []]));
  for (const st of steps) {
    if (st.levels.length === 0) for (const l of levels) stepsOf.get(l.id)!.push(st.id);
    else for (const id of new Set(st.levels)) stepsOf.get(id)?.push(st.id);
  }
  for (const l of levels) {
    const facts: TransitionConfig[] = [
      ...upOf(l).map((x) => up(x, [merge])),
      ...implied(l, [merge]),
      ...(termGuard ? [{ guard: termGuard, target: `${root}.terminated`, actions: [merge, refresh] }] : []),
      ...downOf(l).map((x) => down(x, [merge])),
    ];
    levelStates[l.id] = clean({
      description: `Response level ${l.id}${l.name ? ` (${l.name})` : ''}`,
      meta: clean({
        level: l.id,
        name: l.name,
        rank: finite(l.rank),
        colour: l.colour,
        decidedBy: l.decidedBy,
        manual: l.manual,
        when: l.trigger?.text,
        activation: l.activation ? durationJson(l.activation) : undefined,
        parentLevel: l.parentLevel,
        steps: stepsOf.get(l.id)!,
      }) as { [key: string]: Json },
      entry: [{ type: 'enterLevel', params: { level: l.id } }],
      on: facts.length ? { FACTS: facts } : undefined,
    });
  }
  for (const l of levels) {
    const r = rising.get(l.id);
    if (r) {
      levelStates[r] = {
        description: `Passing ${l.id} upwards: its escalation rules that hold are followed (most severe first), else ${l.id} is entered`,
        meta: { passing: l.id, direction: 'up' },
        always: [...upOf(l).map((x) => up(x)), ...implied(l), { target: escapeKey(l.id) }],
      };
    }
    const f = falling.get(l.id);
    if (f) {
      levelStates[f] = {
        description: `Passing ${l.id} downwards: its escalation rules are checked first (most severe first), then its de-escalation rules to a less severe level (least severe first), else ${l.id} is entered`,
        meta: { passing: l.id, direction: 'down' },
        always: [...upOf(l).map((x) => up(x)), ...implied(l), ...fallOf(l).map((x) => down(x)), { target: escapeKey(l.id) }],
      };
    }
  }
  if (anyAbove) {
    levelStates[risingAny] = {
      description: 'Passing upwards to the most severe level whose criteria hold (highest level met applies), then its escalation rules',
      meta: { direction: 'up' },
      always: levels.filter((l) => levelGuard(l)).map((l) => ({ guard: levelGuard(l), target: ascendTo(l) })),
    };
    for (const l of levels) {
      const k = ascending.get(l.id);
      if (!k) continue;
      levelStates[k] = {
        description: `Passing ${l.id} upwards after the most severe level whose criteria hold was picked: its escalation rules that hold are followed (most severe first), else ${l.id} is entered`,
        meta: { passing: l.id, direction: 'up' },
        always: [...upOf(l).map((x) => clean({ guard: edgeGuard(x), target: ascendTo(x.to) })), { target: escapeKey(l.id) }],
      };
    }
  }
  for (const s of Object.values(levelStates)) clean(s as Record<string, unknown>);

  // ------------------------------------------------------------------ timers
  const timers: Record<string, StateConfig> = {};
  for (const s of steps) {
    const ms = deadlineMs(s.deadline);
    if (ms === undefined) continue;
    const anchor = s.deadline!.anchor;
    if (anchor.kind === 'step' && (!stepIds.has(anchor.step) || anchor.step === s.id)) continue;
    const name = deadlineDelay(s.id);
    delays[name] = ms;
    const p = { step: s.id };
    const period = periodMs(s.deadline);
    // A cadence is never "done": it is due again every period, and each due it is short of is a miss.
    const done: TransitionConfig | undefined = period ? undefined : { guard: { type: 'stepDone', params: p }, target: 'stopped' };
    const unlessDone = (t: TransitionConfig) => (done ? [done, t] : [t]);
    // The clock starts at the anchor, but never before the step applies: a step bound to levels waits (idle) for the
    // first level at which it applies; a step-anchored one then waits for its anchor step to be done, a receipt-
    // anchored one for its role to be told (an inject or a notification reaching it).
    const active: NamedRef = { type: 'stepActive', params: p };
    const owners = [s.role, ...(s.alternatives ?? [])].filter((r): r is string => !!r);
    const anchored: NamedRef | undefined = anchor.kind === 'step' ? { type: 'stepDone', params: { step: anchor.step } }
      : anchor.kind === 'receipt' ? { type: 'received', params: { roles: owners } } : undefined;
    const waitsForLevel = s.levels.length > 0 || anchor.kind === 'level';
    const states: Record<string, StateConfig> = {};
    const levelWait = s.levels.length ? `Waiting for the first level at which the step applies (${s.levels.join(', ')})` : 'Waiting for a response level';
    const anchorWait = anchor.kind === 'step' ? `Waiting for step ${anchor.step} to be done` : `Waiting for ${owners.join(' / ') || 'the owner'} to be told`;
    if (waitsForLevel) states.idle = { description: levelWait, always: unlessDone({ guard: active, target: anchored ? 'waiting' : 'running' }) };
    if (anchored) states[waitsForLevel ? 'waiting' : 'idle'] = { description: anchorWait, always: unlessDone({ guard: anchored, target: 'running' }) };
    if (period) {
      const pname = periodDelay(s.id);
      delays[pname] = period;
      states.running = { description: 'Counting to the first due', after: { [name]: { target: 'due' } } };
      states.due = {
        description: 'Due again every period; a due the step is short of is a miss',
        entry: [{ type: 'checkCadence', params: p }],
        after: { [pname]: { target: 'due', reenter: true } as TransitionConfig },
      };
    } else {
      states.running = {
        always: done,
        after: { [name]: { actions: [{ type: 'raiseDeadline', params: p }] } },
        on: { DEADLINE: { guard: { type: 'deadlineFor', params: p }, target: 'expired', actions: [{ type: 'markOverdue', params: p }] } },
      };
      states.expired = { description: 'Deadline passed' };
      states.stopped = { description: 'Step done in time' };
    }
    timers[s.id] = { initial: states.idle ? 'idle' : 'running', meta: { step: s.id, deadline: durationJson(s.deadline!) }, states };
  }

  const responseOn: Record<string, TransitionConfig | TransitionConfig[]> = {
    STEP_DONE: { guard: { type: 'stepOpen' }, actions: [{ type: 'completeStep' }] },
    NOTIFY: { actions: [{ type: 'markReceived' }] },
  };
  const declarable: TransitionConfig[] = levels.filter((l) => l.manual).map((l) => {
    const who = [l.decidedBy, ...(l.deciderAlternatives ?? [])].filter((r): r is string => !!r);
    const roles = [...who, ...who.flatMap((r) => (plan.roles.find((x) => x.id === r)?.deputies ?? []).filter((d) => plan.roles.some((x) => x.id === d)))];
    return { guard: { type: 'mayDeclare', params: { level: l.id, roles } }, target: `.${escapeKey(l.id)}`, description: `${l.id} declared by ${who.join(' / ') || 'anyone'}` };
  });
  const decider = termination?.decidedBy?.trim();
  const deciders = decider ? [decider, ...(plan.roles.find((r) => r.id === decider)?.deputies ?? []).filter((d) => plan.roles.some((r) => r.id === d))] : [];
  responseOn.TERMINATE = decider
    ? { guard: { type: 'decider', params: { roles: deciders } }, target: `${root}.terminated` }
    : { target: `${root}.terminated` };

  const response: StateConfig = {
    type: 'parallel',
    description: 'The response: the level region follows the facts, the timers region counts step deadlines',
    entry: [refresh],
    on: responseOn,
    states: {
      level: {
        initial: assessing,
        on: clean({
          FACTS: { actions: [merge, refresh] },
          // A level started by decision (决定启动) is entered when one of the bodies that may decide declares it.
          DECLARE: declarable.length ? declarable : undefined,
        }) as Record<string, TransitionConfig | TransitionConfig[]>,
        states: levelStates,
      },
      ...(Object.keys(timers).length ? { timers: { type: 'parallel', states: timers } } : {}),
    },
  };

  // ------------------------------------------------------------------ terminated / recovery
  const followUp = deadlineMs(termination?.followUp);
  const terminated: StateConfig = {
    description: 'Response terminated (响应终止); the follow-up report is due',
    meta: clean({ decidedBy: decider, when: termination?.when?.text, followUp: termination?.followUp ? durationJson(termination.followUp) : undefined }) as { [key: string]: Json },
    on: { RECOVER: { target: `${root}.recovery` } },
  };
  if (followUp !== undefined) {
    delays[FOLLOW_UP_DELAY] = followUp;
    terminated.after = { [FOLLOW_UP_DELAY]: { target: `${root}.recovery` } };
  }

  return {
    id: rootId,
    initial: 'standby',
    context: {
      facts: {},
      level: null,
      steps: Object.fromEntries(steps.map((s) => [s.id, 'pending' as StepStatus])),
      expired: [],
      received: [],
      counts: {},
      dues: {},
      missed: [],
    },
    meta: clean({
      format: STATECHART_FORMAT,
      plan: clean({ id: plan.meta?.id, title: plan.meta?.title, kind: plan.meta?.kind, version: plan.meta?.version }) as { [key: string]: Json },
      delays,
      steps: Object.fromEntries(steps.map((s) => [s.id, stepMeta(s)])),
    }) as { [key: string]: Json },
    states: {
      standby,
      response,
      terminated,
      recovery: { type: 'final', description: 'Recovery (善后处置)' },
    },
  };
}

function stepMeta(s: Step): { [key: string]: Json } {
  return clean({
    action: s.action,
    role: s.role,
    alternatives: s.alternatives?.length ? s.alternatives : undefined,
    support: s.support?.length ? s.support : undefined,
    obligation: s.obligation,
    levels: s.levels,
    after: s.after,
    afterAny: s.afterAny?.length ? s.afterAny : undefined,
    condition: s.condition?.text,
    deadline: s.deadline ? durationJson(s.deadline) : undefined,
  }) as { [key: string]: Json };
}
