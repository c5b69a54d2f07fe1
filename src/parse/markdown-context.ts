import type { Nodes, Parent } from 'mdast';
import type { Diagnostic, Severity } from '../diagnostics.js';
import type { Place, Point } from '../model/place.js';

/** State shared by the Markdown reader's helpers while one file is read. */
export interface Ctx {
  readonly source: string;
  readonly file: string;
  readonly diagnostics: Diagnostic[];
}

type Positioned = { position?: { start: { line: number; column: number; offset?: number }; end: { line: number; column: number; offset?: number } } };

const ORIGIN: Point = { line: 1, column: 1, offset: 0 };

/** Line 1 column 1, for diagnostics with no better place. */
export const at1 = (): Place => ({ start: { ...ORIGIN }, end: { ...ORIGIN } });

/** A model Place from a remark node's position (same conventions: 1-based line/column, 0-based offset). */
export function placeOf(node: Positioned | undefined): Place {
  const p = node?.position;
  if (!p) return at1();
  return {
    start: { line: p.start.line, column: p.start.column, offset: p.start.offset ?? 0 },
    end: { line: p.end.line, column: p.end.column, offset: p.end.offset ?? 0 },
  };
}

/** The place from the start of one node to the end of another. */
export function spanOf(first: Positioned, last: Positioned): Place {
  return { start: placeOf(first).start, end: placeOf(last).end };
}

/** Where a node's content is written: its children's span, or the node itself when it has none. */
export function contentPlace(node: Parent & Positioned): Place {
  const kids = node.children as Positioned[];
  return kids.length ? spanOf(kids[0], kids[kids.length - 1]) : placeOf(node);
}

/** The point at `offset`, counted forward from a known point `ref` at or before it. */
export function pointAt(source: string, ref: Point, offset: number): Point {
  let line = ref.line;
  let lineStart = ref.offset - ref.column + 1;
  for (let i = source.indexOf('\n', ref.offset); i >= 0 && i < offset; i = source.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1, offset };
}

/**
 * Finds `text` as written in the source between two offsets (after any markup such as a backtick), or undefined when
 * the source spells it differently (escapes, emphasis inside, line breaks in a code span).
 */
export function locate(source: string, text: string, from: number, to: number): number | undefined {
  if (!text) return undefined;
  const i = source.indexOf(text, from);
  return i >= 0 && i + text.length <= to ? i : undefined;
}

/** The place of `length` characters at `offset`, given a known point at or before it. */
export function placeAt(source: string, ref: Point, offset: number, length: number): Place {
  const start = pointAt(source, ref, offset);
  return { start, end: pointAt(source, start, offset + length) };
}

/** Adds a diagnostic. */
export function report(ctx: Ctx, ruleId: string, severity: Severity, message: string, messageZh: string, place: Place | undefined): void {
  ctx.diagnostics.push({ ruleId, severity, message, messageZh, file: ctx.file, place: place ?? at1() });
}

const MAX_INLINE_DEPTH = 64;

function collect(node: Nodes, out: string[], depth: number): void {
  switch (node.type) {
    case 'text': case 'inlineCode': case 'html':
      out.push(node.value);
      return;
    case 'break':
      out.push('\n');
      return;
    case 'image': case 'imageReference':
      out.push(node.alt ?? '');
      return;
    case 'footnoteReference':
      return;
    default:
      if ('children' in node && depth < MAX_INLINE_DEPTH) for (const c of node.children) collect(c as Nodes, out, depth + 1);
  }
}

/** Plain text of inline content: code without backticks, emphasis and links stripped, trimmed. */
export function plainText(node: Parent): string {
  const kids = node.children;
  if (kids.length === 1) {
    const only = kids[0];
    if (only.type === 'text' || only.type === 'inlineCode') return only.value.trim();
  }
  const out: string[] = [];
  for (const c of kids) collect(c as Nodes, out, 0);
  return out.join('').trim();
}
