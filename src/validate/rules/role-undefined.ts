import { describeRef, isVague, roleRefs } from '../refs.js';
import { defineRule } from '../rule.js';
import { expectedOneOf } from '../../suggest.js';

/** Every role a step, level, termination, resource, report or role refers to is defined in the roles table. */
export default defineRule({
  meta: {
    id: 'role-undefined',
    description: { en: 'Every referenced role is defined in the roles table', zh: '引用的角色应在组织机构表中定义' },
    severity: 'error',
    clause: 'GB/T 29639-2020 6.2、7.2、8.2（应急组织机构及职责）',
  },
  check({ plan, report }) {
    const ids = plan.roles.map((r) => r.id);
    const known = new Set(ids);
    for (const ref of roleRefs(plan)) {
      // Notify targets have their own rule (notify-undefined); 相关部门-style owners are role-vague's finding.
      if (ref.kind === 'notify' || known.has(ref.role) || isVague(ref.role)) continue;
      const [en, zh] = describeRef(ref);
      const exp = expectedOneOf(ref.role, ids, 'role', '角色');
      report({
        node: ref.node, field: ref.field,
        message: `Unexpected undefined role \`${ref.role}\` as ${en}, ${exp.en}`,
        messageZh: `${zh} \`${ref.role}\` 未在组织机构表中定义，${exp.zh}`,
      });
    }
  },
});
