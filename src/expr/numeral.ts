/**
 * Number literals as regulations write them: `100`, `1.5`, `1e3`, `1,000,000` (thousands separators),
 * `100万`, `1.5万`, `1亿` (万/亿 scales), and the unit after them, attached or after a space
 * (`0.72 MPa`, `10万人`, `1000万元`, `5公顷`).
 *
 * Thousands separators are ASCII commas between groups of exactly three digits, no spaces. Inside an
 * `in [ … ]` list a comma separates items, so `[1,234]` could be one number or two: the lexer refuses it
 * (write `[1, 234]` or `[1234]`) rather than guess. `[1,2]` and `[10, 20]` are unambiguous lists.
 */
import type { ExprError } from './ast.js';
import { boundWordAt, PREFIX_BOUND_WORDS, SUFFIX_BOUND_WORDS } from './bounds.js';
import type { Token } from './lexer.js';
import { clip, codePointString, conjunctionAt, isBlank, isDigit, lexError } from './scan.js';
import { lookupUnit, roundConverted, SCALE_WORDS, UNIT_SPELLINGS } from './units.js';

/** Context of a number: inside an `in` list (commas separate items) and the plan's declared unit spellings. */
export interface NumberContext {
  inList: boolean;
  units: readonly string[];
}

const ASCII_UNIT_PART = /[A-Za-z0-9_/³²µ°%]/;
const ASCII_UNIT_START = /[A-Za-z°µ%]/;
const CJK_UNIT_PART = /[\p{L}/²³]/u;

// Every length a table spelling has, plus one for a 万/亿 prefix, longest first.
const UNIT_LENGTHS = [...new Set(UNIT_SPELLINGS.flatMap((u) => [u.length, u.length + 1]))].sort((a, b) => b - a);

/** Reads a number (with separators, scale and unit) starting at `start`. */
export function readNumber(text: string, start: number, ctx: NumberContext): { token: Token } | { error: ExprError } {
  let i = start;
  if (text[i] === '-') i++;
  const intStart = i;
  while (isDigit(text[i])) i++;
  const intDigits = i - intStart;
  let grouped = false;
  if (text[i] === ',' && isDigit(text[i + 1])) {
    const run = digitRun(text, i + 1);
    if (ctx.inList) {
      if (intDigits >= 1 && intDigits <= 3 && run === 3) return { error: ambiguousComma(text, start, i) };
    } else {
      if (intDigits < 1 || intDigits > 3 || run !== 3) return { error: badGroups(text, start, i + 1 + run) };
      while (text[i] === ',' && isDigit(text[i + 1])) {
        const r = digitRun(text, i + 1);
        if (r !== 3) return { error: badGroups(text, start, i + 1 + r) };
        i += 4;
      }
      grouped = true;
    }
  }
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
  if (!ctx.inList && text[i] === ',' && isDigit(text[i + 1])) return { error: badGroups(text, start, i + 1 + digitRun(text, i + 1)) };
  let raw = text.slice(start, i);
  let value = Number(grouped ? raw.replace(/,/g, '') : raw);
  // 万/亿 right after the numeral scale it, unless they begin a known unit (`10万元`, `5万人` keep 万 in the unit).
  const scale = SCALE_WORDS.get(text[i]);
  let scaled = false;
  if (scale !== undefined && knownUnitLength(text, i, ctx.units) === 0) {
    value = roundConverted(value * scale);
    i++;
    raw = text.slice(start, i);
    scaled = true;
  }
  if (!Number.isFinite(value)) {
    return { error: lexError(start, i, `Unexpected number \`${clip(raw)}\`, expected a finite number`, `意外的数值 \`${clip(raw)}\`，应为有限数值`) };
  }
  const token: Token = { kind: 'number', start, end: i, text: raw, num: value };
  if (grouped || scaled) token.numText = raw;
  const unit = readUnit(text, i, ctx.units);
  if (unit) {
    token.unit = text.slice(unit.start, unit.end);
    token.unitStart = unit.start;
    token.unitEnd = unit.end;
    token.end = unit.end;
    token.text = text.slice(start, unit.end);
  }
  return { token };
}

