import { defineRule } from '../rule.js';
import { colourList, issuerInProse } from '../warnings.js';

/**
 * Every warning colour names who issues it (发布单位): 突发事件应对法 gives the power to issue a warning to the people's
 * government at or above county level and the bodies it authorises; an enterprise plan names its duty office or
 * commander. The issuer may be stated once for all colours (预警信号由县气象台发布; a role whose duties include "Issues
 * public warnings"). Otherwise the colours without an issuer get one finding listing them. An excerpt's issuer may be
 * on an unseen page (内蒙古危化 3.3.2 发布单位 not seen), so excerpts are not checked.
 */
export default defineRule({
  meta: {
    id: 'warning-issuer',
    description: { en: 'Every warning colour names its issuer', zh: '每级预警应明确发布单位' },
    severity: 'warning',
    clause: '突发事件应对法 第六十二条、第六十四条（预警发布） / GB/T 29639-2020 6.3.2（预警信息发布的程序）',
    wholePlan: true,
  },
  check({ plan, report }) {
    const missing = plan.warnings.filter((w) => !w.issuer?.trim());
    if (!missing.length || issuerInProse(plan)) return;
    const { en: list, zh: listZh } = colourList(missing);
    report({
      node: missing[0], field: 'issuer',
      message: `Unexpected warning level${missing.length > 1 ? 's' : ''} ${list} without an issuer, expected who issues each colour (an \`issuer\` / \`发布单位\` column)`,
      messageZh: `预警 ${listZh} 未明确发布单位，应写明每级预警由谁发布（“发布单位”列）`,
    });
  },
});
