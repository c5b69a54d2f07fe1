import { reachableStates } from '../../compile/reach.js';
import { levelsBySeverity, uniqueById } from '../../compile/statechart.js';
import { checkExpr, type Expr } from '../../expr/index.js';
import type { Level } from '../../model/index.js';
import { LIMITS, limitOption, limitText, reachOptions, TriggerLogic } from '../logic.js';
import { defineRule, type Finding } from '../rule.js';

/**
 * Every response level can be reached: some sequence of incident facts, fed to the compiled statechart from
 * standby, ends in the level — by its own trigger (the most severe level whose trigger holds wins) or by an
 * escalation from a level that is itself reachable. Decided by a bounded search over the machine (src/compile/reach.ts);
 * when the search is cut short the rule says so instead. Levels whose trigger does not parse or type-check are left
 * to the parser's diagnostics, and levels without a trigger to level-trigger (a manual level is reached by decision).
 */
export default defineRule({
  meta: {
    id: 'level-unreachable',
    description: { en: 'Every response level can be reached by some course of the incident', zh: '每个响应级别都应能在某种事故情形下启动' },
    severity: 'error',
    clause: 'GB/T 29639-2020 6.2 / 6.4.1 (响应分级、响应启动)',
    options: { ...LIMITS },
  },
  check({ plan, report, truncated, options }) {
    const levels = levelsBySeverity(plan);
    if (levels.length === 0) return;
    const broken = (l: Level) => !!l.trigger?.text.trim() && (!l.trigger.ast || checkExpr(l.trigger.ast, plan.facts).length > 0);
    const reach = reachableStates(plan, reachOptions(options));
    const cut = (limit?: 'states' | 'transitions' | 'work') => truncated({
      node: levels[0], field: 'trigger', what: { en: 'the search of the levels the incident can reach', zh: '可达响应级别的搜索' },
      ...(limit ? { limit: limitText(limit, options) } : {}),
    });
    if (reach.truncated) { if (reach.limit) cut(reach.limit); return; }
    const logic = new TriggerLogic(plan, limitOption(options, 'maxWork'));
    const triggers = new Map<string, Expr>();
    for (const l of levels) if (l.trigger?.ast && !broken(l)) triggers.set(l.id, l.trigger.ast);

    for (const level of uniqueById(plan.levels)) { // document order
      if (reach.levels.has(level.id) || broken(level)) continue;
      // A level without a trigger is level-trigger's finding (or started by decision, or the normal state): one finding per cause.
      if (!level.trigger?.text.trim()) continue;
      const ast = triggers.get(level.id);
      const own = ast && logic.holds(ast);
      const related: NonNullable<Finding['related']> = [];
      let why: { en: string; zh: string };
      const possible = own && logic.sat(own);
      if (possible === undefined && own) { cut('work'); return; }
      if (!own) {
        why = { en: 'it has no trigger', zh: '它没有启动条件' };
      } else if (!possible) {
        why = { en: `its trigger \`${level.trigger!.text}\` holds for no values of the declared facts`, zh: `其启动条件 \`${level.trigger!.text}\` 对事故信息要素的任何取值都不成立` };
      } else {
        // Satisfiable, but the most severe level wins: whenever it holds, a more severe trigger holds too.
        const severe = levels.filter((l) => l.rank < level.rank && triggers.has(l.id) && logic.sat(own, logic.holds(triggers.get(l.id)!)) !== false);
        const uncovered = severe.length ? logic.sat(own, ...severe.map((l) => logic.fails(triggers.get(l.id)!))) : true;
        if (logic.work.exhausted) { cut('work'); return; }
        if (uncovered) continue; // the search disagrees with the triggers: stay silent
        const ids = severe.map((l) => `\`${l.id}\``);
        why = {
          en: `whenever its trigger holds, the trigger of the more severe level ${ids.join(', ')} holds too and wins`,
          zh: `其启动条件成立时，更高级别 ${ids.join('、')} 的启动条件也成立（就高不就低）`,
        };
        for (const l of severe) related.push({ node: l, field: 'trigger', message: `level \`${l.id}\` is entered instead`, messageZh: `将启动级别 \`${l.id}\`` });
      }
      const incoming = plan.escalations.filter((e) => e.to === level.id && e.from !== level.id && levels.some((l) => l.id === e.from));
      let esc: { en: string; zh: string };
      if (incoming.length === 0) {
        esc = { en: 'no escalation leads to it', zh: '也没有升级降级规则通向它' };
      } else {
        const from = [...new Set(incoming.map((e) => `\`${e.from}\``))];
        esc = {
          en: `the escalations into it (from ${from.join(', ')}) never fire from a reachable level`,
          zh: `通向它的升级降级规则（自 ${from.join('、')}）在可达的级别上都不会触发`,
        };
        for (const e of incoming) related.push({ node: e, field: 'when', message: `escalation ${e.from} → ${e.to}`, messageZh: `升级降级规则 ${e.from} → ${e.to}` });
      }
      report({
        node: level, field: own ? 'trigger' : 'id',
        message: `Unexpected level \`${level.id}\` that no course of the incident can reach: ${why.en}, and ${esc.en}; expected a trigger that can select it or an escalation into it from a reachable level`,
        messageZh: `响应级别 \`${level.id}\` 在任何事故情形下都无法启动：${why.zh}，${esc.zh}；应修改其启动条件，或增加从可达级别升级到它的规则`,
        related: related.length ? related : undefined,
      });
    }
  },
});
