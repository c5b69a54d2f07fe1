/**
 * The drill session (演练会话): the one engine every drill runs on — scripted (`runScripted`, the scenario's
 * `actions:`), observed (`runObserved`, an observer's record) and live / blind (`LiveDrill`, participants' pages).
 * It runs the plan's compiled statechart (`createPlanMachine`) on a `DrillClock` and writes the event log to any
 * `EventSink`; it never evaluates a trigger or a deadline itself — it tells the machine what happened and logs what
 * the machine says back:
 *
 * - an inject is `INCIDENT` (the first report) or `FACTS`, and a `NOTIFY` of the roles it reaches; a notification is
 *   a `NOTIFY`; a level declaration is a `DECLARE` (a level started by decision is entered when its decider declares
 *   it); a step is `STEP_DONE`; a termination is `TERMINATE`. Who an event tells is `toldRoles` (told.ts), the rule
 *   the participant pages and the scorer use too;
 * - back come the warranted level (`level.warranted`), deadlines that passed (`step.overdue`), each due of a cadence
 *   (每30分钟) the step was short of (`step.overdue` at that due), and termination.
 *
 * Participant actions are logged as they happened, whether or not the machine takes them: a step done twice, by the
 * wrong role or before its prerequisites is logged every time (scoring decides what it means); an action that matches
 * no step is logged as `action.unmatched`. Nothing is dropped.
 *
 * Fed one thing at a time:
 * - `advance(t)` moves drill time to `t`: reveals every scenario inject due by then (each at its own time) and fires
 *   the machine's timers at their exact times;
 * - `act(t, action)` / `actAll(t, actions)` log actions at `t` (timers due exactly at `t` fire after them: done at
 *   1:00 is within 1分钟);
 * - `inject`, `revealNow`, `note`, `record`, `end` for the facilitator;
 * - `replay(events)` rebuilds the machine from an existing log (resume after a crash) without writing anything;
 *   what the log is missing because a crash cut a sequence short is logged by the next `advance`.
 *
 * Deterministic: no wall clock, no randomness. The same plan, scenario and inputs give the same events.
 */
import { createActor, type Actor, type SnapshotFrom } from 'xstate';
import {
  createPlanMachine, declareEvent, factsEvent, incidentEvent, notifyEvent, periodMs, stepDone, terminateEvent, type PlanEvent, type PlanMachine,
} from '../compile/index.js';
import type { Plan } from '../model/index.js';
import { matchAction } from './match.js';
import { buildAgenda, sha256, toMs, toSeconds, type EventInput, type EventSink } from './run-agenda.js';
import { DrillClock } from './run-clock.js';
import { toldRoles } from './told.js';
import type { DrillAction, DrillEvent, EventSource, FactValue, Inject, Scenario } from './types.js';

type Snapshot = SnapshotFrom<PlanMachine>;

/** What `drill.start` records. */
export interface StartInfo {
  mode: 'scripted' | 'live' | 'blind' | 'observed';
  seed?: number;
  /** Plan file text (for `planHash`; default a hash of the model). */
  planSource?: string;
  /** Scenario file text (for `scenarioHash`; default a hash of the model). */
  scenarioSource?: string;
  /** What the log names the scenario by, instead of its id and hash (a blind drill's commitment). */
  sealed?: { scenario: string; scenarioHash: string };
  /** Plan path recorded (default the scenario's `plan`, else the plan's file). */
  planPath?: string;
}

/** An action as the session receives it: a `DrillAction` without a time (and without a source place). */
export interface LiveAction {
  role: string;
  kind: DrillAction['kind'];
  step?: string;
  level?: string;
  to?: string;
  text?: string;
  /** For `ack`: the inject acknowledged (default: the last one delivered to the role); null: not an inject (a notification). */
  inject?: string | null;
}

/** A manual inject from the facilitator. */
export interface ManualInject {
  message: string;
  to?: string[];
  facts?: Record<string, FactValue>;
  /** Default `m1`, `m2`, … (never an id the scenario uses). */
  id?: string;
}

/**
 * A change to an upcoming scenario inject (not yet revealed), by the facilitator of a non-blind drill: a new time, a
 * new message, recipients or facts (`null` removes the facts), or skipping it altogether.
 */
export interface InjectChange {
  at?: number;
  message?: string;
  to?: string[];
  facts?: Record<string, FactValue> | null;
  skip?: boolean;
}

