import { roleKind, type Role } from '../../model/index.js';
import { hasUnread } from '../refs.js';
import { defineRule } from '../rule.js';

/** A role named as the point to call: the 24-hour duty line, a duty room, the alarm desk, a hotline. */
const REACH_NAME = /值班室|值班电话|应急值班$|总值班|24小时|值守|接警|热线|报警中心|hotline|duty (?:line|desk|room|phone)|24[- ]hour|dispatch/iu;
/** A duty that is being called: 24小时值班, 接听值班电话, 接警 (not reporting to someone else's duty room). */
const REACH_DUTY = /^(?:24小时|全天)?(?:应急)?值班|^值守|接听[^；;，,]*电话|^接警|answer(?:s|ing)? (?:the )?(?:phone|calls)|^24[- ]hour (?:duty|watch)/iu;

/** True when the role exists to be called (its name or one of its duties says so). */
export const isReachPoint = (role: Role) => REACH_NAME.test(role.name) || role.duties.some((d) => REACH_DUTY.test(d.trim()));

const hasContact = (role: Role) => !!role.contact?.trim() || hasUnread(role);

/**
 * Roles can be called when the alarm comes. Everywhere, the role that exists to be called (the 24-hour duty line, the
 * alarm desk) must give its number. In an enterprise plan (GB/T 29639 6.5.1, 8.3) every post and unit gives a contact,
 * unless the plan keeps them in a contact list (通讯录); when no role gives one, that is one finding, not one per role.
 * A government or foreign plan names institutions whose numbers are in their own duty systems, and an excerpt's
 * contact pages were not seen: only the duty line is checked there. The public is never asked for a number.
 */
export default defineRule({
  meta: {
    id: 'role-contact',
    description: { en: 'Roles that must be reached have a contact', zh: '需要联络的角色应有联系方式' },
    severity: 'warning',
    clause: 'GB/T 29639-2020 6.5.1、8.3（通信与信息保障；报警负责人与联系方式）/ 生产安全事故报告和调查处理条例 第十八条（值班电话）',
  },
  check({ plan, regime, excerpt, report }) {
    const flag = (role: Role, why: { en: string; zh: string }) => report({
      node: role, field: 'contact',
      message: `Unexpected role \`${role.id}\` (${role.name}) without a contact, expected a phone number or radio channel${why.en}`,
      messageZh: `角色 \`${role.id}\`（${role.name}）缺少联系方式，应填写电话或对讲机频道${why.zh}`,
    });
    const reach = plan.roles.filter((r) => isReachPoint(r) && roleKind(r) !== 'public' && !hasContact(r));
    for (const role of reach) flag(role, { en: ': it is the point to call', zh: '：它是接警（值班）联络点' });
    const listed = plan.sections.some((s) => s.key === 'contacts');
    if (regime !== 'enterprise' || excerpt || listed) return;
    const missing = plan.roles.filter((r) => roleKind(r) !== 'public' && !hasContact(r) && !reach.includes(r));
    if (missing.length > 1 && plan.roles.every((r) => !hasContact(r))) {
      const ids = missing.map((r) => `\`${r.id}\``);
      report({
        node: missing[0], field: 'contact',
        message: `Unexpected roles table without any contact (${ids.join(', ')}), expected a phone number or radio channel for each role, or a contact list section (headed \`Contacts\`)`,
        messageZh: `组织机构表中所有角色（${ids.join('、')}）均无联系方式，应为每个角色填写电话或对讲机频道，或附应急通讯录`,
      });
      return;
    }
    for (const role of missing) flag(role, { en: '', zh: '' });
  },
});
