/**
 * Writing text into Markdown so that it reads back as the same plain text (never as emphasis, links, raw HTML or a
 * table column break): the plan export and the after-action report both write through these.
 */
import { stripIllegalXml } from './xml.js';

/** A cell holds one line: line breaks become spaces (the Markdown reader sees them that way too). */
export function cellText(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/**
 * Escapes text so Markdown reads it back as the same plain text: backslashes, code/emphasis/strike markers, link and
 * HTML openers, entity-like `&…;`, and `|` inside tables.
 */
export function escapeInline(s: string, inTable: boolean): string {
  let out = s.replace(/[\\`*~[<]|&(?=#?[A-Za-z0-9]+;)/g, (c, offset: number) => {
    if (c === '<' && !/[A-Za-z/!?]/.test(s[offset + 1] ?? '')) return c;
    return `\\${c}`;
  });
  // `_` only opens/closes emphasis next to a non-word character.
  out = out.replace(/_/g, (c, offset: number, str: string) =>
    (/[A-Za-z0-9]/.test(str[offset - 1] ?? '') && /[A-Za-z0-9]/.test(str[offset + 1] ?? '') ? c : '\\_'));
  if (inTable) out = out.replace(/\|/g, '\\|');
  return out;
}

/** An inline code span holding `text` exactly (longer fence when the text has backticks; `|` escaped in tables). */
export function codeSpan(text: string, inTable: boolean): string {
  const t = cellText(text);
  let fence = '`';
  while (t.includes(fence)) fence += '`';
  const pad = t.startsWith('`') || t.endsWith('`') || (t.startsWith(' ') && t.endsWith(' ') && t.trim()) ? ' ' : '';
  const body = inTable ? t.replace(/\|/g, '\\|') : t;
  return `${fence}${pad}${body}${pad}${fence}`;
}

/**
 * Any value as one line of Markdown text (for a table cell when `inTable`): characters XML cannot hold are dropped,
 * `code` spans (as the scorer writes ids) stay code, everything else is escaped.
 */
export function markdownText(value: unknown, inTable = true): string {
  const text = cellText(stripIllegalXml(String(value ?? '')));
  let out = '';
  let last = 0;
  for (const m of text.matchAll(/`([^`]+)`/g)) {
    out += escapeInline(text.slice(last, m.index), inTable) + codeSpan(m[1], inTable);
    last = m.index + m[0].length;
  }
  return out + escapeInline(text.slice(last), inTable);
}
