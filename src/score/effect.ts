/**
 * 处置效果 (effect): objectives met, required steps completed at the warranted level, containment and termination.
 * See docs/scoring.md §4.
 */
import { evaluateTri } from '../expr/index.js';
import type { Context } from './context.js';
import { clock } from './format.js';
import { weighGroups, type WeighedItems } from './response-time.js';
import type { ExpectedResult, Gap, GapKind, ObjectiveResult, ObjectiveStatus, Outcome, ScoreItem, StepResult } from './types.js';

/** Share of each group of effect items (renormalised over the groups that have items). */
export const EFFECT_GROUP_WEIGHTS = { objective: 0.4, expected: 0.2, step: 0.4, outcome: 0.2 } as const;

/** First time an objective target was reached: a step's first completion, or `level:X` = a declaration at or above X. */
function reached(ctx: Context, target: string): { t: number; seq: number } | undefined {
  if (target.startsWith('level:')) {
    const lv = ctx.levels.get(target.slice(6));
    const d = lv && ctx.declared.find((c) => c.level && c.level.rank <= lv.rank);
    return d && { t: d.t, seq: d.seq };
  }
  const e = ctx.done.get(target)?.[0];
  return e && { t: e.t, seq: e.seq };
}

/**
 * When an inject's expected action was reached. A step: its first completion (done before the inject is done). A
 * level: the level declared when the inject came, if already at or above it; else the first declaration after the
 * inject at or above it — but when the inject asks to step down (the level declared then is more severe than the one
 * asked for, 降级), only a declaration made after the inject at or below the asked level counts.
 */
function reachedAfter(ctx: Context, target: string, release: { seq: number }): { t: number; seq: number } | undefined {
  if (!target.startsWith('level:')) return reached(ctx, target);
  const lv = ctx.levels.get(target.slice(6));
  if (!lv) return undefined;
  const before = ctx.declared.filter((c) => c.seq < release.seq).at(-1);
  const after = ctx.declared.filter((c) => c.seq > release.seq && c.level);
  const down = !!before?.level && before.level.rank < lv.rank;
  if (down) return after.find((c) => c.level!.rank >= lv.rank);
  if (before?.level && before.level.rank <= lv.rank) return { t: before.t, seq: before.seq };
  return after.find((c) => c.level!.rank <= lv.rank);
}

/**
 * What an objective's own words rule out, so that its evaluation follows its text: an objective "各应急小组按职责分工处置，
 * 不重复、不越位" fails when the drill shows a duplicated step or one done out of role among its steps. Keyword table
 * (Chinese and English; documented in docs/scoring.md §5).
 */
const CRITERIA: readonly [RegExp, GapKind[]][] = [
  [/重复|duplicat/iu, ['duplicated']],
  [/越位|越权|职责|分工|by (?:the|its) (?:right|responsible) (?:role|team)|overstep|out of role/iu, ['wrong-role']],
  [/顺序|按序|先后|in (?:the right )?order|sequence/iu, ['out-of-order']],
  [/通知|告知|通报|信息传递|信息报送|notif|inform/iu, ['missed-notification']],
  [/交接|衔接|hand-?off|hand over/iu, ['handoff-delay']],
  [/全员|各.{0,6}参与|every (?:role|team)|all (?:roles|teams)/iu, ['role-not-engaged']],
  [/分级|级别研判|研判准确|响应级别恰当|right (?:response )?level/iu, ['under-response', 'over-response']],
];

/** Gap kinds an objective's text rules out (see `CRITERIA`), in `GAP_KINDS` order. */
export function objectiveCriteria(text: string): GapKind[] {
  const out = new Set<GapKind>();
  for (const [re, kinds] of CRITERIA) if (re.test(text)) for (const k of kinds) out.add(k);
  return [...out];
}

/**
 * Scenario objectives: met when every listed step is done (by `within` seconds of drill start when given) and the
 * drill shows none of the gaps the objective's text rules out on its steps; missed when a listed step was due and not
 * done in time, or such a gap was found; not reached when the drill ended before what is missing was due (a step
 * still pending, `within` after the end, a level the drill never got to when it was cut short) — not a failure.
 */
