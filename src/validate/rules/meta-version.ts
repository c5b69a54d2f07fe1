import { defineRule } from '../rule.js';

/** A plan carries a version, so revisions, filings and drills can say which text they used. */
export default defineRule({
  meta: {
    id: 'meta-version',
    description: { en: 'A plan carries a version number', zh: '预案应标注版本号' },
    severity: 'warning',
    clause: '生产安全事故应急预案管理办法 第三十六条（应急预案及时修订并归档）',
    // 生产安全事故应急预案管理办法 governs enterprise plans; a government or foreign plan is identified by its issuer, 文号 and
    // date, and an excerpt's cover page was not seen.
    regimes: ['enterprise'],
    wholePlan: true,
    messages: {
      missing: {
        en: 'Unexpected plan without a version, expected `version:` (版本号) such as "{example}"',
        zh: '预案未标注版本号，应在元数据中填写 `version:`（版本号），如 "{example}"',
      },
    },
  },
  check({ plan, report }) {
    if (plan.meta.version?.trim()) return;
    report({ node: plan.meta, messageId: 'missing', data: { example: '2.0' } });
  },
});
