import { defineRule } from '../rule.js';

/**
 * Every response step has a deadline (时限). Vague words such as 及时 / 尽快 do not parse as durations and are reported
 * by the parser (`parse/duration`); 立即 / immediately counts as 0 minutes.
 */
export default defineRule({
  meta: {
    id: 'step-deadline',
    description: { en: 'Every response step has a deadline', zh: '每个处置步骤都应有完成时限' },
    severity: 'error',
    clause: 'GB/T 29639-2020 6.3.4、7.4（处置措施应明确时限要求）',
  },
  check({ plan, report }) {
    for (const step of plan.steps) {
      if (step.deadline) continue;
      report({
        node: step, field: 'deadline',
        message: `Unexpected step \`${step.id}\` without a deadline, expected a time limit such as 5分钟 or \`rescue 完成后10分钟\``,
        messageZh: `步骤 \`${step.id}\` 未规定完成时限，应写明时限（如“5分钟”“rescue 完成后10分钟”），不能只写“及时”“尽快”`,
      });
    }
  },
});
