/**
 * 响应时间 (response time): level activation latency, every step against its deadline, and the plan's
 * first-response / initial-disposal milestones. See docs/scoring.md §2.
 */
import { evaluateTri } from '../expr/index.js';
import { appliesAt as applies, formatDuration, isTimed, stepDuty, terminationDuty, type Duration, type Step, type TextLang } from '../model/index.js';
import { appliesAt, firstTold, moreSevere, round3, standingOf, type Context } from './context.js';
import { duration } from './format.js';
import type { Activation, LimitText, Milestone, NotScored, ScoreItem, StepResult, TimeStatus } from './types.js';

/** Share of each group of time items (renormalised over the groups that have items). */
export const TIME_GROUP_WEIGHTS = { level: 0.3, milestone: 0.2, step: 0.5 } as const;

/** Value of a timed item: 1 on time, falling linearly to 0 when late by the whole allowance; 0 when missed. */
export function lateness(status: TimeStatus, lateBy: number | undefined, allowed: number | undefined): number {
  if (status === 'on-time' || status === 'done') return 1;
  if (status === 'not-scored' || status === 'pending' || status === 'not-required') return 0;
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
  const hit = [...ctx.warranted, ...ctx.declared].filter((c) => c.id !== null && applies(step, c.id)).map((c) => c.t);
  return hit.length ? Math.max(ctx.incidentStart, Math.min(...hit)) : undefined;
}

/** A time limit as people read it: the one formatter (`formatDuration`); 立即 shows the threshold it is held to. */
export function limitText(d: Duration, lang: TextLang): string {
  const text = formatDuration(d, lang);
  if (d.kind !== 'immediate' || !isTimed(d)) return text;
  return lang === 'zh' ? `${text}（≤ ${duration(d.seconds, 'zh')}）` : `${text} (≤ ${duration(d.seconds, 'en')})`;
}

/**
 * Where a step's clock starts, as the compiled machine starts it: at its anchor (the incident, the first level, the
 * anchor step's completion, the moment its role was told), never before the step applies (`base`). A limit anchored
 * on a later event the drill does not model, or on a moment that never came, cannot be timed (`notScored`).
 */
function clockStart(ctx: Context, step: Step, d: Duration, base: number): { start?: number; notScored?: NotScored } {
  const a = d.anchor;
  switch (a.kind) {
    case 'incident': return { start: base };
    case 'level': {
      const first = [...ctx.warranted.filter((c) => c.id !== null), ...ctx.declared].map((c) => c.t);
      return first.length ? { start: Math.max(base, Math.min(...first)) } : { notScored: 'anchor-not-reached' };
    }
    case 'step': {
      const done = a.step === step.id ? undefined : ctx.done.get(a.step)?.[0];
      return done ? { start: Math.max(base, done.t) } : { notScored: 'anchor-not-reached' };
    }
    case 'receipt': {
      const told = firstTold(ctx, [step.role, ...(step.alternatives ?? [])]);
      return told ? { start: Math.max(base, told.t) } : { notScored: 'not-told' };
    }
    case 'event': return { notScored: 'event-anchor' };
  }
}

/** Seconds between the dues of a cadence (`每日至少2次` → 12 h). */
const periodOf = (d: Duration): number | undefined => (isTimed(d) && d.kind === 'cadence' && d.every ? d.every / (d.times ?? 1) : undefined);

/** When the response ended: the first termination by a role that may declare it (else undefined). */
function responseEnd(ctx: Context): number | undefined {
  const e = ctx.events.find((x) => x.type === 'terminate' && standingOf(ctx, terminationDuty(ctx.plan), x.role) !== false);
  return e?.t;
}

