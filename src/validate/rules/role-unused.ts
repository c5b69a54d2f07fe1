import { roleRefs } from '../refs.js';
import { defineRule } from '../rule.js';
import { deputyRole } from '../../model/query.js';

/** Every defined role is used somewhere: owns a step, decides, keeps, reports, is notified, stands in, or groups others. */
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
    for (const role of plan.roles) {
      if (used.has(role.id)) continue;
      report({
        node: role, field: 'id',
        message: `Unexpected unused role \`${role.id}\` (${role.name}), expected it to own a step, decide a level, keep a resource, report, be notified or stand in as a deputy`,
        messageZh: `角色 \`${role.id}\`（${role.name}）未承担任何任务：应负责步骤、决策级别、保管物资、报告、接收通知或担任副职`,
      });
    }
  },
});
