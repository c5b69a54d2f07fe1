import { nameKind, roleKind, type Located, type Role } from '../../model/index.js';
import { roleRefs, type RoleRef } from '../refs.js';
import { defineRule } from '../rule.js';

/** Collective nouns that name a set of units or people, not one of them. */
const COLLECTIVE = '部门|单位|人员|科室|处室|班组|小组|岗位|方面|负责人|机构|领导';
/**
 * Chinese collective owners that name nobody: 相关部门, 有关单位, 各有关科室, 相关人员, 其他部门; 相关/有关 with words
 * between them and the collective (相关行业领域主管部门, 有关行业主管部门); 各部门 / 各单位 as the whole owner. Not
 * 各部门网信工作机构 (each department's own office: 各 distributes over a defined set), not 各有关行政区域人民政府 (a
 * government, chosen by where the incident is).
 */
const VAGUE_ZH = new RegExp(`(?:各(?:相关|有关)|相关|有关)(?:${COLLECTIVE})|(?:相关|有关)(?:(?!${COLLECTIVE}|政府|机关)[\\u4e00-\\u9fff]){1,8}(?:部门|单位|机构|人员)$|^各(?:${COLLECTIVE})$|其他(?:部门|单位|人员)`, 'u');
/** English equivalents: relevant departments, related units, concerned personnel, all departments … */
const VAGUE_EN = /\b(?:relevant|related|concerned|appropriate|other|all|responsible)\s+(?:departments?|units?|parties|personnel|staff|people|teams?|bodies|agencies)\b|\bas\s+(?:appropriate|needed)\b/iu;
/**
 * A duty that says how the members of a collective are chosen (按事故类别和本部门职责, 根据职责分工, according to their
 * responsibilities) makes it a defined set, not an unnamed party (国务院有关部门 in a national plan).
 */
const SELECTION = /按[^；;。]{0,16}(?:职责|类别|分工|预案)|根据[^；;。]{0,16}(?:职责|分工)|according to (?:their|its) (?:responsibilit|function|remit)/iu;

/** True when a role name, holder or reference names a collective instead of one accountable role. */
export function isVague(text: string | undefined): boolean {
  if (!text) return false;
  if (nameKind(text) === 'public') return false; // 事故现场有关人员: the statutory duty of whoever is on the scene
  return VAGUE_ZH.test(text) || VAGUE_EN.test(text);
}

/** True when a role's name is vague and neither its kind (the public) nor its duties (a selection rule) settle who it is. */
export function isVagueRole(role: Role): boolean {
  if (roleKind(role) === 'public' || role.duties.some((d) => SELECTION.test(d))) return false;
  return isVague(role.name);
}

const REF_KIND: Record<RoleRef['kind'], [string, string]> = {
  owner: ['owner', '负责角色'], alternative: ['alternative', '可替代角色'], support: ['support', '配合角色'], judge: ['judge', '判定主体'], notify: ['notified role', '通知对象'], decider: ['decider', '决策角色'], keeper: ['keeper', '保管角色'],
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
