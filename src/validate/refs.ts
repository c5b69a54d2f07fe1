import { nameKind, roleKind, type Located, type Plan, type Role } from '../model/index.js';

/** A place in a plan where a role is referenced. */
export interface RoleRef {
  role: string;
  node: Located;
  field: string;
  /**
   * What kind of reference it is: owner, an alternative owner or decider (`a 或 b`), support (`会同`/`配合`), notify,
   * decider (of a level, standby or termination), judge (who makes a judgement fact), keeper, reporter, member-of.
   */
  kind: 'owner' | 'alternative' | 'support' | 'notify' | 'decider' | 'judge' | 'keeper' | 'reporter' | 'member-of' | 'deputy';
}

/** The field a list of roles was written in: its own key (YAML) or the cell it shares with the lead (Markdown). */
const fieldOf = (node: Located, own: string, shared: string) => (node.fields?.[own] ? own : shared);

/** Every role reference in a plan, in document order of the referring nodes. */
export function roleRefs(plan: Plan): RoleRef[] {
  const out: RoleRef[] = [];
  for (const s of plan.steps) {
    if (s.role) out.push({ role: s.role, node: s, field: 'role', kind: 'owner' });
    for (const a of s.alternatives ?? []) out.push({ role: a, node: s, field: fieldOf(s, 'alternatives', 'role'), kind: 'alternative' });
    for (const a of s.support ?? []) out.push({ role: a, node: s, field: fieldOf(s, 'support', 'role'), kind: 'support' });
    for (const n of s.notify) out.push({ role: n, node: s, field: 'notify', kind: 'notify' });
  }
  for (const l of plan.levels) {
    if (l.decidedBy) out.push({ role: l.decidedBy, node: l, field: 'decidedBy', kind: 'decider' });
    for (const a of l.deciderAlternatives ?? []) out.push({ role: a, node: l, field: fieldOf(l, 'deciderAlternatives', 'decidedBy'), kind: 'alternative' });
  }
  for (const s of plan.standby ?? []) if (s.decidedBy) out.push({ role: s.decidedBy, node: s, field: 'decidedBy', kind: 'decider' });
  for (const f of plan.facts) if (f.decidedBy) out.push({ role: f.decidedBy, node: f, field: 'decidedBy', kind: 'judge' });
  if (plan.termination?.decidedBy) out.push({ role: plan.termination.decidedBy, node: plan.termination, field: 'decidedBy', kind: 'decider' });
  for (const r of plan.resources) if (r.keeper) out.push({ role: r.keeper, node: r, field: 'keeper', kind: 'keeper' });
  for (const r of plan.reports) if (r.by) out.push({ role: r.by, node: r, field: 'by', kind: 'reporter' });
  for (const r of plan.roles) if (r.memberOf) out.push({ role: r.memberOf, node: r, field: 'memberOf', kind: 'member-of' });
  return out;
}

/**
 * True when the node has a value under a column yuan could not read (reported by the parser): a rule that finds a
 * field missing does not report it, since the value may be in that column.
 */
export const hasUnread = (node: Located) => Object.keys(node.unread ?? {}).length > 0;

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
