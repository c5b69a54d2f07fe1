import { describeBox, checkExpr } from '../../expr/index.js';
import type { Fact, Level } from '../../model/index.js';
import { coverageGaps } from '../level-analysis.js';
import { limitOption, limitText, SOLVER_LIMIT } from '../logic.js';
import { defineRule } from '../rule.js';

/**
 * Interval analysis over the level triggers proves that every valuation of the facts they mention starts some
 * level; each uncovered box is reported in words at the levels table, with the levels bordering it as related.
 */
export default defineRule({
  meta: {
    id: 'level-coverage',
    description: { en: 'The level triggers together cover every incident', zh: '各响应级别的启动条件应覆盖所有事故情形' },
    severity: 'error',
    clause: 'GB/T 29639-2020 6.2 (响应分级) / 6.4.1 (响应启动)',
    options: { max: 10, ...SOLVER_LIMIT },
  },
  check({ plan, report, options, truncated }) {
    if (plan.levels.length === 0) return;
    const facts: readonly Fact[] = plan.facts;
    // A trigger that did not parse or type-check could cover anything: no proof is possible (trigger/* is reported).
    const broken = (l: Level) => !!l.trigger && l.trigger.text.trim() !== '' && (!l.trigger.ast || checkExpr(l.trigger.ast, facts).length > 0);
    if (plan.levels.some(broken)) return;
    const parsed = plan.levels.filter((l) => l.trigger?.ast).map((level) => ({ level, ast: level.trigger!.ast! }));
    if (parsed.length === 0) return; // nothing to analyse: level-trigger reports the levels
    const max = typeof options.max === 'number' ? options.max : 10;
    const { gaps, cut } = coverageGaps(plan, parsed, max, { maxWork: limitOption(options, 'maxWork') });
    if (cut) truncated({ node: plan.levels[0], what: { en: 'the search for incidents no level covers', zh: '未覆盖事故情形的搜索' }, limit: limitText('work', options) });
    for (const { box, neighbours } of gaps) {
      const en = describeBox(box, facts, 'en');
      const zh = describeBox(box, facts, 'zh');
      report({
        node: plan.levels[0],
        message: `Unexpected gap: ${en} starts no level, expected every incident to start a level`,
        messageZh: `${zh} 时不启动任何响应级别，每种事故情形都应对应一个响应级别`,
        related: neighbours.map((l) => ({
          node: l, field: 'trigger',
          message: `neighbouring level \`${l.id}\` starts here`, messageZh: `相邻级别 \`${l.id}\` 的启动条件`,
        })),
      });
    }
  },
});
