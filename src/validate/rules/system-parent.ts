import type { Plan } from '../../model/index.js';
import { defineRule } from '../rule.js';

const KIND_EN = { general: 'general plan', special: 'special plan', onsite: 'on-site procedure' } as const;
const KIND_ZH = { general: '综合应急预案', special: '专项应急预案', onsite: '现场处置方案' } as const;

/**
 * The 1+N tree is well formed: special plans and on-site procedures name their parent, the parent is among the
 * plans linted together, and general plans are roots. When a single plan is linted alone its parent cannot be
 * seen, so the presence check only runs when two or more plans are linted together.
 */
export default defineRule({
  meta: {
    id: 'system-parent',
    description: { en: 'Special plans and on-site procedures name an existing parent plan; general plans have none', zh: '专项预案和现场处置方案应指明存在的上级预案，综合预案不应有上级' },
    severity: 'error',
    clause: 'GB/T 29639-2020 5.3 / 附录A (应急预案体系及衔接)',
    // An enterprise's 1+N system is linted together; a government plan's parents (the 总体预案, the higher government's
    // plan) are other issuers' documents that are rarely in the lint set, and an excerpt's parent is in its unseen part.
    regimes: ['enterprise'],
    wholePlan: true,
  },
  checkSystem({ plans, report }) {
    const byId = new Map<string, Plan>();
    for (const p of plans) if (!byId.has(p.meta.id)) byId.set(p.meta.id, p);
    const generals = plans.filter((p) => p.meta.kind === 'general');
    const definedHere = (p: Plan) => ({
      file: p.file, node: p.meta, field: 'id',
      message: `${KIND_EN[p.meta.kind]} \`${p.meta.id}\` defined here`, messageZh: `${KIND_ZH[p.meta.kind]} \`${p.meta.id}\` 定义于此`,
    });
    for (const plan of plans) {
      const { meta } = plan;
      if (meta.kind === 'general') {
        if (!meta.parent) continue;
        const parent = byId.get(meta.parent);
        report({
          file: plan.file, node: meta, field: 'parent',
          message: `Unexpected parent \`${meta.parent}\` on general plan \`${meta.id}\`, expected a general plan to be the root of its 1+N system (no parent)`,
          messageZh: `综合应急预案 \`${meta.id}\` 不应有上级预案 \`${meta.parent}\`，综合预案是"1+N"预案体系的根`,
          related: parent && parent !== plan ? [definedHere(parent)] : undefined,
        });
        continue;
      }
      if (!meta.parent) {
        report({
          file: plan.file, node: meta, field: 'kind',
          message: `Unexpected ${KIND_EN[meta.kind]} \`${meta.id}\` without a parent, expected \`parent:\` naming the plan it belongs to (usually the general plan)`,
          messageZh: `${KIND_ZH[meta.kind]} \`${meta.id}\` 未指明上级预案，应填写 \`parent:\`（上级预案，通常为综合应急预案）`,
          related: generals.map(definedHere),
        });
        continue;
      }
      if (meta.parent === meta.id) {
        report({
          file: plan.file, node: meta, field: 'parent',
          message: `Unexpected parent \`${meta.parent}\` on plan \`${meta.id}\` (the plan itself), expected the plan it belongs to`,
          messageZh: `预案 \`${meta.id}\` 的上级预案 \`${meta.parent}\` 是其自身，应为其所属的上级预案`,
        });
        continue;
      }
      if (plans.length < 2 || byId.has(meta.parent)) continue;
      const known = generals.map((p) => `\`${p.meta.id}\``);
      report({
        file: plan.file, node: meta, field: 'parent',
        message: `Unexpected parent \`${meta.parent}\` of ${KIND_EN[meta.kind]} \`${meta.id}\`, expected the id of a plan linted with it${known.length ? ` (general plans: ${known.join(', ')})` : ''}`,
        messageZh: `${KIND_ZH[meta.kind]} \`${meta.id}\` 的上级预案 \`${meta.parent}\` 不存在，应为一同检查的预案标识${known.length ? `（综合预案：${known.join('、')}）` : ''}`,
        related: generals.map(definedHere),
      });
    }
  },
});
