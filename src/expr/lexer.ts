/**
 * Tokeniser of the trigger language. Hand-written and linear: no regular
 * expression here can backtrack, so hostile input costs O(n) (the glued-bound
 * check in `readWord` looks at each start position of a word once, and each look
 * is bounded by the bound it tries to read).
 */
import type { CompareOp, ExprError } from './ast.js';
import { boundWordAt, PREFIX_BOUND_WORDS, SUFFIX_BOUND_WORDS } from './bounds.js';
import { readNumber } from './numeral.js';
import { clip, codePointString, conjunctionAt, isBlank, isDigit, isNumberStart, lexError } from './scan.js';

export { clip };

/** Kinds of token the parser sees; keywords of every spelling are folded to one kind. */
export type TokenKind =
  | 'number' | 'ident' | 'string' | 'true' | 'false'
  | 'and' | 'or' | 'not' | 'in' | 'op' | 'implies' | 'bound'
  | '(' | ')' | '[' | ']' | ',' | 'eof';

/** One token with its span; `text` is the source slice (for messages). */
export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  text: string;
  /** Comparison operator (for `op`). */
  op?: CompareOp;
  /** Identifier name (for `ident`), unescaped string value (for `string`), bound word (for `bound`). */
  value?: string;
  /** Numeric value (for `number`). */
  num?: number;
  /** The numeral as written when it has thousands separators or a 万/亿 scale (for `number`). */
  numText?: string;
  unit?: string;
  unitStart?: number;
  unitEnd?: number;
}

/** Lexer options: unit spellings the plan declares on its facts (so `5 头`, with a space, is a unit too). */
export interface LexOptions {
  units?: readonly string[];
}

const IDENT_START = /[\p{L}_]/u;
const IDENT_PART = /[\p{L}\p{N}_]/u;

// ASCII keywords are case-insensitive (`AND`, `Or`); they are whole words only.
const WORD_KEYWORDS = new Map<string, TokenKind>([
  ['and', 'and'], ['or', 'or'], ['not', 'not'], ['in', 'in'], ['true', 'true'], ['false', 'false'], ['implies', 'implies'],
  ['且', 'and'], ['并且', 'and'], ['或', 'or'], ['或者', 'or'], ['非', 'not'], ['则', 'implies'],
  ...[...SUFFIX_BOUND_WORDS, ...PREFIX_BOUND_WORDS].map((w): [string, TokenKind] => [w, 'bound']),
]);

const VALUE_END: ReadonlySet<TokenKind> = new Set<TokenKind>(['number', 'ident', 'string', 'true', 'false', ')', ']']);

// Closing quote for each opening quote we accept.
const QUOTES: Record<string, string> = { "'": "'", '"': '"', '“': '”', '‘': '’' };

/** Result of tokenising: the tokens (ending in `eof`) or the first lexical error. */
export type LexResult = { tokens: Token[]; error?: undefined } | { tokens?: undefined; error: ExprError };

