import { isNormalState } from '../normal-state.js';
import { hasUnread } from '../refs.js';
import { defineRule } from '../rule.js';

/**
 * Every response level names the role that decides to start it — except the normal-operations state numbered as a
 * level (it is never started). An excerpt's deciders may be in the sections that were not seen.
 */
export default defineRule({
  meta: {
    id: 'level-decider',
    description: { en: 'Every response level names the role that decides to start it', zh: '每个响应级别都应明确启动决策角色' },
    severity: 'error',
    clause: 'GB/T 29639-2020 6.4.1 (响应启动：明确响应启动的程序和决策者)',
    wholePlan: true,
  },
  check({ plan, report }) {
    for (const level of plan.levels) {
      if ((level.decidedBy && level.decidedBy.trim() !== '') || isNormalState(level) || hasUnread(level)) continue;
      report({
        node: level, field: 'decidedBy',
        message: `Unexpected level \`${level.id}\` without a deciding role, expected a role id in the \`decidedBy\` column`,
        messageZh: `响应级别 \`${level.id}\` 未明确由谁决定启动，应在"决策"列填写组织机构表中的角色标识`,
      });
    }
  },
});