/** Evaluates every plan step against its time limit (ratings and gaps are filled in later by `scoreDrill`). */
export function evaluateSteps(ctx: Context): StepResult[] {
  const partial = new Map<string, StepResult>();
  const stop = Math.min(ctx.end, responseEnd(ctx) ?? Infinity);
  for (const step of ctx.plan.steps) {
    const cond = conditionHolds(ctx, step);
    const obligation = step.obligation ?? 'shall';
    const atEval = cond && appliesAt(step, ctx.evalLevel);
    const atWarranted = cond && appliesAt(step, ctx.maxWarranted ?? ctx.maxDeclared);
    // A recommendation (宜 / should, 可 / may) is reported, never required: not doing it is not a failure.
    const duty = obligation === 'shall';
    const required = atEval && duty;
    const requiredWarranted = atWarranted && duty;
    const base = baseOf(ctx, step);
    const first = ctx.done.get(step.id)?.[0];
    const r: StepResult = {
      step: step.id, action: step.action, role: step.role, required, requiredWarranted, obligation,
      status: 'not-required', ratingReasons: [], gaps: [], overdueSeqs: [],
    };
    if (!duty && (atEval || atWarranted)) r.advisory = true;
    if (base !== undefined) r.base = base;
    const d = step.deadline;
    if (d) {
      r.limitKind = d.kind;
      r.limit = { zh: limitText(d, 'zh'), en: limitText(d, 'en') } satisfies LimitText;
    }
    if (base !== undefined && d && isTimed(d)) {
      const c = clockStart(ctx, step, d, base);
      if (c.notScored) r.notScored = c.notScored;
      else { r.deadline = c.start! + d.seconds; r.allowed = d.seconds; }
    }
    if (first) {
      r.doneAt = first.t;
      r.doneSeq = first.seq;
      r.doneBy = first.role;
      const st = standingOf(ctx, stepDuty(step), first.role);
      if (st) r.standing = st;
      if (st === 'deputy') r.byDeputy = true;
      else if (!st) r.wrongRole = true;
    }
    if (required || requiredWarranted || r.advisory) {
      const period = d ? periodOf(d) : undefined;
      if (period && r.deadline !== undefined) {
        // A cadence is owed at every due (每30分钟): scored per due, its misses are the log's step.overdue events.
        const dues = stop >= r.deadline ? Math.floor((stop - r.deadline) / period + 1e-9) + 1 : 0;
        const misses = Math.min(dues, ctx.overdue.get(step.id)?.length ?? 0);
        r.dues = dues;
        r.misses = misses;
        r.status = dues === 0 ? (first ? 'on-time' : 'pending') : misses === 0 ? 'on-time' : misses === dues ? 'missed' : 'late';
      } else if (first) {
        if (r.deadline === undefined) r.status = 'done';
        else if (first.t <= r.deadline) r.status = 'on-time';
        else { r.status = 'late'; r.lateBy = first.t - r.deadline; }
      } else if (r.notScored) r.status = 'not-scored';
      else if (r.deadline !== undefined && r.deadline > ctx.end) r.status = 'pending';
      else r.status = 'missed';
    }
    if (r.advisory) r.ratingReasons.push(`advisory:${obligation}`);
    if (r.notScored) r.ratingReasons.push(`not-scored:${r.notScored}`);
    // A step required only at the warranted level keeps its timing for the effect dimension, but is not rated.
    if (!required && requiredWarranted) r.ratingReasons.push('required-at-warranted-level');
    partial.set(step.id, r);
  }
  for (const e of ctx.events) {
    if (e.type === 'step.overdue') partial.get(e.step)?.overdueSeqs.push(e.seq);
  }
  // Expected window: from when the last prerequisite was done (or was due) — or the first of "any one of" — to the deadline.
  const reached = (p: string): number | undefined => { const pr = partial.get(p); return pr?.doneAt ?? pr?.deadline; };
  for (const step of ctx.plan.steps) {
    const r = partial.get(step.id)!;
    if (r.base === undefined) continue;
    let start = r.base;
    for (const p of step.after) {
      const t = reached(p);
      if (t !== undefined && t > start) start = t;
    }
    const any = (step.afterAny ?? []).map(reached).filter((t): t is number => t !== undefined);
    if (any.length && Math.min(...any) > start) start = Math.min(...any);
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
    // A level started by decision (决定启动) is warranted by its declaration: there is no latency to time.
    if (level.manual) continue;
    const decl = ctx.declared.find((d) => d.level && d.level.rank <= level.rank);
    const a: Activation = { level: level.id, warrantedAt: w.t, warrantedSeq: w.seq, status: 'missed' };
    const allowed = isTimed(level.activation) ? level.activation.seconds : undefined;
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
  // A cadence is a repeated duty, not a milestone.
  const timed = ctx.plan.steps.filter((s) => byId.get(s.id)!.required && byId.get(s.id)!.deadline !== undefined && byId.get(s.id)!.dues === undefined);
  const prereqs = (s: Step) => [...s.after, ...(s.afterAny ?? [])];
  const roots = timed.filter((s) => prereqs(s).length === 0);
  const rootIds = new Set(ctx.plan.steps.filter((s) => prereqs(s).length === 0).map((s) => s.id));
  const tier1 = timed.filter((s) => prereqs(s).length > 0 && prereqs(s).every((p) => rootIds.has(p)));
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
    const limitZh = s.limit ? `（${s.limit.zh}）` : '';
    const limitEn = s.limit ? ` (${s.limit.en})` : '';
    if (s.dues !== undefined) {
      const kept = s.dues - (s.misses ?? 0);
      groups.step.push({
        id: `step:${s.step}`, group: 'step', value: s.dues ? kept / s.dues : 1,
        label: `Step ${s.step}${limitEn}: ${kept} of ${s.dues} due time(s) kept`,
        labelZh: `步骤 ${s.step}${limitZh}：应做 ${s.dues} 次，按时 ${kept} 次${s.misses ? `，漏 ${s.misses} 次` : ''}`,
        evidence: [...(s.doneSeq !== undefined ? [s.doneSeq] : []), ...s.overdueSeqs],
      });
      continue;
    }
    groups.step.push({
      id: `step:${s.step}`, group: 'step', value: lateness(s.status, s.lateBy, s.allowed),
      label: `Step ${s.step}${limitEn}: ${s.status}${s.lateBy ? ` by ${en(s.lateBy)}` : ''}`,
      labelZh: `步骤 ${s.step}${limitZh}：${statusZh(s.status)}${s.lateBy ? ` ${zh(s.lateBy)}` : ''}`,
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
  return { 'on-time': '按时', done: '已完成', late: '超时', missed: '未完成', pending: '未到时限', 'not-scored': '不计分', 'not-required': '不要求' }[s];
}