/** Why a drill ended, as `drill.end` records it. */
export type EndReason = 'script-complete' | 'facilitator' | 'terminated' | 'timeout';

/** Top-level state of the plan machine: standby, response, terminated or recovery. */
function topState(s: Snapshot): string {
  return typeof s.value === 'string' ? s.value : Object.keys(s.value)[0] ?? '';
}

/** Stable text of a model for hashing when the source text is not at hand. */
export function modelText(x: unknown): string {
  return JSON.stringify(x, (_k, v) => (v instanceof Map ? [...v] : v instanceof Set ? [...v] : v));
}

const round = (t: number): number => toSeconds(toMs(t));

/** The change a logged `schedule` event made (an empty `facts` object removed the facts). */
function scheduleChange(e: Extract<DrillEvent, { type: 'schedule' }>): InjectChange {
  if (e.op === 'skip') return { skip: true };
  return { ...(e.at !== undefined ? { at: e.at } : {}), ...(e.message !== undefined ? { message: e.message } : {}), ...(e.to ? { to: e.to } : {}),
    ...(e.facts !== undefined ? { facts: Object.keys(e.facts).length ? e.facts : null } : {}) };
}

export class DrillSession {
  private readonly clock = new DrillClock();
  private readonly actor: Actor<PlanMachine>;
  private readonly agenda: Inject[];
  /** Scenario injects the facilitator skipped (never revealed). */
  private readonly skipped = new Set<string>();
  private readonly cadences: ReadonlySet<string>;
  private next = 0;
  private level: string | null;
  private top: string;
  private readonly expiredAt = new Map<string, number>();
  private readonly overdueLogged = new Set<string>();
  /** Cadence misses (`context.missed`) already in the log. */
  private missesLogged = 0;
  private terminatedByAction = false;
  private failed = false;
  private replaying = false;
  private readonly delivered: Inject[] = [];
  private readonly revealedIds = new Set<string>();
  private manualCount = 0;
  private started = false;
  private endedFlag = false;
  /** Events written by the current call (returned to the caller). */
  private batch: DrillEvent[] = [];

  /** Receives every event the machine processed, in order (for replay checks). */
  readonly trace: PlanEvent[] | undefined;

  /** When false, scenario injects are not revealed (a live clock not started yet). */
  gate = true;

  /** Who scenario injects are logged as coming from (`script` in scripted drills, `facilitator` in live ones). */
  injectSource: EventSource = 'facilitator';

  constructor(readonly plan: Plan, readonly scenario: Scenario, private readonly sink: EventSink, opts: { trace?: PlanEvent[] } = {}) {
    this.trace = opts.trace;
    this.actor = createActor(createPlanMachine(plan), { clock: this.clock });
    this.actor.start();
    this.agenda = buildAgenda(scenario.injects, []).items.map((i) => (i as { inject: Inject }).inject);
    this.cadences = new Set(plan.steps.filter((s) => periodMs(s.deadline) !== undefined).map((s) => s.id));
    this.level = this.actor.getSnapshot().context.level;
    this.top = topState(this.actor.getSnapshot());
  }

  /** Drill seconds the engine has reached. */
  get now(): number { return toSeconds(this.clock.now()); }
  /** True once `drill.start` is logged (or replayed). */
  get isStarted(): boolean { return this.started; }
  /** True once `drill.end` is logged (or replayed). */
  get ended(): boolean { return this.endedFlag; }
  /** Ids of injects revealed so far (scenario and manual). */
  get revealed(): ReadonlySet<string> { return this.revealedIds; }
  /** Scenario injects not yet revealed, in order (for a non-blind facilitator only). */
  upcoming(): Inject[] { return this.agenda.slice(this.next).filter((i) => !this.revealedIds.has(i.id) && !this.skipped.has(i.id)); }
  /** Time of the next scenario inject, if any. */
  nextInjectAt(): number | undefined { return this.upcoming()[0]?.at; }
  /** Injects delivered so far, in order. */
  get deliveredInjects(): readonly Inject[] { return this.delivered; }
  /** Current facts, warranted level, top-level state and step statuses of the machine. */
  status(): { facts: Record<string, FactValue>; level: string | null; state: string; steps: Record<string, string> } {
    const s = this.actor.getSnapshot();
    return { facts: { ...s.context.facts } as Record<string, FactValue>, level: s.context.level, state: topState(s), steps: { ...s.context.steps } };
  }

