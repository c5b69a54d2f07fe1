import { hasUnread } from '../refs.js';
import { reportRows } from '../reports.js';
import { defineRule } from '../rule.js';

/**
 * Every reporting duty says how soon it is due. A row with an empty time cell is reported as exactly that (not as "no
 * report to the authority", and not once per recipient); when no row of the plan has a time limit, that is one
 * finding listing the recipients. A vague limit (及时) is `time/vague`'s finding, and a value under a column yuan could
 * not read is the parser's.
 */
export default defineRule({
  meta: {
    id: 'report-deadline-missing',
    description: { en: 'Every report row has a time limit', zh: '每项信息报告都应有时限' },
    severity: 'error',
    clause: 'GB/T 29639-2020 6.3.1（信息报告：明确上报的部门、方式、内容和时限）/ 生产安全事故报告和调查处理条例 第九条',
  },
  check({ plan, report }) {
    const rows = reportRows(plan);
    const missing = rows.filter((row) => !row.report.within && !hasUnread(row.report));
    if (missing.length > 1 && missing.length === rows.length) {
      const to = missing.map((row) => row.to.join('、'));
      report({
        node: missing[0].report, field: 'within',
        message: `Unexpected reports table without time limits (${to.join('; ')}), expected how soon each report is due, such as \`within 1 h\` or \`1 h after receipt\``,
        messageZh: `信息报告表（${to.join('；')}）均未规定时限，应写明每项报告的时限（如“1小时内”“接到报告后1小时”）`,
      });
      return;
    }
    for (const row of missing) {
      report({
        node: row.report, field: 'within',
        message: `Unexpected report to ${row.to.join(', ')} without a time limit, expected how soon it is due, such as \`within 1 h\` or \`1 h after receipt\``,
        messageZh: `向${row.to.join('、')}的报告未规定时限，应写明时限（如“1小时内”“接到报告后1小时”）`,
      });
    }
  },
});
