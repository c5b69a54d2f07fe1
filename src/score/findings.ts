/**
 * Findings for the after-action report: strengths, and gaps with a corrective action and a responsible role —
 * the first two links of the closed loop 发现-登记-整改-验收-销号 (the report registers them as 待整改).
 */
import { roleZh, type Context } from './context.js';
import { clock, duration } from './format.js';
import type { Activation, Finding, Gap, Milestone, ObjectiveResult, Outcome, StepResult } from './types.js';

type Draft = Omit<Finding, 'id'>;
const tag = (s: string) => `\`${s}\``;

export function buildFindings(ctx: Context, a: {
  steps: StepResult[]; activations: Activation[]; milestones: Milestone[]; gaps: Gap[]; objectives: ObjectiveResult[]; outcome: Outcome;
}): Finding[] {
  const strengths: Draft[] = [];
  const gaps: Draft[] = [];
  const notes: Draft[] = [];
  const actionOf = (id: string) => ctx.steps.get(id)?.action ?? id;

  for (const x of a.activations) {
    if (x.status === 'on-time' || x.status === 'done') {
      strengths.push({ kind: 'strength', dimension: 'time', role: x.declaredBy, evidence: [x.warrantedSeq, x.declaredSeq!],
        text: `Level ${x.level} response started ${duration(x.latency ?? 0, 'en')} after it was warranted${x.allowed !== undefined ? ` (allowed ${duration(x.allowed, 'en')})` : ''}.`,
        textZh: `事态达到${x.level}级后 ${duration(x.latency ?? 0, 'zh')} 即启动响应${x.allowed !== undefined ? `（时限 ${duration(x.allowed, 'zh')}）` : ''}。` });
    } else if (x.status === 'late' || x.status === 'missed') {
      const late = x.status === 'late';
      gaps.push({ kind: 'gap', dimension: 'time', role: x.decidedBy, step: `level:${x.level}`,
        evidence: [x.warrantedSeq, ...(x.declaredSeq !== undefined ? [x.declaredSeq] : [])],
        text: late ? `Level ${x.level} response started ${duration(x.lateBy!, 'en')} late (after ${duration(x.latency!, 'en')}, allowed ${duration(x.allowed!, 'en')}).`
          : `Level ${x.level} response was warranted at ${clock(x.warrantedAt)} but never started.`,
        textZh: late ? `${x.level}级响应启动超时 ${duration(x.lateBy!, 'zh')}（用时 ${duration(x.latency!, 'zh')}，时限 ${duration(x.allowed!, 'zh')}）。`
          : `${clock(x.warrantedAt)} 事态已达${x.level}级，但始终未启动${x.level}级响应。`,
        action: `Train ${x.decidedBy ?? 'the decider'} on the level ${x.level} triggers; rehearse the activation decision within ${x.allowed !== undefined ? duration(x.allowed, 'en') : 'the deadline'}.`,
        actionZh: `组织${x.decidedBy ? roleZh(ctx, x.decidedBy) : '决策人'}学习${x.level}级启动条件，演练在${x.allowed !== undefined ? duration(x.allowed, 'zh') : '时限'}内作出启动决策。` });
    }
  }
  for (const m of a.milestones) {
    const name = m.id === 'first-response' ? ['First response', '首次响应'] : ['Initial disposal', '初期处置'];
    if (m.status === 'on-time') {
      strengths.push({ kind: 'strength', dimension: 'time', evidence: m.evidence,
        text: `${name[0]} done at ${clock(m.doneAt!)}, within ${duration(m.allowed, 'en')}.`,
        textZh: `${name[1]}于 ${clock(m.doneAt!)} 完成，满足 ${duration(m.allowed, 'zh')} 要求。` });
    }
  }
  const anchorWhy: Record<string, [string, string]> = {
    'event-anchor': ['its time limit counts from an event the drill does not model', '其时限自演练未模拟的事件起算'],
    'not-told': ['its role was never told (no inject or notification reached it), so its time limit never started', '负责角色始终未接到报告或通知，时限未开始计算'],
    'anchor-not-reached': ['the moment its time limit counts from never came', '其时限的起算时刻始终未出现'],
  };
  for (const s of a.steps) {
    if (s.advisory && s.doneAt === undefined && s.status === 'missed') {
      notes.push({ kind: 'note', dimension: 'effect', role: s.role, step: s.step, evidence: [],
        text: `Recommended step ${tag(s.step)} (${actionOf(s.step)}, ${s.obligation}) was not done; reported, not scored.`,
        textZh: `建议性步骤 ${tag(s.step)}（${actionOf(s.step)}，“宜”/“可”）未执行；仅作记录，不扣分。` });
    }
    if (s.status === 'not-scored' && s.notScored) {
      const [en, zh] = anchorWhy[s.notScored];
      notes.push({ kind: 'note', dimension: 'time', role: s.role, step: s.step, evidence: [],
        text: `Step ${tag(s.step)} (${actionOf(s.step)}, ${s.limit?.en ?? ''}) was not scored: ${en}.`,
        textZh: `步骤 ${tag(s.step)}（${actionOf(s.step)}，${s.limit?.zh ?? ''}）未计分：${zh}。` });
    }
    if (!s.rating) {
      if (!s.required && s.requiredWarranted && s.status === 'missed') {
        gaps.push({ kind: 'gap', dimension: 'effect', role: s.role, step: s.step, evidence: [],
          text: `Step ${tag(s.step)} (${actionOf(s.step)}) required at the warranted level ${ctx.maxWarranted?.id ?? ''} was not done.`,
          textZh: `事态应启动的${ctx.maxWarranted?.id ?? ''}级响应要求的步骤 ${tag(s.step)}（${actionOf(s.step)}）未执行。`,
          action: `Rehearse level ${ctx.maxWarranted?.id ?? ''} measures with ${s.role ?? 'the owner'}, including ${tag(s.step)}.`,
          actionZh: `组织${s.role ? roleZh(ctx, s.role) : '责任人'}针对${ctx.maxWarranted?.id ?? ''}级响应措施开展训练，包括 ${tag(s.step)}。` });
      }
      continue;
    }
    if (s.rating === 'P') {
      if (s.dues) {
        strengths.push({ kind: 'strength', dimension: 'time', role: s.role, step: s.step, evidence: s.doneSeq !== undefined ? [s.doneSeq] : [],
          text: `${tag(s.step)} (${actionOf(s.step)}) was kept at all ${s.dues} due time(s) (${s.limit?.en ?? ''}).`,
          textZh: `${tag(s.step)}（${actionOf(s.step)}）${s.dues} 次均按${s.limit?.zh ?? '规定频次'}完成。` });
      } else if (s.doneAt !== undefined) {
        strengths.push({ kind: 'strength', dimension: 'time', role: s.doneBy, step: s.step, evidence: [s.doneSeq!],
          text: `${tag(s.doneBy!)} did ${tag(s.step)} (${actionOf(s.step)}) at ${clock(s.doneAt!)}${s.deadline !== undefined ? `, due ${clock(s.deadline)}` : ''}.`,
          textZh: `${roleZh(ctx, s.doneBy)} 于 ${clock(s.doneAt!)} 完成 ${tag(s.step)}（${actionOf(s.step)}）${s.deadline !== undefined ? `，时限 ${clock(s.deadline)}` : ''}。` });
      }
    }
    if (s.dues && s.misses) {
      const every = s.limit ?? { en: 'its cadence', zh: '规定频次' };
      gaps.push({ kind: 'gap', dimension: 'time', role: s.role, step: s.step, evidence: s.overdueSeqs,
        text: `Step ${tag(s.step)} (${actionOf(s.step)}, ${every.en}) missed ${s.misses} of its ${s.dues} due time(s).`,
        textZh: `步骤 ${tag(s.step)}（${actionOf(s.step)}，${every.zh}）应做 ${s.dues} 次，漏 ${s.misses} 次。`,
        action: `Give ${s.role ?? 'the owner'} a timer or a relief for ${tag(s.step)} so that it is repeated ${every.en}.`,
        actionZh: `为${s.role ? roleZh(ctx, s.role) : '责任人'}设置提醒或轮换人员，确保 ${tag(s.step)} 按${every.zh}持续执行。` });
    } else if (s.status === 'late') {
      gaps.push({ kind: 'gap', dimension: 'time', role: s.role, step: s.step, evidence: [s.doneSeq!, ...s.overdueSeqs],
        text: `Step ${tag(s.step)} (${actionOf(s.step)}) done ${duration(s.lateBy!, 'en')} late (at ${clock(s.doneAt!)}, due ${clock(s.deadline!)}).`,
        textZh: `步骤 ${tag(s.step)}（${actionOf(s.step)}）超时 ${duration(s.lateBy!, 'zh')}（${clock(s.doneAt!)} 完成，时限 ${clock(s.deadline!)}）。`,
        action: `Drill ${tag(s.step)} with ${s.role ?? 'its owner'} until it fits in ${duration(s.allowed!, 'en')}; check that the plan's deadline is achievable.`,
        actionZh: `组织${s.role ? roleZh(ctx, s.role) : '责任人'}专项训练 ${tag(s.step)}，确保在 ${duration(s.allowed!, 'zh')} 内完成；复核预案时限是否可行。` });
    } else if (s.status === 'missed') {
      gaps.push({ kind: 'gap', dimension: 'time', role: s.role, step: s.step, evidence: s.overdueSeqs,
        text: `Step ${tag(s.step)} (${actionOf(s.step)}) was required but never done.`,
        textZh: `步骤 ${tag(s.step)}（${actionOf(s.step)}）为必要步骤，但始终未执行。`,
        action: `Make ${tag(s.step)} part of ${s.role ?? 'the owner'}'s on-duty card and of the next drill's objectives.`,
        actionZh: `将 ${tag(s.step)} 纳入${s.role ? roleZh(ctx, s.role) : '责任人'}的岗位应急处置卡，并列为下次演练重点科目。` });
    }
  }
  for (const g of a.gaps) gaps.push(gapFinding(ctx, g));
  for (const o of a.objectives) {
    const notDue = o.notDue ?? [];
    // What failed it: the steps that were due and not done in time (a step not yet due is not a failure).
    const failed = o.missing.filter((x) => !notDue.includes(x));
    if (o.status === 'not-reached') {
      notes.push({ kind: 'note', dimension: 'effect', evidence: o.evidence,
        text: `Objective ${tag(o.id)} was not reached: the drill ended before ${notDue.map(tag).join(', ')} ${notDue.length > 1 ? 'were' : 'was'} due; neither met nor failed: ${o.text}`,
        textZh: `演练目标 ${tag(o.id)} 未到评定时点：演练结束时 ${notDue.map(tag).join('、')} 尚未到期，不计为达成或未达成：${o.text}` });
      continue;
    }
    if (o.met) {
      strengths.push({ kind: 'strength', dimension: 'effect', evidence: o.evidence,
        text: `Objective ${tag(o.id)} met: ${o.text}`, textZh: `演练目标 ${tag(o.id)} 已达成：${o.text}` });
    } else {
      const first = failed[0];
      const against = a.gaps.find((g) => g.id === o.gapIds[0]);
      const whyEn = [...(failed.length ? [`${failed.map(tag).join(', ')} not done${o.within !== undefined ? ` within ${duration(o.within, 'en')}` : ''}`] : []),
        ...(o.gapIds.length ? [`the drill shows ${o.gapIds.join(', ')}, which it rules out`] : [])].join('; ');
      const whyZh = [...(failed.length ? [`${failed.map(tag).join('、')}${o.within !== undefined ? `未在 ${duration(o.within, 'zh')} 内` : '未'}完成`] : []),
        ...(o.gapIds.length ? [`出现目标所排除的问题 ${o.gapIds.join('、')}`] : [])].join('；');
      // Whoever owns what failed it: the first step missed, else the step of the first gap it rules out.
      const role = first && !first.startsWith('level:') ? ctx.steps.get(first)?.role : against ? against.expectedRole ?? against.role : undefined;
      gaps.push({ kind: 'gap', dimension: 'effect', role, evidence: o.evidence,
        text: `Objective ${tag(o.id)} not met (${whyEn}): ${o.text}`,
        textZh: `演练目标 ${tag(o.id)} 未达成（${whyZh}）：${o.text}`,
        action: `Re-test objective ${tag(o.id)} in the next drill after the corrective actions above.`,
        actionZh: `完成上述整改后，在下次演练中重新检验目标 ${tag(o.id)}。` });
    }
  }
  const oc = a.outcome;
  if (oc.containmentBy) {
    if (oc.containedAt !== undefined) {
      strengths.push({ kind: 'strength', dimension: 'effect', evidence: [oc.containedSeq!],
        text: `Incident contained ${duration(oc.timeToContainment!, 'en')} after it started.`, textZh: `事故发生后 ${duration(oc.timeToContainment!, 'zh')} 事态得到控制。` });
    } else {
      gaps.push({ kind: 'gap', dimension: 'effect', evidence: [],
        text: 'The incident was not contained during the drill.', textZh: '演练期间事态未得到控制。',
        role: ctx.plan.termination?.decidedBy,
        action: 'Review the source-control measures (isolation, plugging) and their resources; rehearse them in the next drill.',
        actionZh: '复核切断、堵漏等控制措施及所需物资，在下次演练中重点检验。' });
    }
  }
  const decider = ctx.plan.termination?.decidedBy;
  if (oc.terminatedAt !== undefined) {
    if (oc.terminationCondition !== true) {
      const unknown = oc.terminationCondition === 'unknown';
      gaps.push({ kind: 'gap', dimension: 'effect', role: decider, evidence: [oc.terminatedSeq!],
        text: `Response terminated at ${clock(oc.terminatedAt)} before the termination condition ${unknown ? 'was shown to hold' : 'held'}.`,
        textZh: `${clock(oc.terminatedAt)} 在终止条件${unknown ? '尚未确认满足' : '未满足'}时即宣布响应终止。`,
        action: 'Verify every termination condition (source controlled, concentrations, headcount) before declaring the end.',
        actionZh: '宣布响应终止前逐项核实终止条件（泄漏源控制、浓度、人员清点）。' });
    } else {
      strengths.push({ kind: 'strength', dimension: 'effect', role: oc.terminatedBy, evidence: [oc.terminatedSeq!],
        text: `Response terminated at ${clock(oc.terminatedAt)} with the termination condition met.`,
        textZh: `${clock(oc.terminatedAt)} 在终止条件满足后宣布响应终止。` });
    }
  } else if (oc.terminationReadyAt !== undefined) {
    gaps.push({ kind: 'gap', dimension: 'effect', role: decider, evidence: [],
      text: `The termination condition held from ${clock(oc.terminationReadyAt)} but the response was never terminated.`,
      textZh: `终止条件自 ${clock(oc.terminationReadyAt)} 起已满足，但未宣布响应终止。`,
      action: `${decider ?? 'The commander'} to declare termination once the conditions are verified, and hand over to recovery.`,
      actionZh: `${decider ? roleZh(ctx, decider) : '总指挥'}在核实终止条件后及时宣布响应终止，转入后期处置。` });
  }
  return [
    ...strengths.map((f, i) => ({ id: `S${String(i + 1).padStart(2, '0')}`, ...f })),
    ...gaps.map((f, i) => ({ id: `F${String(i + 1).padStart(2, '0')}`, ...f })),
    ...notes.map((f, i) => ({ id: `N${String(i + 1).padStart(2, '0')}`, ...f })),
  ];
}

