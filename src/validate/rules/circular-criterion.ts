import { factLookup, type Expr } from '../../expr/index.js';
import type { Fact } from '../../model/index.js';
import { defineRule } from '../rule.js';
import { criteriaOf } from '../wording.js';

/** Wording that defines a level by its own consequence: "requires a full activation of the EOC", 需要启动Ⅰ级响应. */
const OWN_CONSEQUENCE = /requir\w*\s+(?:an?\s+)?(?:\w+\s+)?activation\b|activation\s+of\s+the\s+EOC\s+is\s+(?:required|needed)|需(?:要)?启动[^，。；]{0,8}(?:响应|应急指挥中心)|需(?:要)?(?:全面|部分)启动/iu;

/** Facts a criterion requires to hold (not those it requires to fail: `not needs_ii` under III is no circularity). */
function positiveFacts(e: Expr, facts: readonly Fact[]): Fact[] {
  const lookup = factLookup(facts);
  const out: Fact[] = [];
  const walk = (x: Expr): void => {
    if (x.type === 'and' || x.type === 'or') x.operands.forEach(walk);
    else if (x.type === 'ident') { const f = lookup(x.name); if (f) out.push(f); }
    else if (x.type === 'compare' && x.left.type === 'ident' && x.right.type === 'boolean' && x.right.value === (x.op === '==')) {
      const f = lookup(x.left.name); if (f) out.push(f);
    }
  };
  walk(e);
  return out;
}

/**
 * A level is not defined by its own consequence: "Level 3 — a situation requiring a full activation of the EOC" says
 * what the level does, not when it applies, so the only triggers left are the examples. Reported at the criterion,
 * naming the fact or wording that is circular.
 */
export default defineRule({
  meta: {
    id: 'circular-criterion',
    description: { en: 'A level is not defined by its own activation', zh: '级别的启动条件不应是“需要启动该级别”' },
    severity: 'warning',
    clause: 'GB/T 29639-2020 6.2（响应分级）/ NIMS EOC activation levels (activation criteria)',
  },
  check({ plan, report }) {
    for (const level of plan.levels) {
      for (const c of criteriaOf(level)) {
        if (!c.ast) continue;
        const words = positiveFacts(c.ast, plan.facts).map((f) => f.label ?? f.id).filter((t) => OWN_CONSEQUENCE.test(t));
        if (!words.length) continue;
        report({
          node: c,
          message: `Unexpected criterion of level \`${level.id}\` defined by the level's own consequence (${words.map((w) => `\`${w}\``).join(', ')}), expected the situation that calls for it (what is observed or decided, and by whom)`,
          messageZh: `级别 \`${level.id}\` 的启动条件是该级别自身的结果（${words.map((w) => `“${w}”`).join('、')}），属于循环定义，应写明需要启动该级别的情形（观测到什么、由谁研判）`,
        });
      }
    }
  },
});
