import { defineRule } from '../rule.js';
import { expectedOneOf } from '../../suggest.js';

/** Every step named in `after` (前置) exists. */
export default defineRule({
  meta: {
    id: 'step-dangling',
    description: { en: 'Every prerequisite named in `after` is a defined step', zh: '前置步骤应为已定义的步骤' },
    severity: 'error',
    clause: 'GB/T 29639-2020 6.3.4、7.4（处置程序）',
  },
  check({ plan, report }) {
    const ids = plan.steps.map((s) => s.id);
    const known = new Set(ids);
    for (const step of plan.steps) {
      for (const dep of step.after) {
        if (known.has(dep)) continue;
        const exp = expectedOneOf(dep, ids.filter((id) => id !== step.id), 'step', '步骤');
        report({
          node: step, field: 'after',
          message: `Unexpected undefined step \`${dep}\` in \`after\` of \`${step.id}\`, ${exp.en}`,
          messageZh: `步骤 \`${step.id}\` 的前置步骤 \`${dep}\` 未定义，${exp.zh}`,
        });
      }
    }
  },
});
