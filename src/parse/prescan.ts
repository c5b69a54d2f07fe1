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
 * | `parse/too-many-rows`      | lines of one table (from its first line with a `|` to the next blank line)  | 5,000; 20,000 for a top-level table cut into parts |
 * | `parse/too-many-columns`   | cells in one table row                                                      | 100          |
 * | `parse/too-many-marks`     | Σ over paragraphs of (emphasis and link marks `* _ ~ [ ]` in it)²           | 16,000,000   |
 * | `parse/too-many-blocks`    | per section: (lists and quotes opened) × (nodes)                            | 20,000,000   |
 * | `parse/too-many-nodes`     | nodes: 2 per line + 2 per ASCII punctuation mark (bounds the syntax tree)   | 1,000,000; 200,000 per section; YAML 250,000 |
 *
 * A "section" runs from one top-level heading (`#` at column 0 after a blank line) to the next: the Markdown reader
 * parses sections separately (`chunks`), which keeps micromark's work per container linear and its memory per
 * section, when nothing crosses a section boundary (no reference definitions or footnotes, no HTML other than
 * one-line comments, no fenced code inside a list or quote).
 */
import type { Diagnostic } from '../diagnostics.js';
import { at, fmt, lineEndingProblem, marks, punctuation } from './prescan-text.js';

export { lineEndingProblem, MAX_YAML_NODES, prescanYaml } from './prescan-text.js';

/** Limits of the Markdown pre-scan (see the table above). */
export interface MarkdownLimits {
  maxLineLength: number;
  maxDepth: number;
  maxTableRows: number;
  /** Lines of a top-level table when the text is read in parts (the table is cut between rows). */
  maxCutTableRows: number;
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
  maxCutTableRows: 20_000,
  maxColumns: 100,
  maxInlineWork: 16_000_000,
  maxBlockWork: 20_000_000,
  maxNodes: 1_000_000,
  maxSectionNodes: 200_000,
};


/** Sections are parsed in groups of about this many nodes (fewer, larger parses; each still bounded). */
export const CHUNK_NODES = 20_000;

/** What the Markdown pre-scan found. */
export interface MarkdownScan {
  /** One refusal (empty when the text may be parsed). */
  diagnostics: Diagnostic[];
  /** Offsets where the text is cut into parts parsed separately (always starts with 0). */
  chunks: number[];
  /**
   * Parts that start inside a table (a long table is cut between rows): the part's offset → the table's header and
   * delimiter lines (start and end offsets), which are parsed in front of the part so that its rows read the same.
   */
  tableHeads: Map<number, readonly [number, number]>;
  /** Measures of the text, for benchmarks and tests. */
  stats: {
    lines: number;
    nodes: number;
    maxDepth: number;
    maxRows: number;
    maxColumns: number;
    inlineWork: number;
    /** Lists and block quotes opened (an upper bound of those in the tree). */
    opens: number;
    /** The largest (lists and quotes opened) × nodes of a part parsed at once. */
    blockWork: number;
    sections: number;
    /** False when something crosses section boundaries, so the text is parsed whole. */
    splittable: boolean;
  };
}

