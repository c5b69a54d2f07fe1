/**
 * Measures of a plan's text that both pre-scans use (src/parse/prescan.ts for Markdown; YAML here): punctuation as an
 * upper bound on syntax nodes, carriage returns without a line feed, and the YAML node budget.
 */
import type { Diagnostic } from '../diagnostics.js';

/** Most nodes (lines plus ASCII punctuation) in a YAML file: an upper bound on what the `yaml` library builds. */
export const MAX_YAML_NODES = 250_000;

const PUNCT = new Uint8Array(128);
for (let c = 33; c < 127; c++) if (!/[A-Za-z0-9]/.test(String.fromCharCode(c))) PUNCT[c] = 1;

/** ASCII punctuation characters in `s` (each may open or close a node; plain letters never do). */
export function punctuation(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) n += PUNCT[c];
  }
  return n;
}

/** Emphasis and link marks: the characters whose pairing micromark resolves per paragraph, in quadratic time. */
export function marks(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 42 || c === 95 || c === 126 || c === 91 || c === 93) n++; // * _ ~ [ ]
  }
  return n;
}

export const at = (line: number, column: number, offset: number) => ({ start: { line, column, offset }, end: { line, column: column + 1, offset: offset + 1 } });
export const fmt = (n: number) => n.toLocaleString('en-US');

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