export function evaluateObjectives(ctx: Context, steps: readonly StepResult[], gaps: readonly Gap[]): ObjectiveResult[] {
  const byStep = new Map(steps.map((r) => [r.step, r] as const));
  const early = ctx.cutShort;
  return (ctx.scenario?.objectives ?? []).map((o) => {
    const doneAt: Record<string, number | undefined> = {};
    const missing: string[] = [];
    const evidence: number[] = [];
    const notDue: string[] = [];
    let late = false;
    for (const s of o.steps) {
      const r = reached(ctx, s);
      doneAt[s] = r?.t;
      if (r) evidence.push(r.seq);
      if (r && (o.within === undefined || r.t <= o.within)) continue;
      missing.push(s);
      if (r) { late = true; continue; }
      if (o.within !== undefined) { if (o.within > ctx.end) notDue.push(s); else late = true; continue; }
      if (notYetDue(byStep.get(s)?.status, early)) notDue.push(s);
      else late = true;
    }
    const notYet = notDue.length > 0;
    const criteria = objectiveCriteria(o.text);
    const targets = new Set(o.steps);
    const against = gaps.filter((g) => criteria.includes(g.kind) && (!targets.size || targets.has(g.step ?? '') || g.steps.some((x) => targets.has(x))));
    for (const g of against) evidence.push(...g.evidence.map((e) => e.seq));
    const status: ObjectiveStatus = !o.steps.length && !criteria.length ? 'missed'
      : late || against.length ? 'missed' : notYet ? 'not-reached' : 'met';
    const res: ObjectiveResult = {
      id: o.id, text: o.text, steps: [...o.steps], status, met: status === 'met', criteria, gapIds: against.map((g) => g.id),
      doneAt, missing, evidence: [...new Set(evidence)].sort((a, b) => a - b),
    };
    if (notDue.length) res.notDue = notDue;
    if (o.within !== undefined) res.within = o.within;
    return res;
  });
}

/** A step not done whose status says the drill ended before it was due (or, cut short, before its level came). */
const notYetDue = (st: StepResult['status'] | undefined, cutShort: boolean): boolean =>
  st === 'pending' || st === 'not-scored' || (cutShort && (st === undefined || st === 'not-required'));

/**
 * The scenario's expected actions for the injects the log shows: met when the step was done (by anyone — who did it is
 * the coordination dimension's business) or the level declared at or above (at or below when stepping down; see
 * `reachedAfter`), by inject time + `within` (by the end when
 * no `within`). Text-only expectations cannot be checked objectively and are listed with `met: null`. One not done
 * whose time had not come when the drill ended (due after the end; without `within`, its step not yet due) is not
 * reached (`met: null`, `notReached`): like an objective, neither met nor failed.
 */
export function evaluateExpected(ctx: Context, steps: readonly StepResult[] = []): ExpectedResult[] {
  const byStep = new Map(steps.map((r) => [r.step, r] as const));
  const out: ExpectedResult[] = [];
  const released = new Map<string, { t: number; seq: number }>();
  for (const e of ctx.events) if (e.type === 'inject' && !released.has(e.inject)) released.set(e.inject, { t: e.t, seq: e.seq });
  for (const inj of ctx.scenario?.injects ?? []) {
    const at = released.get(inj.id);
    inj.expected.forEach((x, index) => {
      const r: ExpectedResult = { inject: inj.id, index, role: x.role, met: null, evidence: at ? [at.seq] : [] };
      if (x.step) r.step = x.step;
      if (x.text) r.text = x.text;
      if (x.within !== undefined) r.within = x.within;
      if (at && x.within !== undefined) r.due = at.t + x.within;
      if (at && x.step) {
        const hit = reachedAfter(ctx, x.step, at);
        const actor = hit && ctx.bySeq.get(hit.seq);
        r.met = !!hit && (r.due === undefined || hit.t <= r.due);
        const open = r.due !== undefined ? r.due > ctx.end : x.step.startsWith('level:') ? ctx.cutShort : notYetDue(byStep.get(x.step)?.status, ctx.cutShort);
        if (!hit && open) { r.met = null; r.notReached = true; }
        if (hit) {
          r.doneAt = hit.t;
          if (actor && 'role' in actor && typeof actor.role === 'string') r.doneBy = actor.role;
          r.evidence.push(hit.seq);
        }
      }
      out.push(r);
    });
  }
  return out;
}

