import { reachableStates } from '../../compile/reach.js';
import { uniqueById } from '../../compile/statechart.js';
import { checkExpr } from '../../expr/index.js';
import { LIMITS, limitOption, limitText, reachOptions, TriggerLogic } from '../logic.js';
import { defineRule, type Finding } from '../rule.js';

/**
 * The termination condition can end the response at every level the incident can reach. In the compiled
 * statechart a FACTS event that makes an escalation to a more severe level true escalates first, and termination
 * is checked before de-escalation; at a level where every way the condition can hold also fires such an
 * escalation, the response cannot stand down without first escalating (or being ended by declaration).
 * Reported at the termination condition: once when it can never hold at all, else once per such level.
 * Silent when there is no parseable condition (termination-required's finding); says so when the search was cut short.
 */
export default defineRule({
  meta: {
    id: 'termination-unreachable',
    description: { en: 'The termination condition can end the response from every reachable level', zh: '响应终止条件应能在每个可达的响应级别上成立' },
    severity: 'warning',
    strict: 'error',
    clause: 'GB/T 29639-2020 6.4.5 (响应终止)',
    options: { ...LIMITS },
  },
  check({ plan, report, truncated, options }) {
    const t = plan.termination;
    const ast = t?.when?.ast;
    if (!t || !ast || checkExpr(ast, plan.facts).length > 0) return;
    const when = t.when!.text;
    const logic = new TriggerLogic(plan, limitOption(options, 'maxWork'));
    const term = logic.holds(ast);
    const cut = (limit: 'states' | 'transitions' | 'work') => truncated({
      node: t, field: 'when', what: { en: 'the search of where the response can end', zh: '响应可终止情形的搜索' }, limit: limitText(limit, options),
    });
    const possible = logic.sat(term);
    if (possible === undefined) { cut('work'); return; }
    if (!possible) {
      report({
        node: t, field: 'when',
        message: `Unexpected termination condition \`${when}\` that holds for no values of the declared facts, expected a condition the incident can come to satisfy`,
        messageZh: `响应终止条件 \`${when}\` 对事故信息要素的任何取值都不成立，应改为事态可以达到的条件`,
      });
      return;
    }
    const reach = reachableStates(plan, reachOptions(options));
    if (reach.truncated) { if (reach.limit) cut(reach.limit); return; }
    for (const level of uniqueById(plan.levels)) { // document order
      if (!reach.levels.has(level.id) || reach.terminatesAt.has(level.id)) continue;
      const ups = plan.escalations.filter((e) => e.from === level.id && e.when?.ast &&
        plan.levels.some((l) => l.id === e.to && l.rank < level.rank) && logic.sat(term, logic.holds(e.when.ast)) !== false);
      if (logic.work.exhausted) { cut('work'); return; }
      const related: NonNullable<Finding['related']> = [
        { node: level, field: 'id', message: `level \`${level.id}\``, messageZh: `响应级别 \`${level.id}\`` },
        ...ups.map((e) => ({ node: e, field: 'when', message: `escalation ${e.from} → ${e.to} fires first`, messageZh: `先触发升级规则 ${e.from} → ${e.to}` })),
      ];
      const because = ups.length
        ? { en: `: whenever it holds, an escalation out of \`${level.id}\` fires first (to ${ups.map((e) => `\`${e.to}\``).join(', ')})`, zh: `：该条件成立时总是先触发从 \`${level.id}\` 升级的规则（至 ${ups.map((e) => `\`${e.to}\``).join('、')}）` }
        : { en: '', zh: '' };
      report({
        node: t, field: 'when',
        message: `Unexpected termination condition \`${when}\` that can never end a response at level \`${level.id}\`${because.en}, expected the condition to be reachable from every level`,
        messageZh: `响应终止条件 \`${when}\` 在 \`${level.id}\` 级响应中无法成立${because.zh}，应保证每个响应级别都能达到终止条件`,
        related,
      });
    }
  },
});
