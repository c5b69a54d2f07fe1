/**
 * The drill engine (演练引擎) for scripted and observed drills: a `DrillSession` (session.ts — the one engine live and
 * blind drills run on too) fed from a finished agenda, on a simulated clock.
 *
 * The statechart is the executable truth: the session sends the machine what happens and logs what the machine says
 * back (warranted level, overdue steps, cadence misses, termination). Deadlines are the machine's own delayed events,
 * fired by the simulated clock at their exact simulated time (see run-clock.ts).
 *
 * Deterministic: no wall clock, no randomness (nothing here needs the seed; it is recorded for modes that will).
 * Same plan, scenario and options → the same events → byte-identical JSONL (`writeEvent`).
 */
import type { PlanEvent } from '../compile/index.js';
import type { Plan } from '../model/index.js';
import { buildAgenda, MemorySink, toMs, toSeconds, type EventSink } from './run-agenda.js';
import { DrillSession } from './session.js';
import type { DrillAction, DrillEvent, EventSource, Scenario } from './types.js';

/** Options of a drill run. */
export interface RunOptions {
  /** Seed recorded in `drill.start` (default: the scenario's). */
  seed?: number;
  /** Plan file text, for `planHash` (default: a hash of the plan model). */
  planSource?: string;
  /** Scenario file text, for `scenarioHash` (default: a hash of the scenario model). */
  scenarioSource?: string;
  /** Plan path recorded in `drill.start` (default: the scenario's `plan`, else the plan's file). */
  planPath?: string;
  /** Seconds from drill start at which the drill ends (default: the last agenda item; never earlier). */
  end?: number;
  /** Where events go (default: in memory). A `DrillLog` makes the run durable line by line. */
  sink?: EventSink;
  /** Receives every event the machine processed, in order (sent, and DEADLINEs raised by its timers): for replay. */
  trace?: PlanEvent[];
}

/** What a mode changes: which actions, who wrote them, what the log says. */
interface ModeSpec {
  mode: 'scripted' | 'observed';
  actions: readonly DrillAction[];
  injectSource: EventSource;
  actionSource: EventSource;
}

/** Runs a scripted drill: the scenario's injects and scripted `actions:`, on a simulated clock. */
export function runScripted(plan: Plan, scenario: Scenario, opts: RunOptions = {}): DrillEvent[] {
  return runDrill(plan, scenario, { mode: 'scripted', actions: scenario.actions, injectSource: 'script', actionSource: 'script' }, opts);
}

/**
 * Replays a real drill from an observer's record (`importObserverLog`): the scenario's injects (when given) and the
 * observed actions, through the same engine, logged in mode `observed`.
 */
export function runObserved(plan: Plan, scenario: Scenario | undefined, actions: readonly DrillAction[], opts: RunOptions = {}): DrillEvent[] {
  const s: Scenario = scenario ?? {
    file: plan.file, id: 'observed', title: 'observed drill', plan: opts.planPath ?? plan.file, type: 'field', scope: 'single',
    objectives: [], injects: [], actions: [], seed: 0,
  } as unknown as Scenario;
  return runDrill(plan, s, { mode: 'observed', actions, injectSource: 'facilitator', actionSource: 'observer' }, opts);
}

function runDrill(plan: Plan, scenario: Scenario, spec: ModeSpec, opts: RunOptions): DrillEvent[] {
  const sink = opts.sink ?? new MemorySink();
  const out: DrillEvent[] = [];
  const session = new DrillSession(plan, scenario, { append: (e) => { const ev = sink.append(e); out.push(ev); return ev; } }, { trace: opts.trace });
  session.injectSource = spec.injectSource;
  session.start({ mode: spec.mode, seed: opts.seed, planSource: opts.planSource, scenarioSource: opts.scenarioSource, planPath: opts.planPath });

  // Injects come from the session's own agenda (revealed as time reaches them, before the actions of the same time);
  // the actions of each time are applied together, and deadlines due exactly then pass after them.
  const { items } = buildAgenda(scenario.injects, spec.actions);
  for (let i = 0; i < items.length;) {
    const ms = toMs(items[i].at);
    const actions: DrillAction[] = [];
    for (; i < items.length && toMs(items[i].at) === ms; i++) {
      const item = items[i];
      if (item.kind === 'action') actions.push(item.action);
    }
    if (actions.length) session.actAll(toSeconds(ms), actions, spec.actionSource);
    else session.advance(toSeconds(ms));
  }
  const lastMs = items.length ? toMs(items[items.length - 1].at) : 0;
  const endMs = Math.max(lastMs, opts.end !== undefined && Number.isFinite(opts.end) && opts.end >= 0 ? toMs(opts.end) : 0);
  session.end(toSeconds(endMs));
  return out;
}
