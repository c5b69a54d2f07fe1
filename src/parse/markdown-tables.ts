import type { Table } from 'mdast';
import type { Plan, SectionKey } from '../model/plan.js';
import { closest } from '../expr/closest.js';
import { COLUMN_ALIASES, columnField, guessTableKind, type TableKind } from './columns.js';
import type { Trigger } from '../model/plan.js';
import { contentPlace, placeOf, plainText, report, type Ctx } from './markdown-context.js';
import { buildRow, KIND_ZH, REQUIRED, type Cell } from './markdown-rows.js';

/** Table kind implied by the section a table sits in (SPEC.md). */
const SECTION_TABLES: Partial<Record<SectionKey, TableKind>> = {
  facts: 'facts', organization: 'roles', warning: 'warnings', levels: 'levels',
  procedure: 'steps', activation: 'steps', response: 'steps', escalation: 'escalations',
  resources: 'resources', supplies: 'resources', assurance: 'resources', reports: 'reports', information: 'reports',
  criteria: 'criteria', standby: 'standby', constraints: 'constraints',
};

/** The model array each table kind fills (criteria rows go to their level, see `addCriterion`). */
const TARGET: Record<Exclude<TableKind, 'criteria'>, 'facts' | 'roles' | 'warnings' | 'levels' | 'steps' | 'escalations' | 'resources' | 'reports' | 'standby' | 'constraints'> = {
  facts: 'facts', roles: 'roles', warnings: 'warnings', levels: 'levels', steps: 'steps',
  escalations: 'escalations', resources: 'resources', reports: 'reports', standby: 'standby', constraints: 'constraints',
};

/**
 * Reads a GFM table into model nodes when it is structured: its kind comes from the section key, else from its headers.
 * A guessed kind only counts when the table has that kind's required columns (an appendix contact list stays prose).
 * Returns false when the table is prose (left in the section text).
 */
export function readTable(table: Table, sectionKey: SectionKey | undefined, plan: Plan, ctx: Ctx): boolean {
  const header = table.children[0];
  if (!header) return false;
  const headers = header.children.map((c) => plainText(c));
  const fromSection = sectionKey ? SECTION_TABLES[sectionKey] : undefined;
  const kind = fromSection ?? guessTableKind(headers);
  if (!kind) return false;
  const cols = headers.map((h) => columnField(kind, h));
  const missing = REQUIRED[kind].filter((f) => !cols.includes(f));
  if (!fromSection && missing.length) return false;

  const seen = new Set<string>();
  cols.forEach((field, i) => {
    const place = contentPlace(header.children[i]);
    if (!field) {
      const { en, zh, near } = columnNames(kind, headers[i]);
      report(ctx, 'parse/unknown-column', 'error',
        `Unexpected column \`${headers[i]}\` in the ${kind} table, expected ${near ? `\`${near}\` or ` : ''}one of: ${en.join(', ')}`,
        `${KIND_ZH[kind]}中有未知的列 \`${headers[i]}\`，${near ? `是否应为 \`${near}\`？` : ''}可用的列：${zh.join('、')}`, place);
    } else if (seen.has(field)) {
      report(ctx, 'parse/unknown-column', 'error', `Unexpected second \`${field}\` column \`${headers[i]}\` in the ${kind} table, expected each column once`,
        `${KIND_ZH[kind]}中 \`${field}\` 列重复（\`${headers[i]}\`），每列只能出现一次`, place);
      cols[i] = undefined;
    } else seen.add(field);
  });
  if (missing.length) {
    const list = missing.map((f) => `\`${f}\``).join(', ');
    report(ctx, 'parse/missing-field', 'error', `Unexpected ${kind} table without ${list} column, expected columns ${REQUIRED[kind].join(', ')}`,
      `${KIND_ZH[kind]}缺少 ${missing.map((f) => `\`${f}\``).join('、')} 列，应包含 ${REQUIRED[kind].join('、')} 列`, placeOf(header));
    return true;
  }

  const target = kind === 'criteria' ? undefined : plan[TARGET[kind]] as unknown[];
  const width = headers.length;
  for (let r = 1; r < table.children.length; r++) {
    const row = table.children[r];
    const cells = new Map<string, Cell>();
    let filled = false;
    for (let i = 0; i < row.children.length; i++) {
      const node = row.children[i];
      if (i >= width) {
        report(ctx, 'parse/syntax', 'warning', `Unexpected extra cell in a ${kind} table row, expected at most ${width} cells (the header has ${width} columns)`,
          `${KIND_ZH[kind]}的此行单元格多于表头的 ${width} 列，多出的内容将被忽略`, contentPlace(node));
        continue;
      }
      const text = plainText(node);
      if (text) filled = true;
      const field = cols[i];
      if (field) cells.set(field, { text, place: contentPlace(node), node });
    }
    if (!filled) continue;
    const built = buildRow(kind, cells, placeOf(row), ctx);
    if (!built) continue;
    // A value under an unknown header (期限 for 时限) is kept as unread, so a rule does not also call it missing.
    row.children.forEach((node, i) => {
      if (i < width && !cols[i] && plainText(node)) ((built as { unread?: Record<string, unknown> }).unread ??= {})[headers[i]] = contentPlace(node);
    });
    if (kind === 'criteria') addCriterion(plan, built, ctx);
    else if (kind === 'constraints') target!.push(asTrigger(built));
    else target!.push(built);
  }
  return true;
}

type Built = NonNullable<ReturnType<typeof buildRow>>;

const CJK = /[\u4e00-\u9fff]/u;

/**
 * The column names of a table kind in each language (the field names, and the first Chinese alias of every field),
 * and the alias nearest an unknown header (期限 → 时限), for the unknown-column message.
 */
function columnNames(kind: TableKind, header: string): { en: string[]; zh: string[]; near?: string } {
  const fields = Object.values(COLUMN_ALIASES[kind]);
  const en = Object.keys(COLUMN_ALIASES[kind]);
  const zh = fields.map((a, i) => a.find((x) => CJK.test(x)) ?? en[i]);
  const near = closest(header.trim().toLowerCase(), fields.flat());
  return { en, zh, near };
}

/** A grading-criterion row (级别 | 条件 | 原文) joins its level's criteria; the level must be declared above it. */
function addCriterion(plan: Plan, row: Built, ctx: Ctx): void {
  const level = plan.levels.find((l) => l.id === row.level);
  if (!level) {
    const ids = plan.levels.map((l) => l.id);
    report(ctx, 'parse/unknown-level', 'error', `Unexpected criterion for level \`${String(row.level)}\`, expected a level declared in the levels table above: ${ids.join(', ') || '(none)'}`,
      `分级标准中的级别 \`${String(row.level)}\` 未在上方的响应分级表中定义，应为：${ids.join('、') || '（无）'}`, row.fields.level ?? row.place);
    return;
  }
  level.criteria.push(asTrigger(row));
}

/** A criterion or constraint row as a Trigger: the condition (placed at its cell) with the row's note. */
function asTrigger(row: Built): Trigger {
  const t = row.when as Trigger;
  if (typeof row.note === 'string') t.note = row.note;
  return t;
}
