import { Composer, Parser, visit, YAMLParseError, type CST, type Document, type YAMLError } from 'yaml';
import type { Diagnostic, Severity } from '../diagnostics.js';
import type { Place } from '../model/index.js';
import { LineIndex } from './position.js';
import type { SchemaError } from './schema.js';
import { prescanYaml } from './prescan.js';
import { keyNodeAt, nodeAt, placeOfNode } from './yaml-nodes.js';
import { cstTooDeep, MAX_YAML_DEPTH, unclosedQuote, valueTooDeep } from './yaml-depth.js';

/** Most alias expansions a YAML file may use before it is refused as an alias bomb ("billion laughs"). */
export const MAX_YAML_ALIASES = 100;

/** What a YAML file holds, for messages: `{ en: 'plan', zh: '预案' }` (the English noun takes "a"). */
export interface YamlWhat {
  en: string;
  zh: string;
}

/** What composing a YAML file gives: the document and its JS value when the YAML itself is sound, and every diagnostic. */
export interface ComposedYaml {
  /** The one document, when it has no syntax errors and is neither an alias bomb nor nested too deep. */
  doc?: Document.Parsed;
  /** Its JS value (aliases expanded), present exactly when `doc` is. */
  value?: unknown;
  lines: LineIndex;
  /** Syntax errors and warnings, or the alias-bomb / too-deep refusal. */
  diagnostics: Diagnostic[];
}

/** A diagnostic at `place`, or at 1:1 when there is none. */
export function yamlDiagnostic(ruleId: string, severity: Severity, message: string, messageZh: string, file: string, place: Place | undefined): Diagnostic {
  return { ruleId, severity, message, messageZh, file, place: place ?? { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } };
}

/**
 * Composes the one YAML document of a file and its JS value, refusing what no reader should go on with: syntax
 * errors (and a second document), nesting deeper than MAX_YAML_DEPTH (checked on the CST before the recursive
 * composer, and again after alias expansion) and alias bombs. Messages name `what` the file should be. Throws only
 * on internal errors.
 */
export function composeYaml(source: string, file: string, opts: { what: YamlWhat }): ComposedYaml {
  const { what } = opts;
  const lines = new LineIndex(source);
  const diagnostics: Diagnostic[] = [];
  const at1 = lines.place(0, 0);
  const tooDeep = (place: Place): Diagnostic => yamlDiagnostic('parse/too-deep', 'error',
    `Unexpected nesting deeper than ${MAX_YAML_DEPTH} levels, expected a ${what.en} nested a few levels deep`,
    `YAML 嵌套超过 ${MAX_YAML_DEPTH} 层，已拒绝（${what.zh}通常只需几层）`, file, place);

  // 0. The pre-scan: lone carriage returns and texts too large for the library to build are refused unparsed.
  const refused = prescanYaml(source, file);
  if (refused) return { lines, diagnostics: [refused] };

  // 1. CST (the `yaml` tokenizer and CST parser are iterative), then refuse deep nesting before the recursive composer.
  const tokens: CST.Token[] = Array.from(new Parser().parse(source));
  const deepAt = cstTooDeep(tokens);
  if (deepAt !== undefined) {
    diagnostics.push(tooDeep(lines.place(deepAt, deepAt + 1)));
    return { lines, diagnostics };
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
  if (!doc) return { lines, diagnostics };
  for (const e of doc.errors) {
    // An unclosed quote is noticed at the end of the file: point at the quote that opened it.
    const quote = e.code === 'MISSING_CHAR' && /quote/i.test(e.message) ? unclosedQuote(tokens) : undefined;
    if (quote !== undefined) e.pos = [quote, quote + 1];
    diagnostics.push(syntaxDiagnostic(e, 'error', file, lines, what));
  }
  for (const w of doc.warnings) diagnostics.push(syntaxDiagnostic(w, 'warning', file, lines, what));
  if (doc.errors.length) return { lines, diagnostics };

  // 3. To JS, refusing alias bombs (the `yaml` library throws once expansions exceed maxAliasCount).
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (err) {
    const msg = (err as Error)?.message ?? String(err);
    if (/alias count|resource exhaustion/i.test(msg)) {
      diagnostics.push(yamlDiagnostic('parse/alias-bomb', 'error',
        `Unexpected alias bomb: the document expands to more than ${MAX_YAML_ALIASES} aliased nodes, expected a ${what.en} without exponential aliases`,
        `YAML 别名展开超过 ${MAX_YAML_ALIASES} 个节点（疑似“别名炸弹”攻击），已拒绝`, file, firstAliasPlace(doc, lines) ?? at1));
    } else {
      diagnostics.push(yamlDiagnostic('parse/syntax', 'error', `Unexpected YAML: ${msg}`, `YAML 错误：${msg}`, file, firstAliasPlace(doc, lines) ?? at1));
    }
    return { lines, diagnostics };
  }
  if (valueTooDeep(value)) {
    diagnostics.push(tooDeep(firstAliasPlace(doc, lines) ?? at1));
    return { lines, diagnostics };
  }
  return { doc, value, lines, diagnostics };
}

/**
 * Schema violations as `parse/schema` diagnostics, each at its node (the key node for an unexpected key), in
 * source order.
 */
export function schemaDiagnostics(errors: readonly SchemaError[], doc: Document, lines: LineIndex, file: string): Diagnostic[] {
  const at1 = lines.place(0, 0);
  return errors.map((e) => {
    const node = e.target === 'key' && e.property !== undefined
      ? keyNodeAt(doc, e.instancePath, e.property) ?? nodeAt(doc, e.instancePath).node
      : nodeAt(doc, e.instancePath).node;
    return yamlDiagnostic('parse/schema', 'error', e.message, e.messageZh, file, placeOfNode(node, lines) ?? at1);
  }).sort((a, b) => a.place!.start.offset - b.place!.start.offset);
}

function firstAliasPlace(doc: Document, lines: LineIndex): Place | undefined {
  let place: Place | undefined;
  visit(doc, { Alias(_key, node) { place = placeOfNode(node, lines); return visit.BREAK; } });
  return place;
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
  MULTIPLE_TAGS: '一个节点有多个标签',
  NON_STRING_KEY: '键必须是字符串',
  TAB_AS_INDENT: '不能用制表符（Tab）缩进，请用空格',
  TAG_RESOLVE_FAILED: '无法识别的标签',
  UNEXPECTED_TOKEN: '意外的符号',
  BAD_COLLECTION_TYPE: '集合类型不符',
};

/** A YAML library error/warning as a `parse/syntax` diagnostic at its exact place. */
function syntaxDiagnostic(e: YAMLError, severity: Severity, file: string, lines: LineIndex, what: YamlWhat): Diagnostic {
  const [start, end] = e.pos;
  const place = lines.place(start, Math.max(start, end));
  const msg = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  if (e.code === 'DUPLICATE_KEY') {
    const key = lines.text.slice(start, start + 200).split(/:[\s,}]|\n/, 1)[0].trim();
    return yamlDiagnostic('parse/syntax', severity, `Unexpected duplicate key \`${key}\`, expected each key once per map`,
      `重复的键 \`${key}\`，同一映射中每个键只能出现一次`, file, place);
  }
  const zh = e.code === 'MULTIPLE_DOCS' ? `文件包含多个 YAML 文档（\`---\`），一个文件只能写一个${what.zh}` : CODE_ZH[e.code] ?? 'YAML 语法错误';
  return yamlDiagnostic('parse/syntax', severity, `Unexpected YAML syntax: ${msg}`, `YAML 语法错误：${zh}（${msg}）`, file, place);
}
