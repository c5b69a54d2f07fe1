import { referencedFacts } from '../../expr/index.js';
import type { Fact } from '../../model/index.js';
import { defineRule } from '../rule.js';
import { criteriaOf } from '../wording.js';

/** Categories of place that grade an incident but have no statutory meaning of their own: 人口（较）密集地区, 重点地区, 敏感区域. */
const CATEGORY = /人口(?:较)?密集(?:地区|区域)|重点(?:地区|区域)|敏感(?:地区|区域)|densely populated|populated area|sensitive area/iu;

/**
 * A category a grading criterion depends on is defined: 国家地震应急预案 grades a 6.0 quake 特别重大 in a 人口密集地区 and
 * 重大 in a 人口较密集地区, and defines neither — so the initial grade depends on whoever draws the line. Reported at the
 * fact when no section of the plan says what the term means (…是指 / …，指 / "means").
 */
export default defineRule({
  meta: {
    id: 'undefined-term',
    description: { en: 'A place category that grades an incident is defined', zh: '决定级别的地区类别应有定义' },
    severity: 'warning',
    clause: 'GB/T 29639-2020 6.2（响应分级）/ 突发事件应急预案管理办法 第八条（分级标准应明确）',
  },
  check({ plan, report }) {
    const text = plan.sections.map((s) => s.text).join('\n');
    const grading = new Map<Fact, string[]>();
    for (const level of plan.levels) {
      for (const c of criteriaOf(level)) {
        if (!c.ast) continue;
        for (const f of referencedFacts(c.ast, plan.facts)) {
          if (f.type === 'judgement' || !CATEGORY.test(f.label ?? '')) continue;
          grading.set(f, [...new Set([...(grading.get(f) ?? []), level.id])]);
        }
      }
    }
    for (const [fact, levels] of grading) {
      const term = CATEGORY.exec(fact.label!)![0];
      if (new RegExp(`${term}(?:是指|，指|,\\s*指|\\s+means)`, 'u').test(text)) continue;
      report({
        node: fact, field: 'label',
        message: `Unexpected undefined term \`${term}\` grading level${levels.length > 1 ? 's' : ''} ${levels.join(', ')}, expected its definition (a threshold, a list of places, or the body that designates them)`,
        messageZh: `“${term}”决定 ${levels.join('、')} 级，但预案未定义，应写明其含义（人口密度阈值、地区名单，或由谁认定）`,
      });
    }
  },
});
