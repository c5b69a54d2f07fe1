import { appliesAt, type Plan, type Step } from '../../model/index.js';
import { parseLevelSpec } from '../../parse/fields.js';
import { isNormalState } from '../normal-state.js';
import { defineRule } from '../rule.js';

/**
 * True when a step names levels but none of them is declared: either its level ids are all unknown, or the parser
 * dropped every unknown level from its level spec (which would otherwise read as "every level").
 */
function activatesNothing(plan: Plan, step: Step): boolean {
  const declared = new Set(plan.levels.map((l) => l.id));
  if (step.levels.length) return !step.levels.some((l) => declared.has(l));
  if (step.levelsText === undefined) return false;
  const { ids, unknown } = parseLevelSpec(step.levelsText, plan.levels);
  return ids.length === 0 && unknown.length > 0;
}

/**
 * Every step is activated by some level, and every level activates some step. The second half judges the procedure
 * as a whole, so it is left out when the plan has no steps at all (a missing procedure is required-sections'
 * finding, once, not one per level), for an excerpt (its steps may be in the part not seen), and for the normal state
 * numbered as a level (nothing is done there).
 */
export default defineRule({
  meta: {
    id: 'step-unreachable',
    description: { en: 'Every step runs at some level and every level runs some step', zh: '每个步骤都应在某一响应级别下启动，每个级别都应启动至少一个步骤' },
    severity: 'warning',
    clause: 'GB/T 29639-2020 6.1.2、7.3（响应分级与响应启动）',
  },
  check({ plan, excerpt, report }) {
    if (!plan.levels.length) return;
    const dead = new Set(plan.steps.filter((s) => activatesNothing(plan, s)));
    for (const step of dead) {
      const written = step.levelsText ?? step.levels.join(', ');
      report({
        node: step, field: 'levels',
        message: `Unexpected step \`${step.id}\` that no level activates (levels \`${written}\`), expected one of the declared levels: ${plan.levels.map((l) => l.id).join(', ')}`,
        messageZh: `步骤 \`${step.id}\` 的适用级别 \`${written}\` 不是已声明的响应级别，任何级别都不会启动该步骤；应为：${plan.levels.map((l) => l.id).join('、')}`,
      });
    }
    if (excerpt || !plan.steps.length) return;
    for (const level of plan.levels) {
      if (isNormalState(level)) continue;
      const runs = plan.steps.some((s) => !dead.has(s) && appliesAt(s, level.id));
      if (runs) continue;
      report({
        node: level, field: 'id',
        message: `Unexpected level ${level.id}${level.name ? ` (${level.name})` : ''} that activates no step, expected at least one step whose levels include ${level.id}`,
        messageZh: `响应级别 ${level.id}${level.name ? `（${level.name}）` : ''} 未启动任何处置步骤，应至少有一个步骤适用于该级别`,
      });
    }
  },
});
