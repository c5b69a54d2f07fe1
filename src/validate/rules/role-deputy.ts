import { roleKind, type Located } from '../../model/index.js';
import { defineRule } from '../rule.js';
import { deputyRole } from '../../model/query.js';
import { expectedOneOf } from '../../suggest.js';

/** A deputy written as one ASCII identifier (`vice-commander`, `safety_director`) is a role id, not a position. */
export const LOOKS_LIKE_ID = /^[A-Za-z][A-Za-z0-9_.-]*$/;

/**
 * Posts that start a level or end the response have a deputy (no single point of failure), and a deputy written as a
 * role id names a role that exists. Only a post held by a person needs a personal stand-in: a body (国务院安委会, a
 * provincial government, a department, "network operators") acts through its duty system, and the public is everyone.
 * A decision that names alternatives (`cao 或 fire-chief`, "the CAO, the Fire Chief or the EOC Director") already has
 * stand-ins: the others.
 */
export default defineRule({
  meta: {
    id: 'role-deputy',
    description: { en: 'Posts that decide a level or end the response have a deputy', zh: '决策启动响应或宣布终止的岗位应设副职（AB角）' },
    severity: 'error',
    clause: 'GB/T 29639-2020 6.2、7.2（应急组织机构及职责）',
  },
  check({ plan, report }) {
    const decides = new Map<string, { node: Located; what: string; whatZh: string }[]>();
    const add = (id: string | undefined, node: Located, what: string, whatZh: string) => {
      if (!id) return;
      if (!decides.has(id)) decides.set(id, []);
      decides.get(id)!.push({ node, what, whatZh });
    };
    // A level decided by one of several alternatives has its stand-ins in the others.
    for (const l of plan.levels) if (!l.deciderAlternatives?.length) add(l.decidedBy, l, `decides level ${l.id}`, `决定启动${l.id}级响应`);
    if (plan.termination) add(plan.termination.decidedBy, plan.termination, 'declares the termination', '宣布响应终止');
    const ids = plan.roles.map((r) => r.id);

    for (const role of plan.roles) {
      let effective = 0;
      for (const d of role.deputies) {
        const target = deputyRole(plan, d);
        if (target) { if (target !== role) effective++; continue; }
        if (!LOOKS_LIKE_ID.test(d)) { effective++; continue; } // a position outside the table: 副值班长, 当班副班长
        const exp = expectedOneOf(d, ids.filter((id) => id !== role.id), 'role', '角色');
        report({
          node: role, field: 'deputies',
          message: `Unexpected deputy \`${d}\` of role \`${role.id}\` naming no role, ${exp.en}, or a position written out such as 副总指挥`,
          messageZh: `角色 \`${role.id}\` 的副职 \`${d}\` 不是已定义的角色，${exp.zh}，或直接写明岗位（如“副总指挥”）`,
        });
      }
      const duties = decides.get(role.id);
      if (!duties || effective > 0 || roleKind(role) !== 'post') continue;
      const what = [...new Set(duties.map((x) => x.what))].join(' and ');
      const whatZh = [...new Set(duties.map((x) => x.whatZh))].join('、');
      report({
        node: role, field: 'deputies',
        message: `Unexpected role \`${role.id}\` (${role.name}) without a deputy, expected a stand-in: it ${what}, and nobody else can when ${role.holder ?? 'its holder'} is absent`,
        messageZh: `角色 \`${role.id}\`（${role.name}）负责${whatZh}，但未设副职：${role.holder ?? '担任人'}不在岗时无人决策（单点失效）`,
        related: duties.map((x) => ({ node: x.node, field: 'decidedBy', message: `${role.id} ${x.what} here`, messageZh: `此处由 ${role.id} ${x.whatZh}` })),
      });
    }
  },
});
