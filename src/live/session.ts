/**
 * The incremental drill engine (逐条推进的演练引擎) for live and blind drills: the same machinery as the scripted
 * engine (src/drill/engine.ts) — the plan's compiled statechart (`createPlanMachine`), `matchAction`, `DrillClock`,
 * any `EventSink` (a `DrillLog` in practice) — fed one thing at a time instead of from a finished agenda:
 *
 * - `advance(t)` moves drill time to `t`: reveals every scenario inject due by then (each logged at its own time)
 *   and fires the machine's deadline timers at their exact times (`step.overdue`);
 * - `act(action)` logs a participant's action at the current time, exactly as the scripted engine logs a scripted
 *   one (step matched by id or text, `action.unmatched` when nothing matches, never dropped);
 * - `inject(...)`, `revealNow(id)`, `note(...)`, `end(...)` for the facilitator;
 * - `replay(events)` rebuilds the machine from an existing log (resume after a crash) without writing anything;
 *   what the log is missing because the crash cut a sequence short (a `level.warranted` after an inject, a
 *   `step.overdue`) is logged by the next `advance`.
 *
 * What the engine logs for a given sequence of injects and actions is the scripted engine's: `session.test.ts` runs
 * every bundled scenario through both and requires byte-identical logs. (The scripted engine could be rebuilt on
 * this class — one place for the logic; until then the test keeps the two in step.)
 */
import { createActor, type Actor, type SnapshotFrom } from 'xstate';
import { createPlanMachine, factsEvent, incidentEvent, stepDone, terminateEvent, type PlanEvent, type PlanMachine } from '../compile/index.js';
import { matchAction } from '../drill/match.js';
import { buildAgenda, sha256, toMs, toSeconds, type EventInput, type EventSink } from '../drill/run-agenda.js';
import { DrillClock } from '../drill/run-clock.js';
import type { DrillAction, DrillEvent, EventSource, FactValue, Inject, Scenario } from '../drill/types.js';
import type { Plan } from '../model/index.js';

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
  /** Plan path recorded (default the scenario's `plan`). */
  planPath?: string;
}

/** A participant's (or the facilitator's) action as the live drill receives it: a `DrillAction` without a time. */
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

/** Top-level state of the plan machine: standby, response, terminated or recovery. */
function topState(s: Snapshot): string {
  return typeof s.value === 'string' ? s.value : Object.keys(s.value)[0] ?? '';
}

/** Stable text of a model for hashing when the source text is not at hand (as the scripted engine does it). */
function modelText(x: unknown): string {
  return JSON.stringify(x, (_k, v) => (v instanceof Map ? [...v] : v instanceof Set ? [...v] : v));
}

const round = (t: number): number => toSeconds(toMs(t));

export class DrillSession {
  private readonly clock = new DrillClock();
  private readonly actor: Actor<PlanMachine>;
  private readonly agenda: Inject[];
  private next = 0;
  private level: string | null;
  private top: string;
  private readonly expiredAt = new Map<string, number>();
  private readonly overdueLogged = new Set<string>();
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

