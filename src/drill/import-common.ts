import type { Diagnostic, Severity } from '../diagnostics.js';
import type { Place } from '../model/index.js';
import { parseLevelId } from '../parse/fields.js';
import { LineIndex } from '../parse/position.js';
import { readCsv, type CsvCell } from './csv.js';
export { roleResolver } from './scenario-check.js';
import type { ActionKind } from './types.js';

/** A table read from CSV: `#` lines before the header, the header's columns mapped to canonical names, the rows. */
export interface Table<K extends string> {
  /** `# key: value` lines before the header, with the place of the value. */
  meta: { key: string; value: string; place: Place }[];
  rows: TableRow<K>[];
  lines: LineIndex;
}

/** One data row: its cells by canonical column, and the place of the whole row. */
export interface TableRow<K extends string> {
  cells: Partial<Record<K, CsvCell>>;
  place: Place;
  /** 1-based record number (the header is record 1), for messages. */
  record: number;
}

/** A diagnostic sink for one file. */
export type Report = (ruleId: string, severity: Severity, message: string, messageZh: string, place: Place | undefined) => void;

export function reporter(file: string, diagnostics: Diagnostic[]): Report {
  return (ruleId, severity, message, messageZh, place) => diagnostics.push({ ruleId, severity, message, messageZh, file, place });
}

/** Lowercase, no spaces or trailing colon, full-width folded: the form header cells are compared in. */
function headerKey(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase().replace(/[:：]$/, '').replace(/\s+/g, ' ');
}

/**
 * Reads a CSV table: `#` lines before the header (metadata `# key: value`, or comments), a header row whose cells
 * are matched against `columns` (canonical name → accepted headers, Chinese and English), then data rows.
 * Unknown columns are ignored (with a warning unless listed in `ignore`), missing `required` columns are errors,
 * ragged rows are warnings, malformed quoting is reported where it happens.
 */
