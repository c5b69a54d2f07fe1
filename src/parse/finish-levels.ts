import type { Colour, Level, Plan } from '../model/index.js';
import { levelNumber, levelRank, parseLevelId, parseManual } from './fields.js';
import type { Reporter } from './finish.js';

const COLOUR_RANK: Record<Colour, number> = { red: 1, orange: 2, yellow: 3, blue: 4 };

/**
 * Levels as both syntaxes must agree on them: ids normalised by one function (Ⅰ级 / 一级 / I → I; `level 3` →
 * `Level 3`), a written trigger becomes the first criterion, `manual` read, and each level ranked by the order the
 * law or the plan gives — never guessed (see `rankLevels`).
 */
export function finishLevels(plan: Plan, report: Reporter): void {
  const norm = (id: string | undefined) => (id === undefined ? undefined : parseLevelId(id).id);
  for (const l of plan.levels) {
    const { id, name } = parseLevelId(l.id);
    l.id = id;
    if (name !== undefined && l.name === undefined) l.name = name;
    l.parentLevel = norm(l.parentLevel);
    if (l.parentLevel === undefined) delete l.parentLevel;
    l.criteria ??= [];
    l.deciderAlternatives ??= [];
    if (l.trigger && !l.trigger.derived) l.criteria.unshift(l.trigger);
    const manual = (l as unknown as { manual?: unknown }).manual;
    if (typeof manual === 'string') {
      const m = parseManual(manual);
      if (m === undefined) {
        report('meta/invalid', 'error', `Unexpected activation mode \`${manual}\`, expected 决定启动 (manual) or 条件启动 (automatic)`,
          `无法识别的启动方式 \`${manual}\`，应为 决定启动（manual）或 条件启动（automatic）`, l.fields?.manual ?? l.place);
        delete l.manual;
      } else if (m) l.manual = true;
      else delete l.manual;
    }
  }
  for (const e of plan.escalations) { e.from = norm(e.from)!; e.to = norm(e.to)!; }
  rankLevels(plan, report);
}

/**
 * Ranks levels, 1 = most severe. Chinese ids (Ⅰ … Ⅳ) follow the law (Ⅰ highest) unless the plan declares
 * `levelOrder`; English numbered levels (`Level 1…3`, `Tier 1…3`) and unnumbered ones follow `levelOrder`, else their
 * colours (red highest); with neither, the order is reported as unknown (ranked as listed, first most severe).
 */
function rankLevels(plan: Plan, report: Reporter): void {
  const levels = plan.levels;
  if (!levels.length) return;
  const order = plan.meta.levelOrder;
  const chinese = levels.map((l) => levelRank(l.id));
  const english = levels.map((l) => levelNumber(l.id));
  const numbers = levels.map((l, i) => chinese[i] ?? english[i]);
  const coloured = levels.every((l) => l.colour);
  const byNumber = (n: (number | undefined)[]) => {
    const max = Math.max(...(n as number[]));
    levels.forEach((l, i) => { l.rank = order === '1-lowest' ? max + 1 - n[i]! : n[i]!; });
  };
  if (chinese.every((n) => n !== undefined)) return byNumber(chinese);
  if (numbers.every((n) => n !== undefined) && order) return byNumber(numbers);
  if (coloured) { levels.forEach((l) => { l.rank = COLOUR_RANK[l.colour!]; }); return; }
  if (order && numbers.every((n) => n === undefined)) {
    levels.forEach((l, i) => { l.rank = order === '1-lowest' ? levels.length - i : i + 1; });
    return;
  }
  levels.forEach((l: Level, i) => { l.rank = numbers.every((n) => n !== undefined) ? numbers[i]! : i + 1; });
  if (levels.length < 2) return;
  const ids = levels.map((l) => `\`${l.id}\``).join(', ');
  report('levels/order-unknown', 'error',
    `Unexpected levels ${ids} without a declared order, expected \`levelOrder: 1-highest\` (the first / Level 1 is the most severe) or \`1-lowest\` in the front matter, or a colour per level`,
    `响应级别 ${ids} 未声明高低顺序，应在前置元数据中写 \`levelOrder: 1-highest\`（第一个/1级最高）或 \`1-lowest\`，或为每个级别标注颜色`,
    levels[0].fields?.id ?? levels[0].place);
}
