import { describeBox } from '../../expr/index.js';
import { levelOverlaps, type LevelTrigger } from '../level-analysis.js';
import { limitOption, limitText, SOLVER_LIMIT } from '../logic.js';
import { defineRule } from '../rule.js';

/**
 * No incident satisfies two level triggers at once. Reported at the less severe level's trigger, with the more
 * severe one as related. A warning by default: many real plans rely on "the most severe level wins" (就高不就低).
 */
export default defineRule({
  meta: {
    id: 'level-overlap',
    description: { en: 'No incident satisfies two level triggers at once', zh: '同一事故情形不应同时满足两个响应级别的启动条件' },
    severity: 'warning',
    strict: 'error',
    clause: 'GB/T 29639-2020 6.2 (响应分级)',
    options: { ...SOLVER_LIMIT },
  },
  check({ plan, report, truncated, options }) {
    const seen = new Set<string>();
    const items: LevelTrigger[] = [];
    for (const level of plan.levels) {
      if (!level.trigger?.ast || seen.has(level.id)) continue;
      seen.add(level.id);
      items.push({ level, ast: level.trigger.ast });
    }
    const { found, cut } = levelOverlaps(plan, items, { maxWork: limitOption(options, 'maxWork') });
    if (cut) truncated({ node: items[0].level, field: 'trigger', what: { en: 'the comparison of the level triggers', zh: '各级别启动条件的两两比较' }, limit: limitText('work', options) });
    for (const o of found) {
      const [a, b] = [o.a, o.b];
      const [severe, mild] = a.rank <= b.rank ? [a, b] : [b, a];
      const en = describeBox(o.box, plan.facts, 'en');
      const zh = describeBox(o.box, plan.facts, 'zh');
      report({
        node: mild, field: 'trigger',
        message: `Unexpected overlap: ${en} starts both ${severe.id} and ${mild.id}, expected each incident to start exactly one level`,
        messageZh: `${zh} 时同时满足 ${severe.id} 级和 ${mild.id} 级的启动条件，每种事故情形应只对应一个响应级别`,
        related: [{ node: severe, field: 'trigger', message: `level \`${severe.id}\` starts here too`, messageZh: `级别 \`${severe.id}\` 的启动条件也成立` }],
      });
    }
  },
});
