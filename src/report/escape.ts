/** Escaping for everything the reports render: HTML text and attributes, SVG, Markdown table cells. */

import { escapeHtml } from '../html.js';

/** Escapes text for HTML/SVG text nodes and quoted attribute values (the shared escaper, under the reports' short name). */
export const esc = escapeHtml;

/** Escaped text in which `code` spans (as the scorer writes ids) become <code> elements. */
export function escCode(value: unknown): string {
  return esc(value).replace(/`([^`]+)`/g, '<code>$1</code>');
}

/**
 * Text for a Markdown table cell or paragraph: HTML-significant characters become entities (so `<script>` stays text on
 * every renderer), pipes and backslashes are escaped, line breaks become spaces. Backtick code spans are kept.
 */
export function mdText(value: unknown): string {
  return String(value ?? '')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ');
}

/** Approximate rendered width of text (CJK and full-width characters count 1 em, others ~0.58 em). */
export function textWidth(s: string, fontSize: number): number {
  let w = 0;
  for (const ch of s) w += isWide(ch) ? 1 : /[A-Z0-9]/.test(ch) ? 0.64 : 0.56;
  return w * fontSize;
}

/** Cuts text to fit a width, ending with … when cut. */
export function fit(s: string, width: number, fontSize: number): string {
  if (textWidth(s, fontSize) <= width) return s;
  let out = '';
  for (const ch of s) {
    if (textWidth(`${out}${ch}…`, fontSize) > width) break;
    out += ch;
  }
  return `${out}…`;
}

function isWide(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3)
    || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6)
    || (c >= 0x20000 && c <= 0x3fffd);
}
