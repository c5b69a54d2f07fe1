/**
 * The one way plan text gets into Mermaid source: labels through {@link label}, ids through {@link IdMap}.
 *
 * Labels are encoded with Mermaid entity codes (`#quot;`, `#lt;`, `#35;` …). Mermaid turns every `#name;` into a
 * private placeholder *before* any diagram grammar sees the text and back into an HTML/XML entity after rendering, so
 * an entity-coded character is inert for every grammar (flowchart, stateDiagram-v2, gantt) and is displayed as the
 * character itself. Plan text therefore can never close a label, start a statement (`click`, `style`, `%%`), become
 * markup (`<script>`), or toggle Markdown-string mode (backticks).
 *
 * Emoji are removed: the PDF/PNG renderer has no emoji font and would draw empty boxes (see docs/flowcharts.md).
 */
import stringWidth from 'string-width';

/** Where a label goes, which decides how line breaks come out and whether a leading keyword needs guarding. */
export type LabelContext =
  /** Flowchart node, edge or subgraph label, state description, transition label: lines joined with `<br/>`. */
  | 'flow'
  /** Statement text that runs to the end of the line (gantt section or title): lines joined with a space. */
  | 'line'
  /** Gantt task name: like `line`, and a leading letter or digit is entity-coded so it cannot read as a keyword. */
  | 'task';

export interface LabelOptions {
  /** Wrap each line to this display width (a CJK character is 2, a Latin letter 1). No wrapping when absent. */
  width?: number;
}

/** Characters replaced by an entity code wherever they occur in a label. */
const ENTITY: Readonly<Record<string, string>> = {
  '"': '#quot;', '&': '#amp;', '<': '#lt;', '>': '#gt;',
  '#': '#35;', ';': '#59;', ':': '#58;', '%': '#37;', '|': '#124;', '`': '#96;', '\\': '#92;',
  '[': '#91;', ']': '#93;', '{': '#123;', '}': '#125;', '(': '#40;', ')': '#41;',
};

// Joiners and variation selectors are matched one by one (not as a combined sequence), so the class is meant.
// eslint-disable-next-line no-misleading-character-class
const EMOJI_SEQUENCE = /\p{Extended_Pictographic}\uFE0F|\p{Emoji_Presentation}|\p{Emoji_Modifier}|[\u{1F1E6}-\u{1F1FF}]|[\u200D\uFE0E\uFE0F\u20E3]|[\u{E0020}-\u{E007F}]/gu;
/** C0/C1 controls (except tab/newline, handled separately), bidi overrides and isolates, BOM, zero-width space. */
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/** Removes emoji (pictographs with emoji presentation, ZWJ sequences, flags, skin tones, keycaps). */
export function stripEmoji(text: string): string {
  return text.replace(EMOJI_SEQUENCE, '');
}

/** Plan text normalised to plain lines: emoji and invisible/bidi characters removed, whitespace tidied. */
export function plainLines(text: string): string[] {
  const cleaned = stripEmoji(text)
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(/\t/g, ' ')
    .replace(INVISIBLE, '');
  return cleaned.split('\n').map((l) => l.replace(/ {2,}/g, ' ').trim()).filter((l) => l !== '');
}

/** Prefixes the gantt lexer matches before task text (case-insensitive); over-approximated on purpose. */
const GANTT_KEYWORD = /^(gantt|dateformat|inclusiveenddates|topaxis|axisformat|tickinterval|includes|excludes|todaymarker|weekday|weekend|title|accdescription|acctitle|accdescr|section|click|href|call|\d{4}-\d\d-\d\d)/i;

/** One line with every special character entity-coded. */
export function encodeLine(line: string, guardStart = false): string {
  let out = '';
  for (const ch of line) out += ENTITY[ch] ?? ch;
  // Gantt reads a task line that starts with a keyword (`section`, `click`, `title`, a date …) as that keyword:
  // entity-code the first character so the line can only be a task name.
  if (guardStart && GANTT_KEYWORD.test(out)) out = `#${out.charCodeAt(0)};${out.slice(1)}`;
  return out;
}

/**
 * The label function: every piece of plan text in a diagram goes through here.
 * Returns text safe inside `"…"` (flowchart/state) and as bare statement text (gantt, transition labels).
 */
export function label(text: string, ctx: LabelContext = 'flow', opts: LabelOptions = {}): string {
  let lines = plainLines(text);
  lines = opts.width ? lines.flatMap((l) => wrapLine(l, opts.width!)) : lines.map((l) => l.replace(/[\u00A0\u202F]/g, ' '));
  if (lines.length === 0) return '—';
  if (ctx !== 'flow') return encodeLine(lines.join(' '), ctx === 'task');
  return lines.map((l) => encodeLine(l)).join('<br/>');
}

