import { defineRule } from '../rule.js';

/** Every response level says how fast it must be started once the incident is reported. */
export default defineRule({
  meta: {
    id: 'level-activation',
    description: { en: 'Every response level has an activation deadline', zh: '每个响应级别都应有启动时限' },
    severity: 'warning',
    clause: 'GB/T 29639-2020 6.4.1 (响应启动) / 生产安全事故报告和调查处理条例 第九条 (报告时限)',
  },
  check({ plan, report }) {
    for (const level of plan.levels) {
      if (level.activation && level.activation.text.trim() !== '') continue;
      report({
        node: level, field: 'activation',
        message: `Unexpected level \`${level.id}\` without an activation deadline, expected a time limit such as \`10分钟\``,
        messageZh: `响应级别 \`${level.id}\` 没有启动时限，应填写时限（如 \`10分钟\`）`,
      });
    }
  },
});
