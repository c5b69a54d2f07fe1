import type { Located, Plan } from '../model/index.js';

/** A place in a plan where a role is referenced. */
export interface RoleRef {
  role: string;
  node: Located;
  field: string;
  /** What kind of reference it is (owner, notify, decider, keeper, reporter, member-of). */
  kind: 'owner' | 'notify' | 'decider' | 'keeper' | 'reporter' | 'member-of' | 'deputy';
}

/** Every role reference in a plan, in document order of the referring nodes. */
export function roleRefs(plan: Plan): RoleRef[] {
  const out: RoleRef[] = [];
  for (const s of plan.steps) {
    if (s.role) out.push({ role: s.role, node: s, field: 'role', kind: 'owner' });
    for (const n of s.notify) out.push({ role: n, node: s, field: 'notify', kind: 'notify' });
  }
  for (const l of plan.levels) if (l.decidedBy) out.push({ role: l.decidedBy, node: l, field: 'decidedBy', kind: 'decider' });
  if (plan.termination?.decidedBy) out.push({ role: plan.termination.decidedBy, node: plan.termination, field: 'decidedBy', kind: 'decider' });
  for (const r of plan.resources) if (r.keeper) out.push({ role: r.keeper, node: r, field: 'keeper', kind: 'keeper' });
  for (const r of plan.reports) if (r.by) out.push({ role: r.by, node: r, field: 'by', kind: 'reporter' });
  for (const r of plan.roles) if (r.memberOf) out.push({ role: r.memberOf, node: r, field: 'memberOf', kind: 'member-of' });
  return out;
}

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
