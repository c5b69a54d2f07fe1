import { defineRule } from '../rule.js';

/** "20万间或7万户以上、30万间或10万户以下": a lower and an upper bound each given in two units joined by 或. */
const COMPOUND = /\d[^、，,。；]*?或\s*\d[^、，,。；]*?以上\s*[、，,]\s*\d[^、，,。；]*?或\s*\d[^、，,。；]*?以下/u;

/**
 * A band whose bounds are each given in two units ("倒塌和严重损坏房屋20万间或7万户以上、30万间或10万户以下") does not say
 * whether the lower bound is met by either unit while the upper bound must hold for both: an event with 25万间 and
 * 11万户 is Ⅱ by rooms and Ⅰ by households. Read from the criterion's wording (the `原文` column).
 */
export default defineRule({
  meta: {
    id: 'ambiguous-compound-band',
    description: { en: 'A band does not mix two units in each bound', zh: '同一分级区间的上下限不应各用"或"连接两种计量单位' },
    severity: 'warning',
    clause: 'GB/T 29639-2020 6.2（响应分级）',
  },
  check({ plan, report }) {
    for (const level of plan.levels) {
      for (const c of level.criteria) {
        const m = c.note ? COMPOUND.exec(c.note) : null;
        if (!m) continue;
        report({
          node: c,
          message: `Unexpected band \`${m[0]}\` of level \`${level.id}\` with two units in each bound, expected one band per unit (say whether either unit meets the lower bound and whether both must stay under the upper one)`,
          messageZh: `级别 \`${level.id}\` 的区间“${m[0]}”上下限各用“或”连接两种单位，未说明下限是否任一单位达到即可、上限是否两种单位都须满足，应按单位分别写出区间`,
        });
      }
    }
  },
});
