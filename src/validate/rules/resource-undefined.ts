import { findResource } from '../../model/query.js';
import { useTarget } from '../resources.js';
import { defineRule } from '../rule.js';
import { expectedOneOf } from '../../suggest.js';

/** Every resource a step demands is listed in the resources table. */
export default defineRule({
  meta: {
    id: 'resource-undefined',
    description: { en: 'Every resource a step uses is listed in the resources table', zh: '步骤使用的物资装备应在应急物资表中列明' },
    severity: 'error',
    clause: 'GB/T 29639-2020 6.5.3、7.5（物资装备保障）',
  },
  check({ plan, report }) {
    const ids = plan.resources.map((r) => r.id);
    for (const step of plan.steps) {
      step.resources.forEach((use, i) => {
        if (findResource(plan, use.resource)) return;
        const exp = expectedOneOf(use.resource, ids, 'resource', '物资');
        report({
          ...useTarget(step, i),
          message: `Unexpected undefined resource \`${use.resource}\` in step \`${step.id}\`, ${exp.en}`,
          messageZh: `步骤 \`${step.id}\` 使用的物资 \`${use.resource}\` 未在应急物资表中定义，${exp.zh}`,
        });
      });
    }
  },
});