/** Containment and termination as the log shows them. */
export function evaluateOutcome(ctx: Context, steps: StepResult[]): Outcome {
  const req = steps.filter((s) => s.requiredWarranted && s.status !== 'pending');
  const out: Outcome = { requiredWarranted: req.length, completedWarranted: req.filter((s) => s.doneAt !== undefined).length };
  const fact = ctx.containmentFact;
  if (fact || ctx.containmentStep) out.containmentBy = { ...(fact ? { fact } : {}), ...(ctx.containmentStep ? { step: ctx.containmentStep } : {}) };
  if (fact) {
    const e = ctx.events.find((ev) => ctx.factsAfter.get(ev.seq)?.[fact] === true);
    if (e) { out.containedAt = e.t; out.containedSeq = e.seq; }
  }
  if (out.containedAt === undefined && ctx.containmentStep) {
    const e = ctx.done.get(ctx.containmentStep)?.[0];
    if (e) { out.containedAt = e.t; out.containedSeq = e.seq; }
  }
  if (out.containedAt !== undefined) out.timeToContainment = Math.max(0, out.containedAt - ctx.incidentStart);

  const when = ctx.plan.termination?.when?.ast;
  const condAt = (seq: number): boolean | 'unknown' => {
    if (!ctx.plan.termination?.when) return true;
    if (!when) return 'unknown';
    const v = evaluateTri(when, ctx.factsAfter.get(seq) ?? {}, ctx.plan.facts);
    return v === undefined ? 'unknown' : v;
  };
  const ready = ctx.events.find((e) => condAt(e.seq) === true);
  if (ready && ctx.plan.termination?.when) out.terminationReadyAt = ready.t;
  const term = ctx.events.find((e) => e.type === 'terminate');
  if (term && term.type === 'terminate') {
    out.terminatedAt = term.t;
    out.terminatedSeq = term.seq;
    out.terminatedBy = term.role;
    out.timeToTermination = Math.max(0, term.t - ctx.incidentStart);
    out.terminationCondition = condAt(term.seq);
  } else if (ctx.events.length) {
    out.terminationCondition = condAt(ctx.events[ctx.events.length - 1].seq);
  }
  return out;
}

