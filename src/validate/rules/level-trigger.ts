import { isNormalState } from '../normal-state.js';
import { defineRule } from '../rule.js';

/**
 * Every response level states the condition that starts it. Three kinds of level have none by design and are not
 * reported: the "nothing happened" state numbered as a level (Sugar Land's Level 4 "Normal"); a level started by the
 * decision of a named role (`启动方式: 决定启动`, 一级、二级由自治区人民政府决定); and, in an excerpt, a level whose
 * criteria were simply not seen (一般（Ⅳ级）标准未见).
 */
export default defineRule({
  meta: {
    id: 'level-trigger',
    description: { en: 'Every response level has a trigger condition', zh: '每个响应级别都应有启动条件' },
    severity: 'error',
    clause: 'GB/T 29639-2020 6.2 / 6.4.1 (响应分级、响应启动条件)',
  },
  check({ plan, excerpt, report }) {
    for (const level of plan.levels) {
      if (level.trigger && level.trigger.text.trim() !== '') continue;
      if (isNormalState(level) || (level.manual && level.decidedBy) || excerpt) continue;
      report({
        node: level, field: 'trigger',
        message: `Unexpected level \`${level.id}\` without a trigger condition, expected a condition on the declared facts (e.g. \`leak_kg >= 100\`) or a decision by a named role (\`启动方式: 决定启动\` with a decider)`,
        messageZh: `响应级别 \`${level.id}\` 没有启动条件，应填写基于事故信息要素的条件（如 \`leak_kg >= 100\`），或写明由谁决定启动（“启动方式：决定启动”并填写决策角色）`,
      });
    }
  },
});
