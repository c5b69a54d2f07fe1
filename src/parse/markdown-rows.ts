import type { TableCell } from 'mdast';
import type { Place } from '../model/place.js';
import { pendingDuration } from './duration.js';
import type { Fact, ResourceUse, Trigger } from '../model/plan.js';
import type { TableKind } from './columns.js';
import { isNone, parseColour, parseLevelId, parseNumber, parseResourceUses, readNumberCell, splitDuties, splitList } from './fields.js';
import { locate, placeAt, report, type Ctx } from './markdown-context.js';

/** One table cell: its plain text, the place of its content, and the cell node. */
export interface Cell {
  text: string;
  place: Place;
  node: TableCell;
}

type Conv = 'text' | 'list' | 'duties' | 'duration' | 'trigger' | 'number' | 'levelId' | 'levelRef' | 'levels' | 'resources' | 'colour' | 'factType';

/** How each field's cell is read; fields not listed (and columns added later) are plain text. */
const CONVERT: Record<TableKind, Record<string, Conv>> = {
  facts: { values: 'list', min: 'number', max: 'number', type: 'factType' },
  roles: { deputies: 'list', duties: 'duties' },
  warnings: { colour: 'colour', trigger: 'trigger', lead: 'duration', callback: 'duration' },
  levels: { id: 'levelId', colour: 'colour', trigger: 'trigger', activation: 'duration', parentLevel: 'levelRef' },
  // `role` and `after` stay text: the finish pass reads leads, alternatives and any-of prerequisites for both syntaxes.
  steps: { deadline: 'duration', levels: 'levels', resources: 'resources', notify: 'list', condition: 'trigger', support: 'list', afterAny: 'list' },
  escalations: { from: 'levelRef', to: 'levelRef', when: 'trigger' },
  resources: { quantity: 'number' },
  reports: { within: 'duration', levels: 'levels', when: 'trigger' },
  criteria: { level: 'levelRef', when: 'trigger' },
  standby: { trigger: 'trigger' },
  constraints: { when: 'trigger' },
};

/** Array fields every node of a kind has, even when the column is absent. */
const ARRAYS: Record<TableKind, string[]> = {
  facts: [], roles: ['deputies', 'duties'], warnings: [], levels: ['criteria', 'deciderAlternatives'], escalations: [], resources: [],
  reports: ['levels'], steps: ['after', 'afterAny', 'alternatives', 'support', 'levels', 'resources', 'notify'],
  criteria: [], standby: [], constraints: [],
};

/** Columns a structured table must have; the first ones (KEYS) identify a row, which is dropped when they are empty. */
export const REQUIRED: Record<TableKind, string[]> = {
  facts: ['id', 'type'], roles: ['id', 'name'], warnings: ['id'], levels: ['id'], steps: ['id', 'action'],
  escalations: ['from', 'to', 'when'], resources: ['id', 'name'], reports: ['to'],
  criteria: ['level', 'when'], standby: ['id'], constraints: ['when'],
};
const KEYS: Record<TableKind, string[]> = {
  facts: ['id'], roles: ['id'], warnings: ['id'], levels: ['id'], steps: ['id'],
  escalations: ['from', 'to', 'when'], resources: ['id'], reports: ['to'],
  criteria: ['level', 'when'], standby: ['id'], constraints: ['when'],
};

/** Defaults for required scalar fields left empty (an error was reported; the node is kept so references resolve). */
const DEFAULTS: Partial<Record<TableKind, Record<string, unknown>>> = { facts: { type: 'number' }, steps: { action: '' } };

export const KIND_ZH: Record<TableKind, string> = {
  facts: '事故信息要素表', roles: '组织机构表', warnings: '预警表', levels: '响应分级表', steps: '响应程序表',
  escalations: '升级降级表', resources: '物资表', reports: '信息报告表', criteria: '分级标准表', standby: '启动准备表',
  constraints: '要素约束表',
};

const FACT_TYPES: [RegExp, Fact['type']][] = [
  [/^(number|float|real|decimal|数值|数字|实数|数量)$/iu, 'number'],
  [/^(integer|int|整数|整型)$/iu, 'integer'],
  [/^(boolean|bool|布尔|布尔值|是否|是\/否)$/iu, 'boolean'],
  [/^(enum|enumeration|枚举|选项)$/iu, 'enum'],
  [/^(judgement|judgment|判断|研判|决策判断)$/iu, 'judgement'],
];
const WARNING_SUFFIX = /预警$/u;

type Node = Record<string, unknown> & { place: Place; fields: Record<string, Place> };

/**
 * Builds one model node from a row's cells (keyed by field name). Returns undefined when a key cell is empty
 * (reported at the cell). Durations, triggers, level specs and role references stay raw for the finish pass.
 */
