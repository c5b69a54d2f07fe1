import { defineRule } from '../rule.js';

/** The plan states when the response ends and who declares the end. */
export default defineRule({
  meta: {
    id: 'termination-required',
    description: { en: 'The plan states a termination condition and who declares it', zh: '预案应明确响应终止条件和宣布终止的角色' },
    severity: 'error',
    clause: 'GB/T 29639-2020 6.4.5 (响应终止：明确响应终止的基本条件和要求)',
  },
  check({ plan, report }) {
    const t = plan.termination;
    if (!t) {
      const section = plan.sections.find((s) => s.key === 'termination');
      report({
        node: section ?? plan.meta,
        message: 'Unexpected plan without a termination condition, expected a 响应终止 section with `条件：` and `宣布：` items (YAML: `termination.when`, `termination.decidedBy`)',
        messageZh: '预案缺少响应终止条件，应有"响应终止"一节，写明"条件："和"宣布："（YAML 中为 `termination.when`、`termination.decidedBy`）',
      });
      return;
    }
    const noWhen = !t.when || t.when.text.trim() === '';
    const noDecider = !t.decidedBy || t.decidedBy.trim() === '';
    if (noWhen && noDecider) {
      report({
        node: t,
        message: 'Unexpected termination without a condition or a declaring role, expected `条件：` and `宣布：` items (YAML: `when`, `decidedBy`)',
        messageZh: '响应终止只有文字说明，缺少终止条件和宣布终止的角色，应写明"条件："和"宣布："',
      });
      return;
    }
    if (noWhen) {
      report({
        node: t, field: 'when',
        message: 'Unexpected termination without a condition, expected `条件：` (YAML: `when`) with a condition on the declared facts',
        messageZh: '响应终止缺少终止条件，应写明"条件："（基于事故信息要素的条件）',
      });
    }
    if (noDecider) {
      report({
        node: t, field: 'decidedBy',
        message: 'Unexpected termination without a declaring role, expected `宣布：` (YAML: `decidedBy`) naming the role that ends the response',
        messageZh: '响应终止未明确由谁宣布，应写明"宣布："（宣布终止的角色）',
      });
    }
  },
});
