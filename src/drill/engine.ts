/**
 * The drill engine (演练引擎): runs the plan's compiled statechart on a simulated clock and writes the event log.
 *
 * The statechart is the executable truth: the engine sends the machine what happens (injects as INCIDENT / FACTS,
 * completed steps as STEP_DONE, terminations as TERMINATE) and logs what the machine says back — the warranted
 * level (`context.level`), steps whose deadline passed (`context.expired` and `context.steps[...] === 'overdue'`),
 * termination. It never evaluates a trigger or a deadline itself. Deadlines are the machine's own delayed events,
 * fired by the simulated clock at their exact simulated time (see run-clock.ts).
 *
 * Participant actions are logged as they happened, whether or not the machine takes them: a step done twice, by
 * the wrong role or before its prerequisites is logged every time (scoring decides what it means); an action that
 * matches no step is logged as `action.unmatched`. Nothing is dropped.
 *
 * Deterministic: no wall clock, no randomness (nothing here needs the seed; it is recorded for modes that will).
 * Same plan, scenario and options → the same events → byte-identical JSONL (`writeEvent`).
 */
import { createActor, type SnapshotFrom } from 'xstate';
import {
  createPlanMachine, declareEvent, factsEvent, incidentEvent, notifyEvent, stepDone, terminateEvent, type PlanEvent, type PlanMachine,
} from '../compile/index.js';
import type { Plan } from '../model/index.js';
import { matchAction } from './match.js';
import { buildAgenda, MemorySink, sha256, toMs, toSeconds, type AgendaItem, type EventSink } from './run-agenda.js';
import { DrillClock } from './run-clock.js';
import type { DrillAction, DrillEvent, EventSource, FactValue, Inject, Scenario } from './types.js';

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

type Snapshot = SnapshotFrom<PlanMachine>;

/** Top-level state of the plan machine: standby, response, terminated or recovery. */
function topState(s: Snapshot): string {
  return typeof s.value === 'string' ? s.value : Object.keys(s.value)[0] ?? '';
}

