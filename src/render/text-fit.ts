/**
 * Text measuring and line breaking for diagrams drawn without a browser (the swimlane flowcharts): advance widths
 * of Noto Sans CJK SC, and a line breaker that breaks between words (ICU's Chinese word segmentation), never inside
 * a Latin word, a number with its unit or a comparison, and follows the Chinese line-start/line-end rules (禁则).
 */

/** Points to millimetres. */
export const PT_MM = 25.4 / 72;

/**
 * Advance widths (1/100 em) of ASCII 0x20–0x7E in Noto Sans CJK SC, regular and bold, measured with Chromium's
 * canvas `measureText` at 100 px. CJK ideographs, fullwidth punctuation and the symbols below are 1 em.
 */
const ASCII: Record<'regular' | 'bold', number[]> = {
  regular: [22, 32, 47, 55, 55, 92, 68, 28, 34, 34, 47, 55, 28, 35, 28, 39, 55, 55, 55, 55, 55, 55, 55, 55, 55, 55, 28, 28, 55, 55, 55,
    47, 95, 61, 66, 64, 69, 59, 55, 69, 73, 29, 53, 65, 54, 81, 72, 74, 63, 74, 63, 60, 60, 72, 57, 88, 57, 53, 60, 34, 39, 34, 55, 56,
    61, 56, 62, 51, 62, 55, 32, 56, 61, 27, 27, 55, 28, 93, 61, 61, 62, 62, 39, 47, 38, 61, 52, 80, 50, 52, 47, 34, 27, 34, 55],
  bold: [23, 37, 57, 59, 59, 96, 74, 32, 38, 38, 51, 59, 32, 37, 32, 39, 59, 59, 59, 59, 59, 59, 59, 59, 59, 59, 32, 32, 59, 59, 59,
    51, 101, 64, 68, 66, 71, 61, 58, 72, 76, 33, 57, 69, 58, 85, 75, 77, 67, 77, 68, 62, 62, 75, 62, 91, 63, 58, 61, 38, 39, 38, 59, 57,
    63, 59, 64, 53, 64, 58, 37, 60, 64, 30, 31, 60, 31, 96, 64, 63, 64, 64, 44, 49, 42, 64, 58, 86, 56, 57, 51, 38, 30, 38, 59],
};
/** Measured non-ASCII characters narrower than 1 em. */
const NARROW: Record<string, number> = { '\u00A0': 22, '\u202F': 11, '°': 40, '–': 54, '—': 91, '²': 42, '³': 42, 'µ': 66, '₂': 40 };
/** Scripts drawn at 1 em (Han, kana, Hangul, fullwidth forms, CJK punctuation, circled numbers, arrows, maths). */
const WIDE = /[\u1100-\u115F\u2000-\u206F\u2150-\u2BFF\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F000}-\u{1FFFF}\u{20000}-\u{3FFFD}]/u;

/** Width in em of one character (a code point). */
function charEm(ch: string, bold: boolean): number {
  const c = ch.codePointAt(0)!;
  if (c >= 0x20 && c < 0x7f) return ASCII[bold ? 'bold' : 'regular'][c - 0x20] / 100;
  if (c < 0x20 || (c >= 0x300 && c < 0x370) || c === 0x200b) return 0;
  if (NARROW[ch] !== undefined) return NARROW[ch] / 100;
  if (WIDE.test(ch)) return 1;
  // Latin-1 and other alphabets: about an average Latin letter, rounded up so boxes never come out too small.
  return 0.66;
}

/** Width in mm of `text` set in Noto Sans CJK SC at `pt` points. */
export function textWidth(text: string, pt: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += charEm(ch, bold);
  return em * pt * PT_MM;
}

