import { singleBand, type Expr } from '../../expr/index.js';
import type { Colour, Fact, WarningLevel } from '../../model/index.js';
import { defineRule } from '../rule.js';
import { bySeverity, COLOUR_NAME, COLOUR_RANK, warningGrade } from '../warnings.js';

const GRADE_ZH = ['', '一级', '二级', '三级', '四级'];
const COLOUR_OF_GRADE: Colour[] = ['red', 'red', 'orange', 'yellow', 'blue'];

/** The lowest value each numeric fact must reach for the criterion to hold (one bound per conjunct). */
function lowerBounds(ast: Expr, facts: readonly Fact[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const part of ast.type === 'and' ? ast.operands : [ast]) {
    const b = singleBand(part, facts);
    if (b && Number.isFinite(b.lo) && b.lo > 0 && !Number.isFinite(b.hi)) out.set(b.fact, b.lo);
  }
  return out;
}

/**
 * Warning colours follow the statutory order: 一级/红色 the most severe, then 橙色, 黄色, 蓝色 (突发事件应对法 Art. 61 in
 * the 2024 text, 第四十二条 before: "分为一级、二级、三级和四级，分别用红色、橙色、黄色和蓝色标示"); each colour is used
 * once; and a more severe colour does not start at a smaller reading of the same indicator than a milder one.
 */
export default defineRule({
  meta: {
    id: 'warning-order',
    description: { en: 'Warning colours are ordered red, orange, yellow, blue', zh: '预警级别按红、橙、黄、蓝的顺序由高到低排列' },
    severity: 'error',
    clause: '突发事件应对法 第六十一条（预警级别分为一级、二级、三级和四级，分别用红色、橙色、黄色和蓝色标示）',
  },
  check({ plan, report }) {
    const seen = new Map<string, WarningLevel>();
    for (const w of plan.warnings) {
      const c = COLOUR_NAME[w.colour];
      const first = seen.get(w.colour);
      if (first) {
        report({
          node: w, field: 'colour',
          message: `Unexpected second ${c.en} warning \`${w.id}\`, expected each colour once`,
          messageZh: `${c.zh}预警重复（\`${w.id}\`），每种颜色只应对应一个预警级别`,
          related: [{ node: first, field: 'colour', message: `${c.en} is first used here`, messageZh: `${c.zh}预警首次出现于此` }],
        });
        continue;
      }
      seen.set(w.colour, w);
      const grade = warningGrade(w);
      if (grade && grade <= 4 && COLOUR_RANK[w.colour] !== grade) {
        const want = COLOUR_NAME[COLOUR_OF_GRADE[grade]];
        report({
          node: w, field: 'colour',
          message: `Unexpected ${c.en} for warning level \`${w.id}\`, expected ${want.en} (一级 red, 二级 orange, 三级 yellow, 四级 blue)`,
          messageZh: `${GRADE_ZH[grade]}预警标为${c.zh}，应为${want.zh}（一级红色、二级橙色、三级黄色、四级蓝色）`,
        });
      }
    }
    // A colour used twice has no settled severity; its second use is left out of the comparison of readings.
    const firsts = new Set(seen.values());
    const ws = bySeverity(plan.warnings.filter((w) => w.trigger?.ast && firsts.has(w)));
    const bounds = new Map(ws.map((w) => [w, lowerBounds(w.trigger!.ast!, plan.facts)]));
    for (const [i, mild] of ws.entries()) {
      for (const [fact, lo] of bounds.get(mild)!) {
        const above = ws.slice(0, i).filter((s) => (bounds.get(s)!.get(fact) ?? -Infinity) < lo && bounds.get(s)!.has(fact));
        if (!above.length) continue;
        const cm = COLOUR_NAME[mild.colour];
        const list = above.map((s) => `${COLOUR_NAME[s.colour].en} \`${s.id}\` (≥ ${bounds.get(s)!.get(fact)})`).join(', ');
        const listZh = above.map((s) => `${COLOUR_NAME[s.colour].zh}预警 \`${s.id}\`（≥ ${bounds.get(s)!.get(fact)}）`).join('、');
        report({
          node: mild, field: 'trigger',
          message: `Unexpected ${cm.en} warning \`${mild.id}\` from \`${fact}\` ≥ ${lo}, above the more severe ${list}, expected a milder colour to start at a smaller reading`,
          messageZh: `${cm.zh}预警 \`${mild.id}\` 在 \`${fact}\` 达到 ${lo} 时才发布，高于更高级别的${listZh}：级别越低，指标应越小`,
          related: above.map((s) => ({ node: s, field: 'trigger', message: `${COLOUR_NAME[s.colour].en} warning \`${s.id}\``, messageZh: `${COLOUR_NAME[s.colour].zh}预警 \`${s.id}\`` })),
        });
      }
    }
  },
});
