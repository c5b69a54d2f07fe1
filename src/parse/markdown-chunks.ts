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

/**
 * Parses `source` in the parts starting at `starts` (the first is 0) and joins them; one part: a plain parse. A part
 * listed in `tableHeads` starts inside a table: it is parsed after that table's header and delimiter lines, and its
 * rows are appended to the table the previous part ended with. Should a part not read as such a continuation, the
 * text is parsed whole.
 */
export function parseInChunks(parse: (text: string) => Root, source: string, starts: readonly number[], tableHeads: ReadonlyMap<number, readonly [number, number]> = new Map()): Root {
  if (starts.length <= 1) return parse(source);
  const root: Root = { type: 'root', children: [] };
  let lines = 0;
  for (let i = 0; i < starts.length; i++) {
    const from = starts[i];
    const to = i + 1 < starts.length ? starts[i + 1] : source.length;
    const part = source.slice(from, to);
    const head = tableHeads.get(from);
    const prefix = head ? source.slice(head[0], head[1]) : '';
    const tree = parse(prefix + part);
    const prefixLines = countLines(prefix);
    shift(tree.children as Positioned[], lines - prefixLines, from - prefix.length);
    if (head && !continueTable(root, tree)) return parse(source);
    root.children.push(...tree.children);
    if (i + 1 === starts.length && tree.position) {
      const end = tree.position.end;
      root.position = { start: { line: 1, column: 1, offset: 0 }, end: { line: end.line + lines - prefixLines, column: end.column, offset: (end.offset ?? 0) + from - prefix.length } };
    }
    lines += countLines(part);
  }
  return root;
}

function countLines(text: string): number {
  let n = 0;
  for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) n++;
  return n;
}

/**
 * Moves the rows of `tree`'s first node, a table (after its header row), onto the last node of `root`, the same table
 * so far; false when the two are not a table and its continuation with the same header.
 */
function continueTable(root: Root, tree: Root): boolean {
  const prev = root.children[root.children.length - 1];
  const next = tree.children[0];
  if (prev?.type !== 'table' || next?.type !== 'table' || next.children.length < 2) return false;
  if (JSON.stringify(prev.align) !== JSON.stringify(next.align) || prev.children[0].children.length !== next.children[0].children.length) return false;
  const rows = next.children.slice(1);
  prev.children.push(...rows);
  if (prev.position && next.position) prev.position.end = next.position.end;
  tree.children.shift();
  return true;
}
