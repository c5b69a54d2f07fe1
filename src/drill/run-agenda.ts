/** The drill agenda: injects and participant actions merged into one time-ordered list; event-log helpers. */
import { createHash } from 'node:crypto';
import type { DrillAction, DrillEvent, Inject } from './types.js';

/** One agenda item: an inject or an action, with its position in its own list (file order). */
export type AgendaItem =
  | { kind: 'inject'; at: number; index: number; inject: Inject }
  | { kind: 'action'; at: number; index: number; action: DrillAction };

/**
 * Injects and actions in time order. Equal times: injects before actions (a participant reacts to what the inject
 * reveals), then file order. Items without a finite, non-negative time are left out (the scenario checker reports
 * them); `skipped` lists them so nothing disappears silently.
 */
export function buildAgenda(injects: readonly Inject[], actions: readonly DrillAction[]): { items: AgendaItem[]; skipped: AgendaItem[] } {
  const all: AgendaItem[] = [
    ...injects.map((inject, index): AgendaItem => ({ kind: 'inject', at: inject.at, index, inject })),
    ...actions.map((action, index): AgendaItem => ({ kind: 'action', at: action.at, index, action })),
  ];
  const ok = (x: AgendaItem) => typeof x.at === 'number' && Number.isFinite(x.at) && x.at >= 0;
  const items = all.filter(ok).sort((a, b) => a.at - b.at || (a.kind === b.kind ? a.index - b.index : a.kind === 'inject' ? -1 : 1));
  return { items, skipped: all.filter((x) => !ok(x)) };
}

/** Simulated milliseconds for seconds from drill start (whole milliseconds, so equal times compare equal). */
export const toMs = (seconds: number): number => Math.round(seconds * 1000);

/** Seconds from drill start for simulated milliseconds. */
export const toSeconds = (ms: number): number => ms / 1000;

/** `sha256:<hex>` of a text (the plan or scenario source as read from disk). */
export function sha256(text: string): string {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

/** A drill event before the log numbers it. */
export type EventInput = WithoutSeq<DrillEvent>;
type WithoutSeq<T> = T extends unknown ? Omit<T, 'seq'> : never;

/** Where the engine writes events; the sink assigns `seq` (strictly increasing). */
export interface EventSink {
  append(event: EventInput): DrillEvent;
}

/** An in-memory sink: numbers events 1, 2, 3 … */
export class MemorySink implements EventSink {
  readonly events: DrillEvent[] = [];
  append(event: EventInput): DrillEvent {
    const e = { seq: this.events.length + 1, ...event } as DrillEvent;
    this.events.push(e);
    return e;
  }
}
