/**
 * Tokeniser of the trigger language. Hand-written and linear: no regular
 * expression here can backtrack, so hostile input costs O(n).
 */
import type { CompareOp, ExprError } from './ast.js';
import { UNIT_SPELLINGS } from './units.js';

/** Kinds of token the parser sees; keywords of every spelling are folded to one kind. */
export type TokenKind =
  | 'number' | 'ident' | 'string' | 'true' | 'false'
  | 'and' | 'or' | 'not' | 'in' | 'op'
  | '(' | ')' | '[' | ']' | ',' | 'eof';

/** One token with its span; `text` is the source slice (for messages). */
export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  text: string;
  /** Comparison operator (for `op`). */
  op?: CompareOp;
  /** Identifier name (for `ident`) or unescaped string value (for `string`). */
  value?: string;
  /** Numeric value (for `number`). */
  num?: number;
  unit?: string;
  unitStart?: number;
  unitEnd?: number;
}

const IDENT_START = /[\p{L}_]/u;
const IDENT_PART = /[\p{L}\p{N}_]/u;
const ASCII_UNIT_PART = /[A-Za-z0-9_/³²µ°%]/;
const ASCII_UNIT_START = /[A-Za-z°µ%]/;

// ASCII keywords are case-insensitive (`AND`, `Or`); they are whole words only.
const WORD_KEYWORDS = new Map<string, TokenKind>([
  ['and', 'and'], ['or', 'or'], ['not', 'not'], ['in', 'in'], ['true', 'true'], ['false', 'false'],
  ['且', 'and'], ['并且', 'and'], ['或', 'or'], ['或者', 'or'], ['非', 'not'],
]);

// Chinese conjunctions are split off the front of a word when the previous token
// ends a value: `1000或火灾`, `3人且受伤`. An identifier can never follow a value,
// so this never breaks valid input. Longest first.
const CJK_CONJUNCTIONS: ReadonlyArray<[string, TokenKind]> = [['并且', 'and'], ['或者', 'or'], ['且', 'and'], ['或', 'or']];

const VALUE_END: ReadonlySet<TokenKind> = new Set<TokenKind>(['number', 'ident', 'string', 'true', 'false', ')', ']']);

// Closing quote for each opening quote we accept.
const QUOTES: Record<string, string> = { "'": "'", '"': '"', '“': '”', '‘': '’' };

/** Result of tokenising: the tokens (ending in `eof`) or the first lexical error. */
export type LexResult = { tokens: Token[]; error?: undefined } | { tokens?: undefined; error: ExprError };

