import { checkExpr, describeBox, domainRegion, member, referencedFacts, type Box, type Constraint, type FactValue } from '../../expr/index.js';
import type { Fact, Level } from '../../model/index.js';
import { listedCriteria } from '../criteria.js';
import { coverageGaps } from '../level-analysis.js';
import { limitOption, limitText, SOLVER_LIMIT } from '../logic.js';
import { defineRule } from '../rule.js';
import { floorCondition, floorLevel, upwardGaps } from '../upward-gaps.js';

/** `prov_cut = 45, plant_outage = false` (en) / `全省电网减供负荷比例 = 45，造成重要发电厂停电 = 否` (zh). */
function valuation(v: Record<string, FactValue>, keys: readonly string[], facts: readonly Fact[], lang: 'en' | 'zh'): string {
  const byId = new Map(facts.map((f) => [f.id, f] as const));
  return keys.map((id) => {
    const x = v[id];
    const name = lang === 'zh' ? byId.get(id)?.label ?? id : id;
    return `${name} = ${typeof x === 'boolean' && lang === 'zh' ? (x ? '是' : '否') : String(x)}`;
  }).join(lang === 'zh' ? '，' : ', ');
}

/** True when every fact the triggers use can only be at its "nothing happened" value in the box (0, false). */
function onlyNothing(box: Box, domain: ReadonlyMap<string, Constraint>, used: ReadonlySet<string>): boolean {
  for (const id of used) {
    const c = box.get(id) ?? domain.get(id);
    if (!c) continue;
    if (c.kind === 'boolean' && !(c.values.length === 1 && c.values[0] === false)) return false;
    if (c.kind === 'interval' && !(c.lo === 0 && !c.loOpen && (c.hi === 0 || (c.integer && c.hi <= 1 && (c.hi < 1 || c.hiOpen))))) return false;
  }
  return true;
}

/** True when the box holds the "nothing happened" point (every fact the triggers use at 0 or false). */
function hasNothing(box: Box, domain: ReadonlyMap<string, Constraint>, used: ReadonlySet<string>): boolean {
  for (const id of used) {
    const c = box.get(id) ?? domain.get(id);
    if (!c) continue;
    if (c.kind === 'boolean' && !c.values.includes(false)) return false;
    if (c.kind === 'interval' && !member(c, 0)) return false;
  }
  return true;
}

/**
 * The levels cover every incident the plan is for, read on the grading convention (src/validate/upward-gaps.ts): a
 * larger incident that starts no level while a smaller one starts a level is always a gap, reported at the criterion
 * of the more severe level that should take it over. Incidents below the lowest level are the plan's floor: the
 * "nothing happened" state, or (government and international plans, tiered by law and practice; or a declared
 * `scope: { below, handledBy }`) incidents left to other plans. Only an enterprise plan without a declared floor is
 * told about them, once, at its lowest level.
 */
