import { citation, gradesOf, levelDeviations, referenceGrades } from '../reference-grades.js';
import { defineRule } from '../rule.js';

/**
 * A plan's grades follow the national definitions it declares (`grades: order-493`), cites (依据《生产安全事故报告和
 * 调查处理条例》) or is bound by (a production-safety plan, Order 493 Art. 3): a level named 重大 that adds 危及10人以上、
 * 30人以下生命安全, counts missing persons (含失踪) or moves a threshold gives one grade term two meanings. One finding
 * per level, at its first differing criterion, listing every difference; the data is data/reference-grades/.
 */
export default defineRule({
  meta: {
    id: 'reference-grade-deviation',
    description: { en: 'The grades follow the national grade definitions the plan cites or is bound by', zh: '事故分级应与所引用或适用的国家分级标准一致' },
    severity: 'error',
    clause: '生产安全事故报告和调查处理条例 第三条; 突发事件应对法 第三条; 国家专项应急预案 事件分级',
  },
  check({ plan, report }) {
    const refs = referenceGrades();
    if (plan.meta.grades && !refs.some((r) => r.id === plan.meta.grades)) {
      const ids = refs.map((r) => `\`${r.id}\``).join(', ');
      report({
        node: plan.meta, field: 'grades',
        message: `Unexpected reference grades \`${plan.meta.grades}\`, expected one of ${ids}`,
        messageZh: `未知的分级依据 \`${plan.meta.grades}\`，应为 ${ids} 之一`,
      });
      return;
    }
    for (const { ref, how } of gradesOf(plan, refs)) {
      if (how === 'bound' && ref.kind !== 'regulation') continue; // another plan's definition: reference-grade-conflict
      const why = how === 'declared' ? { en: 'declared in `grades:`', zh: '前置元数据 `grades:` 声明' } : how === 'cited' ? { en: 'cited by the plan', zh: '预案引用' } : { en: 'binding on this incident type', zh: '适用于本类事故' };
      for (const d of levelDeviations(plan, ref)) {
        const [first, ...rest] = d.differences;
        report({
          node: first.criterion,
          message: `Unexpected ${d.grade} (${d.level.id}) different from ${ref.titleEn ?? ref.title} (${why.en}): ${d.differences.map((x) => x.en).join('; ')}, expected the grade as ${ref.id} defines it`,
          messageZh: `${d.grade}（${d.level.id}级）与${citation(ref)}（${why.zh}）的定义不一致：${d.differences.map((x) => x.zh).join('；')}，应与国家分级标准一致`,
          related: rest.filter((x) => x.criterion !== first.criterion).map((x) => ({ node: x.criterion, message: x.en, messageZh: x.zh })),
        });
      }
    }
  },
});
