import { defineRule } from '../rule.js';
import { COLOUR_NAME } from '../warnings.js';
import { vagueAtoms } from '../wording.js';

/**
 * Each warning colour is decided by something observed or measured (a forecast value, a reading, a declared judgement
 * by a named body), not by degree words: 即将临近 / 已经临近 / 即将发生, 有扩大的趋势 / 正在逐步扩大 cannot be told apart on
 * the day, so two duty officers issue different colours for the same event.
 */
export default defineRule({
  meta: {
    id: 'warning-measurable',
    description: { en: 'Every warning colour has a measurable criterion', zh: '每级预警的发布条件应可观测、可度量' },
    severity: 'warning',
    clause: 'GB/T 29639-2020 6.3.2 (预警发布条件) / 突发事件应对法 第六十三条 (预警级别的划分标准)',
  },
  check({ plan, report }) {
    for (const w of plan.warnings) {
      const colour = COLOUR_NAME[w.colour];
      if (!w.trigger || w.trigger.text.trim() === '') {
        report({
          node: w, field: 'trigger',
          message: `Unexpected ${colour.en} warning \`${w.id}\` without a criterion, expected a condition on the declared facts (e.g. \`rain_mm >= 50\`)`,
          messageZh: `${colour.zh}预警 \`${w.id}\` 没有发布条件，应填写基于事故信息要素的条件（如 \`rain_mm >= 50\`）`,
        });
        continue;
      }
      if (!w.trigger.ast) continue;
      const vague = vagueAtoms(w.trigger.ast, plan.facts);
      if (!vague.length) continue;
      const words = [...new Set(vague.map((v) => v.words))];
      report({
        node: w, field: 'trigger',
        message: `Unexpected ${colour.en} warning \`${w.id}\` decided by unmeasurable wording (${words.map((x) => `\`${x}\``).join(', ')}), expected an observed or measured criterion (a reading, a forecast value, or a \`judgement\` by a named body)`,
        messageZh: `${colour.zh}预警 \`${w.id}\` 由无法度量的措辞决定（${words.map((x) => `“${x}”`).join('、')}），应改为可观测、可度量的条件（监测读数、预报数值，或由明确机构作出的研判）`,
      });
    }
  },
});
