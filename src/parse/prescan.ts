/**
 * The pre-scan (预检): one linear pass over a plan's text before any parser sees it, so that every parse is bounded
 * in time and memory by the input's size. remark/micromark and the `yaml` library are fast on real plans, but some
 * shapes well under the 10 MB limit make them super-linear or let their memory run to gigabytes (100 KB of nested
 * `>`, 6 MB of short lines, a 3,000-level list, a 50,000-row table, thousands of lists in one section, thousands of
 * emphasis marks in one paragraph). The pre-scan measures those shapes and refuses, with a located diagnostic, what
 * is over a limit:
 *
 * | rule                       | what                                                                        | limit        |
 * |----------------------------|-----------------------------------------------------------------------------|--------------|
 * | `parse/line-ending`        | a carriage return not followed by a line feed (classic Mac line ends)       | none allowed |
 * | `parse/line-too-long`      | characters in one Markdown line                                             | 100,000      |
 * | `parse/too-deep`           | block quotes and list levels open on one line                              | 32           |
 * | `parse/too-many-rows`      | rows in one table                                                           | 5,000        |
 * | `parse/too-many-columns`   | cells in one table row                                                      | 100          |
 * | `parse/too-many-marks`     | Σ over paragraphs of (emphasis and link marks `* _ ~ [ ]` in it)²           | 16,000,000   |
 * | `parse/too-many-blocks`    | per section: (lists and quotes opened) × (nodes)                            | 20,000,000   |
 * | `parse/too-many-nodes`     | nodes: lines plus ASCII punctuation (an upper bound on syntax tree nodes)   | 400,000; 100,000 per section; YAML 250,000 |
 *
 * A "section" runs from one top-level heading (`#` at column 0 after a blank line) to the next: the Markdown reader
 * parses sections separately (`chunks`), which keeps micromark's work per container linear and its memory per
 * section, when nothing crosses a section boundary (no reference definitions, no HTML blocks that span blank lines,
 * no fenced code except at the top level).
 */
import type { Diagnostic } from '../diagnostics.js';

/** Limits of the Markdown pre-scan (see the table above). */
export interface MarkdownLimits {
  maxLineLength: number;
  maxDepth: number;
  maxTableRows: number;
  maxColumns: number;
  maxInlineWork: number;
  maxBlockWork: number;
  maxNodes: number;
  maxSectionNodes: number;
}

/** The limits every Markdown plan is read with. */
export const MARKDOWN_LIMITS: Readonly<MarkdownLimits> = {
  maxLineLength: 100_000,
  maxDepth: 32,
  maxTableRows: 5_000,
  maxColumns: 100,
  maxInlineWork: 16_000_000,
  maxBlockWork: 20_000_000,
  maxNodes: 400_000,
  maxSectionNodes: 100_000,
};

/** Most nodes (lines plus ASCII punctuation) in a YAML file: an upper bound on what the `yaml` library builds. */
export const MAX_YAML_NODES = 250_000;

/** Sections are parsed in groups of about this many nodes (fewer, larger parses; each still bounded). */
export const CHUNK_NODES = 20_000;

/** What the Markdown pre-scan found. */
export interface MarkdownScan {
  /** One refusal (empty when the text may be parsed). */
  diagnostics: Diagnostic[];
  /** Offsets where the text is cut into parts parsed separately (always starts with 0). */
  chunks: number[];
  /** Measures of the text, for benchmarks and tests. */
  stats: {
    lines: number;
    nodes: number;
    maxDepth: number;
    maxRows: number;
    maxColumns: number;
    inlineWork: number;
    /** The largest (lists and quotes opened) × nodes of a part parsed at once. */
    blockWork: number;
    sections: number;
    /** False when something crosses section boundaries, so the text is parsed whole. */
    splittable: boolean;
  };
}

const PUNCT = new Uint8Array(128);
for (let c = 33; c < 127; c++) if (!/[A-Za-z0-9]/.test(String.fromCharCode(c))) PUNCT[c] = 1;

/** ASCII punctuation characters in `s` (each may open or close a node; plain letters never do). */
function punctuation(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) n += PUNCT[c];
  }
  return n;
}

/** Emphasis and link marks: the characters whose pairing micromark resolves per paragraph, in quadratic time. */
function marks(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 42 || c === 95 || c === 126 || c === 91 || c === 93) n++; // * _ ~ [ ]
  }
  return n;
}

