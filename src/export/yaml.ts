import stringWidth from 'string-width';
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, type Node as YamlNode } from 'yaml';
import type { Plan } from '../model/index.js';
import { DEFAULT_SCHEMA_URL, planToForm, type FormValue } from './form.js';

/** Options of the YAML export. */
export interface YamlExportOptions {
  /** Schema path or URL for the `# yaml-language-server: $schema=…` line (default `../../schemas/plan.schema.json`). */
  schemaUrl?: string;
}

/** Keys whose values are dates: written plain (`2024-03-01`), which yuan and YAML 1.2 read as a string. */
const DATE_KEYS = new Set(['issued', 'reviewed']);
/** Widest flow collection (in display columns, CJK counting 2) before block style is used. */
const FLOW_WIDTH = 88;
/** Widest record of a list written one `{ … }` per line. */
const ITEM_WIDTH = 120;

/** True when a YAML 1.1 reader (PyYAML, older tools) would read this plain string as something else (`no`, `1_000`, `12:30`). */
function misreadByYaml11(s: string): boolean {
  if (s.length > 64 || /[\n\r]/.test(s)) return false;
  try {
    const doc = parseDocument(s, { version: '1.1' });
    return doc.errors.length > 0 || doc.warnings.length > 0 || doc.toJS() !== s;
  } catch {
    return true; // e.g. `*x` is an alias to nothing
  }
}

/** Rough single-line width of a value in flow style. */
function flowWidth(v: FormValue): number {
  if (Array.isArray(v)) return 2 + v.reduce<number>((n, x) => n + flowWidth(x) + 2, 0);
  if (v !== null && typeof v === 'object') return 4 + Object.entries(v).reduce<number>((n, [k, x]) => n + k.length + 2 + flowWidth(x) + 2, 0);
  // Multi-line text never goes flow (it would be folded onto unreadable continuation lines).
  return /[\n\r]/.test(String(v)) ? Infinity : stringWidth(String(v)) + 2;
}

function isScalarValue(v: FormValue): boolean {
  return v === null || typeof v !== 'object';
}

/**
 * Styles the document: short lists of scalars and short flat maps inside lists go flow (`[a, b]`, `{ resource: scba,
 * quantity: 4 }`), everything else block; strings a YAML 1.1 reader would misread are double-quoted.
 */
function style(node: YamlNode | null, value: FormValue, key: string | undefined, depth: number): void {
  if (isScalar(node)) {
    if (typeof node.value === 'string' && !(key && DATE_KEYS.has(key)) && misreadByYaml11(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    return;
  }
  if (isSeq(node) && Array.isArray(value)) {
    const flat = value.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every(isScalarValue));
    if (value.every(isScalarValue) && flowWidth(value) <= FLOW_WIDTH) node.flow = true;
    else if (flat && depth >= 3 && flowWidth(value) <= FLOW_WIDTH) node.flow = true;
    else if (flat && value.length && value.every((v) => flowWidth(v) <= ITEM_WIDTH)) {
      // A list of short flat records (facts, escalations): one `{ … }` line each.
      for (const item of node.items) if (isMap(item)) item.flow = true;
    }
    node.items.forEach((item, i) => style(item as YamlNode, value[i], undefined, depth + 1));
    return;
  }
  if (isMap(node) && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const pair of node.items) {
      const k = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (k !== undefined) style(pair.value as YamlNode, value[k], k, depth + 1);
    }
  }
}

/** The YAML form of a plan (SPEC.md), with the yaml-language-server schema line first. */
export function exportYaml(plan: Plan, opts: YamlExportOptions = {}): string {
  const form = planToForm(plan);
  const doc = new Document(form);
  style(doc.contents as YamlNode, form, undefined, 0);
  // A blank line between the top-level blocks (plan, facts, roles …).
  if (isMap(doc.contents)) doc.contents.items.forEach((pair, i) => { if (i > 0 && isScalar(pair.key)) pair.key.spaceBefore = true; });
  const body = doc.toString({ lineWidth: 0, indentSeq: true, flowCollectionPadding: false });
  return `# yaml-language-server: $schema=${opts.schemaUrl ?? DEFAULT_SCHEMA_URL}\n${body}`;
}

/** YAML text of one flat map (used for Markdown front matter), styled like the YAML export. */
export function yamlOfMap(map: Record<string, FormValue>): string {
  const doc = new Document(map);
  style(doc.contents as YamlNode, map, undefined, 0);
  return doc.toString({ lineWidth: 0, indentSeq: true, flowCollectionPadding: false });
}
