/**
 * Plan structure the diagrams share: which steps a view shows, which steps are common to every level, where each
 * level-specific branch starts, and where the level decision sits in the flow. Pure functions of the Plan.
 */
import type { Level, Plan, Step } from '../model/index.js';
import { stepsAt } from '../model/query.js';

/** The steps of a view, first occurrence of each id only (duplicate ids are a lint error, not a diagram's). */
export function viewSteps(plan: Plan, levelId?: string): Step[] {
  const list = levelId === undefined ? plan.steps : stepsAt(plan, levelId);
  const seen = new Set<string>();
  return list.filter((s) => (seen.has(s.id) ? false : (seen.add(s.id), true)));
}

/** Levels a step names that the plan declares. */
export function knownLevels(plan: Plan, step: Step): Level[] {
  return plan.levels.filter((l) => step.levels.includes(l.id));
}

/** True when a step applies at every level (no levels, or all declared levels, or only undeclared ones). */
export function isCommon(plan: Plan, step: Step): boolean {
  const known = knownLevels(plan, step);
  return step.levels.length === 0 || known.length === 0 || known.length === plan.levels.length;
}

/** The least severe declared level a step applies at: where its branch enters the flow. */
export function entryLevel(plan: Plan, step: Step): Level | undefined {
  const known = knownLevels(plan, step);
  return known.length ? known.reduce((a, b) => (b.rank > a.rank ? b : a)) : undefined;
}

/** Levels from most severe (rank 1) to least severe: the order the decision diamonds ask in. */
export function levelsBySeverity(plan: Plan): Level[] {
  return [...plan.levels].sort((a, b) => a.rank - b.rank);
}

/** The structure of one flowchart view. */
export interface FlowStructure {
  steps: Step[];
  /** Shown prerequisites of each shown step. */
  prereqs: Map<string, Step[]>;
  /** Steps that start a level-specific branch, with the level node that gates them. */
  gates: Map<string, Level>;
  /** Common steps after which the level decision is taken; empty means straight after the alarm. */
  feeds: Step[];
  /** Steps no shown step waits for: they lead to termination. */
  sinks: Step[];
  /** Steps with no shown prerequisite and no gate: they start at the alarm. */
  roots: Step[];
}

/**
 * Works out the flow of a view. A level-specific step is gated by a level node when none of its prerequisites is
 * itself level-specific with the same entry level (that prerequisite's gate already covers it). The level decision
 * is fed by the common steps those gated steps wait for — in practice the assessment step; when no step is gated it
 * falls back to the deciders' own common steps, then to the alarm.
 */
export function flowStructure(plan: Plan, levelId?: string): FlowStructure {
  const steps = viewSteps(plan, levelId);
  const shown = new Map(steps.map((s) => [s.id, s] as const));
  const prereqs = new Map<string, Step[]>();
  for (const s of steps) {
    const ps = [...new Set(s.after)].map((id) => shown.get(id)).filter((p): p is Step => p !== undefined && p !== s);
    prereqs.set(s.id, ps);
  }
  const view = levelId === undefined ? undefined : plan.levels.find((l) => l.id === levelId);
  const gates = new Map<string, Level>();
  for (const s of steps) {
    if (isCommon(plan, s)) continue;
    const entry = view ?? entryLevel(plan, s);
    if (!entry) continue;
    const covered = prereqs.get(s.id)!.some((p) => !isCommon(plan, p) && (view ? true : entryLevel(plan, p) === entry));
    if (!covered) gates.set(s.id, entry);
  }
  const feedSet = new Set<Step>();
  for (const s of steps) {
    if (!gates.has(s.id)) continue;
    for (const p of prereqs.get(s.id)!) if (isCommon(plan, p)) feedSet.add(p);
  }
  let feeds = steps.filter((s) => feedSet.has(s));
  if (feeds.length === 0) {
    const deciders = new Set((view ? [view] : plan.levels).map((l) => l.decidedBy).filter(Boolean));
    const own = steps.filter((s) => isCommon(plan, s) && s.role !== undefined && deciders.has(s.role));
    feeds = own.length ? [own[own.length - 1]] : [];
  }
  const waitedFor = new Set<string>();
  for (const s of steps) for (const p of prereqs.get(s.id)!) waitedFor.add(p.id);
  const sinks = steps.filter((s) => !waitedFor.has(s.id));
  const roots = steps.filter((s) => prereqs.get(s.id)!.length === 0 && !gates.has(s.id));
  return { steps, prereqs, gates, feeds, sinks, roots };
}
