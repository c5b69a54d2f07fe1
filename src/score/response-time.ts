/**
 * 响应时间 (response time): level activation latency, every step against its deadline, and the plan's
 * first-response / initial-disposal milestones. See docs/scoring.md §2.
 */
import { evaluateTri } from '../expr/index.js';
import type { Step } from '../model/index.js';
import { absoluteDeadlines } from '../model/deadlines.js';
import { appliesAt, moreSevere, roleMatches, round3, type Context } from './context.js';
import { duration } from './format.js';
import type { Activation, Milestone, ScoreItem, StepResult, TimeStatus } from './types.js';

/** Share of each group of time items (renormalised over the groups that have items). */
export const TIME_GROUP_WEIGHTS = { level: 0.3, milestone: 0.2, step: 0.5 } as const;

/** Value of a timed item: 1 on time, falling linearly to 0 when late by the whole allowance; 0 when missed. */
export function lateness(status: TimeStatus, lateBy: number | undefined, allowed: number | undefined): number {
  if (status === 'on-time' || status === 'done') return 1;
  if (status === 'late') return allowed && allowed > 0 ? Math.max(0, 1 - (lateBy ?? 0) / allowed) : 0;
  return 0;
}

/** Whether a step's condition (if any) holds on the final facts: only then is the step required. */
export function conditionHolds(ctx: Context, step: Step): boolean {
  if (!step.condition) return true;
  if (!step.condition.ast) return false;
  return evaluateTri(step.condition.ast, ctx.finalFacts, ctx.plan.facts) === true;
}

/** When a step became applicable: incident start for all-level steps, else the first time one of its levels was warranted or declared. */
function baseOf(ctx: Context, step: Step): number | undefined {
  if (step.levels.length === 0) return ctx.incidentStart;
  const hit = [...ctx.warranted, ...ctx.declared].filter((c) => c.id !== null && step.levels.includes(c.id)).map((c) => c.t);
  return hit.length ? Math.max(ctx.incidentStart, Math.min(...hit)) : undefined;
}

/** Evaluates every plan step against its deadline (ratings and gaps are filled in later by `scoreDrill`). */
export function evaluateSteps(ctx: Context): StepResult[] {
  const deadlines = absoluteDeadlines(ctx.plan, ctx.evalLevel?.id);
  const partial = new Map<string, StepResult>();
  for (const step of ctx.plan.steps) {
    const cond = conditionHolds(ctx, step);
    const required = cond && appliesAt(step, ctx.evalLevel);
    const requiredWarranted = cond && appliesAt(step, ctx.maxWarranted ?? ctx.maxDeclared);
    const base = baseOf(ctx, step);
    const abs = deadlines.get(step.id);
    const first = ctx.done.get(step.id)?.[0];
    const r: StepResult = {
      step: step.id, action: step.action, role: step.role, required, requiredWarranted,
      status: 'not-required', ratingReasons: [], gaps: [], overdueSeqs: [],
    };
    if (base !== undefined) r.base = base;
    if (base !== undefined && abs) { r.deadline = base + abs.seconds; r.allowed = abs.seconds; }
    if (first) {
      r.doneAt = first.t;
      r.doneSeq = first.seq;
      r.doneBy = first.role;
      const who = roleMatches(ctx, step.role, first.role);
      if (who === 'deputy') r.byDeputy = true;
      else if (!who) r.wrongRole = true;
    }
    if (required || requiredWarranted) {
      if (first) {
        if (r.deadline === undefined) r.status = 'done';
        else if (first.t <= r.deadline) r.status = 'on-time';
        else { r.status = 'late'; r.lateBy = first.t - r.deadline; }
      } else if (r.deadline !== undefined && r.deadline > ctx.end) r.status = 'pending';
      else r.status = 'missed';
    }
    // A step required only at the warranted level keeps its timing for the effect dimension, but is not rated.
    if (!required && requiredWarranted) r.ratingReasons.push('required-at-warranted-level');
    partial.set(step.id, r);
  }
  for (const e of ctx.events) {
    if (e.type === 'step.overdue') partial.get(e.step)?.overdueSeqs.push(e.seq);
  }
  // Expected window: from when the last prerequisite was done (or was due) to the deadline.
  for (const step of ctx.plan.steps) {
    const r = partial.get(step.id)!;
    if (r.base === undefined) continue;
    let start = r.base;
    for (const p of step.after) {
      const pr = partial.get(p);
      if (!pr) continue;
      const t = pr.doneAt ?? pr.deadline;
      if (t !== undefined && t > start) start = t;
    }
    r.windowStart = start;
  }
  return ctx.plan.steps.map((s) => partial.get(s.id)!);
}

