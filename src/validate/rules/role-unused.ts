import { roleRefs } from '../refs.js';
import { defineRule } from '../rule.js';
import { deputyRole } from '../../model/query.js';

/** A report recipient names this role: its id, its name, or a name with a place before it (属地省级网信部门 → 省级网信部门). */
const receives = (to: string, role: { id: string; name: string }) => to === role.id || to === role.name || (role.name.length >= 3 && to.endsWith(role.name));

/**
 * Every defined role is used somewhere: owns or may own a step (lead, alternative or support), decides (also as an
 * alternative), judges a fact, keeps, reports, receives a report, is notified, stands in, or groups others.
 */
export default defineRule({
  meta: {
    id: 'role-unused',
    description: { en: 'Every defined role takes part in the response', zh: '组织机构表中的角色应在响应中承担具体任务' },
    severity: 'warning',
    clause: 'GB/T 29639-2020 6.2、7.2（职责应落实到处置措施）',
  },
  check({ plan, report }) {
    const used = new Set<string>();
    for (const ref of roleRefs(plan)) used.add(ref.role);
    for (const role of plan.roles) {
      for (const d of role.deputies) {
        const target = deputyRole(plan, d);
        if (target && target !== role) used.add(target.id);
      }
    }
    for (const role of plan.roles) if (plan.reports.some((r) => receives(r.to, role))) used.add(role.id);
    for (const role of plan.roles) {
      if (used.has(role.id)) continue;
      report({
        node: role, field: 'id',
        message: `Unexpected unused role \`${role.id}\` (${role.name}), expected it to own a step, decide a level, keep a resource, report or receive a report, be notified or stand in as a deputy`,
        messageZh: `角色 \`${role.id}\`（${role.name}）未承担任何任务：应负责步骤、决策级别、保管物资、报告或接收报告、接收通知或担任副职`,
      });
    }
  },
});
