import { citation, gradesOf, levelDeviations } from '../reference-grades.js';
import { defineRule } from '../rule.js';

/**
 * One grade term, one meaning across the system: a plan for an incident type that a national plan grades
 * (突发环境事件 → 国家突发环境事件应急预案 2014) and that defines 特别重大 / 重大 / 较大 / 一般 differently, without citing that
 * plan, gives the same word two meanings — and when deadlines and recipients hang on the grade (环境保护部令第17号: 2 h
 * to the province for 重大), they conflict too. One finding per level, at its first differing criterion.
 */
export default defineRule({
  meta: {
    id: 'reference-grade-conflict',
    description: { en: 'A grade term means the same as in the national plan for the incident type', zh: '同一等级名称应与同类事件的国家预案含义一致' },
    severity: 'error',
    clause: '突发事件应急预案管理办法 第九条（上下级预案衔接）; 国家专项应急预案 事件分级',
  },
  check({ plan, report }) {
    for (const { ref, how } of gradesOf(plan)) {
      if (how !== 'bound' || ref.kind !== 'plan') continue;
      for (const d of levelDeviations(plan, ref)) {
        const [first, ...rest] = d.differences;
        report({
          node: first.criterion,
          message: `Unexpected ${d.grade} (${d.level.id}) with another meaning than in ${ref.titleEn ?? ref.title}: ${d.differences.map((x) => x.en).join('; ')}, expected one meaning of ${d.grade} for this incident type (or \`grades: ${ref.id}\`)`,
          messageZh: `${d.grade}（${d.level.id}级）的含义与${citation(ref)}不同：${d.differences.map((x) => x.zh).join('；')}，同类事件的同一等级名称应只有一种含义`,
          related: rest.filter((x) => x.criterion !== first.criterion).map((x) => ({ node: x.criterion, message: x.en, messageZh: x.zh })),
        });
      }
    }
  },
});
