import { defineRule } from '../rule.js';

/** A plan names the department that owns and maintains it. */
export default defineRule({
  meta: {
    id: 'meta-owner',
    description: { en: 'A plan names the department that owns and maintains it', zh: '预案应明确编制（归口）责任部门' },
    severity: 'warning',
    clause: '生产安全事故应急预案管理办法 第五条、第三十五条（编制、实施与定期评估的责任）',
    // 生产安全事故应急预案管理办法 governs enterprise plans; a government or foreign plan is identified by its issuer, 文号 and
    // date, and an excerpt's cover page was not seen.
    regimes: ['enterprise'],
    wholePlan: true,
    messages: {
      missing: {
        en: 'Unexpected plan without an owner, expected `owner:` (责任部门) naming the department that maintains it',
        zh: '预案未写明责任部门，应在元数据中填写 `owner:`（责任部门/归口部门）',
      },
    },
  },
  check({ plan, report }) {
    if (plan.meta.owner?.trim()) return;
    report({ node: plan.meta, messageId: 'missing' });
  },
});
