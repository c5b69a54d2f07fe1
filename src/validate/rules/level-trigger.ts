import { defineRule } from '../rule.js';

/** Every response level states the condition that starts it. */
export default defineRule({
  meta: {
    id: 'level-trigger',
    description: { en: 'Every response level has a trigger condition', zh: '每个响应级别都应有启动条件' },
    severity: 'error',
    clause: 'GB/T 29639-2020 6.2 / 6.4.1 (响应分级、响应启动条件)',
  },
  check({ plan, report }) {
    for (const level of plan.levels) {
      if (level.trigger && level.trigger.text.trim() !== '') continue;
      report({
        node: level, field: 'trigger',
        message: `Unexpected level \`${level.id}\` without a trigger condition, expected a condition on the declared facts (e.g. \`leak_kg >= 100\`)`,
        messageZh: `响应级别 \`${level.id}\` 没有启动条件，应填写基于事故信息要素的条件（如 \`leak_kg >= 100\`）`,
      });
    }
  },
});
