import { hasUnread } from '../refs.js';
import { defineRule } from '../rule.js';

/** Every response step names exactly one responsible role. */
export default defineRule({
  meta: {
    id: 'step-owner',
    description: { en: 'Every response step names its responsible role', zh: '每个处置步骤都应明确责任角色' },
    severity: 'error',
    clause: 'GB/T 29639-2020 6.4.4 / 7.4 (处置措施应明确责任)',
  },
  check({ plan, report }) {
    for (const step of plan.steps) {
      if (step.role || hasUnread(step)) continue; // an owner under an unreadable column is the parser's finding
      report({
        node: step, field: 'role',
        message: `Unexpected step \`${step.id}\` without a responsible role, expected a role id from the roles table`,
        messageZh: `步骤 \`${step.id}\` 未明确责任角色，应填写组织机构表中的角色标识`,
      });
    }
  },
});
