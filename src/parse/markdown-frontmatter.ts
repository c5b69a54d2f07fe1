import type { Yaml } from 'mdast';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { Place, Point } from '../model/place.js';
import type { PlanMeta } from '../model/plan.js';
import { META_ALIASES, metaField, parseKind } from './fields.js';
import { placeAt, placeOf, report, type Ctx } from './markdown-context.js';

/** What the front matter gave: meta values as written (strings; maps for `source` and `bounds`), their places, and the block's place. */
export interface FrontMatter {
  values: Record<string, string | Record<string, string | string[]>>;
  fields: Record<string, Place>;
  place: Place;
  /** True when the YAML had syntax errors (already reported; missing-field checks are skipped to avoid noise). */
  broken: boolean;
}

const YAML_OPTIONS = { maxAliasCount: 50, uniqueKeys: true } as const;
const DATE_FIELDS = new Set(['issued', 'reviewed']);
/** Meta fields whose value is a map of strings. */
const MAP_FIELDS = new Set(['source', 'bounds', 'scope']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const YAML_AT = / at line \d+, column \d+:?$/;

/**
 * Reads the YAML front matter block into raw meta values. YAML errors and unknown keys are reported at their file
 * positions (the YAML text starts on the line after the opening `---`). Never throws.
 */
export function readFrontMatter(node: Yaml, ctx: Ctx): FrontMatter {
  const fm: FrontMatter = { values: {}, fields: {}, place: placeOf(node), broken: false };
  const value = node.value;
  if (!value.trim()) return fm;
  const nodeStart = fm.place.start.offset;
  const found = ctx.source.indexOf(value, nodeStart);
  const valueStart = found >= 0 ? found : nodeStart + 4;
  const origin: Point = { line: fm.place.start.line + 1, column: 1, offset: valueStart };
  const at = (range: readonly number[] | null | undefined): Place =>
    range ? placeAt(ctx.source, origin, valueStart + range[0], Math.max(0, range[1] - range[0])) : fm.place;

  const lineCounter = new LineCounter();
  const doc = parseDocument(value, { ...YAML_OPTIONS, lineCounter });
  fm.broken = doc.errors.length > 0;
  for (const e of doc.errors) {
    const msg = e.message.split('\n')[0].replace(YAML_AT, '');
    report(ctx, 'parse/front-matter', 'error', `Unexpected front matter: ${msg}`, `前置元数据（front matter）有误：${msg}`, at(opening(msg, value, e.pos)));
  }
  for (const w of doc.warnings) {
    const msg = w.message.split('\n')[0].replace(YAML_AT, '');
    report(ctx, 'parse/front-matter', 'warning', `Unexpected front matter: ${msg}`, `前置元数据（front matter）警告：${msg}`, at(w.pos));
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return fm;
  if (!isMap(root)) {
    report(ctx, 'parse/front-matter', 'error', 'Unexpected front matter, expected `key: value` lines',
      '前置元数据应为 `键: 值` 形式', at(root.range));
    return fm;
  }
  for (const pair of root.items) {
    const key = pair.key as YamlNode | null;
    if (!isScalar(key) || key.value === null) continue;
    const keyText = String(key.value);
    const field = metaField(keyText);
    if (!field) {
      const expected = Object.keys(META_ALIASES).join(', ');
      report(ctx, 'parse/front-matter', 'warning', `Unexpected front-matter key \`${keyText}\`, expected one of: ${expected}`,
        `未知的前置元数据键 \`${keyText}\`，应为：${expected}`, at(key.range));
      continue;
    }
    const valueNode = resolve(pair.value as YamlNode | null, doc);
    if (valueNode === null) continue;
    const place = at(valueNode.range);
    if (MAP_FIELDS.has(field) && isMap(valueNode)) {
      const map: Record<string, string | string[]> = {};
      for (const item of valueNode.items) {
        const k = item.key as YamlNode | null;
        const v = resolve(item.value as YamlNode | null, doc);
        if (!isScalar(k)) continue;
        if (isScalar(v)) { const t = scalarText(v.value, v.source); if (t !== undefined) map[String(k.value)] = t; }
        else if (isSeq(v)) map[String(k.value)] = v.items.map((x) => (isScalar(x) ? scalarText(x.value, x.source) : undefined)).filter((x): x is string => x !== undefined);
      }
      fm.values[field] = map;
      fm.fields[field] = place;
      continue;
    }
    if (!isScalar(valueNode)) {
      if (fm.broken) continue;
      report(ctx, 'parse/front-matter', 'error', `Unexpected list or map for \`${keyText}\`, expected a single value`,
        `\`${keyText}\` 应为单个值，不能是列表或映射`, place);
      continue;
    }
    const text = scalarText(valueNode.value, valueNode.source);
    if (text === undefined) continue;
    if (DATE_FIELDS.has(field) && !ISO_DATE.test(text)) {
      report(ctx, 'parse/front-matter', 'warning', `Unexpected date \`${text}\` for \`${keyText}\`, expected YYYY-MM-DD`,
        `\`${keyText}\` 的日期 \`${text}\` 应为 YYYY-MM-DD 格式`, place);
    }
    fm.values[field] = text;
    fm.fields[field] = place;
  }
  return fm;
}

/**
 * YAML reports an unclosed `[`, `{` or quote where it gave up (the next line, or the end of the text); the author's
 * mistake is the opening character, so point there when it can be found.
 */
function opening(message: string, text: string, pos: [number, number]): [number, number] {
  const flow = /^Flow (sequence|map)/.exec(message);
  const quote = /^Missing closing (["'])/.exec(message);
  let i = -1;
  if (flow) {
    const [open, close] = flow[1] === 'sequence' ? ['[', ']'] : ['{', '}'];
    for (let j = pos[0] - 1, depth = 0; j >= 0 && i < 0; j--) {
      if (text[j] === close) depth++;
      else if (text[j] === open && depth-- === 0) i = j;
    }
  } else if (quote) i = text.lastIndexOf(quote[1], pos[0] - 1);
  return i >= 0 ? [i, i + 1] : pos;
}

/** Follows an alias to the node it names (not expanded further: aliases cannot multiply here). */
function resolve(node: YamlNode | null, doc: Document): YamlNode | null {
  if (node && isAlias(node)) return (node.resolve(doc) as YamlNode | undefined) ?? null;
  return node;
}

/** A scalar as the author wrote it: strings as is, dates as ISO dates, numbers/booleans in their source spelling (`3.0`). */
function scalarText(value: unknown, source: string | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return source;
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  return source ?? String(value);
}

/** The plan kind implied by a title's suffix (综合应急预案 / 专项应急预案 / 现场处置方案), if any. */
export function kindFromTitle(title: string | undefined): PlanMeta['kind'] | undefined {
  const m = /(综合应急预案|总体应急预案|专项应急预案|现场处置方案)$/u.exec(title?.trim() ?? '');
  return m ? parseKind(m[1]) : undefined;
}