/** The effect dimension's items: objectives 0.4, expected actions 0.2, required steps 0.4, outcome (containment, termination) 0.2 — relative shares, renormalised over the groups present. */
export function effectItems(ctx: Context, objectives: ObjectiveResult[], expected: ExpectedResult[], steps: StepResult[], outcome: Outcome): WeighedItems {
  type Raw = Omit<ScoreItem, 'weight' | 'points'>;
  const groups: Record<keyof typeof EFFECT_GROUP_WEIGHTS, Raw[]> = { objective: [], expected: [], step: [], outcome: [] };
  for (const o of objectives) {
    // An objective the drill ended before is not reached: neither met nor failed, and left out.
    if (o.status === 'not-reached') continue;
    // A step not yet due is not what failed the objective: name only the ones that were due (and the gaps).
    const failed = o.missing.filter((x) => !o.notDue?.includes(x));
    const why = [...(failed.length ? [`missing ${failed.join(', ')}`] : []), ...(o.gapIds.length ? [`gaps ${o.gapIds.join(', ')}`] : [])].join('; ');
    const whyZh = [...(failed.length ? [`缺 ${failed.join('、')}`] : []), ...(o.gapIds.length ? [`存在问题 ${o.gapIds.join('、')}`] : [])].join('；');
    groups.objective.push({
      id: `objective:${o.id}`, group: 'objective', value: o.met ? 1 : 0, evidence: o.evidence,
      label: `Objective ${o.id} ${o.met ? 'met' : `not met${why ? ` (${why})` : ''}`}`,
      labelZh: `目标 ${o.id} ${o.met ? '已达成' : `未达成${whyZh ? `（${whyZh}）` : ''}`}`,
    });
  }
  for (const x of expected) {
    if (x.met === null) continue;
    const what = x.step!.startsWith('level:') ? `level ${x.step!.slice(6)}` : x.step!;
    const whatZh = x.step!.startsWith('level:') ? `启动${x.step!.slice(6)}级` : x.step!;
    const by = x.due !== undefined ? ` by ${clock(x.due)}` : '';
    const byZh = x.due !== undefined ? `（时限 ${clock(x.due)}）` : '';
    groups.expected.push({
      id: `expected:${x.inject}:${x.index}`, group: 'expected', value: x.met ? 1 : 0, evidence: x.evidence,
      label: `${x.inject}: ${x.role} ${what}${by} — ${x.met ? `met at ${clock(x.doneAt!)}` : x.doneAt !== undefined ? `late (${clock(x.doneAt)})` : 'not done'}`,
      labelZh: `${x.inject}：${x.role} ${whatZh}${byZh}——${x.met ? `${clock(x.doneAt!)} 达成` : x.doneAt !== undefined ? `超时（${clock(x.doneAt)}）` : '未完成'}`,
    });
  }
  for (const s of steps) {
    // Not yet due, or not timeable and not done: nothing to count either way.
    if (!s.requiredWarranted || s.status === 'pending' || s.status === 'not-scored') continue;
    const done = s.doneAt !== undefined;
    groups.step.push({
      id: `completed:${s.step}`, group: 'step', value: done ? 1 : 0, evidence: s.doneSeq !== undefined ? [s.doneSeq] : [],
      label: `Required step ${s.step} ${done ? `completed at ${clock(s.doneAt!)}` : 'not completed'}`,
      labelZh: `必要步骤 ${s.step}${done ? ` 于 ${clock(s.doneAt!)} 完成` : ' 未完成'}`,
    });
  }
  const incident = ctx.events.some((e) => e.type === 'inject' || e.type === 'level.warranted');
  if (outcome.containmentBy && incident) {
    const c = outcome.containedAt !== undefined;
    groups.outcome.push({
      id: 'containment', group: 'outcome', value: c ? 1 : 0, evidence: c ? [outcome.containedSeq!] : [],
      label: c ? `Contained at ${clock(outcome.containedAt!)}` : 'Not contained during the drill',
      labelZh: c ? `${clock(outcome.containedAt!)} 泄漏源得到控制` : '演练期间未控制事态',
    });
  }
  // The response's end is part of its effect: a response never terminated cannot score full effect.
  if (incident && (ctx.plan.termination || outcome.terminatedAt !== undefined)) {
    const cond = outcome.terminationCondition;
    const t = outcome.terminatedAt !== undefined;
    // termination counts only when the log shows the condition held (unknown = not shown = premature)
    const value = t && cond === true ? 1 : 0;
    const ready = outcome.terminationReadyAt;
    groups.outcome.push({
      id: 'termination', group: 'outcome', value, evidence: t ? [outcome.terminatedSeq!] : [],
      label: !t ? (ready !== undefined ? `Not terminated although the termination condition held from ${clock(ready)}` : 'The response was not terminated during the drill')
        : cond === true ? `Terminated at ${clock(outcome.terminatedAt!)} with the condition met`
          : cond === 'unknown' ? `Terminated at ${clock(outcome.terminatedAt!)} before the facts showed the condition held`
            : `Terminated prematurely at ${clock(outcome.terminatedAt!)} (condition not met)`,
      labelZh: !t ? (ready !== undefined ? `终止条件自 ${clock(ready)} 起已满足，但未宣布响应终止` : '演练期间未宣布响应终止')
        : cond === true ? `${clock(outcome.terminatedAt!)} 宣布响应终止，条件已满足`
          : cond === 'unknown' ? `${clock(outcome.terminatedAt!)} 宣布响应终止，但当时尚不能确认终止条件已满足`
            : `${clock(outcome.terminatedAt!)} 过早宣布响应终止（条件未满足）`,
    });
  }
  return weighGroups(groups, EFFECT_GROUP_WEIGHTS);
}
