/**
 * 协同效率 (coordination): gaps between who should have done what, in which order, and what the log shows.
 * Every gap carries the events that prove it. See docs/scoring.md §3.
 */
import type { DrillEvent } from '../drill/types.js';
import { dueSeconds, levelDuty, stepDuty, terminationDuty, type Duty, type Level } from '../model/index.js';
import { evidenceOf, moreSevere, roleZh, standingOf, type Context } from './context.js';
import { clock, duration } from './format.js';
import type { Gap, LevelSpan, StepResult } from './types.js';

/** A gap before ids are assigned. */
export type GapDraft = Omit<Gap, 'id'>;

const tag = (s: string) => `\`${s}\``;

/** All coordination gaps, unsorted. */
export function findGaps(ctx: Context, steps: StepResult[], spans: LevelSpan[]): GapDraft[] {
  return [
    ...wrongRole(ctx),
    ...duplicated(ctx),
    ...outOfOrder(ctx, steps),
    ...handoffDelay(ctx, steps),
    ...missedNotification(ctx),
    ...roleNotEngaged(ctx, steps),
    ...levelSpanGaps(ctx, spans),
    ...unmatched(ctx),
  ];
}

function gap(ctx: Context, g: Omit<GapDraft, 'penalty' | 'roles' | 'steps'> & Partial<Pick<GapDraft, 'roles' | 'steps'>>): GapDraft {
  return { roles: [], steps: g.step && !g.step.startsWith('level:') && g.step !== 'terminate' ? [g.step] : [], ...g, penalty: ctx.penalties[g.kind] };
}

/**
 * wrong-role: a step, a level declaration or the termination by a role with no standing: not the lead, an
 * alternative (A 或 B), a supporting role (会同 / 配合) or a stand-in (deputy, member) of the lead or an alternative.
 */
function wrongRole(ctx: Context): GapDraft[] {
  const out: GapDraft[] = [];
  for (const e of ctx.events) {
    let duty: Duty;
    let what: string;
    let whatZh: string;
    let step: string;
    if (e.type === 'step.done') {
      const s = ctx.steps.get(e.step);
      if (!s) continue;
      duty = stepDuty(s);
      step = e.step;
      what = `step ${tag(e.step)}`;
      whatZh = `步骤 ${tag(e.step)} `;
    } else if (e.type === 'level.declared') {
      const l = ctx.levels.get(e.level);
      if (!l) continue;
      duty = levelDuty(l);
      step = `level:${e.level}`;
      what = `the level ${e.level} declaration`;
      whatZh = `${e.level}级响应启动`;
    } else if (e.type === 'terminate') {
      duty = terminationDuty(ctx.plan);
      step = 'terminate';
      what = 'the termination';
      whatZh = '响应终止';
    } else continue;
    const owner = duty.owner;
    if (!owner || standingOf(ctx, duty, e.role)) continue;
    const others = duty.alternatives?.length ? ` or ${duty.alternatives.map(tag).join(', ')}` : '';
    const othersZh = duty.alternatives?.length ? `或${duty.alternatives.map((r) => roleZh(ctx, r)).join('、')}` : '';
    out.push(gap(ctx, {
      kind: 'wrong-role', step, role: e.role, expectedRole: owner, evidence: [evidenceOf(e)],
      message: `${what[0].toUpperCase()}${what.slice(1)} was done by ${tag(e.role)} at ${clock(e.t)}; the plan gives it to ${tag(owner)}${others} (or a deputy)`,
      messageZh: `${whatZh}应由${roleZh(ctx, owner)}${othersZh}或其副职负责，${clock(e.t)} 实际由${roleZh(ctx, e.role)}执行`,
    }));
  }
  return out;
}

/**
 * duplicated: the same step done more than once (by one role twice, or by several roles). A supporting role (会同 /
 * 配合) doing it beside the lead is working with it, not duplicating it; a cadence (每30分钟) is meant to be repeated.
 */
function duplicated(ctx: Context): GapDraft[] {
  const out: GapDraft[] = [];
  for (const step of ctx.plan.steps) {
    if (step.deadline?.kind === 'cadence') continue;
    const list = (ctx.done.get(step.id) ?? []).filter((e) => standingOf(ctx, stepDuty(step), e.role) !== 'support');
    if (list.length < 2) continue;
    const roles = [...new Set(list.map((e) => e.role))];
    out.push(gap(ctx, {
      kind: 'duplicated', step: step.id, role: list[1].role, expectedRole: step.role, roles, evidence: list.map(evidenceOf),
      message: `Step ${tag(step.id)} was done ${list.length} times (${list.map((e) => `${e.role} at ${clock(e.t)}`).join(', ')}); once is enough`,
      messageZh: `步骤 ${tag(step.id)} 被重复执行 ${list.length} 次（${list.map((e) => `${roleZh(ctx, e.role)} ${clock(e.t)}`).join('，')}）`,
    }));
  }
  return out;
}

