import { and, or, TRUE, type Formula } from '../../expr/index.js';
import { appliesAt, type Plan, type Step } from '../../model/index.js';
import { limitOption, limitText, SOLVER_LIMIT, TriggerLogic } from '../logic.js';
import { defineRule } from '../rule.js';

/** Why a prerequisite cannot happen in the dependent step's case, or undefined when it can (or it cannot be told). */
type Why = { en: string; zh: string; field: 'levels' | 'condition' };

/**
 * A step's prerequisite can happen in the step's own case: its condition can hold together with the step's condition
 * and the triggers of the levels the step runs at. Otherwise the step waits for something that never happens where
 * the step runs — the drill engine skips such a prerequisite, so the step starts without what it was meant to wait for
 * ("联系医疗部门救治" after "确认无人受伤"). Either the dependency or the conditions are wrong. A prerequisite that runs
 * at other levels is `step-level-gap`'s finding; for "after any of" (`afterAny`), which that rule does not judge, a
 * branch at none of the step's levels counts as impossible too, and the step is reported when every branch is.
 */
export default defineRule({
  meta: {
    id: 'step-prerequisite',
    description: { en: "A step's prerequisite can happen in the step's own case", zh: '前置步骤应能在本步骤适用的情形下发生' },
    severity: 'warning',
    clause: 'GB/T 29639-2020 6.4.2（响应程序：明确响应启动后的程序性工作）',
    options: { ...SOLVER_LIMIT },
  },
  check({ plan, options, report, truncated }) {
    const byId = new Map(plan.steps.map((s) => [s.id, s] as const));
    const logic = new TriggerLogic(plan, limitOption(options, 'maxWork'));
    const formulas = new Map<Step, Formula>();
    const cond = (s: Step) => {
      if (!formulas.has(s)) formulas.set(s, s.condition?.ast ? logic.holds(s.condition.ast) : TRUE);
      return formulas.get(s)!;
    };
    let cut = false;
    const caseOf = (step: Step): Formula => {
      const levels = step.levels.length ? plan.levels.filter((l) => step.levels.includes(l.id)) : [];
      const triggers = levels.every((l) => l.trigger?.ast) ? levels.map((l) => logic.holds(l.trigger!.ast!)) : [];
      return triggers.length ? and([cond(step), or(triggers)]) : cond(step);
    };
    const impossible = (step: Step, pre: Step, branch: boolean): Why | undefined => {
      const levels = levelsOf(plan, step);
      if (branch && levels.length && !levels.some((l) => appliesAt(pre, l))) {
        return { field: 'levels', en: `it runs only at ${pre.levels.join(', ')} and \`${step.id}\` only at ${levels.join(', ')}`, zh: `它只适用于 ${pre.levels.join('、')}，而 \`${step.id}\` 只适用于 ${levels.join('、')}` };
      }
      if (!pre.condition?.ast) return undefined;
      const sat = logic.sat(caseOf(step), cond(pre));
      if (sat === undefined) { cut = true; return undefined; }
      if (sat) return undefined;
      const own = [step.condition ? `\`${step.condition.text}\`` : '', step.levels.length ? `level ${step.levels.join(', ')}` : ''].filter(Boolean).join(' at ');
      const ownZh = [step.condition ? `\`${step.condition.text}\`` : '', step.levels.length ? `${step.levels.join('、')}级` : ''].filter(Boolean).join('，');
      return {
        field: 'condition',
        en: `its condition \`${pre.condition.text}\` never holds in the case of \`${step.id}\` (${own || 'any'})`,
        zh: `它的条件 \`${pre.condition.text}\` 在 \`${step.id}\` 的情形（${ownZh || '任何情形'}）下不可能成立`,
      };
    };
    for (const step of plan.steps) {
      for (const id of step.after) {
        const pre = byId.get(id);
        const why = pre && pre !== step ? impossible(step, pre, false) : undefined;
        if (!pre || !why) continue;
        report({
          node: step, field: 'after',
          message: `Unexpected prerequisite \`${pre.id}\` of step \`${step.id}\`: ${why.en}, expected a prerequisite that can happen in the step's own case (fix the dependency or the levels/conditions)`,
          messageZh: `步骤 \`${step.id}\` 的前置步骤 \`${pre.id}\` 在本步骤的情形下不会发生：${why.zh}；应修正前置关系或适用级别/条件`,
          related: [{ node: pre, field: why.field, message: `prerequisite \`${pre.id}\` is defined here`, messageZh: `前置步骤 \`${pre.id}\` 定义于此` }],
        });
      }
      const branches = step.afterAny.map((id) => byId.get(id)).filter((s): s is Step => !!s && s !== step);
      if (branches.length && branches.every((b) => impossible(step, b, true))) {
        report({
          node: step, field: 'afterAny',
          message: `Unexpected prerequisites ${branches.map((b) => `\`${b.id}\``).join(', ')} of step \`${step.id}\`: none of them can happen in the step's own case, expected at least one that can`,
          messageZh: `步骤 \`${step.id}\` 的任一前置步骤 ${branches.map((b) => `\`${b.id}\``).join('、')} 在本步骤的情形下都不会发生，应至少有一个能够发生`,
        });
      }
    }
    if (cut) truncated({ node: plan.steps[0], field: 'condition', what: { en: 'the comparison of step conditions', zh: '步骤执行条件的比较' }, limit: limitText('work', options) });
  },
});

/** The declared levels a step runs at (all of them when it names none). */
function levelsOf(plan: Plan, step: Step): string[] {
  return plan.levels.map((l) => l.id).filter((id) => appliesAt(step, id));
}