const LIST_MARKER = /([-+*]|\d{1,9}[.)])(?:([ \t\u00a0]+)|$)/y;
const FOOTNOTE = /\[\^[^\]\s]+\]:[ \t\u00a0]?/y;
const FOOTNOTE_LINE = /^ {0,3}\[\^[^\]\s]+\]:/;
const ATX = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const FENCE = /^( {0,3})(`{3,}|~{3,})/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const DEFINITION = /^ {0,3}\[[^\]]+\]:/;
const DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;
const HTML_LINE = /^[ >\t]*</m;
const ONE_LINE_COMMENT = /^[ >\t]*<!--(?:(?!-->).)*-->[ \t]*$/gm;

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

/**
 * A block quote or list item open at the end of a line. `marker` and `width` are counted from where its parent's
 * content starts on the line (`width`: to where its own content starts), since a list inside a quote moves with it.
 */
interface Container { kind: 'quote' | 'list'; marker: number; width: number; markerCol: number; ordered: boolean; bullet?: string; footnote?: boolean }

/** What a tab expands to: a column like a space, but one that never counts against "at most 3 spaces". */
const TAB_SPACE = '\u00a0';

/**
 * Where the spaces from `from` end: at most `max` spaces, plus any columns of expanded tabs. micromark splits tabs
 * across container markers in ways a column count cannot follow exactly, so a tab never stops a container from
 * opening here (more containers: an overcount, never an undercount).
 */
function skipSpaces(line: string, from: number, max: number): number {
  let i = from;
  let spaces = 0;
  for (; i < line.length; i++) {
    const c = line[i];
    if (c === TAB_SPACE) continue;
    if (c !== ' ' || spaces >= max) break;
    spaces++;
  }
  return i;
}

/** The index in the raw line of a position in its tab-expanded form (diagnostics point into the raw text). */
function rawIndex(raw: string, expanded: number): number {
  let col = 0;
  for (let i = 0; i < raw.length; i++) {
    if (col >= expanded) return i;
    col += raw[i] === '\t' ? 4 - (col % 4) : 1;
  }
  return raw.length;
}

/** A line with its tabs expanded to 4-column stops (as `TAB_SPACE`), so container columns compare as positions. */
function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let out = '';
  for (const ch of line) out += ch === '\t' ? TAB_SPACE.repeat(4 - (out.length % 4)) : ch;
  return out;
}

/**
 * A line against the open containers (CommonMark's first phase): how many of them it continues, where its content
 * starts, and the block quotes and list items it opens, until `cap` containers are open (the caller refuses past that).
 */
function readContainers(line: string, open: readonly Container[], blank: boolean, cap: number): { matched: number; pos: number; opened: Container[]; lenient: boolean } {
  let pos = 0;
  let matched = 0;
  for (const c of open) {
    if (c.kind === 'quote') {
      const j = skipSpaces(line, pos, 3);
      if (line.charCodeAt(j) !== 62) break;
      pos = j + 1;
      if (line[pos] === ' ' || line[pos] === TAB_SPACE) pos++;
    } else if (!blank) {
      const j = skipSpaces(line, pos, c.width);
      if (j < pos + c.width) break;
      pos += c.width;
    }
    matched++;
  }
  const opened: Container[] = [];
  let lenient = false;
  while (matched + opened.length < cap) {
    const base = pos;
    const j = skipSpaces(line, pos, 3);
    if (line.slice(base, j).includes(TAB_SPACE)) lenient = true;
    if (line.charCodeAt(j) === 62) {
      opened.push({ kind: 'quote', marker: j - base, width: 0, markerCol: j, ordered: false });
      pos = j + 1;
      if (line[pos] === ' ' || line[pos] === TAB_SPACE) pos++;
      continue;
    }
    FOOTNOTE.lastIndex = j;
    if (FOOTNOTE.test(line)) {
      // A footnote definition (GFM) holds blocks indented by four: a container like a list item.
      opened.push({ kind: 'list', marker: j - base, width: j - base + 4, markerCol: j, ordered: true, footnote: true });
      pos = FOOTNOTE.lastIndex;
      continue;
    }
    LIST_MARKER.lastIndex = j;
    const m = LIST_MARKER.exec(line);
    if (!m || THEMATIC_BREAK.test(line.slice(j))) break;
    // Content starts after the spaces that follow the marker, or one column after it when they are more than four
    // or the item is empty so far (CommonMark 5.2).
    const spaces = m[2]?.length ?? 0;
    const empty = line.slice(j + m[0].length).trim() === '';
    const contentCol = j + m[1].length + (spaces >= 1 && spaces <= 4 && !empty ? spaces : 1);
    opened.push({ kind: 'list', marker: j - base, width: contentCol - base, markerCol: j, ordered: /\d/.test(m[1]), bullet: m[1].slice(-1) });
    pos = Math.min(line.length, contentCol);
  }
  return { matched, pos, opened, lenient };
}

interface Section { line: number; offset: number; nodes: number; opens: number; head?: readonly [number, number] }

const LIST_START = /^(?:[-+*]|\d{1,9}[.)])(?:[ \t\u00a0]|$)/;

/** A line that (may) start a block of its own (a fence, a heading, a thematic break, HTML): never a lazy line. */
function startsBlock(line: string): boolean {
  const r = line.trimStart();
  const f = FENCE.exec(r);
  return (!!f && (f[2][0] === '~' || !r.slice(f[0].length).includes('`'))) || ATX.test(r) || THEMATIC_BREAK.test(r) || r.startsWith('<');
}