export function buildRow(kind: TableKind, cells: Map<string, Cell>, rowPlace: Place, ctx: Ctx): Node | undefined {
  let keep = true;
  for (const field of REQUIRED[kind]) {
    const cell = cells.get(field);
    if (cell && !isNone(cell.text)) continue;
    report(ctx, 'parse/missing-field', 'error', `Unexpected empty \`${field}\` cell in the ${kind} table, expected a value`,
      `${KIND_ZH[kind]}的 \`${field}\` 单元格为空，应填写`, cell?.place ?? rowPlace);
    if (KEYS[kind].includes(field)) keep = false;
  }
  if (!keep) return undefined;
  // Fields in column order, then defaults, then place/fields (stable, readable JSON).
  const node = {} as Node;
  const fields: Record<string, Place> = {};
  for (const [field, cell] of cells) {
    // An empty cell still has a place: "no deputy" / "no deadline" findings point at the empty cell.
    if (isNone(cell.text)) { fields[field] = cell.place; continue; }
    const value = convert(kind, field, CONVERT[kind][field] ?? 'text', cell, node, fields, ctx, cells);
    if (value === undefined) continue;
    node[field] = value;
    fields[field] = cell.place;
  }
  for (const f of ARRAYS[kind]) node[f] ??= [];
  for (const [f, v] of Object.entries(DEFAULTS[kind] ?? {})) node[f] ??= v;
  if (kind === 'roles' || kind === 'resources') node.name ??= node.id; // as the YAML reader does
  if (kind === 'warnings' && node.colour === undefined) {
    node.colour = parseColour(String(node.id).replace(WARNING_SUFFIX, ''));
    if (!node.colour && isNone(cells.get('colour')?.text)) {
      report(ctx, 'parse/missing-field', 'error', 'Unexpected warning without a colour, expected a `colour` column (red, orange, yellow, blue)',
        '预警缺少颜色，应有 `颜色` 列（红、橙、黄、蓝）', rowPlace);
    }
    node.colour ??= 'blue';
  }
  node.place = rowPlace;
  node.fields = fields;
  return node;
}

function convert(kind: TableKind, field: string, conv: Conv, cell: Cell, node: Node, fields: Record<string, Place>, ctx: Ctx, cells: Map<string, Cell>): unknown {
  const { text, place } = cell;
  switch (conv) {
    case 'text': return text;
    case 'list': return splitList(text);
    case 'duties': return splitDuties(text);
    case 'levels': node.levelsText = text; fields.levels = place; return undefined;
    case 'levelRef': return parseLevelId(text).id;
    case 'levelId': {
      const { id, name } = parseLevelId(text);
      if (name !== undefined && node.name === undefined) { node.name = name; fields.name = place; }
      return id;
    }
    case 'duration': return pendingDuration(text, place);
    case 'trigger': return trigger(cell, ctx);
    case 'resources': return resourceUses(cell, ctx);
    case 'colour': {
      const colour = parseColour(text);
      if (!colour) {
        report(ctx, 'parse/schema', 'error', `Unexpected colour \`${text}\`, expected red, orange, yellow or blue`,
          `无法识别的颜色 \`${text}\`，应为红、橙、黄、蓝（red、orange、yellow、blue）`, place);
      }
      return colour;
    }
    case 'factType': {
      const type = FACT_TYPES.find(([re]) => re.test(text))?.[1];
      if (type) return type;
      report(ctx, 'parse/schema', 'error', `Unexpected fact type \`${text}\`, expected number, integer, boolean, enum or judgement`,
        `无法识别的要素类型 \`${text}\`，应为 number、integer、boolean、enum 或 judgement（判断）`, place);
      return undefined;
    }
    case 'number': {
      const n = parseNumber(text);
      if (n !== undefined) return n;
      // A resource quantity may carry its unit (`800 m3`, `1.5万吨`); the unit column, when written, must agree.
      const withUnit = kind === 'resources' && field === 'quantity' ? readNumberCell(text, true) : undefined;
      if (withUnit?.unit !== undefined) {
        const written = cells.get('unit')?.text;
        if (written !== undefined && !isNone(written) && written.trim() !== withUnit.unit) {
          report(ctx, 'parse/schema', 'error', `Unexpected unit \`${withUnit.unit}\` in the quantity, expected the unit column's \`${written.trim()}\``,
            `数量中的单位 \`${withUnit.unit}\` 与单位列的 \`${written.trim()}\` 不一致`, place);
          return undefined;
        }
        if (node.unit === undefined) { node.unit = withUnit.unit; fields.unit = place; }
        return withUnit.value;
      }
      report(ctx, 'parse/schema', 'error', `Unexpected \`${text}\` in the \`${field}\` column, expected a number (8, 1,000, 1.5万)`,
        `\`${field}\` 列的 \`${text}\` 应为数字（如 8、1,000、1.5万）`, place);
      return undefined;
    }
  }
}

/** A trigger with the file offset of its text (inside the code span when the cell holds one). */
function trigger(cell: Cell, ctx: Ctx): Trigger {
  const first = cell.node.children[0];
  const from = cell.place.start.offset + (first?.type === 'inlineCode' ? 1 : 0);
  const offset = locate(ctx.source, cell.text, from, cell.place.end.offset);
  if (offset === undefined) return { text: cell.text, place: cell.place };
  return { text: cell.text, place: placeAt(ctx.source, cell.place.start, offset, cell.text.length), textOffset: offset };
}

/** Resource demands, each placed where its part of the cell is written. */
function resourceUses(cell: Cell, ctx: Ctx): ResourceUse[] {
  const out: ResourceUse[] = [];
  let cursor = cell.place.start.offset;
  for (const part of splitList(cell.text)) {
    const use: ResourceUse = { ...parseResourceUses(part)[0] };
    const at = locate(ctx.source, part, cursor, cell.place.end.offset);
    if (at !== undefined) { use.place = placeAt(ctx.source, cell.place.start, at, part.length); cursor = at + part.length; }
    else use.place = cell.place;
    out.push(use);
  }
  return out;
}