  /** Logs `drill.start` at time 0. */
  start(info: StartInfo): DrillEvent[] {
    if (this.started) throw new Error('the drill has already started');
    return this.run(0, () => {
      this.started = true;
      this.log({
        t: 0, type: 'drill.start', scenario: info.sealed?.scenario ?? (this.scenario.id || 'scenario'), plan: info.planPath ?? (this.scenario.plan || this.plan.file),
        planHash: sha256(info.planSource ?? modelText(this.plan)), scenarioHash: info.sealed?.scenarioHash ?? sha256(info.scenarioSource ?? modelText(this.scenario)),
        mode: info.mode, seed: Number.isInteger(info.seed) ? info.seed! : Number.isInteger(this.scenario.seed) ? this.scenario.seed : 0,
      });
    }, false);
  }

  /** Moves drill time to `t` (never back): reveals the injects due by then and fires deadlines. */
  advance(t: number): DrillEvent[] {
    this.batch = [];
    this.moveTo(round(t));
    this.clock.flush(this.tick);
    // A no-op unless a replayed log stopped short of what the machine says (then the missing events are logged now).
    if (this.started && !this.endedFlag) this.observe(this.now);
    return this.take();
  }

  /** Logs an action at drill time `t` (the engine first catches up to `t`). */
  act(t: number, a: LiveAction, source: EventSource): DrillEvent[] {
    return this.actAll(t, [a], source);
  }

  /** Logs several actions at the same drill time `t`, in order; timers due exactly at `t` fire after all of them. */
  actAll(t: number, actions: readonly LiveAction[], source: EventSource): DrillEvent[] {
    return this.run(t, () => { for (const a of actions) this.doAction(a, this.at(t), source); });
  }

  /** Reveals a manual inject at `t`. */
  inject(t: number, m: ManualInject, source: EventSource = 'facilitator'): DrillEvent[] {
    const taken = new Set([...this.scenario.injects.map((i) => i.id), ...this.revealedIds]);
    let id = m.id;
    if (!id || taken.has(id)) do id = `m${++this.manualCount}`; while (taken.has(id));
    const at = this.at(t);
    const inj: Inject = { id, at, atText: String(at), message: m.message, to: [...(m.to ?? [])], expected: [], ...(m.facts ? { facts: { ...m.facts } } : {}) };
    return this.run(t, () => this.doInject(inj, at, source));
  }

  /** Reveals a scheduled inject now, ahead of its time (the log records the time it was actually revealed). */
  revealNow(t: number, id: string, source: EventSource = 'facilitator'): DrillEvent[] {
    const inj = this.upcoming().find((i) => i.id === id);
    if (!inj) throw new RangeError(`no upcoming inject ${id}`);
    return this.run(t, () => this.doInject(inj, this.at(t), source));
  }

  /**
   * Changes an upcoming inject (see `InjectChange`); logged as a `schedule` event, so that a resumed drill replays
   * the same agenda. A new time before now reveals it at the next step of the clock. Throws a RangeError for an inject
   * that is not upcoming.
   */
  reschedule(t: number, id: string, change: InjectChange, source: EventSource = 'facilitator'): DrillEvent[] {
    if (!this.upcoming().some((i) => i.id === id)) throw new RangeError(`no upcoming inject ${id}`);
    return this.run(t, () => this.logSchedule(this.at(t), id, change, source));
  }

  /**
   * Puts the upcoming injects in a new order: `ids` (each upcoming inject once) take the upcoming times in
   * ascending order — the schedule's slots stay, what happens in them moves. One `schedule` event per moved inject.
   */
  reorder(t: number, ids: readonly string[], source: EventSource = 'facilitator'): DrillEvent[] {
    const up = this.upcoming();
    if (ids.length !== up.length || new Set(ids).size !== ids.length || ids.some((id) => !up.some((i) => i.id === id))) {
      throw new RangeError(`reorder needs every upcoming inject once: ${up.map((i) => i.id).join(', ')}`);
    }
    const slots = up.map((i) => i.at).sort((a, b) => a - b);
    return this.run(t, () => {
      ids.forEach((id, n) => {
        const inj = this.upcoming().find((i) => i.id === id)!;
        if (inj.at !== slots[n]) this.logSchedule(this.at(t), id, { at: slots[n] }, source);
      });
    });
  }

