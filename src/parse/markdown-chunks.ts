/**
 * Parsing a Markdown text in parts (the pre-scan's `chunks`: cut at top-level headings) and joining the trees into
 * the one tree a whole parse gives: the same nodes, with their positions moved to where each part starts. micromark
 * keeps every event of a parse in one array and rewrites it whenever a list or block quote closes, so one parse of a
 * long document with many sections costs (lists × length) time and holds every event at once; parts keep both to
 * the size of a part.
 */
import type { Root } from 'mdast';

type Positioned = { position?: { start: { line: number; offset?: number }; end: { line: number; offset?: number } }; children?: Positioned[] };

/** Moves every position in a tree by `lines` lines and `offset` characters (columns stay: parts start a line). */
function shift(nodes: Positioned[], lines: number, offset: number): void {
  const stack = [...nodes];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.position) {
      for (const p of [n.position.start, n.position.end]) {
        p.line += lines;
        if (p.offset !== undefined) p.offset += offset;
      }
    }
    if (n.children) for (const c of n.children) stack.push(c);
  }
}

/** Parses `source` in the parts starting at `starts` (the first is 0) and joins them; one part: a plain parse. */
export function parseInChunks(parse: (text: string) => Root, source: string, starts: readonly number[]): Root {
  if (starts.length <= 1) return parse(source);
  const root: Root = { type: 'root', children: [] };
  let lines = 0;
  for (let i = 0; i < starts.length; i++) {
    const from = starts[i];
    const to = i + 1 < starts.length ? starts[i + 1] : source.length;
    const part = source.slice(from, to);
    const tree = parse(part);
    shift(tree.children as Positioned[], lines, from);
    root.children.push(...tree.children);
    if (i + 1 === starts.length && tree.position) {
      const end = tree.position.end;
      root.position = { start: { line: 1, column: 1, offset: 0 }, end: { line: end.line + lines, column: end.column, offset: (end.offset ?? 0) + from } };
    }
    for (let k = part.indexOf('\n'); k >= 0; k = part.indexOf('\n', k + 1)) lines++;
  }
  return root;
}
