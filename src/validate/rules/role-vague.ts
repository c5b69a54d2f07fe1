import type { Located } from '../../model/index.js';
import { roleRefs, type RoleRef } from '../refs.js';
import { defineRule } from '../rule.js';

/** Chinese collective owners that name nobody: 相关部门, 有关单位, 各部门, 相关人员, 各有关科室 … */
const VAGUE_ZH = /(?:各(?:相关|有关)?|相关|有关)(?:部门|单位|人员|科室|处室|班组|小组|岗位|方面|负责人|机构|领导)|其他(?:部门|单位|人员)/u;
/** English equivalents: relevant departments, related units, concerned personnel, all departments … */
const VAGUE_EN = /\b(?:relevant|related|concerned|appropriate|other|all|responsible)\s+(?:departments?|units?|parties|personnel|staff|people|teams?|bodies|agencies)\b|\bas\s+(?:appropriate|needed)\b/iu;

/** True when a role name, holder or reference names a collective instead of one accountable role. */
export function isVague(text: string | undefined): boolean {
  return !!text && (VAGUE_ZH.test(text) || VAGUE_EN.test(text));
}

const REF_KIND: Record<RoleRef['kind'], [string, string]> = {
  owner: ['owner', '负责角色'], notify: ['notified role', '通知对象'], decider: ['decider', '决策角色'], keeper: ['keeper', '保管角色'],
  reporter: ['reporter', '报告角色'], 'member-of': ['group', '所属机构'], deputy: ['deputy', '副职'],
};

/** What a role reference is, for messages: ["owner of `rescue`", "`rescue` 的负责角色"]. */
export function describeRef(ref: RoleRef): [string, string] {
  const [en, zh] = REF_KIND[ref.kind];
  const node = ref.node as { id?: unknown; to?: unknown };
  if (typeof node.id === 'string') return [`${en} of \`${node.id}\``, `\`${node.id}\` 的${zh}`];
  if (typeof node.to === 'string') return [`${en} of the report to ${node.to}`, `向${node.to}报告的${zh}`];
  return [`${en} of the termination`, `响应终止的${zh}`];
}

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
      if (isVague(role.name)) flag(role, 'name', role.name, `name of role \`${role.id}\``, `角色 \`${role.id}\` 的名称`);
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