/**
 * out-of-order: a step done before one of its prerequisites (`after`: all of them, done later, or required and
 * never done) — or, for "after any one of" (`afterAny`), before any of them was done.
 */
function outOfOrder(ctx: Context, steps: StepResult[]): GapDraft[] {
  const out: GapDraft[] = [];
  const results = new Map(steps.map((s) => [s.step, s] as const));
  const owed = (p: string) => { const pr = results.get(p); return !!(pr?.required || pr?.requiredWarranted); };
  for (const step of ctx.plan.steps) {
    const first = ctx.done.get(step.id)?.[0];
    if (!first) continue;
    const push = (p: string, pre: typeof first | undefined) => out.push(gap(ctx, {
      kind: 'out-of-order', step: step.id, role: first.role, expectedRole: step.role, roles: pre ? [pre.role] : [],
      evidence: [evidenceOf(first), ...(pre ? [evidenceOf(pre)] : [])],
      message: pre
        ? `Step ${tag(step.id)} at ${clock(first.t)} came before its prerequisite ${tag(p)} (done at ${clock(pre.t)})`
        : `Step ${tag(step.id)} at ${clock(first.t)} came without its prerequisite ${tag(p)} (never done)`,
      messageZh: pre
        ? `步骤 ${tag(step.id)}（${clock(first.t)}）先于其前置步骤 ${tag(p)}（${clock(pre.t)}）执行`
        : `步骤 ${tag(step.id)}（${clock(first.t)}）执行时其前置步骤 ${tag(p)} 始终未完成`,
    }));
    for (const p of step.after) {
      if (!ctx.steps.has(p)) continue;
      const pre = ctx.done.get(p)?.[0];
      if (pre && pre.seq < first.seq) continue;
      if (!pre && !owed(p)) continue;
      push(p, pre);
    }
    const any = (step.afterAny ?? []).filter((p) => ctx.steps.has(p));
    if (any.length && !any.some((p) => { const pre = ctx.done.get(p)?.[0]; return pre && pre.seq < first.seq; }) && any.some((p) => owed(p) || ctx.done.has(p))) {
      const later = any.map((p) => ctx.done.get(p)?.[0]).filter((e): e is typeof first => !!e).sort((a, b) => a.seq - b.seq)[0];
      push(later ? later.step : any.join(' | '), later);
    }
  }
  return out;
}

/**
 * handoff-delay: the dependent step was done more than max(threshold, the plan's own interval) after it became
 * possible — the later of its last prerequisite's completion and the moment the step became applicable.
 */
function handoffDelay(ctx: Context, steps: StepResult[]): GapDraft[] {
  const out: GapDraft[] = [];
  const results = new Map(steps.map((s) => [s.step, s] as const));
  for (const step of ctx.plan.steps) {
    const first = ctx.done.get(step.id)?.[0];
    const r = results.get(step.id)!;
    if (!first || !(step.after.length || step.afterAny?.length)) continue;
    const pres = step.after.filter((p) => ctx.steps.has(p)).map((p) => ctx.done.get(p)?.[0]);
    // "After any one of": the handoff is from the first of them that was done.
    const anyDone = (step.afterAny ?? []).map((p) => ctx.done.get(p)?.[0]).filter((e): e is NonNullable<typeof e> => !!e && e.seq < first.seq).sort((a, b) => a.seq - b.seq);
    if (anyDone.length) pres.push(anyDone[0]);
    if (!pres.length || pres.some((e) => !e || e.seq > first.seq)) continue;
    const last = pres.reduce((m, e) => (e!.t > m!.t || (e!.t === m!.t && e!.seq > m!.seq) ? e : m))!;
    const ref = Math.max(last.t, r.base ?? last.t);
    const idle = first.t - ref;
    const pr = results.get(last.step)!;
    const planned = r.deadline !== undefined ? Math.max(0, r.deadline - Math.max(pr.deadline ?? ref, r.base ?? ref)) : 0;
    const allowance = Math.max(ctx.handoffThreshold, planned);
    if (idle <= allowance) continue;
    out.push(gap(ctx, {
      kind: 'handoff-delay', step: step.id, role: first.role, expectedRole: step.role, roles: [last.role],
      seconds: idle, from: ref, to: first.t, evidence: [evidenceOf(last), evidenceOf(first)],
      message: `${duration(idle, 'en')} passed between ${tag(last.step)} (${last.role}, ${clock(last.t)}) and ${tag(step.id)} (${first.role}, ${clock(first.t)}); at most ${duration(allowance, 'en')} is allowed`,
      messageZh: `${roleZh(ctx, last.role)} ${clock(last.t)} 完成 ${tag(last.step)} 后，${roleZh(ctx, first.role)}过了 ${duration(idle, 'zh')} 才于 ${clock(first.t)} 完成 ${tag(step.id)}，应不超过 ${duration(allowance, 'zh')}`,
    }));
  }
  return out;
}

