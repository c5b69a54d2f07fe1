import { roleKind, type Plan, type Role } from '../../model/index.js';
import { defineRule } from '../rule.js';
import { deputyRole } from '../../model/query.js';

const norm = (s: string | undefined) => (s ?? '').replace(/\s+/g, '').toLowerCase();

const LEADERSHIP = /领导小组|指挥部|委员会|安委会|领导机构|指挥机构|指挥中心|command|committee|council|board/iu;
/** A body that directs the response (领导小组, 指挥部, 安委会): led by the commander by design. */
const isLeadershipBody = (role: Role) => roleKind(role) === 'body' && LEADERSHIP.test(role.name);

/**
 * Levels at which a role has to act: the levels of the steps it owns, the levels it decides, the levels of the reports
 * it makes; declaring termination counts at every level. `undefined` means every level (also when nothing is known).
 */
function activeLevels(plan: Plan, role: Role): Set<string> | undefined {
  const all = plan.levels.map((l) => l.id);
  const out = new Set<string>();
  let known = false;
  const addAll = (levels: string[]) => { known = true; for (const l of levels.length ? levels : all) out.add(l); };
  for (const s of plan.steps) if (s.role === role.id) addAll(s.levels);
  for (const l of plan.levels) if (l.decidedBy === role.id) addAll([l.id]);
  for (const r of plan.reports) if (r.by === role.id) addAll(r.levels);
  if (plan.termination?.decidedBy === role.id) addAll([]);
  return known && all.length ? out : undefined;
}

/** Levels two roles share (`undefined` = every level), or an empty list when they never act at the same level. */
function overlap(a: Set<string> | undefined, b: Set<string> | undefined, plan: Plan): string[] {
  const all = plan.levels.map((l) => l.id);
  return all.length ? all.filter((l) => (!a || a.has(l)) && (!b || b.has(l))) : ['*'];
}

/**
 * One holder does not hold two roles that must act at the same time, and no role is its own deputy. A leadership body
 * (领导小组, 指挥部) led by the holder of a post is not a second role: it is how that post acts.
 */
export default defineRule({
  meta: {
    id: 'role-conflict',
    description: { en: 'One person or position does not hold two roles that act at the same time', zh: '同一人员（岗位）不应同时担任需同时履职的两个角色' },
    severity: 'warning',
    clause: 'GB/T 29639-2020 6.2、7.2（应急组织机构及职责）',
  },
  check({ plan, report }) {
    // A role whose deputy is the same holder has nobody to stand in.
    for (const role of plan.roles) {
      const holder = norm(role.holder);
      if (!holder) continue;
      for (const d of role.deputies) {
        const target = deputyRole(plan, d);
        const same = target ? target === role || norm(target.holder) === holder : norm(d) === holder;
        if (!same) continue;
        report({
          node: role, field: 'deputies',
          message: `Unexpected deputy \`${d}\` of role \`${role.id}\` held by the same ${role.holder}, expected a different person to stand in`,
          messageZh: `角色 \`${role.id}\` 的副职 \`${d}\` 与本角色同为${role.holder}担任，副职应由另一人担任`,
          ...(target && target !== role ? { related: [{ node: target, field: 'holder', message: `\`${target.id}\` is held by ${target.holder} here`, messageZh: `\`${target.id}\` 在此由${target.holder}担任` }] } : {}),
        });
      }
    }
    // Two roles held by one holder that act at the same level (a group and its own leader excepted).
    const levels = new Map(plan.roles.map((r) => [r.id, activeLevels(plan, r)] as const));
    const firstOf = new Map<string, Role[]>();
    for (const role of plan.roles) {
      const holder = norm(role.holder);
      if (!holder) continue;
      const earlier = firstOf.get(holder) ?? [];
      for (const other of earlier) {
        if (role.memberOf === other.id || other.memberOf === role.id) continue;
        // A leadership body led by the holder of a post (the 领导小组 led by the 总指挥's 总经理) is that post acting, not a
        // second job; an operational team (义务消防队) led by the same person is.
        if (isLeadershipBody(role) || isLeadershipBody(other)) continue;
        if (role.deputies.some((d) => deputyRole(plan, d) === other) || other.deputies.some((d) => deputyRole(plan, d) === role)) continue; // reported above
        const shared = overlap(levels.get(role.id), levels.get(other.id), plan);
        if (!shared.length) continue;
        const every = shared.length === plan.levels.length;
        const at = shared[0] === '*' ? '' : every ? (shared.length > 1 ? ' at every level' : ` at level ${shared[0]}`) : ` at level${shared.length > 1 ? 's' : ''} ${shared.join(', ')}`;
        const atZh = shared[0] === '*' ? '' : every && shared.length > 1 ? '在各级响应中' : `在${shared.join('、')}级响应中`;
        report({
          node: role, field: 'holder',
          message: `Unexpected ${role.holder} holding both \`${other.id}\` (${other.name}) and \`${role.id}\` (${role.name}), which act at the same time${at}, expected a different holder for one of them`,
          messageZh: `${role.holder}同时担任 \`${other.id}\`（${other.name}）和 \`${role.id}\`（${role.name}），两者${atZh}需同时履职，应由不同人员担任`,
          related: [{ node: other, field: 'holder', message: `\`${other.id}\` is held by ${other.holder} here`, messageZh: `\`${other.id}\` 在此由${other.holder}担任` }],
        });
      }
      firstOf.set(holder, [...earlier, role]);
    }
  },
});
