import { Composer, isMap, isScalar, Parser, visit, YAMLParseError, type CST, type Document, type YAMLError } from 'yaml';
import type { Diagnostic, Severity } from '../diagnostics.js';
import type { Place, Plan } from '../model/index.js';
import { finishPlan } from './finish.js';
import { LineIndex } from './position.js';
import { validatePlanValue } from './schema.js';
import { buildPlan, isoDate, keyNodeAt, nodeAt, placeOfNode } from './yaml-build.js';
import { cstTooDeep, MAX_YAML_DEPTH, unclosedQuote, valueTooDeep } from './yaml-depth.js';

/** Most alias expansions a plan may use before it is refused as an alias bomb ("billion laughs"). */
export const MAX_YAML_ALIASES = 100;

/** What parsing a YAML plan gives: the plan (when the file could be read as one) and every diagnostic. */
export interface YamlParseResult {
  plan?: Plan;
  diagnostics: Diagnostic[];
}

/**
 * Parses a plan in the YAML form (or JSON, which is YAML) into the Plan model. YAML syntax errors, alias bombs,
 * over-deep nesting and schema violations become diagnostics with exact places; the plan is still built from the
 * valid parts when the file is syntactically sound. Never throws.
 */
export function parseYaml(source: string, file: string): YamlParseResult {
  const diagnostics: Diagnostic[] = [];
  const lines = new LineIndex(source);
  try {
    const plan = parseInto(source, file, lines, diagnostics);
    return plan ? { plan, diagnostics } : { diagnostics };
  } catch (err) {
    diagnostics.push(diag('parse/internal', 'error', `Unexpected internal error while reading YAML: ${(err as Error)?.message ?? String(err)}`,
      `读取 YAML 时发生内部错误：${(err as Error)?.message ?? String(err)}`, file, lines.place(0, 0)));
    return { diagnostics };
  }
}

function diag(ruleId: string, severity: Severity, message: string, messageZh: string, file: string, place: Place | undefined): Diagnostic {
  return { ruleId, severity, message, messageZh, file, place: place ?? { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } };
}

