import { isNormalState } from '../normal-state.js';
import { defineRule } from '../rule.js';

/**
 * Every response level states the condition that starts it — except a level started by decision (`决定启动` with a
 * deciding role: 一级、二级由自治区人民政府决定), the normal-operations state numbered as a level (Sugar Land's
 * "Normal"), and, in an excerpt, a level whose criteria were simply not seen.
 */
export default defineRule({
  meta: {
    id: 'level-trigger',
    description: { en: 'Every response level has a trigger condition', zh: '每个响应级别都应有启动条件' },
    severity: 'error',
    clause: 'GB/T 29639-2020 6.2 / 6.4.1 (响应分级、响应启动条件)',
  },
  check({ plan, report, excerpt }) {
    for (const level of plan.levels) {
      if (level.trigger && level.trigger.text.trim() !== '') continue;
      if ((level.manual && level.decidedBy) || isNormalState(level) || excerpt) continue;
      report({
        node: level, field: 'trigger',
        message: `Unexpected level \`${level.id}\` without a trigger condition, expected a condition on the declared facts (e.g. \`leak_kg >= 100\`)`,
        messageZh: `响应级别 \`${level.id}\` 没有启动条件，应填写基于事故信息要素的条件（如 \`leak_kg >= 100\`）`,
      });
    }
  },
});
