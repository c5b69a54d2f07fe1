import { checkExpr, referencedFacts, regionContains, regionOf, type FactValue } from '../../expr/index.js';
import { alternatives } from '../criteria.js';
import type { Fact, Level } from '../../model/index.js';
import { levelInversions, type RankedTrigger } from '../level-analysis.js';
import { limitOption, limitText, SOLVER_LIMIT } from '../logic.js';
import { defineRule } from '../rule.js';

type Valuation = Record<string, FactValue>;

/** `leak_kg = 0, fire = false` (en) / `泄漏量 = 0，火灾 = 否` (zh). */
function valuation(v: Valuation, facts: readonly Fact[], lang: 'en' | 'zh'): string {
  const byId = new Map(facts.map((f) => [f.id, f] as const));
  return Object.entries(v).map(([id, x]) => {
    const name = lang === 'zh' ? byId.get(id)?.label ?? id : id;
    const val = typeof x === 'boolean' && lang === 'zh' ? (x ? '是' : '否') : String(x);
    return `${name} = ${val}`;
  }).join(lang === 'zh' ? '，' : ', ');
}

/** Splits a witness pair into the facts that differ (per side) and the facts both share. */
function split(smaller: Valuation, larger: Valuation) {
  const diffS: Valuation = {};
  const diffL: Valuation = {};
  const same: Valuation = {};
  for (const k of new Set([...Object.keys(smaller), ...Object.keys(larger)])) {
    if (smaller[k] === larger[k]) same[k] = smaller[k];
    else { if (k in smaller) diffS[k] = smaller[k]; if (k in larger) diffL[k] = larger[k]; }
  }
  return { diffS, diffL, same };
}

/**
 * An inversion is real when the less severe level starts at the larger incident by a criterion on a fact that grew.
 * When it starts only by another indicator (Gansu: 40 % lost starts Ⅲ only because Lanzhou lost 20 %), the larger
 * incident is a coverage gap of the grown fact seen through an unrelated criterion: level-coverage's finding.
 */
function throughGrownFact(mild: Level, w: { smaller: Valuation; larger: Valuation }, facts: readonly Fact[]): boolean {
  if (!mild.criteria.length || !mild.trigger?.ast) return true;
  const grew = new Set(Object.keys(w.larger).filter((k) => w.larger[k] !== w.smaller[k]));
  return mild.criteria.some((c) => c.ast && alternatives(c.ast).some((a) =>
    referencedFacts(a, facts).some((f) => grew.has(f.id)) && regionContains(regionOf(a, facts), w.larger)));
}

/**
 * A larger incident never starts a less severe level than a smaller one (with "the most severe level whose trigger
 * holds wins"). Numeric facts are read as "bigger is worse", booleans as "true is worse".
 */
export default defineRule({
  meta: {
    id: 'level-monotonic',
    description: { en: 'A larger incident never starts a less severe level', zh: '事故规模越大，启动的响应级别不应越低' },
    severity: 'error',
    clause: 'GB/T 29639-2020 6.2 (响应分级依据事故危害程度、影响范围)',
    options: { ...SOLVER_LIMIT },
  },
  check({ plan, report, truncated, options }) {
    const byId = new Map<string, Level>();
    const ranked: RankedTrigger[] = [];
    for (const level of plan.levels) {
      // A trigger with errors is under-read, which would over-read the less severe levels: prove nothing.
      if (level.trigger?.ast && checkExpr(level.trigger.ast, plan.facts).length > 0) return;
      if (!level.trigger?.ast || byId.has(level.id)) continue;
      byId.set(level.id, level);
      ranked.push({ level, ast: level.trigger.ast, rank: level.rank });
    }
    if (ranked.length < 2) return;
    const { violations, cut } = levelInversions(plan, ranked, { maxWork: limitOption(options, 'maxWork') });
    if (cut) truncated({ node: ranked[0].level, field: 'trigger', what: { en: 'the comparison of larger and smaller incidents', zh: '事故大小与响应级别的比较' }, limit: limitText('work', options) });
    for (const v of violations) {
      const severe = byId.get(v.moreSevere)!;
      const mild = byId.get(v.lessSevere)!;
      if (!throughGrownFact(mild, v.witness, plan.facts)) continue;
      let { diffS, diffL, same } = split(v.witness.smaller, v.witness.larger);
      if (!Object.keys(diffS).length || !Object.keys(diffL).length) ({ diffS, diffL, same } = { diffS: v.witness.smaller, diffL: v.witness.larger, same: {} });
      const withEn = Object.keys(same).length ? ` (with ${valuation(same, plan.facts, 'en')})` : '';
      const withZh = Object.keys(same).length ? `（其余要素相同：${valuation(same, plan.facts, 'zh')}）` : '';
      report({
        node: severe, field: 'trigger',
        message: `Unexpected inverted levels: ${valuation(diffS, plan.facts, 'en')} starts ${severe.id} but the larger ${valuation(diffL, plan.facts, 'en')} starts only ${mild.id}${withEn}, expected a larger incident to start an equal or more severe level`,
        messageZh: `响应级别倒挂：${valuation(diffS, plan.facts, 'zh')} 时启动 ${severe.id} 级，而更大的 ${valuation(diffL, plan.facts, 'zh')} 时只启动 ${mild.id} 级${withZh}，事故越大启动的级别应越高`,
        related: [{ node: mild, field: 'trigger', message: `less severe level \`${mild.id}\` starts here`, messageZh: `较低级别 \`${mild.id}\` 的启动条件` }],
      });
    }
  },
});