  /** Logs a note (facilitator or role) at `t`. */
  note(t: number, text: string, source: EventSource, role?: string): DrillEvent[] {
    return this.run(t, () => { this.log({ t: this.at(t), type: 'note', ...(role ? { role } : {}), text, source }); });
  }

  /** Logs any event at `t` after catching up (clock changes). */
  record(t: number, e: EventInput): DrillEvent[] {
    return this.run(t, () => { this.log({ ...e, t: this.at(t) } as EventInput); });
  }

  /**
   * Ends the drill at `t`: catches up (injects and timers due by then), then logs `drill.end`. Without a reason:
   * `terminated` when the machine has terminated the response, else `script-complete`.
   */
  end(t: number, reason?: EndReason): DrillEvent[] {
    if (this.endedFlag) return [];
    this.batch = [];
    const at = Math.max(round(t), this.now);
    this.moveTo(at);
    this.clock.flush(this.tick);
    this.observe(at);
    const state = topState(this.actor.getSnapshot());
    this.endedFlag = true;
    this.log({ t: at, type: 'drill.end', reason: reason ?? (state === 'terminated' || state === 'recovery' ? 'terminated' : 'script-complete') });
    this.actor.stop();
    return this.take();
  }

  /**
   * Rebuilds the engine from a log written by a session on the same plan and scenario, writing nothing. Afterwards
   * `advance` logs whatever the machine says the log is missing (a crash between an inject and its `level.warranted`).
   */
  replay(events: readonly DrillEvent[]): void {
    this.replaying = true;
    let misses = 0;
    try {
      for (const e of events) {
        const ms = toMs(e.t);
        if (ms > this.clock.now()) this.clock.advanceTo(ms, this.tick);
        switch (e.type) {
          case 'drill.start': this.started = true; break;
          case 'inject': {
            const known = this.scenario.injects.find((i) => i.id === e.inject);
            const inj: Inject = known ?? { id: e.inject, at: e.t, atText: String(e.t), message: e.message, to: [...e.to], expected: [], ...(e.facts ? { facts: e.facts } : {}) };
            if (!known && /^m\d+$/.test(e.inject)) this.manualCount = Math.max(this.manualCount, Number(e.inject.slice(1)));
            this.revealedIds.add(inj.id);
            this.delivered.push(inj);
            this.skipRevealed();
            break;
          }
          case 'level.warranted': this.level = e.level; break;
          case 'schedule': this.applySchedule(e.inject, scheduleChange(e)); break;
          case 'step.overdue':
            // A cadence's misses are counted, a one-off deadline is remembered (each is logged once).
            if (this.cadences.has(e.step)) misses += 1;
            else this.overdueLogged.add(e.step);
            break;
          case 'terminate': this.terminatedByAction = true; break;
          case 'drill.end': this.endedFlag = true; break;
          default: break;
        }
        this.feed(e);
        this.terminatedByAction = false;
        this.observe(e.t);
        this.clock.flush(this.tick);
      }
      this.missesLogged = Math.min(misses, this.actor.getSnapshot().context.missed?.length ?? 0);
      // What a state change the log did not record (cut short) leaves: `level` and `top` as the log says.
      this.top = topState(this.actor.getSnapshot());
    } finally {
      this.replaying = false;
    }
    if (this.endedFlag) this.actor.stop();
  }

  // ---- one item at a time ----

  /** Clamped time of the call in progress (never before the engine's time). */
  private at(t: number): number { return Math.max(round(t), this.now); }

  private run(t: number, fn: () => void, check = true): DrillEvent[] {
    if (check && !this.started) throw new Error('the drill has not started');
    if (this.endedFlag) throw new Error('the drill has ended');
    this.batch = [];
    const at = Math.max(round(t), this.now);
    this.moveTo(at);
    fn();
    // Deadlines due exactly now pass after what happened now (done at 1:00 is within 1分钟).
    this.clock.flush(this.tick);
    return this.take();
  }

  private take(): DrillEvent[] {
    const out = this.batch;
    this.batch = [];
    return out;
  }

  private readonly tick = (ms: number): void => this.observe(toSeconds(ms));