/** Splits `text` into tokens; stops at the first lexical error. */
export function tokenize(text: string): LexResult {
  const tokens: Token[] = [];
  let i = 0;
  const n = text.length;
  const push = (t: Token): void => { tokens.push(t); };
  const prevEndsValue = (): boolean => tokens.length > 0 && VALUE_END.has(tokens[tokens.length - 1].kind);

  while (i < n) {
    const c = text[i];
    if (/\s/.test(c)) { i++; continue; }
    // Operators and punctuation (ASCII, fullwidth and math symbols).
    const sym = symbolAt(text, i);
    if (sym) { push(sym); i = sym.end; continue; }

    if (c === '&' || c === '|') {
      return { error: lexError(i, i + 1, `Unexpected \`${c}\`, expected \`${c}${c}\``, `意外的 \`${c}\`，应为 \`${c}${c}\``) };
    }

    // Numbers, optionally signed; there is no subtraction, so `-` only ever starts a number.
    if (isDigit(c) || ((c === '-' || c === '.') && isNumberStart(text, i))) {
      const r = readNumber(text, i);
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
      if (prevEndsValue()) {
        const conj = CJK_CONJUNCTIONS.find(([w]) => text.startsWith(w, i));
        if (conj) {
          push({ kind: conj[1], start: i, end: i + conj[0].length, text: conj[0] });
          i += conj[0].length;
          continue;
        }
      }
      let j = i + codePointString(text, i).length;
      while (j < n) {
        const ch = codePointString(text, j);
        if (!IDENT_PART.test(ch)) break;
        j += ch.length;
      }
      const word = text.slice(i, j);
      // Whole words only, so `android` and `非法排放` stay identifiers.
      const kw = WORD_KEYWORDS.get(word.toLowerCase());
      if (kw !== undefined) {
        push({ kind: kw, start: i, end: j, text: word });
      } else {
        push({ kind: 'ident', start: i, end: j, text: word, value: word });
      }
      i = j;
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
    case '=': case '＝': return next === '=' || next === '＝' ? tok('op', 2, '==') : tok('op', 1, '==');
    case '!': case '！': return next === '=' || next === '＝' ? tok('op', 2, '!=') : tok('not', 1);
    case '≥': case '⩾': return tok('op', 1, '>=');
    case '≤': case '⩽': return tok('op', 1, '<=');
    case '≠': return tok('op', 1, '!=');
    case '&': return next === '&' ? tok('and', 2) : undefined;
    case '|': return next === '|' ? tok('or', 2) : undefined;
    default: return undefined;
  }
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isNumberStart(text: string, i: number): boolean {
  if (text[i] === '-') return isDigit(text[i + 1]) || (text[i + 1] === '.' && isDigit(text[i + 2]));
  return text[i] === '.' && isDigit(text[i + 1]);
}

function readNumber(text: string, start: number): { token: Token } | { error: ExprError } {
  let i = start;
  if (text[i] === '-') i++;
  while (isDigit(text[i])) i++;
  if (text[i] === '.' && isDigit(text[i + 1])) {
    i++;
    while (isDigit(text[i])) i++;
  }
  // An exponent needs digits after `e`, otherwise the `e…` is a unit (`100eur`).
  if ((text[i] === 'e' || text[i] === 'E') &&
      (isDigit(text[i + 1]) || ((text[i + 1] === '+' || text[i + 1] === '-') && isDigit(text[i + 2])))) {
    i += 2;
    while (isDigit(text[i])) i++;
  }
  const raw = text.slice(start, i);
  const value = Number(raw);
  if (!Number.isFinite(value)) {
    return { error: lexError(start, i, `Unexpected number \`${clip(raw)}\`, expected a finite number`, `意外的数值 \`${clip(raw)}\`，应为有限数值`) };
  }
  const token: Token = { kind: 'number', start, end: i, text: raw, num: value };
  const unit = readUnit(text, i);
  if (unit) {
    token.unit = text.slice(unit.start, unit.end);
    token.unitStart = unit.start;
    token.unitEnd = unit.end;
    token.end = unit.end;
    token.text = text.slice(start, unit.end);
  }
  return { token };
}

/**
 * A unit after a number: directly attached (`100kg`, `3人`) or after spaces
 * (`100 kg`). After spaces only a known unit counts (the next word is otherwise
 * a keyword or an error anyway); directly attached, an unknown ASCII run is taken
 * as a unit too so the checker can say "unknown unit `kgs`".
 */
function readUnit(text: string, at: number): { start: number; end: number } | undefined {
  let i = at;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\u3000')) i++;
  const attached = i === at;
  for (const u of UNIT_SPELLINGS) {
    const slice = text.slice(i, i + u.length);
    if (slice.length !== u.length || slice.toLowerCase() !== u.toLowerCase()) continue;
    const last = u[u.length - 1];
    // ASCII units need a boundary (`100kgs` is not `kg` + `s`); CJK units do not (`3人且…`).
    if (/[\x00-\x7f³²]/.test(last) && ASCII_UNIT_PART.test(text[i + u.length] ?? '')) continue;
    return { start: i, end: i + u.length };
  }
  if (attached && ASCII_UNIT_START.test(text[i] ?? '')) {
    let j = i + 1;
    while (j < text.length && ASCII_UNIT_PART.test(text[j])) j++;
    return { start: i, end: j };
  }
  return undefined;
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

// One code point as a string (a surrogate pair stays together, a lone surrogate is one unit).
function codePointString(text: string, i: number): string {
  const cp = text.codePointAt(i);
  if (cp === undefined) return '';
  return cp > 0xffff ? text.slice(i, i + 2) : text[i];
}

/** Shortens long token text for messages. */
export function clip(s: string): string {
  return s.length > 24 ? `${s.slice(0, 24)}…` : s;
}

function lexError(start: number, end: number, message: string, messageZh: string): ExprError {
  return { message, messageZh, start, end, code: 'expr/syntax' };
}