function gapFinding(ctx: Context, g: Gap): Draft {
  const step = g.step && ctx.steps.get(g.step);
  const act = step ? `${tag(step.id)}（${step.action}）` : g.step ? tag(g.step) : '';
  const actEn = step ? `${tag(step.id)} (${step.action})` : g.step ? tag(g.step) : '';
  const base = { kind: 'gap' as const, dimension: 'coordination' as const, step: g.step, evidence: g.evidence.map((e) => e.seq), text: `${g.id}: ${g.message}`, textZh: `${g.id}：${g.messageZh}` };
  const owner = g.expectedRole ?? g.role;
  switch (g.kind) {
    case 'wrong-role':
      return { ...base, role: owner, action: `Brief ${owner} and ${g.role} on who owns ${actEn}; put the owner on the duty card.`,
        actionZh: `向${roleZh(ctx, owner)}和${roleZh(ctx, g.role)}重新交底 ${act} 的负责角色，并写入岗位应急处置卡。` };
    case 'duplicated':
      return { ...base, role: owner, action: `Give ${actEn} a single owner (${owner ?? '—'}) and a "done" call-back so others do not repeat it.`,
        actionZh: `明确 ${act} 唯一负责角色（${roleZh(ctx, owner)}），完成后及时回告，避免重复处置。` };
    case 'out-of-order':
      return { ...base, role: owner, action: `Follow the plan's order: finish the prerequisite before ${actEn}; mark prerequisites on the response card.`,
        actionZh: `按预案顺序处置：前置步骤完成后再执行 ${act}；在处置卡中标注前置条件。` };
    case 'handoff-delay':
      return { ...base, role: owner, action: `Shorten the handoff from ${g.roles.join(', ')} to ${owner}: notify on completion and pre-position the next team.`,
        actionZh: `优化${g.roles.map((r) => roleZh(ctx, r)).join('、')}与${roleZh(ctx, owner)}之间的交接：前序完成即通知，后续小组提前就位。` };
    case 'missed-notification':
      return { ...base, role: owner, action: `${owner} to notify ${g.roles.join(', ')} when ${actEn} is done; add the contact to the duty card.`,
        actionZh: `${roleZh(ctx, owner)}完成 ${act} 后须通知${g.roles.map((r) => roleZh(ctx, r)).join('、')}，并将通知对象和联系方式列入处置卡。` };
    case 'role-not-engaged':
      return { ...base, dimension: 'coordination', role: g.role, action: `Make sure ${g.role} (and deputies) are reachable and know their duties: ${g.steps.join(', ')}.`,
        actionZh: `确保${roleZh(ctx, g.role)}及其副职通讯畅通、熟悉职责（${g.steps.join('、')}），接警后及时到位。` };
    case 'over-response':
      return { ...base, role: g.role, action: 'Train the grading decision against the level triggers so small incidents do not start a full response.',
        actionZh: '加强分级研判培训，严格按启动条件确定响应级别，避免小规模事件启动过高级别响应。' };
    case 'under-response':
      return { ...base, role: g.role, action: 'Rehearse escalation: re-check the level triggers whenever new facts arrive and escalate without delay.',
        actionZh: '开展升级响应演练：获知新情况后立即对照启动条件研判，及时升级响应。' };
    case 'unmatched-action':
      return { ...base, role: g.role, action: 'Review whether this action belongs in the plan (revise the plan) or was a misunderstanding (train).',
        actionZh: '评估该行动是否应纳入预案（修订预案）或属于理解偏差（加强培训）。' };
  }
}
