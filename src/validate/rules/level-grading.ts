import { defineRule } from '../rule.js';

/**
 * A general or special plan grades its response into at least two levels, so a small incident does not start the
 * full response ("小规模泄漏时仍启动全面停产"). On-site procedures (现场处置方案) are exempt: GB/T 29639-2020 gives
 * them no response-grading element; they hand over to the special/general plan (see `system-escalates-to`). So are
 * reporting rules encoded as plans (国家网络安全事件报告管理办法, …信息报告办法): a 办法 / 规定 / 条例 keys its deadlines on
 * the grades other plans define and has no response levels of its own.
 */
const REGULATION = /(?:办法|规定|条例|细则|规则)(?:（[^）]*）)?$|\b(?:regulations?|reporting rules)$/iu;

export default defineRule({
  meta: {
    id: 'level-grading',
    description: { en: 'A plan grades its response into at least two levels', zh: '预案应至少划分两个响应级别' },
    severity: 'error',
    clause: 'GB/T 29639-2020 6.2 (响应分级) / 7.3',
    kinds: ['general', 'special'],
  },
  check({ plan, report }) {
    const n = plan.levels.length;
    if (n >= 2 || (n === 0 && REGULATION.test(plan.meta.title.trim()))) return;
    const section = plan.sections.find((s) => s.key === 'levels');
    const target = n === 1 ? { node: plan.levels[0], field: 'id' } : section ? { node: section } : { node: plan.meta };
    const what = n === 1 ? `single response level \`${plan.levels[0].id}\`` : 'plan without response levels';
    const whatZh = n === 1 ? `只有一个响应级别 \`${plan.levels[0].id}\`` : '没有划分响应级别';
    report({
      ...target,
      message: `Unexpected ${what}, expected at least two levels graded by incident size so a small incident does not start the full response`,
      messageZh: `预案${whatZh}，应按事故规模至少分为两级，避免小规模事故也启动全面响应（如全面停产）`,
    });
  },
});
