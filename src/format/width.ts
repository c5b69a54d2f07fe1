/**
 * Display width of terminal text, as `string-width` measures it (CJK and emoji two columns, controls, combining marks
 * and zero-width characters none) — but with nothing done at load time: `string-width` builds an `Intl.Segmenter`
 * when it is imported, which costs a cold `yuan lint` ~20 ms even when there is nothing to print. Printable ASCII is
 * measured without segmenting at all.
 */
import emojiRegex from 'emoji-regex';
import { eastAsianWidth } from 'get-east-asian-width';
import stripAnsi from 'strip-ansi';

let graphemes: Intl.Segmenter | undefined;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const DEFAULT_IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;
let emoji: RegExp | undefined;

/** A grapheme segmenter, made on first use. */
export function graphemeSegmenter(): Intl.Segmenter {
  return (graphemes ??= new Intl.Segmenter('en', { granularity: 'grapheme' }));
}

/** Columns `text` takes in a terminal. */
export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  const s = stripAnsi(text);
  let width = 0;
  for (const { segment } of graphemeSegmenter().segment(s)) {
    const cp = segment.codePointAt(0)!;
    if (cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f)) continue; // control characters
    if ((cp >= 0x200b && cp <= 0x200f) || cp === 0xfeff) continue; // zero-width
    if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x1ab0 && cp <= 0x1aff) || (cp >= 0x1dc0 && cp <= 0x1dff)
      || (cp >= 0x20d0 && cp <= 0x20ff) || (cp >= 0xfe20 && cp <= 0xfe2f)) continue; // combining marks
    if (cp >= 0xd800 && cp <= 0xdfff) continue; // lone surrogates
    if (cp >= 0xfe00 && cp <= 0xfe0f) continue; // variation selectors
    if (DEFAULT_IGNORABLE.test(segment)) continue;
    if ((emoji ??= emojiRegex()).test(segment)) { width += 2; emoji.lastIndex = 0; continue; }
    width += eastAsianWidth(cp, { ambiguousAsWide: false });
  }
  return width;
}