/**
 * An upper bound on how deeply a line is nested, from the line alone: one level per block quote marker and per list
 * item (or footnote) marker in its leading run, and one per two further columns of indentation there (a list item
 * continued on this line takes at least two). `at`: where the bound reached `cap`, or the end of that run.
 */
function nestingBound(line: string, cap: number): { depth: number; at: number } {
  let levels = 0;
  let cols = 0;
  let i = 0;
  const space = () => line[i] === ' ' || line[i] === TAB_SPACE;
  let start = 0;
  while (i < line.length && levels + (cols >> 1) < cap) {
    start = i;
    if (line[i] === '>') { // a quote: its marker and one space
      levels++;
      i++;
      if (space()) i++;
      continue;
    }
    if (space()) { cols++; i++; continue; } // the indentation of list items continued here: two columns each at least
    LIST_MARKER.lastIndex = i;
    const m = LIST_MARKER.exec(line);
    FOOTNOTE.lastIndex = i;
    const end = m ? i + m[1].length : FOOTNOTE.test(line) ? FOOTNOTE.lastIndex : -1;
    if (end < 0) break;
    levels++; // a list item (or footnote) opened here: its marker and up to four spaces
    i = end;
    for (let k = 0; k < 4 && space(); k++) i++;
  }
  const depth = levels + (cols >> 1);
  return { depth, at: depth >= cap ? start : i };
}

/**
 * Scans a Markdown plan: refuses (one located diagnostic) a text over any limit of `limits`, and otherwise says where
 * it may be cut into parts of about `chunkNodes` nodes parsed separately. Linear in the text's length; never throws.
 *
 * Every measure is an upper bound of what micromark builds (the fuzz test checks each against real trees). Where the
 * scan cannot tell what micromark will do it takes the costlier reading: containers stay open (a line that may be a
 * lazy continuation keeps them), a paragraph runs to the next blank line (only rows of a table at the top level are
 * counted apart), and a table runs from its first line with a `|` to the next blank line.
 */
