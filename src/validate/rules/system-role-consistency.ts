import type { Plan, Role } from '../../model/index.js';
import { defineRule } from '../rule.js';

/** Plans linked by `parent` / `escalatesTo` (one 1+N system each), general plans first, then in lint order. */
function systems(plans: Plan[]): Plan[][] {
  const root = new Map<Plan, Plan>(plans.map((p) => [p, p] as const));
  const find = (p: Plan): Plan => { let r = p; while (root.get(r) !== r) r = root.get(r)!; root.set(p, r); return r; };
  const byId = new Map<string, Plan>();
  for (const p of plans) if (!byId.has(p.meta.id)) byId.set(p.meta.id, p);
  for (const p of plans) {
    for (const ref of [p.meta.parent, p.meta.escalatesTo]) {
      const q = ref ? byId.get(ref) : undefined;
      if (q) root.set(find(p), find(q));
    }
  }
  const groups = new Map<Plan, Plan[]>();
  const ordered = [...plans.filter((p) => p.meta.kind === 'general'), ...plans.filter((p) => p.meta.kind !== 'general')];
  for (const p of ordered) {
    const r = find(p);
    if (!groups.has(r)) groups.set(r, []);
    groups.get(r)!.push(p);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

const norm = (s: string) => s.replace(/\s+/gu, '').toLowerCase();

/**
 * One system, one organisation: a role id means the same role in every plan of a 1+N system, and a role name has
 * one id. Plans are grouped by their `parent` / `escalatesTo` links; the general plan's definition is the reference.
 */
export default defineRule({
  meta: {
    id: 'system-role-consistency',
    description: { en: 'A role has the same id and name in every plan of a 1+N system', zh: '同一预案体系内角色标识与名称应一致' },
    severity: 'warning',
    clause: 'GB/T 29639-2020 5.3 / 6.3 (应急组织机构及职责、预案衔接)',
  },
  checkSystem({ plans, report }) {
    for (const group of systems(plans)) {
      const firstById = new Map<string, { plan: Plan; role: Role }>();
      const firstByName = new Map<string, { plan: Plan; role: Role }>();
      for (const plan of group) {
        for (const role of plan.roles) {
          const byId = firstById.get(role.id);
          if (!byId) firstById.set(role.id, { plan, role });
          else if (byId.plan !== plan && role.name && byId.role.name && norm(byId.role.name) !== norm(role.name)) {
            report({
              file: plan.file, node: role, field: 'name',
              message: `Unexpected name \`${role.name}\` for role \`${role.id}\`, expected \`${byId.role.name}\` as in plan \`${byId.plan.meta.id}\``,
              messageZh: `角色 \`${role.id}\` 的名称 \`${role.name}\` 与预案 \`${byId.plan.meta.id}\` 中的 \`${byId.role.name}\` 不一致`,
              related: [{ file: byId.plan.file, node: byId.role, field: 'name', message: `role \`${role.id}\` defined here`, messageZh: `角色 \`${role.id}\` 定义于此` }],
            });
          }
          if (!role.name) continue;
          const byName = firstByName.get(norm(role.name));
          if (!byName) firstByName.set(norm(role.name), { plan, role });
          else if (byName.plan !== plan && byName.role.id !== role.id) {
            report({
              file: plan.file, node: role, field: 'id',
              message: `Unexpected id \`${role.id}\` for role \`${role.name}\`, expected \`${byName.role.id}\` as in plan \`${byName.plan.meta.id}\``,
              messageZh: `角色 \`${role.name}\` 的标识 \`${role.id}\` 与预案 \`${byName.plan.meta.id}\` 中的 \`${byName.role.id}\` 不一致`,
              related: [{ file: byName.plan.file, node: byName.role, field: 'id', message: `role \`${role.name}\` defined here`, messageZh: `角色 \`${role.name}\` 定义于此` }],
            });
          }
        }
      }
    }
  },
});