  /** Advances to `at` ms-rounded seconds, revealing scenario injects due up to and including it. */
  private moveTo(at: number): void {
    const ms = Math.max(toMs(at), this.clock.now());
    if (this.endedFlag) return;
    for (;;) {
      this.skipRevealed();
      const inj = this.agenda[this.next];
      if (!inj || toMs(inj.at) > ms || !this.started || !this.gate) break;
      const due = Math.max(toMs(inj.at), this.clock.now());
      this.clock.advanceTo(due, this.tick);
      const tt = toSeconds(due);
      // Every inject due at this same time, in file order, before the timers due then.
      while (this.agenda[this.next] && toMs(this.agenda[this.next].at) <= due) {
        const i = this.agenda[this.next++];
        if (!this.revealedIds.has(i.id)) this.doInject(i, tt, this.injectSource);
      }
      if (due < ms) this.clock.flush(this.tick);
    }
    if (ms > this.clock.now()) this.clock.advanceTo(ms, this.tick);
  }

  private skipRevealed(): void {
    while (this.agenda[this.next] && (this.revealedIds.has(this.agenda[this.next].id) || this.skipped.has(this.agenda[this.next].id))) this.next++;
  }

  private logSchedule(t: number, id: string, c: InjectChange, source: EventSource): void {
    const at = c.at === undefined ? undefined : Math.max(round(c.at), t);
    this.log({
      t, type: 'schedule', inject: id, op: c.skip ? 'skip' : 'edit',
      ...(c.skip ? {} : {
        ...(at !== undefined ? { at } : {}), ...(c.message !== undefined ? { message: c.message } : {}), ...(c.to ? { to: [...c.to] } : {}),
        ...(c.facts !== undefined ? { facts: c.facts === null ? {} : { ...c.facts } } : {}),
      }),
      source,
    });
    this.applySchedule(id, { ...c, ...(at !== undefined ? { at } : {}) });
  }

  /** Applies a schedule change to the agenda (the part not yet revealed), keeping it in time order. */
  private applySchedule(id: string, c: InjectChange): void {
    const i = this.agenda.findIndex((x, n) => n >= this.next && x.id === id);
    if (i < 0) return;
    if (c.skip) { this.skipped.add(id); this.skipRevealed(); return; }
    const old = this.agenda[i];
    const facts = c.facts === undefined ? old.facts : c.facts === null || !Object.keys(c.facts).length ? undefined : { ...c.facts };
    const next: Inject = { ...old, ...(c.at !== undefined ? { at: c.at, atText: String(c.at) } : {}), ...(c.message !== undefined ? { message: c.message } : {}), ...(c.to ? { to: [...c.to] } : {}) };
    if (facts) next.facts = facts; else delete next.facts;
    this.agenda[i] = next;
    const rest = this.agenda.splice(this.next).map((x, n) => ({ x, n })).sort((a, b) => a.x.at - b.x.at || a.n - b.n).map(({ x }) => x);
    this.agenda.push(...rest);
  }

  private log(e: EventInput): DrillEvent | undefined {
    if (this.replaying) return undefined;
    const ev = this.sink.append(e);
    this.batch.push(ev);
    return ev;
  }

  /** Logs an event and tells the machine about it (`feed`). */
  private logAndFeed(e: EventInput): void {
    const ev = this.log(e);
    if (ev) this.feed(ev);
  }

  private send(event: PlanEvent): void {
    this.trace?.push(event);
    this.actor.send(event);
  }

  /**
   * What a logged event means to the machine — the same whether it was just logged or is being replayed from the log
   * after a crash: facts, who was told, a step done, a level declared, a termination.
   */
  private feed(e: DrillEvent): void {
    switch (e.type) {
      case 'inject':
        if (topState(this.actor.getSnapshot()) === 'standby') this.send(incidentEvent(e.facts ?? {}));
        else if (e.facts && Object.keys(e.facts).length) this.send(factsEvent(e.facts));
        break;
      case 'step.done': this.send(stepDone(e.step, e.role)); break;
      case 'level.declared': this.send(declareEvent(e.level, e.role)); break;
      case 'terminate': this.send(terminateEvent(e.role)); break;
      default: break;
    }
    // Whoever an event reaches has been told: their receipt-anchored deadlines (接到报告后1小时) start now.
    const told = toldRoles(e, this.plan);
    if (told.length) this.send(notifyEvent(told));
  }

