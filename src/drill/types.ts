import type { Located } from '../model/place.js';

/** A fact value carried by an inject (number, boolean or enum value). */
export type FactValue = number | boolean | string;

/** What an inject expects someone to do (HSEEP MSEL "expected action"). */
export interface ExpectedAction extends Located {
  role: string;
  /** Plan step id the action corresponds to (or a level declaration: `level:II`). */
  step?: string;
  text?: string;
  /** Seconds after the inject by which it should happen. */
  within?: number;
  withinText?: string;
}

/** A scenario event revealed at a time offset (情景注入). */
export interface Inject extends Located {
  id: string;
  /** Seconds from drill start. */
  at: number;
  atText: string;
  message: string;
  from?: string;
  /** Role ids the inject is addressed to; empty = everyone (facilitator broadcast). */
  to: string[];
  /** Incident facts this inject reveals (merged into the current facts). */
  facts?: Record<string, FactValue>;
  expected: ExpectedAction[];
}

/** What a participant does (scripted in `actions:`, logged live, or imported from an observer log). */
export type ActionKind = 'step' | 'level' | 'notify' | 'ack' | 'terminate' | 'note';

/** A participant action, as scripted or observed. */
export interface DrillAction extends Located {
  /** Seconds from drill start. */
  at: number;
  atText?: string;
  role: string;
  kind: ActionKind;
  /** Step id for `step`; matched by text when absent. */
  step?: string;
  /** Level id for `level` (a declaration that a response level is started). */
  level?: string;
  /** Role notified, for `notify`. */
  to?: string;
  /** Free text as the participant or observer wrote it. */
  text?: string;
}

/** CI assertions on a scenario's outcome. */
export interface Expectation extends Located {
  /** Final (highest) declared level. */
  level?: string;
  /** Overall score comparison such as ">= 80" or "< 60". */
  score?: string;
  /** Gap kinds that must not occur. */
  noGaps?: string[];
  /** Gap kinds that must occur. */
  gaps?: string[];
  terminated?: boolean;
}

/** A drill objective: what the exercise tests (演练目标). */
export interface Objective extends Located {
  id: string;
  text: string;
  /** Steps whose completion meets the objective. */
  steps: string[];
  /** Must be done within this many seconds of drill start. */
  within?: number;
}

/** A drill scenario (演练脚本 / MSEL). */
export interface Scenario extends Located {
  file: string;
  id: string;
  title: string;
  /** Path of the plan file, relative to the scenario file. */
  plan: string;
  type: 'tabletop' | 'field';
  scope: 'single' | 'comprehensive';
  objectives: Objective[];
  injects: Inject[];
  /** Scripted participant actions (scripted mode). */
  actions: DrillAction[];
  expect?: Expectation;
  /** Seed for anything random (deterministic logs). */
  seed: number;
  /** Scoring weights override. */
  weights?: Partial<Record<'time' | 'coordination' | 'effect', number>>;
}

/** Who wrote a log event. */
export type EventSource = 'engine' | 'script' | 'facilitator' | 'participant' | 'observer';

/** What any log event may carry besides its type's own fields. */
export interface EventMeta {
  /**
   * The client request id (the `Idempotency-Key` of the POST that produced the event). A retried request is answered
   * from the events that carry its id, so it is never stored twice, even across a restart.
   */
  req?: string;
}

/** One line of the append-only drill log (JSONL; schemas/drill-log.schema.json). The log alone determines the score. */
export type DrillEvent = EventMeta & (
  | { seq: number; t: number; type: 'drill.start'; scenario: string; plan: string; planHash: string; scenarioHash: string; mode: 'scripted' | 'live' | 'blind' | 'observed'; seed: number }
  | { seq: number; t: number; type: 'inject'; inject: string; to: string[]; message: string; facts?: Record<string, FactValue>; source: EventSource }
  /** The level the facts warrant, as the compiled statechart computes it. */
  | { seq: number; t: number; type: 'level.warranted'; level: string | null; facts: Record<string, FactValue> }
  /** A role declares (starts) a response level. */
  | { seq: number; t: number; type: 'level.declared'; level: string; role: string; source: EventSource }
  /** A role's action matched to a plan step. */
  | { seq: number; t: number; type: 'step.done'; step: string; role: string; text?: string; match: 'id' | 'text'; source: EventSource }
  /** A step's deadline passed before it was done. */
  | { seq: number; t: number; type: 'step.overdue'; step: string; deadline: number }
  | { seq: number; t: number; type: 'notify'; role: string; to: string; text?: string; source: EventSource }
  | { seq: number; t: number; type: 'ack'; role: string; inject?: string; source: EventSource }
  /** An action that matched no plan step: kept, never dropped. */
  | { seq: number; t: number; type: 'action.unmatched'; role: string; text: string; source: EventSource }
  | { seq: number; t: number; type: 'note'; role?: string; text: string; source: EventSource }
  | { seq: number; t: number; type: 'terminate'; role: string; source: EventSource }
  | { seq: number; t: number; type: 'drill.end'; reason: 'script-complete' | 'facilitator' | 'terminated' | 'timeout' }
  /**
   * The facilitator changed an upcoming scenario inject before it was revealed: `edit` (a new time `at`, message,
   * recipients, or facts — `{}` removes them) or `skip`. Replayed on resume, so the agenda is the one that was run.
   */
  | { seq: number; t: number; type: 'schedule'; inject: string; op: 'edit' | 'skip'; at?: number; message?: string; to?: string[]; facts?: Record<string, FactValue>; source: EventSource }
  /**
   * The live drill clock changed: `start`, `pause`, `resume`, `speed`, or `recover` (the server restarted from the log;
   * downtime is not drill time). `running`: whether the clock runs after the event; `speed`: drill seconds per second.
   */
  | { seq: number; t: number; type: 'clock'; op: ClockOp; speed: number; running: boolean; source: EventSource });

/** What happened to the live drill clock. */
export type ClockOp = 'start' | 'pause' | 'resume' | 'speed' | 'recover';

/** Event type names. */
export type DrillEventType = DrillEvent['type'];