const at = (line: number, column: number, offset: number) => ({ start: { line, column, offset }, end: { line, column: column + 1, offset: offset + 1 } });
const fmt = (n: number) => n.toLocaleString('en-US');

/** The offset of the first carriage return not followed by a line feed, or -1. */
function loneCr(text: string): number {
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) return i;
  return -1;
}

/** The `parse/line-ending` refusal of a text with a lone carriage return, or undefined. */
export function lineEndingProblem(text: string, file: string): Diagnostic | undefined {
  const i = loneCr(text);
  if (i < 0) return undefined;
  const line = countLines(text, i);
  const column = i - (text.lastIndexOf('\n', i - 1) + 1) + 1;
  return {
    ruleId: 'parse/line-ending', severity: 'error', file, place: at(line, column, i),
    message: 'Unexpected carriage return (CR) without a line feed: the file uses classic Mac line endings, expected LF or CRLF (convert it, e.g. `tr \'\\r\' \'\\n\'`)',
    messageZh: '出现不带换行符（LF）的回车符（CR）：文件使用旧式 Mac 换行，应为 LF 或 CRLF（请转换，如 `tr \'\\r\' \'\\n\'`）',
  };
}

function countLines(text: string, upTo: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < upTo; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Refuses a YAML text the `yaml` library should not be given: lone carriage returns, or more nodes (lines plus
 * ASCII punctuation) than `maxNodes`. Returns the refusal, or undefined. Linear; the library's own depth and alias
 * limits apply after it.
 */
export function prescanYaml(text: string, file: string, maxNodes = MAX_YAML_NODES): Diagnostic | undefined {
  const cr = lineEndingProblem(text, file);
  if (cr) return cr;
  let nodes = 0;
  let line = 1;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    nodes += 1 + punctuation(text.slice(start, end));
    if (nodes > maxNodes) {
      return {
        ruleId: 'parse/too-many-nodes', severity: 'error', file, place: at(line, 1, start),
        message: `Unexpected YAML of more than ${fmt(maxNodes)} nodes by line ${fmt(line)} (lines plus punctuation), expected a plan of ordinary size (split it into a 1+N system)`,
        messageZh: `YAML 节点数（行数加标点）到第 ${fmt(line)} 行已超过 ${fmt(maxNodes)}，预案过大（请拆分为"1+N"预案体系）`,
      };
    }
    start = end + 1;
    line++;
  }
  return undefined;
}