/** Characters that must not start a line (closing punctuation). */
const NO_START = /^[，。、；：！？）》」』】〕〉”’,.;:!?)\]}%…·~\u3001\u3002]/;
/** Characters that must not end a line (opening brackets). */
const NO_END = /[（《「『【〔〈“‘([{]$/;
/** A good place to break: after clause punctuation or a space. */
const CLAUSE = /[，、；。：,;:\s]$/;
const HAN = /\p{Script=Han}/u;
const GLUE_CHARS = /[\u00A0\u202F]/;

let segmenters: Map<string, Intl.Segmenter> | undefined;
function segment(text: string): string[] {
  segmenters ??= new Map();
  const locale = HAN.test(text) ? 'zh' : 'en';
  let s = segmenters.get(locale);
  if (!s) { s = new Intl.Segmenter(locale, { granularity: 'word' }); segmenters.set(locale, s); }
  return [...s.segment(text)].map((x) => x.segment);
}

/**
 * Splits a paragraph into units that are never broken (unless a unit alone is wider than a line): words from ICU's
 * segmentation; runs of one-character Chinese words grouped by twos and threes (`堵漏`, `厂界及`); a number with the
 * unit after it (`15分钟`, `100 kg` glued by U+202F); parts joined by no-break spaces (`泄漏量 ≥ 100 kg`); closing
 * punctuation with the word before it and opening brackets with the word after it.
 */
export function breakUnits(text: string): string[] {
  let hit = unitCache.get(text);
  if (!hit) {
    if (unitCache.size > 20_000) unitCache.clear();
    hit = unitsUncached(text);
    unitCache.set(text, hit);
  }
  return hit;
}

const unitCache = new Map<string, string[]>();

function unitsUncached(text: string): string[] {
  // A stretch between ordinary spaces that holds a no-break space is one segment (`泄漏量 ≥ 100 kg`).
  const segs = text.split(/( +)/).flatMap((chunk) => (GLUE_CHARS.test(chunk) || !chunk.trim() ? [chunk] : segment(chunk)));
  const units: string[] = [];
  let pendingOpen = '';
  const single = (s: string) => [...s].length === 1 && HAN.test(s);
  for (let i = 0; i < segs.length; i++) {
    let s = segs[i];
    // Group runs of single Han characters: in twos, or three when exactly three are left.
    if (single(s)) {
      let j = i;
      while (j + 1 < segs.length && single(segs[j + 1])) j++;
      const run = j - i + 1;
      if (run > 1) {
        const take = run === 3 ? 3 : 2;
        s = segs.slice(i, i + take).join('');
        i += take - 1;
      }
    }
    const prev = units.length ? units[units.length - 1] : undefined;
    if (pendingOpen) { s = pendingOpen + s; pendingOpen = ''; }
    if (NO_END.test(s) && [...s].every((c) => NO_END.test(c))) { pendingOpen = s; continue; }
    const glue = prev !== undefined && (
      NO_START.test(s)
      || GLUE_CHARS.test(s[0]) || GLUE_CHARS.test(prev[prev.length - 1])
      // A number and the unit that follows it.
      || (/[0-9]$/.test(prev) && /^(?:\p{Script=Han}{1,2}|[A-Za-z]{1,3}\d?|%|‰)$/u.test(s))
      // A code or roman numeral and the word after it (`D101底阀`, `IV级`).
      || (/[A-Za-z0-9ⅠⅡⅢⅣⅤ]$/.test(prev) && /^\p{Script=Han}{1,2}$/u.test(s) && !/ $/.test(prev))
      // A decimal point or thousands separator inside a number.
      || (/[0-9][.,]$/.test(prev) && /^[0-9]/.test(s)) || (/[0-9]$/.test(prev) && /^[.,][0-9]/.test(s))
    );
    if (glue) units[units.length - 1] = prev + s;
    else units.push(s);
  }
  if (pendingOpen) units.push(pendingOpen);
  for (let i = units.length - 3; i >= 0; i--) {
    // A connective of a condition (或 / 且 / or / and) starts the line of the clause it joins, never stands alone;
    // a number keeps the unit written after a space (`2 h`, `15 min`).
    const glued = CONNECTIVE.test(units[i]) || (/[0-9]$/.test(units[i]) && UNIT.test(units[i + 2]));
    if (glued && units[i + 1] === ' ') units.splice(i, 3, units[i] + units[i + 1] + units[i + 2]);
  }
  return units;
}

const UNIT = /^(?:h|min|s|d|m|km|kg|t|ppm|mm|cm|m3|L|%|hours?|minutes?|days?|persons?|people)$/;

const CONNECTIVE = /^(?:或|且|and|or)$/;

/**
 * Splits one unit wider than a line into pieces that fit: at its spaces first (a connective's, then inside a
 * comparison, before its operator), a number and its unit staying together; character by character only for a
 * piece that still does not fit.
 */
function splitUnit(unit: string, max: number, pt: number, bold: boolean): string[] {
  // Break after a space, or after a no-break space that does not follow an operator (`≥ 1 人` stays together).
  const words = unit.split(/(?<= |(?<![<>=≤≥≠∈∉])\u00A0)/);
  const out: string[] = [];
  let cur = '';
  for (const w of words) {
    if (cur && textWidth((cur + w).trimEnd(), pt, bold) > max) { out.push(cur.trim()); cur = w; } else cur += w;
  }
  if (cur.trim()) out.push(cur.trim());
  // A connective never ends a piece: it goes with what follows.
  for (let k = out.length - 2; k >= 0; k--) if (CONNECTIVE.test(out[k])) out.splice(k, 2, `${out[k]} ${out[k + 1]}`);
  return out.flatMap((piece) => {
    if (textWidth(piece, pt, bold) <= max) return [piece];
    const chars: string[] = [];
    let c = '';
    for (const ch of piece) {
      if (c && textWidth(c + ch, pt, bold) > max && !NO_START.test(ch)) { chars.push(c); c = ch; } else c += ch;
    }
    if (c) chars.push(c);
    return chars;
  });
}

/** Greedy filling of units into lines of at most `max` mm; prefers breaking after clause punctuation. */
function greedy(units: string[], max: number, pt: number, bold: boolean): string[] & { split?: boolean } {
  let split = false;
  const lines: string[][] = [[]];
  // Widths add up (no kerning between these units): a line's width is the sum of its units', less trailing spaces.
  const widths = new Map<string, number>();
  const uw = (u: string) => { let x = widths.get(u); if (x === undefined) { x = textWidth(u, pt, bold); widths.set(u, x); } return x; };
  const w = (parts: string[]) => {
    let sum = 0;
    for (const p of parts) sum += uw(p);
    for (let k = parts.length - 1; k >= 0 && !parts[k].trim(); k--) sum -= uw(parts[k]);
    if (parts.length) { const last = parts[parts.length - 1]; const t = last.trimEnd(); if (t && t !== last) sum -= uw(last) - uw(t); }
    return sum;
  };
  for (const u of units) {
    const line = lines[lines.length - 1];
    if (!line.length && !u.trim()) continue;
    if (w([...line, u]) <= max || !line.length) {
      if (!line.length && textWidth(u.trim(), pt, bold) > max) {
        const pieces = splitUnit(u.trim(), max, pt, bold);
        split = true;
        line.push(pieces[0]);
        for (const p of pieces.slice(1)) lines.push([p]);
        continue;
      }
      line.push(u);
      continue;
    }
    // Break after the last clause punctuation of this line if that keeps it at least half full.
    let cut = line.length;
    for (let k = line.length - 1; k > 0; k--) {
      if (CLAUSE.test(line[k - 1]) && w(line.slice(0, k)) >= max * 0.5) { cut = k; break; }
    }
    const carry = line.splice(cut);
    const next = [...carry, u].filter((x, i) => i > 0 || x.trim());
    if (next.length && w(next) > max) {
      // The carried words and this one do not fit together: keep them on their own lines.
      lines.push(carry.filter((x) => x.trim()));
      if (!lines[lines.length - 1].length) lines.pop();
      if (textWidth(u.trim(), pt, bold) > max) { split = true; for (const p of splitUnit(u.trim(), max, pt, bold)) lines.push([p]); }
      else lines.push(u.trim() ? [u] : []);
    } else lines.push(next);
  }
  return Object.assign(lines.map((l) => l.join('').trim()).filter(Boolean), { split });
}

/**
 * Breaks `text` into lines no wider than `max` mm at `pt` points: explicit newlines are kept, lines break between
 * the units of {@link breakUnits}, and (with `balance`, the default) the lines of a paragraph are balanced: the
 * narrowest width that needs no more lines than greedy filling, so no line ends as a lone character.
 */
export function breakText(text: string, max: number, pt: number, bold = false, balance = true): string[] {
  const key = `${max.toFixed(3)}|${pt}|${bold ? 1 : 0}|${balance ? 1 : 0}|${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const out = breakUncached(text, max, pt, bold, balance);
  if (cache.size > 20_000) cache.clear();
  cache.set(key, out);
  return out;
}

/** Layouts are tried many times while a chart is paginated: the same text at the same width breaks the same way. */
const cache = new Map<string, string[]>();

function breakUncached(text: string, max: number, pt: number, bold: boolean, balance: boolean): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    const units = breakUnits(para);
    const lines = greedy(units, max, pt, bold);
    if (lines.length < 2 || !balance) { out.push(...lines); continue; }
    // Balance: shrink the width while the line count stays the same.
    let lo = max * 0.5;
    let hi = max;
    let best = lines;
    for (let i = 0; i < 6; i++) {
      const mid = (lo + hi) / 2;
      const again = greedy(units, mid, pt, bold);
      // Narrower only while no word has to be cut that the full width kept whole.
      if (again.length <= lines.length && (!again.split || lines.split) && again.every((l) => textWidth(l, pt, bold) <= mid + 1e-6)) { best = again; hi = mid; } else lo = mid;
    }
    out.push(...widow(best, max, pt, bold));
  }
  return out;
}

/** A last line of one character takes the last word of the line before it, when the two fit. */
function widow(lines: string[], max: number, pt: number, bold: boolean): string[] {
  const last = lines[lines.length - 1];
  if (lines.length < 2 || [...last].length > 1) return lines;
  const prev = breakUnits(lines[lines.length - 2]);
  if (prev.length < 2) return lines;
  const moved = prev[prev.length - 1].trim() + last;
  if (textWidth(moved, pt, bold) > max) return lines;
  return [...lines.slice(0, -2), prev.slice(0, -1).join('').trim(), moved];
}