export function prescanMarkdown(text: string, file: string, limits: MarkdownLimits = MARKDOWN_LIMITS, chunkNodes = CHUNK_NODES): MarkdownScan {
  const stats: MarkdownScan['stats'] = { lines: 0, nodes: 0, maxDepth: 0, maxRows: 0, maxColumns: 0, inlineWork: 0, opens: 0, blockWork: 0, sections: 1, splittable: true };
  const refuse = (ruleId: string, line: number, column: number, offset: number, message: string, messageZh: string): MarkdownScan =>
    ({ diagnostics: [{ ruleId, severity: 'error', file, place: at(line, column, offset), message, messageZh }], chunks: [0], tableHeads: new Map(), stats });
  const cr = lineEndingProblem(text, file);
  if (cr) return { diagnostics: [cr], chunks: [0], tableHeads: new Map(), stats };
  // Where a fenced block ends is certain unless an HTML block could swallow its closing line: only one-line HTML
  // comments (the inline disables) are allowed in a text that is cut into sections.
  const exactFences = !HTML_LINE.test(text.replace(ONE_LINE_COMMENT, ''));
  if (!exactFences) stats.splittable = false;

  const sections: Section[] = [{ line: 1, offset: 0, nodes: 0, opens: 0 }];
  let stack: Container[] = [];
  let fence: { char: string; length: number } | undefined;
  let frontMatter = text.startsWith('---\n') || text.startsWith('---\r\n');
  let prevBlank = true;
  /** A table at the top level whose rows are separate inline contexts: from its header until it surely ends. */
  let table = false;
  /** The header and delimiter lines of that table (offsets), for parts that start inside it. */
  let tableHead: readonly [number, number] | undefined;
  let headerOffset = 0;
  /** Where a table first ran past `maxTableRows`: refused unless the text is read in parts. */
  let longTable: { line: number; offset: number } | undefined;
  /** The previous line could be a top-level table's header: its cell count. */
  let header: number | undefined;
  /** Lines since the first line with a `|` and no blank line since: an upper bound on a table's rows. */
  let pipeRun = 0;
  let pipeCells = 0;
  let prevLineOffset = 0;
  let prevHeading = false;
  /** The previous line ended with paragraph text (so this one may continue it lazily). */
  let prevText = false;
  let paragraphMarks = 0;
  let lineNo = 0;
  let offset = 0;

  const flush = () => {
    stats.inlineWork += paragraphMarks * paragraphMarks;
    paragraphMarks = 0;
  };
  const tooManyMarks = (column: number, lineOffset: number) => refuse('parse/too-many-marks', lineNo, column, lineOffset + column - 1,
    `Unexpected ${fmt(paragraphMarks)} emphasis and link marks (\`*\`, \`_\`, \`~\`, \`[\`, \`]\`) in one paragraph, expected fewer: the parser's work grows with their square (split the paragraph with blank lines)`,
    `一个段落中有 ${fmt(paragraphMarks)} 个强调和链接符号（\`*\`、\`_\`、\`~\`、\`[\`、\`]\`），过多（解析耗时随其平方增长，请用空行分段）`);
  const tooManyRows = (max: number) => [
    `Unexpected table of more than ${fmt(max)} rows, expected at most ${fmt(max)} (split it, or move the data to an appendix file)`,
    `表格超过 ${fmt(max)} 行（请拆分，或将数据移至附件）`] as const;
  const tooManyColumns = (n: number, line: number, lineOffset: number) => refuse('parse/too-many-columns', line, 1, lineOffset,
    `Unexpected table row of ${fmt(n)} cells, expected at most ${fmt(limits.maxColumns)}`, `表格行有 ${fmt(n)} 个单元格，最多 ${fmt(limits.maxColumns)} 个`);

  while (offset <= text.length) {
    if (offset === text.length && lineNo > 0) break; // the text ends with a newline: no empty last line
    let end = text.indexOf('\n', offset);
    if (end < 0) end = text.length;
    lineNo++;
    const raw = text.slice(offset, end);
    const line = expandTabs(raw.endsWith('\r') ? raw.slice(0, -1) : raw);
    const lineOffset = offset;
    offset = end + 1;
    const rawCol = (expanded: number) => rawIndex(raw, expanded) + 1;
    stats.lines = lineNo;
    let section = sections[sections.length - 1];

    if (raw.length > limits.maxLineLength) {
      return refuse('parse/line-too-long', lineNo, limits.maxLineLength + 1, lineOffset + limits.maxLineLength,
        `Unexpected line of ${fmt(raw.length)} characters, expected at most ${fmt(limits.maxLineLength)} (break the paragraph into lines)`,
        `本行有 ${fmt(raw.length)} 个字符，最多 ${fmt(limits.maxLineLength)} 个（请将段落分行书写）`);
    }
    // Each line holds at most a block and its text; each punctuation mark opens at most two nodes (`-` a list and its
    // item, `[` a link and its text): an upper bound on the syntax tree, checked by the fuzz test.
    const nodes = 2 + 2 * punctuation(line);
    stats.nodes += nodes;
    if (stats.nodes > limits.maxNodes) {
      return refuse('parse/too-many-nodes', lineNo, 1, lineOffset,
        `Unexpected plan of more than ${fmt(limits.maxNodes)} nodes by line ${fmt(lineNo)} (two per line and per punctuation mark), expected a plan of ordinary size (split it into a 1+N system)`,
        `到第 ${fmt(lineNo)} 行节点数（每行及每个标点计两个）已超过 ${fmt(limits.maxNodes)}，预案过大（请拆分为"1+N"预案体系）`);
    }

    // Front matter is YAML, not Markdown: counted, but it starts no section and no table.
    const inFrontMatter = frontMatter;
    if (frontMatter && lineNo > 1 && /^---[ \t]*$/.test(line)) frontMatter = false;
    // Fenced code is measured as Markdown too (should this scan and micromark disagree about where a fence ends, no
    // shape goes unmeasured); a fence only keeps sections from starting inside it.
    const inFence = fence !== undefined;
    if (fence) {
      const close = FENCE.exec(line);
      if (close && close[2][0] === fence.char && close[2].length >= fence.length && line.slice(close[0].length).trim() === '') fence = undefined;
    }
    const blank = line.trim() === '';

    // Nesting, measured on the line alone: every block quote open on a line takes a `>` of it, every list item at
    // least two columns of its indentation or marker, so no line is nested deeper than that bound (lazy lines add
    // nothing: they open nothing). Exact modelling is not needed for a bound that cannot be beaten.
    const bound = nestingBound(line, limits.maxDepth + 1);
    if (bound.depth > stats.maxDepth) stats.maxDepth = bound.depth;
    if (bound.depth > limits.maxDepth) {
      const column = rawCol(bound.at);
      return refuse('parse/too-deep', lineNo, column, lineOffset + column - 1,
        `Unexpected nesting more than ${limits.maxDepth} levels deep (block quotes and lists), expected at most ${limits.maxDepth}`,
        `嵌套超过 ${limits.maxDepth} 层（引用与列表），最多 ${limits.maxDepth} 层`);
    }

    // Lists and quotes opened, for the block-work bound: a model of CommonMark's containers.
    const { matched, pos, opened, lenient } = readContainers(line, stack, blank, limits.maxDepth + 1);
    const before = stack;
    // A lazy line continues a paragraph inside containers it does not repeat; only paragraph text can be continued so.
    const rest = line.slice(pos);
    const restBlank = rest.trim() === '';
    const lazy = !opened.length && matched < before.length && !restBlank && prevText && !startsBlock(line);
    // Paragraph text: not blank, not indented code (four columns or more), not another block's first line.
    // (A container opened past a tab may really be indented code: then it is not text either.)
    prevText = !restBlank && !lenient && !/^[ \u00a0]{4}/.test(rest) && !startsBlock(rest);
    if (!lazy) stack = [...before.slice(0, matched), ...opened];
    const first = opened[0];
    const sibling = first?.kind === 'list' && before[matched]?.kind === 'list' && before[matched].marker === first.marker && before[matched].bullet === first.bullet;

    // A heading at column 0 closes every container and ends any paragraph or table (it cannot be a lazy line): there
    // a new section starts, and a table's rows and a paragraph's marks are counted afresh.
    const topHeading = !inFrontMatter && !inFence && lineNo > 1 && /^#{1,6}(?:[ \t]|$)/.test(line);
    if (topHeading) {
      flush();
      pipeRun = 0;
      stack = [];
      sections.push({ line: lineNo, offset: lineOffset, nodes: 0, opens: 0 });
      section = sections[sections.length - 1];
    }
    // A long top-level table is cut between rows once the part holds `chunkNodes` nodes: a row at column 0 that starts
    // no other block reads the same after the table's header and delimiter lines as it does in the whole table.
    if (table && tableHead && section.nodes >= chunkNodes && !inFence && !inFrontMatter && !blank && /^[^\s>]/.test(line) && !LIST_START.test(line)
      && !ATX.test(line) && !THEMATIC_BREAK.test(line) && !line.startsWith('<') && !FOOTNOTE_LINE.test(line) && !FENCE.test(line)) {
      sections.push({ line: lineNo, offset: lineOffset, nodes: 0, opens: 0, head: tableHead });
      section = sections[sections.length - 1];
    }
    section.nodes += nodes;
    if (section.nodes > limits.maxSectionNodes) {
      return refuse('parse/too-many-nodes', lineNo, 1, lineOffset,
        `Unexpected section of more than ${fmt(limits.maxSectionNodes)} nodes (from line ${fmt(section.line)} to line ${fmt(lineNo)}), expected sections of ordinary size (add headings)`,
        `从第 ${fmt(section.line)} 行到第 ${fmt(lineNo)} 行的一节节点数超过 ${fmt(limits.maxSectionNodes)}（请用标题分节）`);
    }
    section.opens += opened.length - (sibling ? 1 : 0);
    stats.opens += opened.length - (sibling ? 1 : 0);

    const lineMarks = marks(line);
    if (blank) {
      flush();
      table = false;
      tableHead = undefined;
      header = undefined;
      pipeRun = 0;
      prevBlank = true;
      prevHeading = false;
      continue;
    }
    // Definitions (and footnotes) resolve across the whole text: such a text is parsed whole.
    if (DEFINITION.test(line.trimStart().replace(/^(?:>\s*)+/, '')) || opened.some((c) => c.footnote)) stats.splittable = false;
    const fenceOpen = inFrontMatter || inFence ? null : FENCE.exec(line.trimStart().replace(/^(?:(?:>|[-+*]|\d{1,9}[.)])\s*)+/, ''));
    if (fenceOpen && (fenceOpen[2][0] === '~' || !line.slice(line.indexOf(fenceOpen[2]) + fenceOpen[2].length).includes('`'))) {
      // A fence at column 0 right after a blank line is surely at the top level: only there does this scan follow
      // it. Any other fence keeps the text from being cut into sections.
      if (prevBlank && exactFences && FENCE.exec(line)?.[1] === '') fence = { char: fenceOpen[2][0], length: fenceOpen[2].length };
      else stats.splittable = false;
    }
    const wasBlank = prevBlank;
    prevBlank = false;

    // Tables. Rows: every line from the first with a `|` to the next blank line or heading (more than any table has).
    if (pipeRun || line.includes('|')) {
      pipeRun++;
      const n = cells(line.replace(/^[ >\u00a0]*/, ''));
      if (pipeRun > stats.maxRows) stats.maxRows = pipeRun;
      // A top-level table can be read in parts, up to `maxCutTableRows`; whether the text can be is known at its end.
      if (pipeRun > limits.maxTableRows && table && pipeRun <= limits.maxCutTableRows) longTable ??= { line: lineNo, offset: lineOffset };
      else if (pipeRun > limits.maxTableRows) {
        return refuse('parse/too-many-rows', lineNo, 1, lineOffset,
          ...tooManyRows(table ? limits.maxCutTableRows : limits.maxTableRows));
      }
      // Cells count once a second line makes a table possible.
      if (pipeRun >= 2) {
        for (const [c, l, o] of [[pipeCells, lineNo - 1, prevLineOffset], [n, lineNo, lineOffset]] as const) {
          if (pipeRun > 2 && l !== lineNo) continue;
          if (c > stats.maxColumns) stats.maxColumns = c;
          if (c > limits.maxColumns) return tooManyColumns(c, l, o);
        }
      }
      pipeCells = n;
      prevLineOffset = lineOffset;
    }
    // The rows of a table at column 0 that follows a blank line or a heading are inline contexts of their own (no
    // container can be open there); anywhere else lines add to the paragraph they may continue. The table lasts while
    // lines stay at column 0 and start no other block.
    const plain = /^[^\s>]/.test(line) && !LIST_START.test(line) && !inFrontMatter;
    if (table && (!plain || ATX.test(line) || THEMATIC_BREAK.test(line) || line.startsWith('<') || FOOTNOTE_LINE.test(line) || fenceOpen)) { table = false; tableHead = undefined; }
    if (table) {
      flush();
      paragraphMarks = lineMarks;
      flush();
      prevHeading = false;
      continue;
    }
    if (header !== undefined && plain && DELIMITER_ROW.test(line) && line.includes('-') && cells(line) === header) {
      flush(); // the header row closes the paragraph it was counted into (an overcount, never an undercount)
      table = true;
      tableHead = [headerOffset, offset];
      header = undefined;
      prevHeading = false;
      continue;
    }
    header = plain && (wasBlank || prevHeading) && !topHeading && line.includes('|') ? cells(line) : undefined;
    headerOffset = lineOffset;
    prevHeading = topHeading;
    paragraphMarks += lineMarks;
    if (stats.inlineWork + paragraphMarks * paragraphMarks > limits.maxInlineWork) return tooManyMarks(1, lineOffset);
  }
  flush();
  stats.sections = sections.length;

  // A table longer than `maxTableRows` is only read in parts.
  if (longTable && !stats.splittable) return refuse('parse/too-many-rows', longTable.line, 1, longTable.offset, ...tooManyRows(limits.maxTableRows));
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
  // Group sections into parts of about `chunkNodes` nodes, each still well within the block-work limit.
  const chunks = [0];
  const tableHeads = new Map<number, readonly [number, number]>();
  if (stats.splittable) {
    let nodes = 0;
    let opens = 0;
    for (const s of sections) {
      const n = nodes + s.nodes;
      const o = opens + s.opens;
      if (nodes > 0 && (n > chunkNodes || o * n > limits.maxBlockWork / 4)) {
        chunks.push(s.offset);
        if (s.head) tableHeads.set(s.offset, s.head);
        nodes = s.nodes;
        opens = s.opens;
      } else {
        nodes = n;
        opens = o;
      }
    }
  }
  return { diagnostics: [], chunks, tableHeads, stats };
}
