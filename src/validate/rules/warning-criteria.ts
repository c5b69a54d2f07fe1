import { defineRule } from '../rule.js';
import { warningSection } from '../warnings.js';

/**
 * A plan that has a warning section (预警) states its warning levels: the criteria, the colour and the issuer of each.
 * A "warning" sent after the event (事故发生后……通知各部门进入预警期) with no criteria or colours is the response again,
 * not a warning (GB/T 29639-2020 6.3.2: 明确预警信息发布的条件、对象、程序和相应的预防措施).
 */
export default defineRule({
  meta: {
    id: 'warning-criteria',
    description: { en: 'A warning section states warning levels with criteria and colours', zh: '预警一节应写明各级预警的发布条件和颜色' },
    severity: 'warning',
    clause: 'GB/T 29639-2020 6.3.2 (预警：明确预警信息发布的条件、对象、程序) / 突发事件应对法 第六十三条',
  },
  check({ plan, report }) {
    const section = warningSection(plan);
    if (!section || plan.warnings.length > 0) return;
    report({
      node: section, field: 'title',
      message: `Unexpected warning section \`${section.title}\` without warning levels, expected the criteria, colour and issuer of each level (a table \`预警级别 | 颜色 | 发布条件 | 发布单位 | 措施\`); a warning sent after the event with no criteria repeats the response`,
      messageZh: `预警一节“${section.title}”没有分级的预警：应写明各级预警的发布条件、颜色和发布单位（表头“预警级别 | 颜色 | 发布条件 | 发布单位 | 措施”）；事故发生后才发出、没有发布条件的“预警”只是重复响应`,
    });
  },
});