export default defineRule({
  meta: {
    id: 'level-coverage',
    description: { en: 'The level triggers together cover every incident the plan is for', zh: '各响应级别的启动条件应覆盖预案适用的所有事故情形' },
    severity: 'error',
    clause: 'GB/T 29639-2020 6.2 (响应分级) / 6.4.1 (响应启动)',
    options: { max: 10, ...SOLVER_LIMIT },
  },
  check({ plan, report, options, truncated, regime }) {
    if (plan.levels.length === 0) return;
    const facts: readonly Fact[] = plan.facts;
    // A trigger that did not parse or type-check could cover anything: no proof is possible (trigger/* is reported).
    const broken = (l: Level) => !!l.trigger && l.trigger.text.trim() !== '' && (!l.trigger.ast || checkExpr(l.trigger.ast, facts).length > 0);
    if (plan.levels.some(broken)) return;
    const parsed = plan.levels.filter((l) => l.trigger?.ast).map((level) => ({ level, ast: level.trigger!.ast! }));
    if (parsed.length === 0) return; // nothing to analyse: level-trigger reports the levels
    const maxWork = limitOption(options, 'maxWork');
    const cutShort = () => truncated({ node: plan.levels[0], what: { en: 'the search for incidents no level covers', zh: '未覆盖事故情形的搜索' }, limit: limitText('work', options) });
    const criteria = listedCriteria(plan);
    // A government or international plan, or one with a parent or hand-over plan, leaves incidents beyond its top band to the tier above.
    const ceiling = regime !== 'enterprise' || !!plan.meta.parent || !!plan.meta.escalatesTo;
    const up = upwardGaps(plan, parsed, criteria, { maxWork, ceiling });
    if (up.cut) cutShort();
    const max = typeof options.max === 'number' ? options.max : 10;
    for (const g of up.gaps.slice(0, max)) {
      const grew = Object.keys(g.larger).filter((k) => g.larger[k] !== g.smaller[k]);
      const rest = Object.keys(g.smaller).filter((k) => !grew.includes(k) && g.smaller[k] !== 0 && g.smaller[k] !== false);
      const withEn = rest.length ? ` (with ${valuation(g.smaller, rest, facts, 'en')})` : '';
      const withZh = rest.length ? `（其余要素：${valuation(g.smaller, rest, facts, 'zh')}）` : '';
      const taken = g.at !== g.from;
      const where = g.box ? { en: `${describeBox(g.box, facts, 'en')} (e.g. ${valuation(g.larger, grew, facts, 'en')})`, zh: `${describeBox(g.box, facts, 'zh')}（如 ${valuation(g.larger, grew, facts, 'zh')}）` }
        : { en: valuation(g.larger, grew, facts, 'en'), zh: valuation(g.larger, grew, facts, 'zh') };
      report({
        node: g.at.criterion,
        message: `Unexpected gap: ${where.en} starts no level while the smaller ${valuation(g.smaller, grew, facts, 'en')} starts ${g.from.level.id}${withEn}, expected a larger incident to start a level${taken ? ` (this criterion of ${g.at.level.id} does not take it over)` : ''}`,
        messageZh: `覆盖缺口：${where.zh} 时不启动任何响应级别，而更小的 ${valuation(g.smaller, grew, facts, 'zh')} 时启动 ${g.from.level.id} 级${withZh}，事故更大时也应启动某一级别${taken ? `（${g.at.level.id} 级的这条标准没有接住它）` : ''}`,
        related: taken ? [{ node: g.from.criterion, message: `the smaller incident starts \`${g.from.level.id}\` here`, messageZh: `较小的事故在此启动 \`${g.from.level.id}\` 级` }] : undefined,
      });
    }
    // Below the floor: only an enterprise plan without a declared floor, and only when no gap above was found.
    if (up.gaps.length || regime !== 'enterprise' || floorLevel(plan) || floorCondition(plan)) return;
    const all = coverageGaps(plan, parsed, max, { maxWork });
    if (all.cut) cutShort();
    const used = new Set(parsed.flatMap((p) => referencedFacts(p.ast, facts).map((f) => f.id)));
    const domain = domainRegion(facts).domain;
    // Below the floor: the stretches that reach down to "nothing happened" (others are beyond the top: the parent's).
    const gaps = all.gaps.filter((g) => hasNothing(g.box, domain, used) && !onlyNothing(g.box, domain, used));
    if (!gaps.length) return;
    const lowest = [...parsed].sort((a, b) => b.level.rank - a.level.rank)[0].level;
    const at = criteria.find((c) => c.level === lowest)?.criterion ?? lowest;
    const en = describeBox(gaps[0].box, facts, 'en');
    const zh = describeBox(gaps[0].box, facts, 'zh');
    const more = gaps.length > 1 ? { en: ` (and ${gaps.length - 1} more)`, zh: `（另有 ${gaps.length - 1} 处）` } : { en: '', zh: '' };
    report({
      node: at, ...(at === lowest ? { field: 'trigger' } : {}),
      message: `Unexpected gap below the lowest level: ${en}${more.en} starts no level, expected a level for every incident beyond "nothing happened", or a declared floor (\`scope: { below: …, handledBy: … }\`)`,
      messageZh: `最低级别以下的覆盖缺口：${zh}${more.zh} 时不启动任何响应级别，除"未发生事故"外每种事故情形都应对应一个级别，或声明适用范围下限（\`scope: { below: …, handledBy: … }\`）`,
      related: gaps[0].neighbours.map((l) => ({ node: l, field: 'trigger', message: `neighbouring level \`${l.id}\` starts here`, messageZh: `相邻级别 \`${l.id}\` 的启动条件` })),
    });
  },
});
