import { byId, levelsAscending, stepsAt } from '../../model/query.js';
import { defineRule } from '../rule.js';

/** A step active at a level waits only for steps that are also active at that level. */
export default defineRule({
  meta: {
    id: 'step-level-gap',
    description: { en: 'A step waits only for steps active at the same level', zh: '步骤的前置步骤在同一响应级别下也应启动' },
    severity: 'error',
    clause: 'GB/T 29639-2020 6.1.2、6.3.4（响应分级与处置程序）',
  },
  check({ plan, report }) {
    if (!plan.levels.length) return;
    const steps = byId(plan.steps);
    const levels = levelsAscending(plan);
    const activeAt = new Map(levels.map((l) => [l.id, new Set(stepsAt(plan, l.id).map((s) => s.id))] as const));
    for (const step of plan.steps) {
      for (const dep of [...new Set(step.after)]) {
        const pre = steps.get(dep);
        if (!pre || pre === step) continue; // step-dangling / step-cycle
        const gaps = levels.filter((l) => activeAt.get(l.id)!.has(step.id) && !activeAt.get(l.id)!.has(pre.id)).map((l) => l.id);
        if (!gaps.length) continue;
        const preAt = levels.filter((l) => activeAt.get(l.id)!.has(pre.id)).map((l) => l.id);
        const preText = preAt.length ? preAt.join(', ') : 'no level';
        const preTextZh = preAt.length ? `${preAt.join('、')}级` : '任何级别都不';
        report({
          node: step, field: 'after',
          message: `Unexpected prerequisite \`${pre.id}\` of \`${step.id}\` inactive at level${gaps.length > 1 ? 's' : ''} ${gaps.join(', ')}, expected \`${pre.id}\` at every level where \`${step.id}\` runs (\`${pre.id}\` ${preAt.length ? `runs only at level${preAt.length > 1 ? 's' : ''} ${preText}` : 'runs at no level'}); \`${step.id}\` would wait forever`,
          messageZh: `步骤 \`${step.id}\` 在${gaps.join('、')}级响应中启动，但其前置步骤 \`${pre.id}\` 在该级别不启动（仅在${preTextZh}启动），\`${step.id}\` 将无限等待`,
          related: [{ node: pre, field: 'levels', message: `\`${pre.id}\` is active at ${preText} here`, messageZh: `\`${pre.id}\` 在此规定的级别：${preAt.join('、') || '无'}` }],
        });
      }
    }
  },
});
