import { defineRule } from '../rule.js';

/** Every role has a contact (phone, radio channel) so it can be called when the alarm comes. */
export default defineRule({
  meta: {
    id: 'role-contact',
    description: { en: 'Every role has a contact', zh: '每个角色都应有联系方式' },
    severity: 'warning',
    clause: 'GB/T 29639-2020 6.5.1、8.3（通信与信息保障；报警负责人与联系方式）',
  },
  check({ plan, report }) {
    for (const role of plan.roles) {
      if (role.contact?.trim()) continue;
      report({
        node: role, field: 'contact',
        message: `Unexpected role \`${role.id}\` (${role.name}) without a contact, expected a phone number or radio channel`,
        messageZh: `角色 \`${role.id}\`（${role.name}）缺少联系方式，应填写电话或对讲机频道`,
      });
    }
  },
});
