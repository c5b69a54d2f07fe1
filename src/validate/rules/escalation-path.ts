import type { Level, Plan } from '../../model/index.js';
import { defineRule } from '../rule.js';

/**
 * Every level has a way up and a way down or out, and every escalation names levels the plan defines.
 *
 * How a level is left depends on how the plan grades. Under `grading: highest` (就高不就低, the default) a level's own
 * criteria — or the decision that starts a manual level — are the way up: when the incident grows, the higher level's
 * criteria hold and it applies; when it shrinks, the lower one is again the highest met. A plan that says the level
 * is adjusted as the incident develops (`adjustment: judgement`, 根据事态发展调整响应级别) needs no per-level rule
 * either. Only a plan whose levels change by its escalation table (`grading: exclusive`, or `adjustment: rules`) must
 * give, for each level, an escalation rule to a more severe level and a de-escalation rule to a less severe level (or a
 * termination condition, which ends the response from any level).
 */
/** True when the plan's levels change only by its escalation table, so each level needs its own way up and down. */
export function explicitPaths(plan: Plan): boolean {
  if (plan.meta.adjustment === 'judgement') return false;
  return plan.meta.adjustment === 'rules' || plan.meta.grading === 'exclusive';
}

export default defineRule({
  meta: {
    id: 'escalation-path',
    description: { en: 'Every level can escalate to a more severe level and be left again', zh: '每个响应级别都应能升级，并能降级或终止' },
    severity: 'error',
    clause: 'GB/T 29639-2020 6.4.1 / 6.4.5 (响应级别调整与响应终止)',
  },
  check({ plan, report }) {
    const levels = new Map<string, Level>(plan.levels.map((l) => [l.id, l] as const));
    const valid: { from: Level; to: Level }[] = [];
    for (const e of plan.escalations) {
      let ok = true;
      for (const field of ['from', 'to'] as const) {
        if (levels.has(e[field])) continue;
        ok = false;
        const known = plan.levels.map((l) => `\`${l.id}\``);
        report({
          node: e, field,
          message: `Unexpected level \`${e[field]}\` in the \`${field}\` column of escalation ${e.from} → ${e.to}, expected one of: ${known.join(', ') || '(no levels declared)'}`,
          messageZh: `升级降级规则 ${e.from} → ${e.to} 中的级别 \`${e[field]}\` 未定义，应为：${known.join('、') || '（未声明响应级别）'}`,
        });
      }
      if (ok) valid.push({ from: levels.get(e.from)!, to: levels.get(e.to)! });
    }
    if (plan.levels.length < 2) return; // no grading: level-grading's finding
    if (!explicitPaths(plan)) return;
    const ranks = plan.levels.map((l) => l.rank);
    const top = Math.min(...ranks);
    const bottom = Math.max(...ranks);
    const hasTermination = !!plan.termination?.when?.text.trim();
    const escalationSection = plan.sections.find((s) => s.key === 'escalation');
    const sectionRelated = escalationSection
      ? [{ node: escalationSection, message: 'escalation rules are listed here', messageZh: '升级降级规则在此' }]
      : undefined;
    for (const level of plan.levels) {
      if (level.rank !== top && !valid.some((e) => e.from === level && e.to.rank < level.rank)) {
        const above = plan.levels.filter((l) => l.rank < level.rank).sort((a, b) => b.rank - a.rank).map((l) => l.id);
        report({
          node: level, field: 'id',
          message: `Unexpected level \`${level.id}\` with no way up, expected an escalation rule from \`${level.id}\` to a more severe level (${above.join(', ')}), or \`adjustment: judgement\` when the level is adjusted as the incident develops`,
          messageZh: `响应级别 \`${level.id}\` 没有升级途径，应有从 \`${level.id}\` 升级到更高级别（${above.join('、')}）的规则；如按“根据事态发展调整响应级别”处理，写明 \`adjustment: judgement\``,
          related: sectionRelated,
        });
      }
      if (level.rank !== bottom && !hasTermination && !valid.some((e) => e.from === level && e.to.rank > level.rank)) {
        report({
          node: level, field: 'id',
          message: `Unexpected level \`${level.id}\` with no way down or out, expected a de-escalation rule to a less severe level or a termination condition`,
          messageZh: `响应级别 \`${level.id}\` 既不能降级也无法终止，应有降级到较低级别的规则或响应终止条件`,
          related: sectionRelated,
        });
      }
    }
  },
});