/** Characters that must not begin a line (closing punctuation). */
const NO_LINE_START = /[，。、；：！？）》」』】〕,.;:!?)\]}%]/;
/** Characters that must not end a line (opening punctuation). */
const NO_LINE_END = /[（《「『【〔([{]/;
/** Punctuation after which a line break reads naturally. */
const CLAUSE_END = /[，。、；：！？,;]/;
/** Joins the parts of a comparison (`泄漏量 ≥ 100 kg`): broken only when the comparison cannot fit on a line. */
const NBSP = '\u00A0';
/** Joins a number and its unit (`100 kg`): never broken. */
const GLUE = '\u202F';
/** Where a comparison that is too long for a line breaks: before its operator. */
const OPERATOR = /[<>=≤≥≠∈∉]/;

/**
 * Splits one line into lines of at most `width` display columns (a CJK character is 2 columns). Prefers to break
 * at a space or after clause punctuation (，、；) when that keeps the line at least 40 % full, else between two CJK
 * characters, never inside a Latin word or number unless it is longer than a line. A no-break space (U+00A0) keeps
 * a comparison together (`泄漏量 ≥ 100 kg`) unless it is longer than a line, when it breaks there first; a narrow
 * no-break space (U+202F) never breaks (`100 kg`). Both come out as plain spaces.
 */
export function wrapLine(line: string, width: number): string[] {
  const chars = [...line];
  const widths = chars.map((c) => stringWidth(c));
  const ranges = breakRanges(chars, widths, 0, chars.length, width);
  // Widow control: a last line under a third of the width is rebalanced with the line before it.
  if (ranges.length >= 2) {
    const [a, b] = [ranges[ranges.length - 2], ranges[ranges.length - 1]];
    const sum = (r: [number, number]) => widths.slice(r[0], r[1]).reduce((x, y) => x + y, 0);
    if (sum(b) < width / 3) {
      const total = sum(a) + sum(b);
      const again = breakRanges(chars, widths, a[0], b[1], Math.min(width, Math.ceil(total / 2) + 2));
      if (again.length === 2) ranges.splice(ranges.length - 2, 2, ...again);
    }
  }
  const lines = ranges.map(([x, y]) => chars.slice(x, y).join('').replace(/[\u00A0\u202F]/g, ' ').trim()).filter(Boolean);
  return lines.length ? lines : [line.replace(/[\u00A0\u202F]/g, ' ')];
}

/** Greedy line breaking of chars[from, to) into [start, end) ranges; see {@link wrapLine}. */
function breakRanges(chars: string[], widths: number[], from: number, to: number, width: number): [number, number][] {
  /** Break quality before chars[i]: 2 strong (space, clause punctuation), 1.5 inside a comparison, 1 weak (CJK), 0 none. */
  const quality = (i: number): number => {
    if (i <= from || i >= to) return 0;
    const prev = chars[i - 1];
    const next = chars[i];
    if (prev === GLUE || next === GLUE || next === NBSP || NO_LINE_START.test(next) || NO_LINE_END.test(prev)) return 0;
    if (prev === NBSP) return OPERATOR.test(next) ? 1.5 : 0;
    if (prev === ' ' || CLAUSE_END.test(prev)) return 2;
    if (next === ' ') return 0;
    // Keep a number with its unit (`50米`, `15分钟`).
    if (/[0-9.]/.test(prev) && widths[i] === 2) return 0;
    return widths[i - 1] === 2 || widths[i] === 2 ? 1 : 0;
  };
  const out: [number, number][] = [];
  let start = from;
  let w = 0;
  for (let i = from; i < to; i++) {
    if (w + widths[i] <= width || i === start) { w += widths[i]; continue; }
    let cut = -1;
    for (let k = i, acc = w; k > start; k--) {
      if (quality(k) === 2 && acc >= width * 0.4) { cut = k; break; }
      acc -= widths[k - 1];
    }
    if (cut < 0) for (let k = i; k > start; k--) if (quality(k) === 1.5) { cut = k; break; }
    if (cut < 0) for (let k = i; k > start; k--) if (quality(k) >= 1) { cut = k; break; }
    if (cut < 0) cut = i;
    out.push([start, cut]);
    start = cut;
    while (start < to && chars[start] === ' ') start++;
    w = 0;
    for (let k = start; k <= i; k++) w += widths[k];
    if (start > i) i = start - 1;
  }
  if (start < to) out.push([start, to]);
  return out;
}

/** Cuts text to at most `width` display columns, adding `…` when cut. */
export function truncate(text: string, width: number): string {
  const line = plainLines(text).join(' ');
  if (stringWidth(line) <= width) return line;
  let out = '';
  let w = 0;
  for (const ch of line) {
    const cw = stringWidth(ch);
    if (w + cw > width - 1) break;
    out += ch; w += cw;
  }
  return `${out.trimEnd()}…`;
}

/** 32-bit FNV-1a of a string's UTF-16 units, in base 36. */
export function hash36(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/**
 * Stable plan-id → Mermaid-id mapping for one diagram. Every id gets a kind prefix (`s_`, `r_`, `lv_` …), so no
 * generated id can be a Mermaid keyword (`end`, `style`, `subgraph`, `click`, `class`, `note`, `state`). ASCII ids
 * keep their spelling (`first-aid` → `s_first_aid`); others (CJK, spaces, symbols) become `s_x` + a hash of the id,
 * which does not depend on the order of the plan. Collisions get `_2`, `_3` … in registration order.
 */
export class IdMap {
  private readonly byKey = new Map<string, string>();
  private readonly used = new Set<string>();

  /** The Mermaid id of plan id `raw` of kind `prefix`; the same arguments always give the same id. */
  get(prefix: string, raw: string): string {
    const key = `${prefix}\u0000${raw}`;
    const known = this.byKey.get(key);
    if (known) return known;
    const base = `${prefix}_${/^[A-Za-z0-9][A-Za-z0-9_-]{0,48}$/.test(raw) ? raw.replace(/-/g, '_') : `x${hash36(raw)}`}`;
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}_${n}`;
    this.used.add(id);
    this.byKey.set(key, id);
    return id;
  }
}
