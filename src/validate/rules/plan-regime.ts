import { defineRule } from '../rule.js';
import { REGIME_NAME } from '../profile.js';

/**
 * Says once per plan which regime (lint profile) was inferred for it, and why, when neither the plan nor the config
 * declares one: every other rule's policy depends on it, so the author should see it and can correct it.
 */
export default defineRule({
  meta: {
    id: 'plan-regime',
    description: { en: 'Says which regime (lint profile) was inferred for a plan that declares none', zh: '预案未声明适用规范时，说明推定的规范（检查配置）' },
    severity: 'info',
    strict: 'info',
    clause: 'GB/T 29639-2020（企业）/ 突发事件应急预案管理办法（政府）/ NIMS（国际）',
  },
  check({ plan, profile, report }) {
    if (profile.regimeFrom !== 'inferred') return;
    const name = REGIME_NAME[profile.regime];
    report({
      node: plan.meta, field: 'title',
      message: `Unexpected plan without a regime, judged as ${name.en} because ${profile.because?.en ?? 'nothing says otherwise'}; expected \`regime: enterprise | government | international\` in the front matter or the config if that is wrong`,
      messageZh: `预案未声明适用规范，按${name.zh}检查（${profile.because?.zh ?? '未见其他依据'}）；如不对，请在 front matter 或配置中写明 \`regime: enterprise | government | international\``,
    });
  },
});
