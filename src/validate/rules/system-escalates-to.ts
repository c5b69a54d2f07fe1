import type { Plan } from '../../model/index.js';
import { defineRule } from '../rule.js';

/**
 * Hand-over between plans works: `escalatesTo` names a plan linted with it (the presence check runs when two or
 * more plans are linted together), and an on-site procedure says where an incident goes when it outgrows the post
 * (`escalatesTo`, or at least a `parent`).
 */
export default defineRule({
  meta: {
    id: 'system-escalates-to',
    description: { en: 'Plan hand-over (escalatesTo) names an existing plan; on-site procedures say where to hand over', zh: '预案衔接（升级至）应指向存在的预案；现场处置方案应明确向哪个预案衔接' },
    severity: 'error',
    clause: 'GB/T 29639-2020 5.3 / 8.3 (现场处置方案与上级预案的衔接)',
  },
  checkSystem({ plans, report, profileOf }) {
    const byId = new Map<string, Plan>();
    for (const p of plans) if (!byId.has(p.meta.id)) byId.set(p.meta.id, p);
    for (const plan of plans) {
      const { meta } = plan;
      if (meta.escalatesTo) {
        const target = byId.get(meta.escalatesTo);
        if (target === plan) {
          report({
            file: plan.file, node: meta, field: 'escalatesTo',
            message: `Unexpected escalatesTo \`${meta.escalatesTo}\` naming the plan itself, expected the plan that takes over`,
            messageZh: `"升级至"的预案 \`${meta.escalatesTo}\` 是预案自身，应为接管的上级预案`,
          });
        } else if (!target && plans.length > 1) {
          // Suggest the plans an incident would normally go to: the parent and the parent's other non-on-site children.
          const parent = meta.parent ? byId.get(meta.parent) : undefined;
          const others = parent
            ? [parent, ...plans.filter((p) => p !== plan && p.meta.parent === parent.meta.id && p.meta.kind !== 'onsite')].map((p) => `\`${p.meta.id}\``)
            : [];
          report({
            file: plan.file, node: meta, field: 'escalatesTo',
            message: `Unexpected escalatesTo \`${meta.escalatesTo}\`, expected the id of a plan linted with it${others.length ? ` (${others.join(', ')})` : ''}`,
            messageZh: `"升级至"的预案 \`${meta.escalatesTo}\` 不存在，应为一同检查的预案标识${others.length ? `（${others.join('、')}）` : ''}`,
          });
        }
        continue;
      }
      // An excerpt's hand-over may be in the part that was not seen.
      if (meta.kind === 'onsite' && !meta.parent && !profileOf(plan).excerpt) {
        report({
          file: plan.file, node: meta, field: 'kind',
          message: `Unexpected on-site procedure \`${meta.id}\` with no escalatesTo and no parent, expected \`escalatesTo:\` naming the plan that takes over when the incident outgrows the post`,
          messageZh: `现场处置方案 \`${meta.id}\` 既无"升级至"也无上级预案，应填写 \`escalatesTo:\`（事态扩大时衔接的预案）`,
        });
      }
    }
  },
});