  constructor(readonly plan: Plan, readonly scenario: Scenario, private readonly sink: EventSink, opts: { trace?: PlanEvent[] } = {}) {
    this.trace = opts.trace;
    this.actor = createActor(createPlanMachine(plan), { clock: this.clock });
    this.actor.start();
    this.agenda = buildAgenda(scenario.injects, []).items.map((i) => (i as { inject: Inject }).inject);
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
  upcoming(): Inject[] { return this.agenda.slice(this.next).filter((i) => !this.revealedIds.has(i.id)); }
  /** Time of the next scenario inject, if any. */
  nextInjectAt(): number | undefined { return this.upcoming()[0]?.at; }
  /** Injects delivered so far, in order. */
  get deliveredInjects(): readonly Inject[] { return this.delivered; }
  /** Current facts, warranted level and top-level state of the machine. */
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
    return this.run(t, () => this.doAction(a, this.at(t), source));
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

  /** Logs a note (facilitator or role) at `t`. */
  note(t: number, text: string, source: EventSource, role?: string): DrillEvent[] {
    return this.run(t, () => { this.log({ t: this.at(t), type: 'note', ...(role ? { role } : {}), text, source }); });
  }

  /** Logs any event at `t` after catching up (clock notes). */
  record(t: number, e: EventInput): DrillEvent[] {
    return this.run(t, () => { this.log({ ...e, t: this.at(t) } as EventInput); });
  }

  /** Ends the drill at `t`: catches up, then logs `drill.end`. */
  end(t: number, reason: 'facilitator' | 'terminated' | 'timeout' | 'script-complete' = 'facilitator'): DrillEvent[] {
    if (this.endedFlag) return [];
    this.batch = [];
    const at = Math.max(round(t), this.now);
    this.moveTo(at);
    this.clock.flush(this.tick);
    this.observe(at);
    this.endedFlag = true;
    this.log({ t: at, type: 'drill.end', reason });
    this.actor.stop();
    return this.take();
  }

  /**
   * Rebuilds the engine from a log written by a session on the same plan and scenario, writing nothing. Afterwards
   * `advance` logs whatever the machine says the log is missing (a crash between an inject and its `level.warranted`).
   */
  replay(events: readonly DrillEvent[]): void {
    this.replaying = true;
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
            this.sendFacts(e.facts);
            break;
          }
          case 'step.done': this.send(stepDone(e.step, e.role)); break;
          case 'terminate': this.terminatedByAction = true; this.send(terminateEvent(e.role)); this.terminatedByAction = false; break;
          case 'level.warranted': this.level = e.level; break;
          case 'step.overdue': this.overdueLogged.add(e.step); break;
          case 'drill.end': this.endedFlag = true; break;
          default: break;
        }
        this.observe(e.t);
        this.clock.flush(this.tick);
      }
      // What a state change the log did not record (cut short) leaves: `level` and `top` as the log says.
      this.top = topState(this.actor.getSnapshot());
    } finally {
      this.replaying = false;
    }
    if (this.endedFlag) this.actor.stop();
  }

  // ---- the scripted engine's logic, one item at a time ----

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

  /** When false, scenario injects are not revealed (the live clock has not been started yet). */
  gate = true;

  /** Who scenario injects are logged as coming from (`script`, as the scripted engine does; live drills say facilitator). */
  injectSource: EventSource = 'facilitator';

  private skipRevealed(): void {
    while (this.agenda[this.next] && this.revealedIds.has(this.agenda[this.next].id)) this.next++;
  }

  private log(e: EventInput): void {
    if (this.replaying) return;
    const ev = this.sink.append(e);
    this.batch.push(ev);
  }

  private send(event: PlanEvent): void {
    this.trace?.push(event);
    this.actor.send(event);
  }

  /** Logs what changed in the machine since the last look: warranted level, overdue steps, termination. */
  private observe(t: number): void {
    const snap = this.actor.getSnapshot();
    if (snap.status === 'error' && !this.failed) {
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
    const now = topState(snap);
    if (now !== this.top) {
      if (now === 'terminated' && !this.terminatedByAction) {
        this.log({ t, type: 'note', text: '响应终止条件已满足，状态机进入 terminated（statechart: termination condition met）', source: 'engine' });
      }
      this.top = now;
    }
  }

  /** INCIDENT for the first report, FACTS after it (the machine settles the level within the one event). */
  private sendFacts(values: Record<string, FactValue> | undefined): void {
    if (topState(this.actor.getSnapshot()) === 'standby') this.send(incidentEvent(values ?? {}));
    else if (values && Object.keys(values).length) this.send(factsEvent(values));
  }

  private doInject(inj: Inject, t: number, source: EventSource): void {
    this.log({ t, type: 'inject', inject: inj.id, to: [...inj.to], message: inj.message, ...(inj.facts ? { facts: { ...inj.facts } } : {}), source });
    this.revealedIds.add(inj.id);
    this.delivered.push(inj);
    this.sendFacts(inj.facts);
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
        this.log({ t, type: 'step.done', step: m.step, role: a.role, ...(text ? { text } : {}), match: m.match, source });
        this.send(stepDone(m.step, a.role));
        break;
      }
      case 'level':
        if (a.level) this.log({ t, type: 'level.declared', level: a.level, role: a.role, source });
        else this.unmatched(a, t, 'level', source);
        break;
      case 'notify':
        if (a.to) this.log({ t, type: 'notify', role: a.role, to: a.to, ...(text ? { text } : {}), source });
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
        this.log({ t, type: 'terminate', role: a.role, source });
        const before = topState(this.actor.getSnapshot());
        this.terminatedByAction = true;
        this.send(terminateEvent(a.role));
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
