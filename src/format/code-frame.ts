/**
 * Code frames for stylish output: the source line of a place with a `^~~~` underline placed by display width (CJK
 * characters are two columns wide, tabs expand to {@link TAB_SIZE} stops). The cost is bounded by what is printed,
 * not by the file: the line is found through an index of line starts built once per source, and a long line is shown
 * as a window of at most {@link FRAME_WIDTH} characters around the place, cut with `…` — a diagnostic on a 2-million
 * character line, or 10,000 diagnostics on one long line, each cost a few hundred characters of work.
 */
import pc from 'picocolors';
import { displayWidth, graphemeSegmenter } from './width.js';
import type { Place } from '../model/place.js';

type Colors = ReturnType<typeof pc.createColors>;

/** Tab stops used when expanding tabs in code frames (fixed, so output does not depend on the terminal). */
export const TAB_SIZE = 4;

/** Most characters of a source line shown in one frame; longer lines are windowed around the place. */
export const FRAME_WIDTH = 160;

/** Characters of context kept before the place when a long line is windowed. */
const LEAD = 40;


/** A source text with the offset of every line start, found once: `line(n)` is then O(length of that line). */
export class SourceLines {
  private starts: number[] | undefined;
  constructor(readonly text: string) {}

  /** The 1-based line `n` without its line ending, or undefined past the end. */
  line(n: number): string | undefined {
    const starts = (this.starts ??= lineStarts(this.text));
    if (n < 1 || n > starts.length) return undefined;
    const from = starts[n - 1];
    let to = n < starts.length ? starts[n] - 1 : this.text.length;
    if (to > from && this.text.charCodeAt(to - 1) === 13) to -= 1;
    return this.text.slice(from, to);
  }
}

function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

const widths = new Map<string, number>();

/** Display width of one grapheme: printable ASCII is 1; others are measured once and remembered. */
function widthOf(g: string): number {
  const c = g.charCodeAt(0);
  if (g.length === 1 && c >= 0x20 && c < 0x7f) return 1;
  let w = widths.get(g);
  if (w === undefined) {
    w = displayWidth(g);
    if (widths.size < 10_000) widths.set(g, w);
  }
  return w;
}

/** A line prepared for display: tabs expanded, control characters made visible, display column of every grapheme. */
interface DisplayLine {
  text: string;
  /** UTF-16 index in the shown text → display column, at the start of each grapheme (plus the end). */
  stops: { index: number; column: number }[];
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export { displayWidth };

function displayLine(line: string, startColumn = 0): DisplayLine {
  if (PRINTABLE_ASCII.test(line)) {
    // Every character is one grapheme one column wide: no segmenting needed.
    const stops = Array.from({ length: line.length + 1 }, (_, index) => ({ index, column: startColumn + index }));
    return { text: line, stops };
  }
  let text = '';
  let column = startColumn;
  const stops: DisplayLine['stops'] = [];
  for (const { segment, index } of graphemeSegmenter().segment(line)) {
    stops.push({ index, column });
    let shown: string;
    if (segment === '\t') shown = ' '.repeat(TAB_SIZE - (column % TAB_SIZE));
    else if (/^[\u0000-\u001f\u007f-\u009f]/.test(segment)) shown = '·';
    else shown = segment;
    text += shown;
    column += segment === '\t' ? shown.length : widthOf(shown);
  }
  stops.push({ index: line.length, column });
  return { text, stops };
}

/** Display column of a UTF-16 index: the grapheme containing it (`floor`) or the next grapheme boundary (`ceil`). */
function columnAt(dl: DisplayLine, index: number, round: 'floor' | 'ceil'): number {
  let best = round === 'floor' ? dl.stops[0] : dl.stops[dl.stops.length - 1];
  for (const stop of dl.stops) {
    if (round === 'floor' ? stop.index <= index : stop.index >= index) {
      best = stop;
      if (round === 'ceil') break;
    }
  }
  return best.column;
}

/** Moves an index off the second half of a surrogate pair, so a window never splits a character. */
const onCharBoundary = (s: string, i: number): number => {
  const c = s.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff ? i + 1 : i;
};

/**
 * The code frame of a place: its first source line (windowed when long) and an underline. A range that runs past its
 * first line is underlined to the end of that line (or of the window). Returns no lines when the line is unknown.
 */
export function codeFrame(source: string | SourceLines, place: Place, colors: Colors = pc.createColors(false), mark: (s: string) => string = colors.red, indent = 4): string[] {
  const lines = typeof source === 'string' ? new SourceLines(source) : source;
  const line = lines.line(place.start.line);
  if (line === undefined) return [];
  let startIndex = Math.min(Math.max(place.start.column - 1, 0), line.length);
  let endIndex = place.end.line > place.start.line ? line.length : Math.min(Math.max(place.end.column - 1, startIndex), line.length);
  let shown = line;
  let lead = '';
  let tail = '';
  if (line.length > FRAME_WIDTH) {
    const from = onCharBoundary(line, Math.max(0, Math.min(startIndex - LEAD, line.length - FRAME_WIDTH)));
    const to = onCharBoundary(line, Math.min(line.length, from + FRAME_WIDTH));
    shown = line.slice(from, to);
    if (from > 0) lead = '…';
    if (to < line.length) tail = '…';
    startIndex -= from;
    endIndex = Math.min(endIndex - from, shown.length);
  }
  const dl = displayLine(shown, lead.length);
  const startCol = columnAt(dl, startIndex, 'floor');
  let width = columnAt(dl, endIndex, 'ceil') - startCol;
  if (width < 1) width = 1;
  const num = String(place.start.line);
  const gutter = ' '.repeat(indent);
  return [
    `${gutter}${colors.dim(`${num} |`)} ${`${lead}${dl.text}${tail}`.trimEnd()}`,
    `${gutter}${colors.dim(`${' '.repeat(num.length)} |`)} ${' '.repeat(startCol)}${mark(`^${'~'.repeat(width - 1)}`)}`,
  ];
}
