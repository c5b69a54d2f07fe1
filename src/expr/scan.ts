/** Character-level helpers shared by the lexer and the numeral reader. */
import type { ExprError } from './ast.js';

/** True for an ASCII digit. */
export function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** True when a `-` or `.` at `i` starts a number. */
export function isNumberStart(text: string, i: number): boolean {
  if (text[i] === '-') return isDigit(text[i + 1]) || (text[i + 1] === '.' && isDigit(text[i + 2]));
  return text[i] === '.' && isDigit(text[i + 1]);
}

/** True for the blanks allowed inside a token pair (between a number and its unit, after a bound word). */
export function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\u3000';
}

/** One code point as a string (a surrogate pair stays together, a lone surrogate is one unit). */
export function codePointString(text: string, i: number): string {
  const cp = text.codePointAt(i);
  if (cp === undefined) return '';
  return cp > 0xffff ? text.slice(i, i + 2) : text[i];
}

// Chinese conjunctions are split off the front of a word when the previous token
// ends a value: `1000或火灾`, `3人且受伤`. An identifier can never follow a value,
// so this never breaks valid input. Longest first.
const CJK_CONJUNCTIONS: ReadonlyArray<[string, 'and' | 'or']> = [['并且', 'and'], ['或者', 'or'], ['且', 'and'], ['或', 'or']];

/** The Chinese conjunction `text` starts with at `i`, if any. */
export function conjunctionAt(text: string, i: number): [string, 'and' | 'or'] | undefined {
  return CJK_CONJUNCTIONS.find(([w]) => text.startsWith(w, i));
}

/** Shortens long token text for messages. */
export function clip(s: string): string {
  return s.length > 24 ? `${s.slice(0, 24)}…` : s;
}

/** A lexical error (`expr/syntax` unless told). */
export function lexError(start: number, end: number, message: string, messageZh: string, code = 'expr/syntax'): ExprError {
  return { message, messageZh, start, end, code };
}
