/** Escaping for everything the reports render: HTML text and attributes, SVG, Markdown table cells. */

import { escapeHtml } from '../html.js';
import stringWidth from 'string-width';
import { codeSpan, markdownText } from '../markdown.js';

/** Escapes text for HTML/SVG text nodes and quoted attribute values (the shared escaper, under the reports' short name). */
export const esc = escapeHtml;

/** Escaped text in which `code` spans (as the scorer writes ids) become <code> elements. */
export function escCode(value: unknown): string {
  return esc(value).replace(/`([^`]+)`/g, '<code>$1</code>');
}

/** Text for a Markdown table cell or paragraph (`markdownText`: escaped so it reads back as text; `code` spans kept). */
export const mdText = (value: unknown): string => markdownText(value);

/** An id or other literal as a Markdown code span (for a table cell). */
export const mdCode = (value: unknown): string => codeSpan(String(value ?? ''), true);

/** Approximate rendered width of text (characters two terminal columns wide — CJK, full-width — count 1 em, others ~0.58 em). */
export function textWidth(s: string, fontSize: number): number {
  let w = 0;
  for (const ch of s) {
    const cols = stringWidth(ch);
    w += cols === 2 ? 1 : cols === 0 ? 0 : /[A-Z0-9]/.test(ch) ? 0.64 : 0.56;
  }
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