function parseInto(source: string, file: string, lines: LineIndex, diagnostics: Diagnostic[]): Plan | undefined {
  const at1 = lines.place(0, 0);

  // 1. CST (the `yaml` tokenizer and CST parser are iterative), then refuse deep nesting before the recursive composer.
  const tokens: CST.Token[] = Array.from(new Parser().parse(source));
  const deepAt = cstTooDeep(tokens);
  if (deepAt !== undefined) {
    diagnostics.push(tooDeep(file, lines.place(deepAt, deepAt + 1)));
    return undefined;
  }

  // 2. Compose one document, exactly as `parseDocument(source, { uniqueKeys: true, prettyErrors: false })` does.
  const composer = new Composer({ uniqueKeys: true, prettyErrors: false });
  let doc: Document.Parsed | undefined;
  for (const d of composer.compose(tokens, true, source.length)) {
    if (!doc) doc = d;
    else {
      doc.errors.push(new YAMLParseError([d.range[0], d.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
      break;
    }
  }
  if (!doc) return undefined;
  for (const e of doc.errors) {
    // An unclosed quote is noticed at the end of the file: point at the quote that opened it.
    const quote = e.code === 'MISSING_CHAR' && /quote/i.test(e.message) ? unclosedQuote(tokens) : undefined;
    if (quote !== undefined) e.pos = [quote, quote + 1];
    diagnostics.push(syntaxDiagnostic(e, 'error', file, lines));
  }
  for (const w of doc.warnings) diagnostics.push(syntaxDiagnostic(w, 'warning', file, lines));
  if (doc.errors.length) return undefined;

  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) {
    diagnostics.push(diag('parse/schema', 'error', 'Unexpected empty plan, expected a map with at least `plan: {id, title, kind}`',
      '预案为空，至少应包含 `plan:`（id、title、kind）', file, at1));
    return undefined;
  }

  // 3. To JS, refusing alias bombs (the `yaml` library throws once expansions exceed maxAliasCount).
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (err) {
    const msg = (err as Error)?.message ?? String(err);
    if (/alias count|resource exhaustion/i.test(msg)) {
      diagnostics.push(diag('parse/alias-bomb', 'error',
        `Unexpected alias bomb: the document expands to more than ${MAX_YAML_ALIASES} aliased nodes, expected a plan without exponential aliases`,
        `YAML 别名展开超过 ${MAX_YAML_ALIASES} 个节点（疑似“别名炸弹”攻击），已拒绝`, file, firstAliasPlace(doc, lines) ?? at1));
    } else {
      diagnostics.push(diag('parse/syntax', 'error', `Unexpected YAML: ${msg}`, `YAML 错误：${msg}`, file, firstAliasPlace(doc, lines) ?? at1));
    }
    return undefined;
  }
  if (valueTooDeep(value)) {
    diagnostics.push(tooDeep(file, firstAliasPlace(doc, lines) ?? at1));
    return undefined;
  }
  value = normaliseDates(value);

  if (!isMap(root)) {
    diagnostics.push(diag('parse/schema', 'error', 'Unexpected list or scalar at the top level, expected a map with `plan:`, `steps:` …',
      '顶层应为映射（`plan:`、`steps:` 等），不能是列表或单个值', file, placeOfNode(root, lines) ?? at1));
    return undefined;
  }

  // 4. Schema: every violation, placed at its node (the key for unexpected keys).
  const schemaDiagnostics = validatePlanValue(value).map((e) => {
    const node = e.target === 'key' && e.property !== undefined
      ? keyNodeAt(doc, e.instancePath, e.property) ?? nodeAt(doc, e.instancePath).node
      : nodeAt(doc, e.instancePath).node;
    return diag('parse/schema', 'error', e.message, e.messageZh, file, placeOfNode(node, lines) ?? at1);
  });
  diagnostics.push(...schemaDiagnostics.sort((a, b) => a.place!.start.offset - b.place!.start.offset));

  // 5. The model from whatever is valid, then the shared finish pass.
  const plan = buildPlan({ doc, source, lines, file }, root);
  return finishPlan(plan, source, diagnostics);
}

function tooDeep(file: string, place: Place): Diagnostic {
  return diag('parse/too-deep', 'error', `Unexpected nesting deeper than ${MAX_YAML_DEPTH} levels, expected a plan nested a few levels deep`,
    `YAML 嵌套超过 ${MAX_YAML_DEPTH} 层，已拒绝（预案通常只需几层）`, file, place);
}

function firstAliasPlace(doc: Document, lines: LineIndex): Place | undefined {
  let place: Place | undefined;
  visit(doc, { Alias(_key, node) { place = placeOfNode(node, lines); return visit.BREAK; } });
  return place;
}

/** YAML 1.1 timestamps (`%YAML 1.1`) come back as Dates: plans store ISO date strings. Depth is already bounded. */
function normaliseDates(value: unknown, depth = 0): unknown {
  if (value instanceof Date) return isoDate(value) ?? String(value);
  if (value === null || typeof value !== 'object' || depth > MAX_YAML_DEPTH) return value;
  if (Array.isArray(value)) return value.map((v) => normaliseDates(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = normaliseDates(v, depth + 1);
  return out;
}

const CODE_ZH: Record<string, string> = {
  ALIAS_PROPS: '别名不能带锚点或标签',
  BAD_ALIAS: '别名无效',
  BAD_DIRECTIVE: '指令无效',
  BAD_DQ_ESCAPE: '双引号字符串中的转义序列无效',
  BAD_INDENT: '缩进不正确',
  BAD_PROP_ORDER: '锚点与标签的位置不正确',
  BAD_SCALAR_START: '值不能以此字符开头（请加引号）',
  BLOCK_AS_IMPLICIT_KEY: '块结构不能作为键',
  BLOCK_IN_FLOW: '流式集合（[]、{}）中不能包含块结构',
  DUPLICATE_KEY: '重复的键',
  IMPOSSIBLE: '解析器内部错误',
  KEY_OVER_1024_CHARS: '键超过 1024 个字符',
  MISSING_CHAR: '缺少字符（如右引号、右括号）',
  MULTILINE_IMPLICIT_KEY: '键必须写在同一行',
  MULTIPLE_ANCHORS: '一个节点有多个锚点',
  MULTIPLE_DOCS: '文件包含多个 YAML 文档（`---`），一个文件只能写一个预案',
  MULTIPLE_TAGS: '一个节点有多个标签',
  NON_STRING_KEY: '键必须是字符串',
  TAB_AS_INDENT: '不能用制表符（Tab）缩进，请用空格',
  TAG_RESOLVE_FAILED: '无法识别的标签',
  UNEXPECTED_TOKEN: '意外的符号',
  BAD_COLLECTION_TYPE: '集合类型不符',
};

/** A YAML library error/warning as a `parse/syntax` diagnostic at its exact place. */
function syntaxDiagnostic(e: YAMLError, severity: Severity, file: string, lines: LineIndex): Diagnostic {
  const [start, end] = e.pos;
  const place = lines.place(start, Math.max(start, end));
  const msg = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  if (e.code === 'DUPLICATE_KEY') {
    const key = lines.text.slice(start, start + 200).split(/:[\s,}]|\n/, 1)[0].trim();
    return diag('parse/syntax', severity, `Unexpected duplicate key \`${key}\`, expected each key once per map`,
      `重复的键 \`${key}\`，同一映射中每个键只能出现一次`, file, place);
  }
  const zh = CODE_ZH[e.code] ?? 'YAML 语法错误';
  return diag('parse/syntax', severity, `Unexpected YAML syntax: ${msg}`, `YAML 语法错误：${zh}（${msg}）`, file, place);
}
