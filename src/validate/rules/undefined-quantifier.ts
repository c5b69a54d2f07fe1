import { defineRule } from '../rule.js';
import { criteriaOf, vagueAtoms } from '../wording.js';

/**
 * A grading criterion that counts gives the count: "Several agencies involved" (Sugar Land Level 2) and "Multiple
 * agencies involved" (Level 1) are both met by the "Three or more agencies" of Level 3, so the agency count cannot
 * separate the levels. Also 若干, 多个, 数个.
 */
export default defineRule({
  meta: {
    id: 'undefined-quantifier',
    description: { en: 'A counting criterion gives its number', zh: '计数类分级标准应给出具体数量' },
    severity: 'warning',
    clause: 'GB/T 29639-2020 6.2（响应分级）/ NIMS EOC activation levels (criteria that distinguish the levels)',
  },
  check({ plan, report }) {
    for (const level of plan.levels) {
      for (const c of criteriaOf(level)) {
        if (!c.ast) continue;
        const words = [...new Set(vagueAtoms(c.ast, plan.facts, 'quantifier').map((v) => v.words))];
        if (!words.length) continue;
        report({
          node: c,
          message: `Unexpected criterion of level \`${level.id}\` that counts without a number (${words.map((w) => `\`${w}\``).join(', ')}), expected the count (e.g. \`agencies >= 3\`)`,
          messageZh: `级别 \`${level.id}\` 的分级标准只说“若干/多个”而没有具体数量（${words.map((w) => `“${w}”`).join('、')}），应写明数量（如 \`agencies >= 3\`）`,
        });
      }
    }
  },
});