  /** Logs what changed in the machine since the last look: warranted level, overdue steps, cadence misses, termination. */
  private observe(t: number): void {
    const snap = this.actor.getSnapshot();
    if (snap.status === 'error' && !this.failed) {
      // A broken guard or action stops the machine; the drill goes on being logged, and the log says why.
      this.failed = true;
      const why = (snap.error as Error | undefined)?.message ?? String(snap.error);
      this.log({ t, type: 'note', text: `状态机出错，此后不再推演（statechart error: ${why}）`, source: 'engine' });
    }
    const ctx = snap.context;
    for (const step of ctx.expired) {
      if (this.expiredAt.has(step)) continue;
      this.expiredAt.set(step, t);
      this.trace?.push({ type: 'DEADLINE', step });
    }
    if (this.replaying) return;
    if (ctx.level !== this.level) {
      this.level = ctx.level;
      this.log({ t, type: 'level.warranted', level: this.level, facts: { ...ctx.facts } as Record<string, FactValue> });
    }
    for (const step of ctx.expired) {
      if (ctx.steps[step] !== 'overdue' || this.overdueLogged.has(step)) continue;
      this.overdueLogged.add(step);
      this.log({ t, type: 'step.overdue', step, deadline: this.expiredAt.get(step) ?? t });
    }
    // A cadence due the step was short of (每30分钟检测一次 not done again in time) is logged as overdue at that due.
    for (; this.missesLogged < (ctx.missed?.length ?? 0); this.missesLogged++) {
      this.log({ t, type: 'step.overdue', step: ctx.missed[this.missesLogged].step, deadline: t });
    }
    const now = topState(snap);
    if (now !== this.top) {
      if (now === 'terminated' && !this.terminatedByAction) {
        this.log({ t, type: 'note', text: '响应终止条件已满足，状态机进入 terminated（statechart: termination condition met）', source: 'engine' });
      }
      this.top = now;
    }
  }

  private doInject(inj: Inject, t: number, source: EventSource): void {
    this.revealedIds.add(inj.id);
    this.delivered.push(inj);
    this.logAndFeed({ t, type: 'inject', inject: inj.id, to: [...inj.to], message: inj.message, ...(inj.facts ? { facts: { ...inj.facts } } : {}), source });
    this.observe(t);
  }

  private unmatched(a: LiveAction, t: number, what: string, source: EventSource): void {
    this.log({ t, type: 'action.unmatched', role: a.role, text: a.text?.trim() || what, source });
  }

  private doAction(a: LiveAction, t: number, source: EventSource): void {
    const text = a.text?.trim() ? a.text : undefined;
    switch (a.kind) {
      case 'step': {
        const m = matchAction(this.plan, a);
        if (!m) { this.unmatched(a, t, a.step ? `step ${a.step}` : 'step', source); break; }
        this.logAndFeed({ t, type: 'step.done', step: m.step, role: a.role, ...(text ? { text } : {}), match: m.match, source });
        break;
      }
      case 'level':
        if (a.level) this.logAndFeed({ t, type: 'level.declared', level: a.level, role: a.role, source });
        else this.unmatched(a, t, 'level', source);
        break;
      case 'notify':
        if (a.to) this.logAndFeed({ t, type: 'notify', role: a.role, to: a.to, ...(text ? { text } : {}), source });
        else this.unmatched(a, t, 'notify', source);
        break;
      case 'ack': {
        const mine = (i: Inject) => i.to.length === 0 || i.to.includes(a.role);
        const named = typeof a.inject === 'string' ? this.delivered.find((i) => i.id === a.inject && mine(i)) : undefined;
        const last = a.inject === null ? undefined : named ?? [...this.delivered].reverse().find(mine);
        this.log({ t, type: 'ack', role: a.role, ...(last ? { inject: last.id } : {}), source });
        break;
      }
      case 'terminate': {
        const before = topState(this.actor.getSnapshot());
        this.terminatedByAction = true;
        this.logAndFeed({ t, type: 'terminate', role: a.role, source });
        if (before === 'response' && topState(this.actor.getSnapshot()) === 'response') {
          const decider = this.plan.termination?.decidedBy;
          this.log({ t, type: 'note', text: `状态机未接受 ${a.role} 宣布的响应终止${decider ? `（预案规定由 ${decider} 宣布）` : ''}（statechart: TERMINATE by ${a.role} not accepted）`, source: 'engine' });
        }
        this.observe(t);
        this.terminatedByAction = false;
        break;
      }
      case 'note':
        this.log({ t, type: 'note', role: a.role, text: a.text ?? '', source });
        break;
      default:
        this.unmatched(a, t, String((a as { kind?: unknown }).kind ?? 'action'), source);
    }
    this.observe(t);
  }
}
