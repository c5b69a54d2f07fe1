import { referencedFacts } from '../../expr/index.js';
import type { Fact, Plan, Trigger } from '../../model/index.js';
import { defineRule } from '../rule.js';

/**
 * Every condition of a plan: level criteria, warning, standby, step, escalation, termination and report conditions
 * (a reporting rule keys its deadlines on facts: 1 h / 2 h / 4 h by kind of operator).
 */
function triggersOf(plan: Plan): Trigger[] {
  const out: (Trigger | undefined)[] = [
    ...plan.levels.flatMap((l) => [l.trigger, ...l.criteria]),
    ...plan.warnings.map((w) => w.trigger),
    ...(plan.standby ?? []).map((s) => s.trigger),
    ...plan.steps.map((s) => s.condition),
    ...plan.escalations.map((e) => e.when),
    plan.termination?.when,
    ...plan.reports.map((r) => r.when),
  ];
  return out.filter((t): t is Trigger => !!t);
}

/** A declared fact that no condition uses is either dead weight or a sign that a trigger forgot it. */
export default defineRule({
  meta: {
    id: 'fact-unused',
    description: { en: 'Every declared fact is used by some condition', zh: '声明的事故信息要素都应被某个条件使用' },
    severity: 'warning',
    clause: 'GB/T 29639-2020 6.2 (响应分级应依据事故危害程度、影响范围和控制事态的能力)',
  },
  check({ plan, report }) {
    const used = new Set<Fact>();
    for (const t of triggersOf(plan)) {
      if (t.ast) { for (const f of referencedFacts(t.ast, plan.facts)) used.add(f); continue; }
      // The text did not parse (a trigger/syntax error is reported): count any fact it names, to avoid a second finding.
      for (const f of plan.facts) if (t.text.includes(f.id) || (f.label && t.text.includes(f.label))) used.add(f);
    }
    for (const fact of plan.facts) {
      if (used.has(fact)) continue;
      const name = fact.label ? `\`${fact.id}\` (${fact.label})` : `\`${fact.id}\``;
      const nameZh = fact.label ? `\`${fact.id}\`（${fact.label}）` : `\`${fact.id}\``;
      report({
        node: fact, field: 'id',
        message: `Unexpected unused fact ${name}, expected a level, escalation, step, warning, standby, report or termination condition to use it (or remove it)`,
        messageZh: `事故信息要素 ${nameZh}未被任何启动、升级、执行、预警、准备、报告或终止条件使用，应在条件中使用或删除`,
      });
    }
  },
});
