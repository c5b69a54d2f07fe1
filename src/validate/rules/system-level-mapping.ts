import type { Level, Plan } from '../../model/index.js';
import { defineRule } from '../rule.js';

/**
 * A child plan's levels map onto its parent's levels (上下级响应衔接): every level of a special plan or on-site
 * procedure whose parent is linted with it names a `parentLevel` that the parent defines, and the mapping keeps
 * the severity order (a more severe child level never maps to a less severe parent level than a milder one does).
 */
export default defineRule({
  meta: {
    id: 'system-level-mapping',
    description: { en: "A child plan's levels map onto existing parent levels in severity order", zh: '下级预案的响应级别应与上级预案的响应级别按严重程度对应' },
    severity: 'error',
    clause: 'GB/T 29639-2020 5.3 / 6.2 (应急预案体系衔接、响应分级)',
  },
  checkSystem({ plans, report }) {
    const byId = new Map<string, Plan>();
    for (const p of plans) if (!byId.has(p.meta.id)) byId.set(p.meta.id, p);
    for (const child of plans) {
      if (child.meta.kind === 'general' || !child.meta.parent) continue;
      const parent = byId.get(child.meta.parent);
      if (!parent || parent === child || parent.levels.length === 0) continue;
      const parentLevels = new Map<string, Level>(parent.levels.map((l) => [l.id, l] as const));
      const known = parent.levels.map((l) => `\`${l.id}\``);
      const tableRelated = [{
        file: parent.file, node: parent.levels[0],
        message: `levels of parent plan \`${parent.meta.id}\` defined here`, messageZh: `上级预案 \`${parent.meta.id}\` 的响应级别定义于此`,
      }];
      const mapped: { level: Level; to: Level }[] = [];
      for (const level of child.levels) {
        if (!level.parentLevel) {
          report({
            file: child.file, node: level, field: 'parentLevel',
            message: `Unexpected level \`${level.id}\` not mapped to parent plan \`${parent.meta.id}\`, expected a \`parentLevel\` (对应上级级别) column naming one of: ${known.join(', ')}`,
            messageZh: `响应级别 \`${level.id}\` 未与上级预案 \`${parent.meta.id}\` 的级别对应，应填写"对应上级级别"，取值为：${known.join('、')}`,
            related: tableRelated,
          });
          continue;
        }
        const to = parentLevels.get(level.parentLevel);
        if (!to) {
          report({
            file: child.file, node: level, field: 'parentLevel',
            message: `Unexpected parent level \`${level.parentLevel}\` for level \`${level.id}\`, expected one of the levels of \`${parent.meta.id}\`: ${known.join(', ')}`,
            messageZh: `响应级别 \`${level.id}\` 对应的上级级别 \`${level.parentLevel}\` 在上级预案 \`${parent.meta.id}\` 中不存在，应为：${known.join('、')}`,
            related: tableRelated,
          });
          continue;
        }
        mapped.push({ level, to });
      }
      for (const a of mapped) {
        // `a` is more severe than `b` but maps to a less severe parent level.
        const inverted = mapped.filter((b) => a.level.rank < b.level.rank && a.to.rank > b.to.rank);
        if (!inverted.length) continue;
        const b = inverted[0];
        report({
          file: child.file, node: a.level, field: 'parentLevel',
          message: `Unexpected mapping of level \`${a.level.id}\` to parent level \`${a.to.id}\` while the less severe \`${b.level.id}\` maps to \`${b.to.id}\`, expected parent levels in the same severity order`,
          messageZh: `级别对应颠倒：响应级别 \`${a.level.id}\` 对应上级 \`${a.to.id}\`，而较低的级别 \`${b.level.id}\` 却对应更高的上级 \`${b.to.id}\`，应按严重程度对应`,
          related: inverted.map((x) => ({
            file: child.file, node: x.level, field: 'parentLevel',
            message: `level \`${x.level.id}\` maps to \`${x.to.id}\` here`, messageZh: `级别 \`${x.level.id}\` 在此对应 \`${x.to.id}\``,
          })),
        });
      }
    }
  },
});