/** Each level that became warranted (more severe than any before) and when a level at or above it was declared. */
export function evaluateActivations(ctx: Context): Activation[] {
  const out: Activation[] = [];
  let max: Context['maxWarranted'] = null;
  for (const w of ctx.warranted) {
    if (!w.level || !moreSevere(w.level, max)) continue;
    max = w.level;
    const level = w.level;
    const decl = ctx.declared.find((d) => d.level && d.level.rank <= level.rank);
    const a: Activation = { level: level.id, warrantedAt: w.t, warrantedSeq: w.seq, status: 'missed' };
    const allowed = level.activation && Number.isFinite(level.activation.seconds) ? level.activation.seconds : undefined;
    if (allowed !== undefined) a.allowed = allowed;
    if (level.decidedBy) a.decidedBy = level.decidedBy;
    if (decl) {
      a.declaredAt = decl.t;
      a.declaredSeq = decl.seq;
      a.declaredLevel = decl.id ?? undefined;
      if (decl.role) a.declaredBy = decl.role;
      a.latency = Math.max(0, decl.t - w.t);
      if (allowed === undefined) a.status = 'done';
      else if (a.latency <= allowed) a.status = 'on-time';
      else { a.status = 'late'; a.lateBy = a.latency - allowed; }
    } else if (allowed !== undefined && w.t + allowed > ctx.end) a.status = 'pending';
    out.push(a);
  }
  return out;
}

/**
 * First response = the required steps with no prerequisites: met when the first of them is done, due at the earliest
 * of their deadlines. Initial disposal = the required steps whose prerequisites are all first-response steps: met when
 * all are done, due at the latest of their deadlines. Only steps with deadlines count; a milestone without any is absent.
 */
export function evaluateMilestones(ctx: Context, steps: StepResult[]): Milestone[] {
  const byId = new Map(steps.map((s) => [s.step, s] as const));
  const timed = ctx.plan.steps.filter((s) => byId.get(s.id)!.required && byId.get(s.id)!.deadline !== undefined);
  const roots = timed.filter((s) => s.after.length === 0);
  const rootIds = new Set(ctx.plan.steps.filter((s) => s.after.length === 0).map((s) => s.id));
  const tier1 = timed.filter((s) => s.after.length > 0 && s.after.every((p) => rootIds.has(p)));
  const out: Milestone[] = [];
  if (roots.length) {
    const rs = roots.map((s) => byId.get(s.id)!);
    const due = rs.reduce((m, r) => (r.deadline! < m.deadline! ? r : m));
    const doneList = rs.filter((r) => r.doneAt !== undefined).sort((a, b) => a.doneAt! - b.doneAt! || a.doneSeq! - b.doneSeq!);
    out.push(milestone('first-response', rs.map((r) => r.step), due.deadline!, due.allowed!, doneList[0], ctx.end));
  }
  if (tier1.length) {
    const rs = tier1.map((s) => byId.get(s.id)!);
    const due = rs.reduce((m, r) => (r.deadline! > m.deadline! ? r : m));
    const all = rs.every((r) => r.doneAt !== undefined);
    const last = all ? rs.reduce((m, r) => (r.doneAt! > m.doneAt! ? r : m)) : undefined;
    const m = milestone('initial-disposal', rs.map((r) => r.step), due.deadline!, due.allowed!, last, ctx.end);
    m.evidence = rs.filter((r) => r.doneSeq !== undefined).map((r) => r.doneSeq!).sort((a, b) => a - b);
    out.push(m);
  }
  return out;
}

function milestone(id: Milestone['id'], steps: string[], deadline: number, allowed: number, done: StepResult | undefined, end: number): Milestone {
  const m: Milestone = { id, steps, deadline, allowed, status: 'missed', evidence: done?.doneSeq !== undefined ? [done.doneSeq] : [] };
  if (done?.doneAt !== undefined) {
    m.doneAt = done.doneAt;
    if (done.doneAt <= deadline) m.status = 'on-time';
    else { m.status = 'late'; m.lateBy = done.doneAt - deadline; }
  } else if (deadline > end) m.status = 'pending';
  return m;
}

const EVALUATED: ReadonlySet<TimeStatus> = new Set(['on-time', 'done', 'late', 'missed']);