/** Splits `text` into tokens; stops at the first lexical error. */
export function tokenize(text: string, options: LexOptions = {}): LexResult {
  const tokens: Token[] = [];
  const units = [...new Set((options.units ?? []).filter((u) => typeof u === 'string' && u.trim() !== '' && !/\s/.test(u)))]
    .sort((a, b) => b.length - a.length);
  let i = 0;
  let depth = 0;
  const n = text.length;
  const push = (t: Token): void => { tokens.push(t); };
  const last = (): Token | undefined => tokens[tokens.length - 1];
  // A suffix bound word (`30人以上`) ends a value, so a conjunction may be glued after it too. Where a name may
  // follow — after a bound, the order of "造成30人以上死亡": `30人以上 或许`, `超过30人 或许` — only a glued
  // conjunction is split off, so a spaced name that starts like one (`或许`) stays a name.
  const prevEndsValue = (at: number): boolean => {
    const t = last();
    if (t === undefined) return false;
    if (t.kind === 'bound') return t.end === at && SUFFIX_BOUND_WORDS.includes(t.value!);
    const before = tokens[tokens.length - 2];
    if (t.kind === 'number' && before?.kind === 'bound' && PREFIX_BOUND_WORDS.includes(before.value!)) return t.end === at;
    return VALUE_END.has(t.kind);
  };

  while (i < n) {
    const c = text[i];
    if (/\s/.test(c)) { i++; continue; }
    // Operators and punctuation (ASCII, fullwidth and math symbols).
    const sym = symbolAt(text, i);
    if (sym) {
      if (sym.kind === '[') depth++;
      else if (sym.kind === ']') depth = Math.max(0, depth - 1);
      push(sym);
      i = sym.end;
      continue;
    }

    if (c === '&' || c === '|') {
      return { error: lexError(i, i + 1, `Unexpected \`${c}\`, expected \`${c}${c}\``, `意外的 \`${c}\`，应为 \`${c}${c}\``) };
    }

    // Numbers, optionally signed; there is no subtraction, so `-` only ever starts a number.
    if (isDigit(c) || ((c === '-' || c === '.') && isNumberStart(text, i))) {
      const r = readNumber(text, i, { inList: depth > 0, units });
      if ('error' in r) return { error: r.error };
      push(r.token);
      i = r.token.end;
      continue;
    }

    if (QUOTES[c] !== undefined) {
      const r = readString(text, i, QUOTES[c]);
      if ('error' in r) return { error: r.error };
      push(r.token);
      i = r.token.end;
      continue;
    }

    if (IDENT_START.test(codePointString(text, i))) {
      const t = readWord(text, i, prevEndsValue(i), last()?.kind === 'number');
      push(t);
      i = t.end;
      continue;
    }

    const ch = codePointString(text, i);
    return {
      error: lexError(i, i + ch.length, `Unexpected character \`${ch}\`, expected a value or an operator`,
        `意外的字符 \`${ch}\`，应为数值、事实名或运算符`),
    };
  }
  tokens.push({ kind: 'eof', start: n, end: n, text: '' });
  return { tokens };
}

/**
 * A word at `i`: a conjunction or bound word glued to the value before it (`1000或火灾`, `30人以上`), a bound
 * word before a number (`超过30人`), a keyword, or a name. A name whose tail is exactly a bound — number, unit,
 * bound word, as in `死亡30人以上` or `死亡人数超过30人` — ends where the bound starts; a tail without a bound word
 * (`rain_mm_24h`) or with more after it (`3人以上死亡者`) stays part of the name.
 */
function readWord(text: string, i: number, afterValue: boolean, afterNumber: boolean): Token {
  const mk = (kind: TokenKind, end: number, value?: string): Token => ({ kind, start: i, end, text: text.slice(i, end), value });
  if (afterValue) {
    const conj = conjunctionAt(text, i);
    if (conj) return mk(conj[1], i + conj[0].length);
  }
  if (afterNumber) {
    const w = boundWordAt(text, i, SUFFIX_BOUND_WORDS);
    if (w) return mk('bound', i + w.length, w);
  }
  const pre = boundWordAt(text, i, PREFIX_BOUND_WORDS);
  if (pre && numberFollows(text, i + pre.length)) return mk('bound', i + pre.length, pre);
  let j = i + codePointString(text, i).length;
  while (j < text.length) {
    const ch = codePointString(text, j);
    if (!IDENT_PART.test(ch)) break;
    j += ch.length;
  }
  const word = text.slice(i, j);
  // Whole words only, so `android` and `非法排放` stay identifiers.
  const kw = WORD_KEYWORDS.get(word.toLowerCase());
  if (kw !== undefined) return mk(kw, j, kw === 'bound' ? word : undefined);
  const cut = gluedBoundStart(text, i, j);
  const end = cut ?? j;
  return mk('ident', end, text.slice(i, end));
}

/** Longest glued bound looked for at the end of a name (`10万人以上30万人以下` is 13); keeps the lexer linear. */
const MAX_GLUED_BOUND = 48;

