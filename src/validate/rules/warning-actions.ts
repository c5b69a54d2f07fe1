import { defineRule } from '../rule.js';
import { colourList } from '../warnings.js';

/**
 * Every warning colour says what is done when it is issued (预警措施: 进入待命状态, 停止户外作业, 转移人员 …); a colour with no
 * actions changes nothing. A plan where no colour has actions gets one finding listing the colours. Excerpts are not
 * checked (the measures usually follow on another page).
 */
export default defineRule({
  meta: {
    id: 'warning-actions',
    description: { en: 'Every warning colour states its actions', zh: '每级预警应明确相应的预警措施' },
    severity: 'warning',
    clause: 'GB/T 29639-2020 6.3.2（明确预警信息发布后应采取的预防措施） / 突发事件应对法 第六十六条、第六十七条',
    wholePlan: true,
  },
  check({ plan, report }) {
    const missing = plan.warnings.filter((w) => !w.actions?.trim());
    if (!missing.length) return;
    const { en: list, zh: listZh } = colourList(missing);
    report({
      node: missing[0], field: 'actions',
      message: `Unexpected warning level${missing.length > 1 ? 's' : ''} ${list} without actions, expected the measures taken when each colour is issued (an \`actions\` / \`措施\` column)`,
      messageZh: `预警 ${listZh} 未写明预警措施，应写明发布各级预警后采取的措施（“措施”列）`,
    });
  },
});
