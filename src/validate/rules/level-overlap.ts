import { describeBox, overlaps, regionOf, type LevelRegion } from '../../expr/index.js';
import type { Level } from '../../model/index.js';
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
  },
  check({ plan, report }) {
    const byId = new Map<string, Level>();
    const regions: LevelRegion[] = [];
    for (const level of plan.levels) {
      if (!level.trigger?.ast || byId.has(level.id)) continue;
      const region = regionOf(level.trigger.ast, plan.facts);
      if (region.truncated) continue;
      byId.set(level.id, level);
      regions.push({ id: level.id, region });
    }
    for (const o of overlaps(regions)) {
      const [a, b] = [byId.get(o.a)!, byId.get(o.b)!];
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
