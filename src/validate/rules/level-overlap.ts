import { describeBox, equivalentCriteria, printExpr, sameCriterion } from '../../expr/index.js';
import { listedBands, listedCriteria, type ListedBand } from '../criteria.js';
import { levelOverlaps, type LevelTrigger } from '../level-analysis.js';
import { limitOption, limitText, SOLVER_LIMIT } from '../logic.js';
import { defineRule, type RuleContext } from '../rule.js';

/**
 * Levels overlap only where the plan's grading convention says they must not. Under `grading: exclusive` no incident
 * may satisfy two level triggers at once. Under `highest` (就高不就低, the default: each level lists alternatives and the
 * most severe level met applies) overlaps between criteria are the normal case and silent; what is a defect is one band
 * of one indicator listed under two levels (`危及10人以上30人以下生命安全` under both Ⅱ and Ⅲ), or a band of a less
 * severe level inside a band of a more severe one — the less severe level never applies to it. A criterion written twice
 * is `duplicated-criterion`'s.
 */
export default defineRule({
  meta: {
    id: 'level-overlap',
    description: { en: 'No band of one indicator under two levels (no overlap at all under `grading: exclusive`)', zh: '同一指标的同一区间不应列在两个级别之下（`grading: exclusive` 时各级别启动条件不应重叠）' },
    severity: 'warning',
    strict: 'error',
    clause: 'GB/T 29639-2020 6.2 (响应分级)',
    options: { ...SOLVER_LIMIT },
  },
  check(ctx) {
    if (ctx.plan.meta.grading === 'exclusive') exclusiveOverlaps(ctx);
    else sharedBands(ctx);
  },
});

/** `highest`: a band of a less severe level equal to, or inside, a band of the same indicator of a more severe level. */
function sharedBands({ plan, report }: RuleContext): void {
  const bands = listedBands(plan, listedCriteria(plan));
  const inside = (a: ListedBand, b: ListedBand) => a.band.fact === b.band.fact
    && (b.band.lo < a.band.lo || (b.band.lo === a.band.lo && (!b.band.loOpen || a.band.loOpen)))
    && (b.band.hi > a.band.hi || (b.band.hi === a.band.hi && (!b.band.hiOpen || a.band.hiOpen)));
  const done = new Set<ListedBand>();
  for (const mild of bands) {
    for (const severe of bands) {
      if (done.has(mild) || severe.item.level.rank >= mild.item.level.rank || !inside(mild, severe)) continue;
      // The whole criterion written twice is duplicated-criterion's finding.
      if (sameCriterion(mild.item.ast, severe.item.ast, plan.facts) || equivalentCriteria(mild.item.ast, severe.item.ast, plan.facts, { bounds: plan.meta.bounds })) continue;
      done.add(mild);
      const [m, s] = [mild.item.level.id, severe.item.level.id];
      const same = mild.key === severe.key;
      const text = printExpr(mild.ast);
      const sText = printExpr(severe.ast);
      report({
        node: mild.item.criterion,
        message: same
          ? `Unexpected band \`${text}\` under both ${s} and ${m}, expected each band of an indicator under one level: the most severe level met applies, so ${m} never does here`
          : `Unexpected band \`${text}\` of ${m} inside the band \`${sText}\` of ${s}, expected the bands of one indicator under different levels not to overlap: the most severe level met applies, so ${m} never does here`,
        messageZh: same
          ? `同一指标区间 \`${text}\` 同时列在 ${s} 级和 ${m} 级之下，每个指标区间应只对应一个级别：就高不就低，${m} 级在此永远不会适用`
          : `${m} 级的指标区间 \`${text}\` 落在 ${s} 级的区间 \`${sText}\` 之内，同一指标在不同级别下的区间不应重叠：就高不就低，${m} 级在此永远不会适用`,
        related: [{ node: severe.item.criterion, message: `also here, under ${s}`, messageZh: `也列在 ${s} 级之下` }],
      });
    }
  }
}

/** `exclusive`: every pair of level triggers that can hold at once, at the less severe one. */
function exclusiveOverlaps({ plan, report, truncated, options }: RuleContext): void {
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
    const [severe, mild] = o.a.rank <= o.b.rank ? [o.a, o.b] : [o.b, o.a];
    const en = describeBox(o.box, plan.facts, 'en');
    const zh = describeBox(o.box, plan.facts, 'zh');
    report({
      node: mild, field: 'trigger',
      message: `Unexpected overlap: ${en} starts both ${severe.id} and ${mild.id}, expected each incident to start exactly one level (\`grading: exclusive\`)`,
      messageZh: `${zh} 时同时满足 ${severe.id} 级和 ${mild.id} 级的启动条件，按 \`grading: exclusive\`（互斥）每种事故情形应只对应一个响应级别`,
      related: [{ node: severe, field: 'trigger', message: `level \`${severe.id}\` starts here too`, messageZh: `级别 \`${severe.id}\` 的启动条件也成立` }],
    });
  }
}
