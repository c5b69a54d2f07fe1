import { isNormalState } from '../normal-state.js';
import { hasUnread } from '../refs.js';
import { defineRule } from '../rule.js';

/**
 * Every response level of an enterprise plan says how fast it must be started once the incident is reported (Order 493
 * Art. 14: the unit head starts the plan at once). Government plans start levels by decision of named bodies, and
 * NIMS/ICS activation levels are not timed: neither is asked for a deadline. When no level has one, that is one
 * finding for the levels table, not one per level. The normal state and an excerpt's unseen start-up are not checked.
 */
export default defineRule({
  meta: {
    id: 'level-activation',
    description: { en: 'Every response level of an enterprise plan has an activation deadline', zh: '企业预案的每个响应级别都应有启动时限' },
    severity: 'warning',
    clause: 'GB/T 29639-2020 6.4.1 (响应启动) / 生产安全事故报告和调查处理条例 第十四条 (立即启动事故相应应急预案)',
    regimes: ['enterprise'],
    wholePlan: true,
  },
  check({ plan, report }) {
    const levels = plan.levels.filter((l) => !isNormalState(l));
    const missing = levels.filter((l) => (!l.activation || l.activation.text.trim() === '') && !hasUnread(l));
    if (missing.length > 1 && missing.length === levels.length) {
      const ids = missing.map((l) => `\`${l.id}\``);
      report({
        node: missing[0], field: 'activation',
        message: `Unexpected levels table without activation deadlines (${ids.join(', ')}), expected a time limit for starting each level, such as \`10 min\``,
        messageZh: `响应分级表中各级别（${ids.join('、')}）均无启动时限，应为每个级别填写启动时限（如 \`10分钟\`）`,
      });
      return;
    }
    for (const level of missing) {
      report({
        node: level, field: 'activation',
        message: `Unexpected level \`${level.id}\` without an activation deadline, expected a time limit such as \`10 min\``,
        messageZh: `响应级别 \`${level.id}\` 没有启动时限，应填写时限（如 \`10分钟\`）`,
      });
    }
  },
});