const LIST_MARKER = /^( *)([-+*]|\d{1,9}[.)])(?:([ \t]+)(?=\S)|[ \t]*$)/;
const ATX = /^#{1,6}(?:[ \t]|$)/;
const FENCE = /^( {0,3})(`{3,}|~{3,})/;
/** HTML blocks that run on past blank lines (CommonMark kinds 1–5), with what ends each. */
const HTML_SPANNING: readonly [RegExp, RegExp][] = [
  [/^ {0,3}<(script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

const SPANNING_HTML_ANYWHERE = /^[ >\t]*<(?:script|pre|style|textarea|!|\?)/im;

/** True when a line opens an HTML block that does not end on the same line (it may then span a section boundary). */
function opensSpanningHtml(rest: string): boolean {
  for (const [open, close] of HTML_SPANNING) {
    const m = open.exec(rest);
    if (m) return !close.test(rest.slice(m[0].length));
  }
  return false;
}
const DEFINITION = /^ {0,3}\[[^\]]+\]:/;
const DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;

/** Cells of a table row: split on unescaped `|`, outer pipes dropped. */
function cells(row: string): number {
  let s = row.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  let n = 1;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) === 92) i++; // backslash escapes the next character
    else if (s.charCodeAt(i) === 124) n++;
  }
  return n;
}

/** Columns of a line with tabs expanded to 4-column stops, up to the first non-blank character. */
function indentOf(s: string, from = 0): { cols: number; index: number } {
  let cols = 0;
  let i = from;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) cols++;
    else if (c === 9) cols += 4 - (cols % 4);
    else break;
  }
  return { cols, index: i };
}

interface ListEntry { markerCol: number; contentCol: number; quotes: number }
interface Section { line: number; offset: number; nodes: number; opens: number }

/**
 * Scans a Markdown plan: refuses (one located diagnostic) a text over any limit of `limits`, and otherwise says where
 * it may be cut into parts of about `chunkNodes` nodes parsed separately. Linear in the text's length; never throws.
 */
export function prescanMarkdown(text: string, file: string, limits: MarkdownLimits = MARKDOWN_LIMITS, chunkNodes = CHUNK_NODES): MarkdownScan {
  const stats: MarkdownScan['stats'] = { lines: 0, nodes: 0, maxDepth: 0, maxRows: 0, maxColumns: 0, inlineWork: 0, blockWork: 0, sections: 1, splittable: true };
  const refuse = (ruleId: string, line: number, column: number, offset: number, message: string, messageZh: string): MarkdownScan =>
    ({ diagnostics: [{ ruleId, severity: 'error', file, place: at(line, column, offset), message, messageZh }], chunks: [0], stats });
  const cr = lineEndingProblem(text, file);
  if (cr) return { diagnostics: [cr], chunks: [0], stats };
  // Where a fenced block ends is certain unless an HTML block that spans blank lines could swallow its closing line.
  const exactFences = !SPANNING_HTML_ANYWHERE.test(text) || !text.split('\n').some((l) => opensSpanningHtml(l.replace(/^(?: {0,3}>[ \t]?)+/, '')));

  const sections: Section[] = [{ line: 1, offset: 0, nodes: 0, opens: 0 }];
  const list: ListEntry[] = [];
  let fence: { char: string; length: number } | undefined;
  let frontMatter = text.startsWith('---\n') || text.startsWith('---\r\n');
  let prevBlank = true;
  let prevQuotes = 0;
  let table: { columns: number; rows: number } | undefined;
  let header: { line: string; cells: number } | undefined;
  let paragraphMarks = 0;
  let lineNo = 0;
  let offset = 0;

  const flush = () => {
    stats.inlineWork += paragraphMarks * paragraphMarks;
    paragraphMarks = 0;
  };

  while (offset <= text.length) {
    let end = text.indexOf('\n', offset);
    if (end < 0) end = text.length;
    if (offset === text.length && lineNo > 0) break; // the text ends with a newline: no empty last line
    lineNo++;
    const raw = text.slice(offset, end);
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const lineOffset = offset;
    offset = end + 1;
    stats.lines = lineNo;
    const section = sections[sections.length - 1];

    if (line.length > limits.maxLineLength) {
      return refuse('parse/line-too-long', lineNo, limits.maxLineLength + 1, lineOffset + limits.maxLineLength,
        `Unexpected line of ${fmt(line.length)} characters, expected at most ${fmt(limits.maxLineLength)} (break the paragraph into lines)`,
        `本行有 ${fmt(line.length)} 个字符，最多 ${fmt(limits.maxLineLength)} 个（请将段落分行书写）`);
    }
    const nodes = 1 + punctuation(line);
    stats.nodes += nodes;
    section.nodes += nodes;
    if (stats.nodes > limits.maxNodes) {
      return refuse('parse/too-many-nodes', lineNo, 1, lineOffset,
        `Unexpected plan of more than ${fmt(limits.maxNodes)} nodes by line ${fmt(lineNo)} (lines plus punctuation), expected a plan of ordinary size (split it into a 1+N system)`,
        `到第 ${fmt(lineNo)} 行节点数（行数加标点）已超过 ${fmt(limits.maxNodes)}，预案过大（请拆分为"1+N"预案体系）`);
    }
    if (section.nodes > limits.maxSectionNodes) {
      return refuse('parse/too-many-nodes', lineNo, 1, lineOffset,
        `Unexpected section of more than ${fmt(limits.maxSectionNodes)} nodes (from line ${fmt(section.line)} to line ${fmt(lineNo)}), expected sections of ordinary size (add headings)`,
        `从第 ${fmt(section.line)} 行到第 ${fmt(lineNo)} 行的一节节点数超过 ${fmt(limits.maxSectionNodes)}（请用标题分节）`);
    }

    // Inside front matter nothing is Markdown, but everything is still counted: should this scan and the parser
    // disagree about where it ends, no shape goes unmeasured; it only keeps sections and tables from starting.
    const inFrontMatter = frontMatter;
    if (frontMatter && lineNo > 1 && /^---[ \t]*$/.test(line)) frontMatter = false;
    let inFence = fence !== undefined;
    if (fence) {
      const close = FENCE.exec(line);
      if (close && close[2][0] === fence.char && close[2].length >= fence.length && line.slice(close[0].length).trim() === '') fence = undefined;
      // A top-level fence ends exactly where this scan says (no HTML block can hide its closing line): its lines
      // are code, with no containers and no inline marks.
      if (exactFences) {
        flush();
        prevBlank = false;
        continue;
      }
    }

    // Container prefix: block quotes, then the list item this line opens or continues.
    let quotes = 0;
    let pos = 0;
    for (;;) {
      let i = pos;
      while (i < line.length && i - pos < 3 && line.charCodeAt(i) === 32) i++;
      if (line.charCodeAt(i) !== 62) break; // >
      if (quotes === limits.maxDepth) {
        return refuse('parse/too-deep', lineNo, i + 1, lineOffset + i,
          `Unexpected block quote nested ${quotes + 1} levels deep, expected at most ${limits.maxDepth}`, `引用嵌套达 ${quotes + 1} 层，最多 ${limits.maxDepth} 层`);
      }
      i++;
      if (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9) i++;
      quotes++;
      pos = i;
    }
    const rest = line.slice(pos);
    const blank = rest.trim() === '';
    const { cols: indent } = indentOf(rest);
    while (list.length && list[list.length - 1].quotes > quotes) list.pop();
    if (quotes > prevQuotes) {
      section.opens += quotes - prevQuotes;
      flush();
    }

    if (blank) {
      flush();
      table = undefined;
      header = undefined;
      prevBlank = true;
      prevQuotes = quotes;
      continue;
    }

    // A top-level heading after a blank line starts a section: every container is closed there.
    if (!inFence && !inFrontMatter && quotes === 0 && prevBlank && ATX.test(line) && lineNo > 1) {
      list.length = 0;
      sections.push({ line: lineNo, offset: lineOffset, nodes: nodes, opens: 0 });
      section.nodes -= nodes;
    }
    const current = sections[sections.length - 1];

    if (opensSpanningHtml(rest) || DEFINITION.test(rest)) stats.splittable = false;
    const fenceOpen = inFence || inFrontMatter ? null : FENCE.exec(rest);
    if (fenceOpen && (fenceOpen[2][0] === '~' || !rest.slice(fenceOpen[0].length).includes('`'))) {
      // Only a fence at column 0 outside every container is sure to end where this scan thinks it does.
      if (quotes === 0 && list.length === 0 && fenceOpen[1] === '') {
        fence = { char: fenceOpen[2][0], length: fenceOpen[2].length };
        inFence = true;
      } else stats.splittable = false;
    }

    const marker = LIST_MARKER.exec(rest);
    if (marker && indent <= 3 + (list.length ? list[list.length - 1].contentCol - pos : 0)) {
      const markerCol = pos + marker[1].length;
      const contentCol = markerCol + marker[2].length + 1;
      while (list.length && list[list.length - 1].quotes === quotes && list[list.length - 1].contentCol > markerCol) list.pop();
      const top = list[list.length - 1];
      const sibling = !!top && top.quotes === quotes && top.markerCol === markerCol;
      if (sibling) top.contentCol = contentCol;
      else {
        list.push({ markerCol, contentCol, quotes });
        current.opens++;
      }
      // A new item starts its own paragraph when it can interrupt one: a bullet or `1.` with content, or a sibling.
      if (marker[1].length <= 3 && marker[3] !== undefined && (!/\d/.test(marker[2]) || /^0*1[.)]$/.test(marker[2]) || sibling)) flush();
    } else if (prevBlank) {
      while (list.length && list[list.length - 1].quotes === quotes && list[list.length - 1].contentCol > pos + indent) list.pop();
    }

    const depth = quotes + list.filter((e) => e.quotes <= quotes).length;
    if (depth > stats.maxDepth) stats.maxDepth = depth;
    if (depth > limits.maxDepth) {
      const column = (marker ? pos + marker[1].length : pos) + 1;
      return refuse('parse/too-deep', lineNo, column, lineOffset + column - 1,
        `Unexpected nesting ${depth} levels deep (block quotes and lists), expected at most ${limits.maxDepth}`,
        `嵌套达 ${depth} 层（引用与列表），最多 ${limits.maxDepth} 层`);
    }

    // Tables: a header row, a matching delimiter row, then rows until a blank line or another block.
    if (table && (inFence || ATX.test(rest) || marker || quotes > prevQuotes)) table = undefined;
    const lineMarks = marks(rest);
    if (table) {
      table.rows++;
      const n = cells(rest);
      if (table.rows > stats.maxRows) stats.maxRows = table.rows;
      if (n > stats.maxColumns) stats.maxColumns = n;
      if (table.rows > limits.maxTableRows) {
        return refuse('parse/too-many-rows', lineNo, pos + 1, lineOffset + pos,
          `Unexpected table of more than ${fmt(limits.maxTableRows)} rows, expected at most ${fmt(limits.maxTableRows)} (split it, or move the data to an appendix file)`,
          `表格超过 ${fmt(limits.maxTableRows)} 行（请拆分，或将数据移至附件）`);
      }
      if (n > limits.maxColumns) {
        return refuse('parse/too-many-columns', lineNo, pos + 1, lineOffset + pos,
          `Unexpected table row of ${fmt(n)} cells, expected at most ${fmt(limits.maxColumns)}`, `表格行有 ${fmt(n)} 个单元格，最多 ${fmt(limits.maxColumns)} 个`);
      }
      flush();
      paragraphMarks = lineMarks;
      flush();
    } else if (header && !inFence && DELIMITER_ROW.test(rest) && rest.includes('-') && cells(rest) === header.cells) {
      if (header.cells > limits.maxColumns) {
        return refuse('parse/too-many-columns', lineNo - 1, 1, lineOffset,
          `Unexpected table of ${fmt(header.cells)} columns, expected at most ${fmt(limits.maxColumns)}`, `表格有 ${fmt(header.cells)} 列，最多 ${fmt(limits.maxColumns)} 列`);
      }
      flush(); // the header row closes the paragraph it was counted into (an overcount, never an undercount)
      table = { columns: header.cells, rows: 0 };
      if (header.cells > stats.maxColumns) stats.maxColumns = header.cells;
    } else {
      if (ATX.test(rest)) flush();
      paragraphMarks += lineMarks;
      if (stats.inlineWork + paragraphMarks * paragraphMarks > limits.maxInlineWork) {
        return refuse('parse/too-many-marks', lineNo, pos + 1, lineOffset + pos,
          `Unexpected ${fmt(paragraphMarks)} emphasis and link marks (\`*\`, \`_\`, \`~\`, \`[\`, \`]\`) in one paragraph, expected fewer: the parser's work grows with their square (split the paragraph with blank lines)`,
          `一个段落中有 ${fmt(paragraphMarks)} 个强调和链接符号（\`*\`、\`_\`、\`~\`、\`[\`、\`]\`），过多（解析耗时随其平方增长，请用空行分段）`);
      }
      if (ATX.test(rest)) flush();
    }
    header = !table && !inFence && !inFrontMatter && rest.includes('|') ? { line: rest, cells: cells(rest) } : undefined;
    prevBlank = false;
    prevQuotes = quotes;
  }
  flush();
  stats.sections = sections.length;

  // Lists and quotes cost micromark a pass over every event of the part being parsed: bound their product per part.
  const parts = stats.splittable ? sections : [sections.reduce((a, s) => ({ line: 1, offset: 0, nodes: a.nodes + s.nodes, opens: a.opens + s.opens }))];
  for (const p of parts) {
    const work = p.opens * p.nodes;
    if (work > stats.blockWork) stats.blockWork = work;
    if (work > limits.maxBlockWork) {
      return refuse('parse/too-many-blocks', p.line, 1, p.offset,
        `Unexpected section with ${fmt(p.opens)} lists and block quotes among ${fmt(p.nodes)} nodes, expected fewer: the parser's work grows with their product (${fmt(work)} > ${fmt(limits.maxBlockWork)}; add headings to split the section${stats.splittable ? '' : ', and avoid reference definitions, spanning HTML blocks and indented fences, which keep the file from being read in sections'})`,
          `本节有 ${fmt(p.opens)} 个列表和引用、${fmt(p.nodes)} 个节点，过多（解析耗时随二者乘积增长：${fmt(work)} > ${fmt(limits.maxBlockWork)}；请用标题分节${stats.splittable ? '' : '，并避免引用式链接定义、跨空行的 HTML 块和缩进的代码围栏，它们使文件无法分节解析'}）`);
    }
  }
  // Group sections into parts of about CHUNK_NODES nodes, each still within the block-work limit.
  const chunks = [0];
  if (stats.splittable) {
    let nodes = 0;
    let opens = 0;
    for (const s of sections) {
      const n = nodes + s.nodes;
      const o = opens + s.opens;
      if (nodes > 0 && (n > chunkNodes || o * n > limits.maxBlockWork / 4)) {
        chunks.push(s.offset);
        nodes = s.nodes;
        opens = s.opens;
      } else {
        nodes = n;
        opens = o;
      }
    }
  }
  return { diagnostics: [], chunks, stats };
}
