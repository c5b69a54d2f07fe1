import { isTimed } from '../../model/index.js';
import { hasUnread } from '../refs.js';
import { defineRule } from '../rule.js';

/**
 * Every response step of an enterprise plan has a time limit (时限). A vague word (及时, 尽快) is `time/vague`'s finding,
 * not this one's. When no step of the plan has a time limit at all, that is one finding listing the steps, not one per
 * step. Government plans assign duties by tier and NIMS/ICS pages describe activities: their steps are not timed, and
 * their deadlines are in the reports.
 */
export default defineRule({
  meta: {
    id: 'step-deadline',
    description: { en: 'Every response step of an enterprise plan has a deadline', zh: '企业预案的每个处置步骤都应有完成时限' },
    severity: 'error',
    clause: 'GB/T 29639-2020 6.3.4、7.4（处置措施应明确时限要求）',
    regimes: ['enterprise'],
  },
  check({ plan, report }) {
    const missing = plan.steps.filter((s) => !s.deadline && !hasUnread(s));
    if (missing.length > 1 && !plan.steps.some((s) => isTimed(s.deadline))) {
      const ids = missing.map((s) => `\`${s.id}\``);
      report({
        node: missing[0], field: 'deadline',
        message: `Unexpected procedure without time limits (${ids.join(', ')}), expected a time limit for each step, such as \`5 min\` or \`10 min after rescue\``,
        messageZh: `处置程序的步骤（${ids.join('、')}）均未规定完成时限，应为每个步骤写明时限（如“5分钟”“rescue 完成后10分钟”）`,
      });
      return;
    }
    for (const step of missing) {
      report({
        node: step, field: 'deadline',
        message: `Unexpected step \`${step.id}\` without a deadline, expected a time limit such as \`5 min\` or \`10 min after rescue\``,
        messageZh: `步骤 \`${step.id}\` 未规定完成时限，应写明时限（如“5分钟”“rescue 完成后10分钟”），不能只写“及时”“尽快”`,
      });
    }
  },
});