/** Where a bound glued to the end of the name `text[i, j)` starts, if its tail is exactly a bound. */
function gluedBoundStart(text: string, i: number, j: number): number | undefined {
  let from = i + codePointString(text, i).length;
  if (j - from > MAX_GLUED_BOUND) from = j - MAX_GLUED_BOUND;
  for (let p = from; p < j; p += codePointString(text, p).length) {
    const c = text[p];
    // A number starts a digit run, never its middle: each run is read once, so this stays linear.
    if (isDigit(c) ? isDigit(text[p - 1]) : !PREFIX_BOUND_WORDS.some((w) => w[0] === c)) continue;
    const end = boundTailEnd(text, p);
    if (end !== undefined) return p;
  }
  return undefined;
}

/** End of one or two bound terms starting at `p` that end the word (then a space, an operator, a conjunction or the end). */
function boundTailEnd(text: string, p: number): number | undefined {
  let at = p;
  let terms = 0;
  while (terms < 2) {
    const e = boundTermEnd(text, at);
    if (e === undefined) break;
    at = e;
    terms++;
  }
  if (terms === 0) return undefined;
  const next = codePointString(text, at);
  if (next === '' || !IDENT_PART.test(next) || conjunctionAt(text, at)) return at;
  return undefined;
}

function boundTermEnd(text: string, p: number): number | undefined {
  const pre = boundWordAt(text, p, PREFIX_BOUND_WORDS);
  let at = p;
  if (pre) {
    at += pre.length;
    while (isBlank(text[at])) at++;
  }
  if (!isDigit(text[at])) return undefined;
  const r = readNumber(text, at, { inList: false, units: [] });
  if ('error' in r) return undefined;
  if (pre) return r.token.end;
  const suf = boundWordAt(text, r.token.end, SUFFIX_BOUND_WORDS);
  return suf ? r.token.end + suf.length : undefined;
}

// After a prefix bound word: spaces, then a number.
function numberFollows(text: string, i: number): boolean {
  let k = i;
  while (isBlank(text[k])) k++;
  return isDigit(text[k]) || ((text[k] === '-' || text[k] === '.') && isNumberStart(text, k));
}

function symbolAt(text: string, i: number): Token | undefined {
  const c = text[i];
  const next = text[i + 1];
  const tok = (kind: TokenKind, len: number, op?: CompareOp): Token =>
    ({ kind, start: i, end: i + len, text: text.slice(i, i + len), op });
  switch (c) {
    case '(': case '（': return tok('(', 1);
    case ')': case '）': return tok(')', 1);
    case '[': case '［': case '【': return tok('[', 1);
    case ']': case '］': case '】': return tok(']', 1);
    case ',': case '，': case '、': return tok(',', 1);
    case '<': case '＜': return next === '=' || next === '＝' ? tok('op', 2, '<=') : tok('op', 1, '<');
    case '>': case '＞': return next === '=' || next === '＝' ? tok('op', 2, '>=') : tok('op', 1, '>');
    case '=': case '＝':
      if (next === '>') return tok('implies', 2);
      return next === '=' || next === '＝' ? tok('op', 2, '==') : tok('op', 1, '==');
    case '⇒': case '→': return tok('implies', 1);
    case '!': case '！': return next === '=' || next === '＝' ? tok('op', 2, '!=') : tok('not', 1);
    case '≥': case '⩾': return tok('op', 1, '>=');
    case '≤': case '⩽': return tok('op', 1, '<=');
    case '≠': return tok('op', 1, '!=');
    case '&': return next === '&' ? tok('and', 2) : undefined;
    case '|': return next === '|' ? tok('or', 2) : undefined;
    default: return undefined;
  }
}

function readString(text: string, start: number, close: string): { token: Token } | { error: ExprError } {
  let i = start + 1;
  let value = '';
  while (i < text.length) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) {
      // A backslash takes the next UTF-16 unit literally (`\'`, `\\`).
      value += text[i + 1];
      i += 2;
      continue;
    }
    if (c === close) {
      return { token: { kind: 'string', start, end: i + 1, text: text.slice(start, i + 1), value } };
    }
    value += c;
    i++;
  }
  return {
    error: lexError(start, text.length, `Unexpected unclosed string, expected a closing \`${close}\``,
      `意外的未闭合字符串，应有结束的 \`${close}\``),
  };
}