function runDrill(plan: Plan, scenario: Scenario, spec: ModeSpec, opts: RunOptions): DrillEvent[] {
  const sink = opts.sink ?? new MemorySink();
  const out: DrillEvent[] = [];
  const log: EventSink['append'] = (e) => { const ev = sink.append(e); out.push(ev); return ev; };
  const clock = new DrillClock();
  const machine = createPlanMachine(plan);
  const actor = createActor(machine, { clock });
  actor.start();

  // What has been logged about the machine so far.
  let level: string | null = actor.getSnapshot().context.level;
  let top = topState(actor.getSnapshot());
  const expiredAt = new Map<string, number>();
  const overdueLogged = new Set<string>();
  let missesLogged = 0;
  let terminatedByAction = false;

  const send = (event: PlanEvent): void => {
    opts.trace?.push(event);
    actor.send(event);
  };

  let failed = false;
  /** Logs what changed in the machine since the last look: warranted level, overdue steps, termination, errors. */
  const observe = (t: number): void => {
    const snap = actor.getSnapshot();
    if (snap.status === 'error' && !failed) {
      // A broken guard or action stops the machine; the drill goes on being logged, and the log says why.
      failed = true;
      const why = (snap.error as Error | undefined)?.message ?? String(snap.error);
      log({ t, type: 'note', text: `状态机出错，此后不再推演（statechart error: ${why}）`, source: 'engine' });
    }
    const ctx = snap.context;
    for (const step of ctx.expired) {
      if (expiredAt.has(step)) continue;
      expiredAt.set(step, t);
      opts.trace?.push({ type: 'DEADLINE', step });
    }
    if (ctx.level !== level) {
      level = ctx.level;
      log({ t, type: 'level.warranted', level, facts: { ...ctx.facts } as Record<string, FactValue> });
    }
    for (const step of ctx.expired) {
      if (ctx.steps[step] !== 'overdue' || overdueLogged.has(step)) continue;
      overdueLogged.add(step);
      log({ t, type: 'step.overdue', step, deadline: expiredAt.get(step) ?? t });
    }
    // A cadence due the step was short of (每30分钟检测一次 not done again in time) is logged as overdue at that due.
    for (; missesLogged < (ctx.missed?.length ?? 0); missesLogged++) log({ t, type: 'step.overdue', step: ctx.missed[missesLogged].step, deadline: t });
    const now = topState(snap);
    if (now !== top) {
      if (now === 'terminated' && !terminatedByAction) {
        log({ t, type: 'note', text: '响应终止条件已满足，状态机进入 terminated（statechart: termination condition met）', source: 'engine' });
      }
      top = now;
    }
  };

  /** INCIDENT for the first report, FACTS after it (the machine settles the level within the one event). */
  const sendFacts = (values: Record<string, FactValue> | undefined): void => {
    if (topState(actor.getSnapshot()) === 'standby') send(incidentEvent(values ?? {}));
    else if (values && Object.keys(values).length) send(factsEvent(values));
  };

  const delivered: Inject[] = [];
  const doInject = (inj: Inject, t: number): void => {
    log({ t, type: 'inject', inject: inj.id, to: [...inj.to], message: inj.message, ...(inj.facts ? { facts: { ...inj.facts } } : {}), source: spec.injectSource });
    delivered.push(inj);
    sendFacts(inj.facts);
    // Whoever an inject reaches has been told: their receipt-anchored deadlines (接到报告后1小时) start now.
    const told = inj.to.length ? inj.to : plan.roles.map((r) => r.id);
    if (told.length) send(notifyEvent(told));
    observe(t);
  };

  const unmatched = (a: DrillAction, t: number, what: string): void => {
    log({ t, type: 'action.unmatched', role: a.role, text: a.text?.trim() || what, source: spec.actionSource });
  };

  const doAction = (a: DrillAction, t: number): void => {
    const source = spec.actionSource;
    const text = a.text?.trim() ? a.text : undefined;
    switch (a.kind) {
      case 'step': {
        const m = matchAction(plan, a);
        if (!m) { unmatched(a, t, a.step ? `step ${a.step}` : 'step'); break; }
        log({ t, type: 'step.done', step: m.step, role: a.role, ...(text ? { text } : {}), match: m.match, source });
        send(stepDone(m.step, a.role));
        break;
      }
      case 'level':
        if (a.level) { log({ t, type: 'level.declared', level: a.level, role: a.role, source }); send(declareEvent(a.level, a.role)); }
        else unmatched(a, t, 'level');
        break;
      case 'notify':
        if (a.to) { log({ t, type: 'notify', role: a.role, to: a.to, ...(text ? { text } : {}), source }); send(notifyEvent([a.to].flat())); }
        else unmatched(a, t, 'notify');
        break;
      case 'ack': {
        const last = [...delivered].reverse().find((i) => i.to.length === 0 || i.to.includes(a.role));
        log({ t, type: 'ack', role: a.role, ...(last ? { inject: last.id } : {}), source });
        break;
      }
      case 'terminate': {
        log({ t, type: 'terminate', role: a.role, source });
        const before = topState(actor.getSnapshot());
        terminatedByAction = true;
        send(terminateEvent(a.role));
        if (before === 'response' && topState(actor.getSnapshot()) === 'response') {
          const decider = plan.termination?.decidedBy;
          log({ t, type: 'note', text: `状态机未接受 ${a.role} 宣布的响应终止${decider ? `（预案规定由 ${decider} 宣布）` : ''}（statechart: TERMINATE by ${a.role} not accepted）`, source: 'engine' });
        }
        observe(t);
        terminatedByAction = false;
        break;
      }
      case 'note':
        log({ t, type: 'note', role: a.role, text: a.text ?? '', source });
        break;
      default:
        unmatched(a, t, String((a as { kind?: unknown }).kind ?? 'action'));
    }
    observe(t);
  };

  log({
    t: 0, type: 'drill.start', scenario: scenario.id || 'scenario', plan: opts.planPath ?? (scenario.plan || plan.file),
    planHash: sha256(opts.planSource ?? modelText(plan)), scenarioHash: sha256(opts.scenarioSource ?? modelText(scenario)),
    mode: spec.mode, seed: Number.isInteger(opts.seed) ? opts.seed! : Number.isInteger(scenario.seed) ? scenario.seed : 0,
  });

  const { items } = buildAgenda(scenario.injects, spec.actions);
  const lastMs = items.length ? toMs(items[items.length - 1].at) : 0;
  const endMs = Math.max(lastMs, opts.end !== undefined && Number.isFinite(opts.end) && opts.end >= 0 ? toMs(opts.end) : 0);
  const tick = (ms: number) => observe(toSeconds(ms));
  for (let i = 0; i < items.length;) {
    const ms = toMs(items[i].at);
    clock.advanceTo(ms, tick);
    const t = toSeconds(ms);
    for (; i < items.length && toMs(items[i].at) === ms; i++) {
      const item: AgendaItem = items[i];
      if (item.kind === 'inject') doInject(item.inject, t);
      else doAction(item.action, t);
    }
    // Deadlines due exactly now pass after what happened now (done at 1:00 is within 1分钟; at the end, the
    // scorer counts a deadline equal to the end as passed too).
    clock.flush(tick);
  }
  if (endMs > clock.now()) {
    clock.advanceTo(endMs, tick);
    clock.flush(tick);
  }
  const t = toSeconds(endMs);
  observe(t);
  const state = topState(actor.getSnapshot());
  log({ t, type: 'drill.end', reason: state === 'terminated' || state === 'recovery' ? 'terminated' : 'script-complete' });
  actor.stop();
  return out;
}

/** Stable text of a model for hashing when the source text is not at hand (places included: they are data). */
function modelText(x: unknown): string {
  return JSON.stringify(x, (_k, v) => (v instanceof Map ? [...v] : v instanceof Set ? [...v] : v));
}
