import type { Located } from '../../model/index.js';
import { describeRef, isVague, isVagueRole, roleRefs } from '../refs.js';
import { defineRule } from '../rule.js';

/** Responsibility is given to one named role, not to 相关部门 / relevant departments. */
export default defineRule({
  meta: {
    id: 'role-vague',
    description: { en: 'Duties go to a named role, not to “relevant departments”', zh: '职责应落实到具体角色，不得写“相关部门”“有关单位”等' },
    severity: 'error',
    clause: 'GB/T 29639-2020 6.2、7.2、8.2（应急组织机构及职责应明确）',
  },
  check({ plan, report }) {
    const flag = (node: Located, field: string, text: string, what: string, whatZh: string) => report({
      node, field,
      message: `Unexpected vague \`${text}\` as ${what}, expected one accountable role from the roles table`,
      messageZh: `${whatZh}“${text}”指代不明，应落实到组织机构表中的具体角色`,
    });
    for (const role of plan.roles) {
      if (isVagueRole(role)) flag(role, 'name', role.name, `name of role \`${role.id}\``, `角色 \`${role.id}\` 的名称`);
      if (isVague(role.holder)) flag(role, 'holder', role.holder!, `holder of role \`${role.id}\``, `角色 \`${role.id}\` 的担任人`);
      for (const d of role.deputies) if (isVague(d)) flag(role, 'deputies', d, `deputy of role \`${role.id}\``, `角色 \`${role.id}\` 的副职`);
    }
    const roleIds = new Set(plan.roles.map((r) => r.id));
    for (const ref of roleRefs(plan)) {
      // A reference that resolved to a role is judged at the role (its name/holder above), not at every use.
      if (roleIds.has(ref.role) || !isVague(ref.role)) continue;
      const [en, zh] = describeRef(ref);
      flag(ref.node, ref.field, ref.role, en, zh);
    }
  },
});