/**
 * missed-notification: a done step whose `notify` role was never told by a notification (`notify` to it) from a role
 * standing to the step (lead, alternative, support, deputy) or one that did it, at or after the completion. The same
 * notification is what the role's page shows and what starts its receipt-anchored deadlines (src/drill/told.ts): a
 * notification the participant saw is one this counts.
 */
function missedNotification(ctx: Context): GapDraft[] {
  const out: GapDraft[] = [];
  const notes = ctx.events.filter((e): e is Extract<DrillEvent, { type: 'notify' }> => e.type === 'notify');
  for (const step of ctx.plan.steps) {
    const list = ctx.done.get(step.id);
    if (!list?.length || !step.notify.length) continue;
    const first = list[0];
    const actors = new Set(list.map((e) => e.role));
    const from = (r: string) => actors.has(r) || standingOf(ctx, stepDuty(step), r) !== false;
    for (const to of step.notify) {
      if (actors.has(to)) continue;
      if (notes.some((n) => n.to === to && from(n.role) && n.t >= first.t)) continue;
      out.push(gap(ctx, {
        kind: 'missed-notification', step: step.id, role: first.role, expectedRole: step.role, roles: [to], evidence: [evidenceOf(first)],
        message: `${tag(to)} was not notified after step ${tag(step.id)} (${first.role}, ${clock(first.t)})`,
        messageZh: `${roleZh(ctx, first.role)} ${clock(first.t)} 完成 ${tag(step.id)} 后未通知${roleZh(ctx, to)}`,
      }));
    }
  }
  return out;
}

/**
 * role-not-engaged: a role owning a required step that was due by the end of the drill never wrote a single event, and
 * no deputy did its steps. A step someone else did before its deadline, in a drill that ended before that deadline,
 * does not count: the owner's time had not come (the other role's action is a wrong-role gap of its own).
 */
function roleNotEngaged(ctx: Context, steps: StepResult[]): GapDraft[] {
  const out: GapDraft[] = [];
  const owned = new Map<string, string[]>();
  for (const r of steps) {
    if (!r.required || !r.role || r.status === 'pending') continue;
    if (r.deadline !== undefined && r.deadline > ctx.end && r.status !== 'missed') continue;
    owned.set(r.role, [...(owned.get(r.role) ?? []), r.step]);
  }
  const order = [...ctx.plan.roles.map((r) => r.id), ...[...owned.keys()].filter((k) => !ctx.roles.has(k)).sort()];
  for (const role of order) {
    const list = owned.get(role);
    if (!list || ctx.actors.has(role)) continue;
    // Its steps done by a stand-in or an alternative: the role's duty was covered.
    if (list.some((s) => (ctx.done.get(s) ?? []).some((e) => ['deputy', 'alternative'].includes(String(standingOf(ctx, stepDuty(ctx.steps.get(s)!), e.role)))))) continue;
    out.push(gap(ctx, {
      kind: 'role-not-engaged', role, expectedRole: role, steps: list, evidence: [],
      message: `Role ${tag(role)} never took part, though it owns ${list.map(tag).join(', ')}`,
      messageZh: `${roleZh(ctx, role)}始终未参与处置（负责 ${list.map(tag).join('、')}）`,
    }));
  }
  return out;
}

/**
 * Spans where the declared level differs from the warranted one (neither may be unknown). A mismatch caused by a
 * change of the facts counts after the new level's activation allowance; one caused by a declaration counts at once.
 */
