import { isTimed } from '../../model/index.js';
import { defineRule } from '../rule.js';
import { callbackRule, colourList, COLOUR_NAME } from '../warnings.js';

/**
 * Where a plan uses call-back (叫应: the responsible person confirms receipt of a warning within a time limit), it says
 * within what time: one deadline for all colours (被叫应人须在30分钟内回复确认, or a timed 叫应 step) or one per colour
 * (a `叫应时限` column, then on every colour); and a colour's deadline falls before its lead time runs out — an
 * acknowledgement after the event is expected is no call-back.
 */
export default defineRule({
  meta: {
    id: 'warning-callback',
    description: { en: 'Where a plan uses call-back (叫应), every warning colour has a call-back deadline within its lead time', zh: '预案要求叫应的，每级预警应有叫应时限且短于提前量' },
    severity: 'warning',
    clause: '国家防汛抗旱应急预案（2022）预警“叫应”机制 / 气象灾害预警“叫应”工作要求',
  },
  check({ plan, report }) {
    if (!plan.warnings.length) return;
    const perColour = plan.warnings.some((w) => w.callback);
    const { required, timed } = callbackRule(plan);
    const missing = plan.warnings.filter((w) => !w.callback);
    if (!perColour && required && !timed) {
      report({
        node: plan.warnings[0], field: 'callback',
        message: 'Unexpected call-back (叫应) without a deadline, expected the time within which the responsible person acknowledges a warning (e.g. "被叫应人须在30分钟内回复确认", or a `叫应时限` column)',
        messageZh: '预案要求叫应，但没有写明叫应时限，应写明被叫应人确认收到预警的时限（如“被叫应人须在30分钟内回复确认”，或“叫应时限”列）',
      });
    } else if (perColour && missing.length) {
      const { en: list, zh: listZh } = colourList(missing);
      report({
        node: missing[0], field: 'callback',
        message: `Unexpected warning level${missing.length > 1 ? 's' : ''} ${list} without a call-back (叫应) deadline, expected the time within which the responsible person acknowledges (a \`callback\` / \`叫应时限\` column), as the plan requires call-back`,
        messageZh: `预案要求叫应，但预警 ${listZh} 没有叫应时限，应写明责任人确认收到预警的时限（“叫应时限”列）`,
      });
    }
    for (const w of plan.warnings) {
      if (!isTimed(w.callback) || !isTimed(w.lead) || w.callback.seconds < w.lead.seconds) continue;
      const c = COLOUR_NAME[w.colour];
      report({
        node: w.callback,
        message: `Unexpected call-back deadline \`${w.callback.text}\` for ${c.en} warning \`${w.id}\`, expected less than its lead time \`${w.lead.text}\` (an acknowledgement after the event is expected is no call-back)`,
        messageZh: `${c.zh}预警 \`${w.id}\` 的叫应时限“${w.callback.text}”不短于提前量“${w.lead.text}”，应在预警提前量内完成叫应`,
        related: [{ node: w.lead, message: 'lead time', messageZh: '提前量' }],
      });
    }
  },
});
