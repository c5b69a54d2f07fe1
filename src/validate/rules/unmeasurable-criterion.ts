import { defineRule } from '../rule.js';
import { criteriaOf, vagueAtoms } from '../wording.js';

/**
 * Every grading criterion is decided by something observed or counted, or by a declared judgement of a named body —
 * not by degree words: 造成严重经济损失 / 较重 / 一定, 大量泄漏, 严重污染, 轻微人身伤害, "Limited evacuations" cannot be
 * told apart, so the same event is graded differently by different people. A criterion whose fact is declared as a
 * `judgement` (超出省级处置能力, with its decider) is a decision the plan assigns, and is not reported. Quantity words
 * without a number ("Several agencies") are `undefined-quantifier`'s finding.
 */
export default defineRule({
  meta: {
    id: 'unmeasurable-criterion',
    description: { en: 'Every grading criterion is measurable', zh: '分级标准的每一条都应可观测、可度量' },
    severity: 'warning',
    clause: 'GB/T 29639-2020 6.2（响应分级：明确分级响应的基本原则）/ 突发事件应对法 第四十二条、第六十三条（分级标准）',
  },
  check({ plan, report }) {
    for (const level of plan.levels) {
      for (const c of criteriaOf(level)) {
        if (!c.ast) continue;
        const words = [...new Set(vagueAtoms(c.ast, plan.facts, 'degree').map((v) => v.words))];
        if (!words.length) continue;
        report({
          node: c,
          message: `Unexpected criterion of level \`${level.id}\` decided by unmeasurable wording (${words.map((w) => `\`${w}\``).join(', ')}), expected a count, a measured value, or a \`judgement\` fact with the body that decides it`,
          messageZh: `级别 \`${level.id}\` 的分级标准由无法度量的措辞决定（${words.map((w) => `“${w}”`).join('、')}），应改为可计数、可测量的指标，或声明为由明确机构判定的研判要素（judgement）`,
        });
      }
    }
  },
});