export function readTable<K extends string>(csv: string, report: Report, columns: Record<K, string[]>, required: K[], ignore: string[] = []): Table<K> | undefined {
  const text = csv.charCodeAt(0) === 0xfeff ? csv.slice(1) : csv;
  const lines = new LineIndex(text);
  // `#` lines (and blank lines) before the header are metadata or comments, read before the CSV so that their
  // commas and quotes mean nothing. A header cell that is just `#` (an "event #" column) is not a comment.
  const meta: Table<K>['meta'] = [];
  let from = 0;
  for (;;) {
    const eol = text.slice(from).search(/\r\n|\n|\r/);
    const line = eol < 0 ? text.slice(from) : text.slice(from, from + eol);
    const comment = /^\s*#(?![,;\t]|\s*$)/.test(line);
    if (!comment && line.trim()) break;
    const m = /^\s*#\s*([A-Za-z][\w.]*)\s*[:：]\s*(.*?)\s*$/.exec(line);
    if (m) {
      meta.push({ key: m[1], value: m[2], place: lines.place(from + line.trimEnd().length - m[2].length, from + line.trimEnd().length) });
    }
    if (eol < 0) { from = text.length; break; }
    from += eol + (text.startsWith('\r\n', from + eol) ? 2 : 1);
  }
  const { rows, problems } = readCsv(text, { from });
  for (const p of problems) {
    if (p.kind === 'unclosed-quote') {
      report('import/csv', 'error', 'Unexpected end of file inside a quoted cell, expected a closing `"`', '引号内的单元格没有结束引号 `"`', lines.place(p.offset, p.offset + 1));
    } else {
      report('import/csv', 'warning', 'Unexpected text after a closing quote, expected a delimiter (the text is kept)', '结束引号后还有文字，应紧跟分隔符（该文字已保留）', lines.place(p.offset, p.offset + 1));
    }
  }
  const header = rows[0];
  if (!header) {
    report('import/column', 'error', 'Unexpected empty table, expected a header row and data rows', '表格为空，应有表头行和数据行', lines.place(0, 0));
    return undefined;
  }
  const byHeader = new Map<string, K>();
  for (const [name, aliases] of Object.entries(columns) as [K, string[]][]) for (const a of [name, ...aliases]) byHeader.set(headerKey(a), name);
  const ignored = new Set(ignore.map(headerKey));
  const index: [number, K][] = [];
  const seen = new Set<K>();
  header.cells.forEach((c, i) => {
    const key = headerKey(c.value);
    const name = byHeader.get(key);
    const place = lines.place(c.start, c.end);
    if (name && !seen.has(name)) { index.push([i, name]); seen.add(name); return; }
    if (name) report('import/column', 'warning', `Unexpected second \`${c.value}\` column, expected each column once (ignored)`, `重复的列 \`${c.value}\`（已忽略）`, place);
    else if (key && !ignored.has(key)) {
      const known = Object.values<string[]>(columns).map((a) => a[0]).join(', ');
      report('import/column', 'warning', `Unexpected column \`${c.value}\`, expected one of: ${known} (ignored)`, `无法识别的列 \`${c.value}\`，应为：${known.replace(/, /g, '、')}（已忽略）`, place);
    }
  });
  for (const r of required) {
    if (!seen.has(r)) {
      report('import/column', 'error', `Missing column \`${columns[r][0]}\`, expected a header such as ${columns[r].slice(0, 3).map((a) => `\`${a}\``).join(', ')}`,
        `缺少 \`${columns[r][0]}\` 列，表头应包含 ${columns[r].slice(0, 3).map((a) => `\`${a}\``).join('、')} 等`, lines.place(header.cells[0].start, header.cells[header.cells.length - 1].end));
    }
  }
  if (required.some((r) => !seen.has(r))) return undefined;

  const out: TableRow<K>[] = [];
  rows.slice(1).forEach((row, i) => {
    const last = row.cells[row.cells.length - 1];
    const place = lines.place(row.cells[0].start, last.end);
    if (row.cells.length > header.cells.length && row.cells.slice(header.cells.length).some((c) => c.value.trim())) {
      const extra = row.cells[header.cells.length];
      report('import/ragged', 'warning', `Unexpected ${row.cells.length} cells in a row of a ${header.cells.length}-column table, expected ${header.cells.length} (extra cells ignored; quote cells that contain commas)`,
        `该行有 ${row.cells.length} 个单元格，表头只有 ${header.cells.length} 列（多余的单元格已忽略；含逗号的单元格请加引号）`, lines.place(extra.start, last.end));
    }
    const cells: Partial<Record<K, CsvCell>> = {};
    for (const [col, name] of index) {
      const c = row.cells[col];
      if (c) cells[name] = { ...c, value: c.value.trim() };
    }
    out.push({ cells, place, record: i + 2 });
  });
  return { meta, rows: out, lines };
}

/** The place of a cell (the whole row's place for a missing cell). */
export function cellPlace<K extends string>(table: Table<K>, row: TableRow<K>, col: K): Place {
  const c = row.cells[col];
  return c ? table.lines.place(c.start, c.end) : row.place;
}

/** Recipients cells split on 、，,；;/ and line breaks. */
export function splitRoles(text: string): string[] {
  return text.split(/\s*(?:[、，,；;/\n]|\s\/\s)\s*/u).map((s) => s.trim()).filter(Boolean);
}

/** What an action text says it is. */
export interface Inferred {
  kind: ActionKind;
  level?: string;
  to?: string;
}

const LEVEL_WORD = String.raw`(?:Ⅰ|Ⅱ|Ⅲ|Ⅳ|IV|I{1,3}|[一二三四1-4])`;
/** "启动III级响应", "升级为Ⅱ级应急响应", "宣布启动二级响应". */
const LEVEL_ZH = new RegExp(String.raw`(?:启动|宣布|升级为|升级至|升为|提升为|提升至|提升到|调整为|调整至|降为|降低为|降级为|降至|启用)[^，。,;；]{0,6}?(${LEVEL_WORD})\s*级(?:应急)?响应`, 'u');
/** "Declare Level III", "activate a Level 2 response", "escalate to Level II". */
const LEVEL_EN = new RegExp(String.raw`\b(?:declare[sd]?|activate[sd]?|start(?:s|ed)?|escalate[sd]?(?: to)?|raise[sd]?(?: to)?|upgrade[sd]?(?: to)?|downgrade[sd]?(?: to)?|step(?:s|ped)? down to)\b[^,.;]{0,12}?\blevel\s+(${LEVEL_WORD})\b`, 'iu');
const PROPOSE = /建议|提出|拟|propos|recommend|suggest/iu;
const NOTIFY = /^(?:电话|立即|及时)?(?:通知|告知|通报|notify|notified|inform|informed|call|called|alert|alerted)\s*[:：]?\s*(.+?)(?:到场|到位|赶赴现场|集合)?[。.]?$/iu;
const ACK = /^(?:收到|已收到|明白|确认收到|回复确认|已确认|acknowledged?|ack|roger|copy(?: that)?)(?:[，,。.!！\s].*)?$/iu;
const TERMINATE = /(?:宣布|决定)?(?:应急)?响应终止|终止(?:应急)?响应|宣布(?:应急)?(?:处置)?结束|declare[sd]?\b.*\b(?:over|ended|terminated|stand[- ]?down)|terminate[sd]?\b.*\bresponse|stand[- ]down/iu;

/**
 * Infers what kind of action a free text is: a level declaration ("启动III级响应", "Declare Level II"; a proposal
 * "建议启动III级响应" is not one), a notification of a known role ("通知副总指挥"), an acknowledgement ("收到"),
 * a termination ("宣布响应终止"); anything else is a step, matched to a plan step by the engine.
 */
export function inferAction(text: string, resolveRole: (t: string) => string | undefined): Inferred {
  const t = text.trim();
  if (TERMINATE.test(t)) return { kind: 'terminate' };
  if (!PROPOSE.test(t)) {
    const m = LEVEL_ZH.exec(t) ?? LEVEL_EN.exec(t);
    if (m) return { kind: 'level', level: parseLevelId(`${m[1]}级`).id };
  }
  if (ACK.test(t)) return { kind: 'ack' };
  const n = NOTIFY.exec(t);
  if (n) {
    const to = resolveRole(n[1].replace(/^(?:the)\s+/i, ''));
    if (to) return { kind: 'notify', to };
  }
  return { kind: 'step' };
}