export function levelSpans(ctx: Context): LevelSpan[] {
  const changes = [...ctx.warranted.map((c) => ({ ...c, src: 'w' as const })), ...ctx.declared.map((c) => ({ ...c, src: 'd' as const }))]
    .sort((a, b) => a.seq - b.seq);
  const out: LevelSpan[] = [];
  let W: Level | null = null;
  let D: Level | null = null;
  let cur: (LevelSpan & { open: true }) | undefined;
  const close = (t: number, seq?: number) => {
    if (!cur) return;
    const span: LevelSpan = { kind: cur.kind, start: cur.start, from: cur.from, to: Math.max(t, cur.from), declared: cur.declared, warranted: cur.warranted, evidence: seq === undefined ? cur.evidence : [...cur.evidence, seq] };
    if (span.to > span.from) out.push(span);
    cur = undefined;
  };
  for (const c of changes) {
    if (c.src === 'w') W = c.level; else if (c.level) D = c.level;
    // A level started by decision (决定启动), declared by a role that may decide it, is the warranted level from then on
    // (the machine enters it on the declaration; a log without that level.warranted reads the same).
    if (c.src === 'd' && c.level?.manual && c.role && standingOf(ctx, levelDuty(c.level), c.role) && moreSevere(c.level, W)) W = c.level;
    if (c.src === 'd' && !c.level) continue;
    const kind = W && D ? (moreSevere(D, W) ? 'over-response' : moreSevere(W, D) ? 'under-response' : undefined) : undefined;
    if (cur && cur.kind !== kind) close(c.t, c.seq);
    if (!kind) continue;
    if (!cur) {
      const grace = c.src === 'w' ? dueSeconds(W!.activation) ?? 0 : 0;
      cur = { kind, start: c.t, from: c.t + grace, to: c.t, declared: [D!.id], warranted: [W!.id], evidence: [c.seq], open: true };
      // the declaration / warranted event in force when the mismatch began
      const other = c.src === 'w' ? [...ctx.declared].reverse().find((d) => d.seq < c.seq && d.level) : [...ctx.warranted].reverse().find((w) => w.seq < c.seq);
      if (other) cur.evidence.unshift(other.seq);
    } else {
      if (!cur.declared.includes(D!.id)) cur.declared.push(D!.id);
      if (!cur.warranted.includes(W!.id)) cur.warranted.push(W!.id);
      cur.evidence.push(c.seq);
    }
  }
  close(ctx.end);
  return out;
}

function levelSpanGaps(ctx: Context, spans: LevelSpan[]): GapDraft[] {
  return spans.map((s) => {
    const over = s.kind === 'over-response';
    const d = s.declared.join('→');
    const w = s.warranted.join('→');
    const secs = s.to - s.from;
    const decider = ctx.levels.get(s.warranted[s.warranted.length - 1])?.decidedBy;
    return gap(ctx, {
      kind: s.kind, role: decider, expectedRole: decider, seconds: secs, from: s.from, to: s.to,
      evidence: s.evidence.map((q) => evidenceOf(ctx.bySeq.get(q)!)),
      message: `Declared level ${d} was ${over ? 'above' : 'below'} the warranted level ${w} for ${duration(secs, 'en')} (${clock(s.from)}–${clock(s.to)})`,
      messageZh: `已启动${d}级响应，${over ? '高于' : '低于'}事态应启动的${w}级，持续 ${duration(secs, 'zh')}（${clock(s.from)}–${clock(s.to)}）`,
    });
  });
}

/** unmatched-action: actions that matched no plan step (and steps / levels unknown to the plan): listed, never dropped. */
function unmatched(ctx: Context): GapDraft[] {
  const out: GapDraft[] = [];
  for (const e of ctx.events) {
    let text: string | undefined;
    if (e.type === 'action.unmatched') text = e.text;
    else if (e.type === 'step.done' && !ctx.steps.has(e.step)) text = `${e.step}${e.text ? `: ${e.text}` : ''}`;
    else if (e.type === 'level.declared' && !ctx.levels.has(e.level)) text = `level ${e.level}`;
    else continue;
    out.push(gap(ctx, {
      kind: 'unmatched-action', role: e.role, evidence: [evidenceOf(e)],
      message: `Action by ${tag(e.role)} at ${clock(e.t)} matches no plan step: “${text}”`,
      messageZh: `${roleZh(ctx, e.role)} ${clock(e.t)} 的行动未对应任何预案步骤：“${text}”`,
    }));
  }
  return out;
}
