/**
 * Which roles get a lane in the timeline and what each lane shows, row by row.
 */
import type { DrillEvent } from '../drill/types.js';
import type { Activation, StepResult } from '../score/index.js';
import type { ReportModel } from './common.js';

/** One row of a lane: a level activation, a step, or the lane's loose events. */
export interface Row {
  kind: 'activation' | 'step' | 'events';
  step?: StepResult;
  activation?: Activation;
}

/** A role's lane: its rows top to bottom and the events drawn on its events row. */
export interface Lane {
  role: string;
  rows: Row[];
  events: DrillEvent[];
}

/** Steps worth a row: required (as planned or as warranted) or actually done. */
export function shownSteps(m: ReportModel): StepResult[] {
  return m.score.steps.filter((s) => s.required || s.requiredWarranted || s.doneAt !== undefined);
}

/** Roles that get a lane, in plan order then alphabetical: owners of shown steps, deciders of warranted levels, and every actor. */
export function laneRoles(m: ReportModel): string[] {
  const set = new Set<string>();
  for (const s of shownSteps(m)) if (s.role) set.add(s.role);
  for (const a of m.score.level.activations) if (a.decidedBy) set.add(a.decidedBy);
  for (const e of m.events) if ('role' in e && typeof e.role === 'string') set.add(e.role);
  const planOrder = m.plan.roles.map((r) => r.id).filter((r) => set.has(r));
  const rest = [...set].filter((r) => !planOrder.includes(r)).sort();
  return [...planOrder, ...rest];
}

/** The lanes of the timeline: per role its activations, then its steps, then (if any, or if nothing else) its events row. */
export function timelineLanes(m: ReportModel): Lane[] {
  const steps = shownSteps(m);
  return laneRoles(m).map((role) => {
    const rows: Row[] = [];
    for (const a of m.score.level.activations) if (a.decidedBy === role) rows.push({ kind: 'activation', activation: a });
    for (const s of steps) if (s.role === role) rows.push({ kind: 'step', step: s });
    // a step done by someone other than its owner shows on the doer's lane too, as a stray marker
    const events = m.events.filter((e) => 'role' in e && e.role === role && (
      e.type === 'level.declared' || e.type === 'notify' || e.type === 'ack' || e.type === 'action.unmatched'
      || e.type === 'note' || e.type === 'terminate' || (e.type === 'step.done' && steps.find((s) => s.step === e.step)?.role !== role)));
    // every lane keeps at least one row so a role that only appears in the plan is still visible
    if (events.length || !rows.length) rows.push({ kind: 'events' });
    return { role, rows, events };
  });
}
