import { equivalentCriteria, sameCriterion } from '../../expr/index.js';
import { listedCriteria } from '../criteria.js';
import { defineRule } from '../rule.js';

/**
 * No criterion is listed twice (Sugar Land lists "Resource support required" under Level 2 and Level 1). Under two
 * levels the most severe one always wins, so the other listing is dead and the reader cannot tell which was meant;
 * under one level it is a repeat. Reported at the second listing, with the first as related.
 */
export default defineRule({
  meta: {
    id: 'duplicated-criterion',
    description: { en: 'No grading criterion is listed twice', zh: '同一分级标准不应重复列出' },
    severity: 'error',
    clause: 'GB/T 29639-2020 6.2 (响应分级：分级标准应明确)',
  },
  check({ plan, report }) {
    const items = listedCriteria(plan);
    const reported = new Set<number>();
    for (const b of items) {
      const a = items.find((x) => x.order < b.order && !reported.has(x.order)
        && (sameCriterion(x.ast, b.ast, plan.facts) || equivalentCriteria(x.ast, b.ast, plan.facts, { bounds: plan.meta.bounds })));
      if (!a) continue;
      reported.add(b.order);
      const text = b.criterion.note?.trim() || b.criterion.text.trim();
      const two = a.level.id !== b.level.id;
      report({
        node: b.criterion,
        message: two
          ? `Unexpected criterion \`${text}\` under both ${a.level.id} and ${b.level.id}, expected it under one level: the most severe level met applies, so the other listing never decides`
          : `Unexpected criterion \`${text}\` listed twice under ${b.level.id}, expected it once`,
        messageZh: two
          ? `分级标准 \`${text}\` 同时列在 ${a.level.id} 级和 ${b.level.id} 级之下，应只列在一个级别之下：就高不就低，另一处永远不起作用`
          : `分级标准 \`${text}\` 在 ${b.level.id} 级之下重复列出，应只列一次`,
        related: [{ node: a.criterion, message: `also here, under ${a.level.id}`, messageZh: `也列在 ${a.level.id} 级之下` }],
      });
    }
  },
});
