import { defineRule } from '../rule.js';

/**
 * The plan states when the response ends and who declares the end: enterprise plans by GB/T 29639 6.4.5, government
 * plans by 突发事件应对法 (the government that leads the response ends its measures). A NIMS/ICS activation page that
 * defines levels only is not asked for a deactivation rule; one that describes the return to normal operations
 * (recovery) is, at that section. An excerpt's termination was not seen.
 */
export default defineRule({
  meta: {
    id: 'termination-required',
    description: { en: 'The plan states a termination condition and who declares it', zh: '预案应明确响应终止条件和宣布终止的角色' },
    severity: 'error',
    clause: 'GB/T 29639-2020 6.4.5 (响应终止：明确响应终止的基本条件和要求) / 突发事件应对法 第八十六条',
    wholePlan: true,
  },
  check({ plan, regime, report }) {
    const t = plan.termination;
    if (!t) {
      const ending = plan.sections.find((s) => s.key === 'aftermath');
      if (regime === 'international') {
        if (!ending) return;
        report({
          node: ending, field: 'title',
          message: `Unexpected return to normal operations (\`${ending.title}\`) without a deactivation rule, expected the condition and the officer that end an activation (a \`Termination\` section with \`- Condition:\` and \`- Declared by:\` items)`,
          messageZh: `“${ending.title}”描述了恢复常态，但没有结束启动的规则，应写明结束条件和宣布人（“响应终止”一节的“条件：”和“宣布：”）`,
        });
        return;
      }
      const section = plan.sections.find((s) => s.key === 'termination');
      report({
        node: section ?? plan.meta,
        message: 'Unexpected plan without a termination condition, expected a `Termination` section with `- Condition:` and `- Declared by:` items (YAML: `termination.when`, `termination.decidedBy`)',
        messageZh: '预案缺少响应终止条件，应有"响应终止"一节，写明"条件："和"宣布："（YAML 中为 `termination.when`、`termination.decidedBy`）',
      });
      return;
    }
    const noWhen = !t.when || t.when.text.trim() === '';
    const noDecider = !t.decidedBy || t.decidedBy.trim() === '';
    if (noWhen && noDecider) {
      report({
        node: t,
        message: 'Unexpected termination without a condition or a declaring role, expected `- Condition:` and `- Declared by:` items (YAML: `when`, `decidedBy`)',
        messageZh: '响应终止只有文字说明，缺少终止条件和宣布终止的角色，应写明"条件："和"宣布："',
      });
      return;
    }
    if (noWhen) {
      report({
        node: t, field: 'when',
        message: 'Unexpected termination without a condition, expected a `- Condition:` item (YAML: `when`) with a condition on the declared facts',
        messageZh: '响应终止缺少终止条件，应写明"条件："（基于事故信息要素的条件）',
      });
    }
    if (noDecider) {
      report({
        node: t, field: 'decidedBy',
        message: 'Unexpected termination without a declaring role, expected a `- Declared by:` item (YAML: `decidedBy`) naming the role that ends the response',
        messageZh: '响应终止未明确由谁宣布，应写明"宣布："（宣布终止的角色）',
      });
    }
  },
});