/** The time dimension's items; weights by group (level 0.3, milestones 0.2, steps 0.5), split equally within a group. */
export function timeItems(activations: Activation[], milestones: Milestone[], steps: StepResult[]): WeighedItems {
  type Raw = Omit<ScoreItem, 'weight' | 'points'>;
  const groups: Record<keyof typeof TIME_GROUP_WEIGHTS, Raw[]> = { level: [], milestone: [], step: [] };
  const en = (s: number | undefined) => (s === undefined ? '—' : duration(s, 'en'));
  const zh = (s: number | undefined) => (s === undefined ? '—' : duration(s, 'zh'));
  for (const a of activations) {
    if (!EVALUATED.has(a.status)) continue;
    groups.level.push({
      id: `level:${a.level}`, group: 'level', value: lateness(a.status, a.lateBy, a.allowed),
      label: `Level ${a.level} activation: ${a.status}${a.lateBy ? ` by ${en(a.lateBy)}` : ''} (took ${en(a.latency)}, allowed ${en(a.allowed)})`,
      labelZh: `${a.level}级响应启动：${statusZh(a.status)}${a.lateBy ? ` ${zh(a.lateBy)}` : ''}（用时 ${zh(a.latency)}，时限 ${zh(a.allowed)}）`,
      evidence: [a.warrantedSeq, ...(a.declaredSeq !== undefined ? [a.declaredSeq] : [])],
    });
  }
  for (const m of milestones) {
    if (!EVALUATED.has(m.status)) continue;
    const name = m.id === 'first-response' ? ['First response', '首次响应'] : ['Initial disposal', '初期处置'];
    groups.milestone.push({
      id: `milestone:${m.id}`, group: 'milestone', value: lateness(m.status, m.lateBy, m.allowed),
      label: `${name[0]} (${m.steps.join(', ')}): ${m.status}${m.lateBy ? ` by ${en(m.lateBy)}` : ''} (allowed ${en(m.allowed)})`,
      labelZh: `${name[1]}（${m.steps.join('、')}）：${statusZh(m.status)}${m.lateBy ? ` ${zh(m.lateBy)}` : ''}（时限 ${zh(m.allowed)}）`,
      evidence: m.evidence,
    });
  }
  for (const s of steps) {
    if (!s.required || s.deadline === undefined || !EVALUATED.has(s.status)) continue;
    groups.step.push({
      id: `step:${s.step}`, group: 'step', value: lateness(s.status, s.lateBy, s.allowed),
      label: `Step ${s.step}: ${s.status}${s.lateBy ? ` by ${en(s.lateBy)}` : ''} (allowed ${en(s.allowed)})`,
      labelZh: `步骤 ${s.step}：${statusZh(s.status)}${s.lateBy ? ` ${zh(s.lateBy)}` : ''}（时限 ${zh(s.allowed)}）`,
      evidence: [...(s.doneSeq !== undefined ? [s.doneSeq] : []), ...s.overdueSeqs],
    });
  }
  return weighGroups(groups, TIME_GROUP_WEIGHTS);
}

/** Items of a dimension with their exact (unrounded) score. */
export interface WeighedItems {
  items: ScoreItem[];
  /** 100 × Σ weight × value, unrounded; 0 when there is nothing to evaluate (the dimension is then left out of the overall). */
  score: number;
  evaluated: boolean;
}

/**
 * Gives each item its weight (group share / group size, renormalised over the non-empty groups) and its points
 * (100 × weight × value); the dimension score is the sum of the points.
 */
export function weighGroups<G extends string>(groups: Record<G, Omit<ScoreItem, 'weight' | 'points'>[]>, shares: Record<G, number>): WeighedItems {
  const keys = (Object.keys(groups) as G[]).filter((g) => groups[g].length > 0);
  const total = keys.reduce((s, g) => s + shares[g], 0);
  const items: ScoreItem[] = [];
  let score = 0;
  for (const g of keys) {
    for (const it of groups[g]) {
      const weight = shares[g] / groups[g].length / total;
      score += 100 * weight * it.value;
      items.push({ ...it, value: round3(it.value), weight: round3(weight), points: round3(100 * weight * it.value) });
    }
  }
  return items.length ? { items, score, evaluated: true } : { items, score: 0, evaluated: false };
}

export function statusZh(s: TimeStatus): string {
  return { 'on-time': '按时', done: '已完成', late: '超时', missed: '未完成', pending: '未到时限', 'not-required': '不要求' }[s];
}
