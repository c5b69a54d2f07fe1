import { defineRule } from '../rule.js';
import { expectedOneOf } from '../../suggest.js';

/** Every role a step notifies is defined in the roles table. */
export default defineRule({
  meta: {
    id: 'notify-undefined',
    description: { en: 'Every role a step notifies is defined in the roles table', zh: '步骤的通知对象应在组织机构表中定义' },
    severity: 'error',
    clause: 'GB/T 29639-2020 6.3.1、8.3（信息报告与通知）',
  },
  check({ plan, report }) {
    const ids = plan.roles.map((r) => r.id);
    const known = new Set(ids);
    for (const step of plan.steps) {
      for (const target of step.notify) {
        if (known.has(target)) continue;
        const exp = expectedOneOf(target, ids, 'role', '角色');
        report({
          node: step, field: 'notify',
          message: `Unexpected undefined role \`${target}\` notified by step \`${step.id}\`, ${exp.en}`,
          messageZh: `步骤 \`${step.id}\` 的通知对象 \`${target}\` 未在组织机构表中定义，${exp.zh}`,
        });
      }
    }
  },
});