function digitRun(text: string, i: number): number {
  let k = i;
  while (isDigit(text[k])) k++;
  return k - i;
}

function ambiguousComma(text: string, start: number, comma: number): ExprError {
  const num = text.slice(start, comma + 4);
  const a = text.slice(start, comma);
  const b = text.slice(comma + 1, comma + 4);
  return lexError(start, comma + 4,
    `Unexpected \`${num}\` in a list: one number or two? Expected \`${a}, ${b}\` (two items) or \`${a}${b}\` (one number)`,
    `意外的 \`${num}\`：列表中无法区分千位分隔符与逗号，应写为 \`${a}, ${b}\`（两项）或 \`${a}${b}\`（一个数）`);
}

function badGroups(text: string, start: number, end: number): ExprError {
  const num = clip(text.slice(start, end));
  return lexError(start, end,
    `Unexpected \`${num}\`, expected thousands separators between groups of exactly three digits (\`1,000,000\`)`,
    `意外的 \`${num}\`：千位分隔符应每三位一组（如 \`1,000,000\`）`);
}

/**
 * A unit after a number: a known unit (the table, with an optional 万/亿 prefix, or a unit the plan declares),
 * attached or after blanks (`100kg`, `0.72 MPa`); directly attached, also an unknown ASCII run (`100kgs`) or a run
 * of CJK letters (`5公顷`, `10头`) up to a bound word or conjunction (`10头以上或…`), so the checker can accept it
 * against a fact declaring that unit or name it in an error.
 */
function readUnit(text: string, at: number, declared: readonly string[]): { start: number; end: number } | undefined {
  let i = at;
  while (isBlank(text[i])) i++;
  const attached = i === at;
  const known = knownUnitLength(text, i, declared);
  if (known > 0) return { start: i, end: i + known };
  if (!attached) return undefined;
  if (ASCII_UNIT_START.test(text[i] ?? '')) {
    let j = i + 1;
    while (j < text.length && ASCII_UNIT_PART.test(text[j])) j++;
    return { start: i, end: j };
  }
  let j = i;
  while (j < text.length) {
    const ch = codePointString(text, j);
    if (ch.charCodeAt(0) < 0x80 && ch !== '/') break;
    if (!CJK_UNIT_PART.test(ch) || stopsUnit(text, j)) break;
    j += ch.length;
  }
  while (j > i && text[j - 1] === '/') j--;
  return j > i ? { start: i, end: j } : undefined;
}

// A bound word or a conjunction ends a unit written in CJK letters.
function stopsUnit(text: string, j: number): boolean {
  return boundWordAt(text, j, SUFFIX_BOUND_WORDS) !== undefined || boundWordAt(text, j, PREFIX_BOUND_WORDS) !== undefined ||
    conjunctionAt(text, j) !== undefined;
}

/** Length of the longest known unit at `i` (table spelling, 万/亿 + table spelling, or declared spelling), or 0. */
function knownUnitLength(text: string, i: number, declared: readonly string[]): number {
  let best = 0;
  for (const len of UNIT_LENGTHS) {
    if (len <= best) break;
    const slice = text.slice(i, i + len);
    if (slice.length === len && lookupUnit(slice) && endsCleanly(text, i + len, slice)) best = len;
  }
  for (const u of declared) {
    if (u.length > best && text.startsWith(u, i) && endsCleanly(text, i + u.length, u)) best = u.length;
  }
  return best;
}

// ASCII units need a boundary (`100kgs` is not `kg` + `s`); CJK units do not (`3人且…`).
function endsCleanly(text: string, end: number, unit: string): boolean {
  return !(/[\x00-\x7f³²]/.test(unit[unit.length - 1]) && ASCII_UNIT_PART.test(text[end] ?? ''));
}
