/**
 * Fuzzing the parsers with structure generators (fast-check): Markdown built from nested block quotes and lists,
 * tables of any shape, fences, HTML blocks, reference definitions, headings, long lines and mark-dense text, with
 * LF, CRLF or CR line ends; YAML built from nested maps and sequences in block and flow style, with anchors, aliases
 * and alias bombs. Every input must either be refused by the pre-scan (one located diagnostic) or be parsed, and
 * the work a parse does is bounded by what the pre-scan measured: the tree has no more nodes, no deeper nesting and
 * no more lists and block quotes than the scan counted, no table is larger, and micromark's quadratic inline work is
 * within the scan's sum — so the
 * limits bound time and memory. No clock is read: the bound is on work. Markdown that is parsed in parts must give
 * the tree a whole parse gives. Small limits make every refusal reachable with small inputs.
 *
 * Runs: 400 Markdown documents and 300 YAML documents per `npm test` (seeded, so a failure reproduces).
 */
import fc from 'fast-check';
import type { Nodes, Root } from 'mdast';
import { isDeepStrictEqual } from 'node:util';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../src/parse/index.js';
import { parseInChunks } from '../src/parse/markdown-chunks.js';
import { prescanMarkdown, prescanYaml, type MarkdownLimits } from '../src/parse/prescan.js';

export const MARKDOWN_RUNS = 400;
export const YAML_RUNS = 300;
const SEED = 20_251_206;

const LIMITS: MarkdownLimits = {
  maxLineLength: 2_000, maxDepth: 8, maxTableRows: 10, maxCutTableRows: 20, maxColumns: 6, maxInlineWork: 40_000, maxBlockWork: 40_000, maxNodes: 4_000, maxSectionNodes: 2_000,
};
const REFUSALS = new Set(['parse/line-ending', 'parse/line-too-long', 'parse/too-deep', 'parse/too-many-rows', 'parse/too-many-columns', 'parse/too-many-marks', 'parse/too-many-blocks', 'parse/too-many-nodes']);
const whole = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze();
const parse = (text: string): Root => whole.parse(text);

// ------------------------------------------------------------------------------------------------ Markdown shapes

const inlineUnit = fc.constantFrom('a', 'b', '测', '试', ' ', ' ', '*', '_', '~', '[', ']', '(', ')', '`', '\\', '<', '>', '!', '|', '#', '-', '.', ':', '@', '&', 'www.x.cn', 'http://x.cn');
const inline = fc.string({ unit: inlineUnit, maxLength: 40 });
const prefix = fc.array(fc.constantFrom('> ', '>', '- ', '* ', '1. ', '2) ', '  ', '   ', '    ', '\t'), { maxLength: 14 }).map((a) => a.join(''));
const line = fc.tuple(prefix, inline).map(([p, t]) => `${p}${t}`);
const heading = fc.tuple(fc.integer({ min: 1, max: 7 }), inline, fc.constantFrom('', ' ', '  ')).map(([n, t, lead]) => `${lead}${'#'.repeat(n)} ${t}`);
const table = fc.record({ cols: fc.integer({ min: 1, max: 9 }), delim: fc.integer({ min: 1, max: 9 }), rows: fc.integer({ min: 0, max: 14 }), cell: inline, prefix: fc.constantFrom('', '> ', '- ', '  ') })
  .map(({ cols, delim, rows, cell, prefix: p }) => {
    const row = (n: number) => `${p}| ${Array.from({ length: n }, () => cell.replace(/\|/g, '')).join(' | ')} |`;
    return [row(cols), `${p}|${Array.from({ length: delim }, () => '---').join('|')}|`, ...Array.from({ length: rows }, (_, i) => row(1 + ((cols + i) % 10)))].join('\n');
  });
const fence = fc.tuple(fc.constantFrom('```', '~~~', '````', '  ```', '> ```', '- ```'), fc.array(line, { maxLength: 6 }), fc.boolean(), fc.constantFrom('', 'yaml', 'a`b'))
  .map(([f, body, closed, info]) => [`${f}${info}`, ...body, ...(closed ? [f.trim().replace(/^[->] */, '')] : [])].join('\n'));
const html = fc.constantFrom('<!-- 注释 -->', '<!--\n\n# 不是标题\n\n-->', '<pre>\n\n# y\n```\n</pre>', '<div>\n# z\n</div>', '<?php\n\n?>', '<script>\n\n</script>');
const definition = fc.constantFrom('[a]: http://x.cn', '[^1]: 注', '见 [a] 与 [^1]', '[a]\n\n[a]: /x');
const longLine = fc.tuple(fc.constantFrom('a', '*a', '[a', '测', '*[a', '_a ', '~a', 'a]', '| '), fc.integer({ min: 1, max: 1_200 })).map(([u, n]) => u.repeat(n));
const block = fc.oneof(
  { weight: 6, arbitrary: line }, { weight: 2, arbitrary: heading }, { weight: 2, arbitrary: table }, { weight: 1, arbitrary: fence },
  { weight: 1, arbitrary: html }, { weight: 1, arbitrary: definition }, { weight: 1, arbitrary: longLine }, { weight: 3, arbitrary: fc.constant('') },
);
const markdown = fc.tuple(
  fc.constantFrom('', '---\nid: x\ntitle: 测试\nkind: special\n---\n', '---\nid: [\n---\n'),
  fc.array(block, { maxLength: 50 }),
  fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 6 }), // where to repeat a slice (bulk)
  fc.constantFrom('\n', '\n', '\n', '\r\n', '\r'),
).map(([front, blocks, repeats, eol]) => {
  let list = blocks;
  for (const r of repeats) list = [...list, ...list.slice(r % Math.max(1, list.length)).slice(0, 20)];
  return `${front}${list.join('\n')}\n`.replace(/\n/g, eol);
});

/** Nodes of a tree, the deepest nesting of block quotes and lists, table sizes, Σ (marks per inline context)², lists and quotes. */
function measure(tree: Root, text: string): { nodes: number; depth: number; rows: number; cols: number; inline: number; opens: number } {
  let nodes = 0;
  let opens = 0;
  let depth = 0;
  let rows = 0;
  let cols = 0;
  let inline = 0;
  const marksIn = (n: Nodes) => {
    const s = text.slice(n.position?.start.offset ?? 0, n.position?.end.offset ?? 0);
    let m = 0;
    for (const ch of s) if ('*_~[]'.includes(ch)) m++;
    return m;
  };
  const stack: [Nodes, number][] = [[tree, 0]];
  while (stack.length) {
    const [n, d] = stack.pop()!;
    nodes++;
    if (n.type === 'list' || n.type === 'blockquote') opens++;
    const here = n.type === 'blockquote' || n.type === 'listItem' ? d + 1 : d;
    depth = Math.max(depth, here);
    if (n.type === 'table') {
      rows = Math.max(rows, n.children.length - 1);
      for (const r of n.children) cols = Math.max(cols, r.children.length);
    }
    if (n.type === 'paragraph' || n.type === 'heading' || n.type === 'tableCell') inline += marksIn(n) ** 2;
    if ('children' in n) for (const c of n.children as Nodes[]) stack.push([c, here]);
  }
  return { nodes, depth, rows, cols, inline, opens };
}

describe('fuzzing the Markdown reader', () => {
  it(`every document is refused with one located diagnostic, or parsed within the work the pre-scan measured (${MARKDOWN_RUNS} runs)`, () => {
    let refused = 0;
    let split = 0;
    fc.assert(fc.property(markdown, (text) => {
      const scan = prescanMarkdown(text, 'f.md', LIMITS, 60);
      if (scan.diagnostics.length) {
        refused++;
        expect(scan.diagnostics).toHaveLength(1);
        const d = scan.diagnostics[0];
        expect(REFUSALS.has(d.ruleId)).toBe(true);
        expect(d.place!.start.line).toBeGreaterThanOrEqual(1);
        expect(d.place!.start.line).toBeLessThanOrEqual(text.split('\n').length);
        expect(d.place!.start.offset).toBeLessThanOrEqual(text.length);
        return;
      }
      const tree = parse(text);
      if (scan.chunks.length > 1) {
        split++;
        expect(isDeepStrictEqual(parseInChunks(parse, text, scan.chunks, scan.tableHeads), tree)).toBe(true);
      }
      const m = measure(tree, text);
      expect(m.nodes).toBeLessThanOrEqual(scan.stats.nodes + 1);
      expect(m.depth).toBeLessThanOrEqual(scan.stats.maxDepth);
      expect(m.rows).toBeLessThanOrEqual(scan.stats.maxRows);
      expect(m.cols).toBeLessThanOrEqual(Math.max(scan.stats.maxColumns, 1));
      expect(m.inline).toBeLessThanOrEqual(scan.stats.inlineWork);
      expect(m.opens).toBeLessThanOrEqual(scan.stats.opens);
    }), { numRuns: MARKDOWN_RUNS, seed: SEED });
    // The generators reach both outcomes, and parts.
    expect(refused).toBeGreaterThan(MARKDOWN_RUNS / 20);
    expect(refused).toBeLessThan(MARKDOWN_RUNS);
    expect(split).toBeGreaterThan(0);
  });

  it(`the whole reader never throws and never reports an internal error (${MARKDOWN_RUNS / 4} runs)`, () => {
    fc.assert(fc.property(markdown, (text) => {
      const r = parsePlanText(text, 'f.md');
      for (const d of r.diagnostics) expect(d.ruleId).not.toMatch(/internal/);
    }), { numRuns: MARKDOWN_RUNS / 4, seed: SEED + 1 });
  });
});

// ------------------------------------------------------------------------------------------------ YAML shapes

type Y = { s: string } | { seq: Y[]; flow: boolean; anchor?: string } | { map: [string, Y][]; flow: boolean; anchor?: string } | { alias: string };

const scalar = fc.oneof(fc.string({ unit: fc.constantFrom('a', '测', ' ', ':', '-', '#', '"', "'", '[', '{', ',', '&', '*', '!', '|', '>'), maxLength: 12 }).map((s) => JSON.stringify(s)),
  fc.integer().map(String), fc.constantFrom('true', 'null', '~', '1e9', '2026-01-01', 'x'));
const yamlValue: fc.Arbitrary<Y> = fc.letrec<{ v: Y }>((tie) => ({
  v: fc.oneof({ depthSize: 'small', maxDepth: 12 },
    scalar.map((s) => ({ s })),
    fc.record({ seq: fc.array(tie('v'), { maxLength: 5 }), flow: fc.boolean(), anchor: fc.option(fc.constantFrom('a', 'b', 'c'), { nil: undefined }) }),
    fc.record({ map: fc.array(fc.tuple(fc.constantFrom('id', 'k', '名称', 'steps', 'plan', 'a b'), tie('v')), { maxLength: 5 }), flow: fc.boolean(), anchor: fc.option(fc.constantFrom('a', 'b', 'c'), { nil: undefined }) }),
    fc.constantFrom('a', 'b', 'c').map((alias) => ({ alias })),
  ),
})).v;

/** YAML text of a value: block style with indentation, or flow style; anchors and aliases as generated. */
function yamlText(v: Y, indent = 0): string {
  const pad = ' '.repeat(indent);
  if ('s' in v) return v.s;
  if ('alias' in v) return `*${v.alias}`;
  const anchor = v.anchor ? `&${v.anchor} ` : '';
  if ('seq' in v) {
    if (v.flow || !v.seq.length) return `${anchor}[${v.seq.map((x) => yamlText({ ...x, ...('seq' in x || 'map' in x ? { flow: true } : {}) } as Y)).join(', ')}]`;
    return `${anchor}\n${v.seq.map((x) => `${pad}- ${yamlText(x, indent + 2).replace(/^\n/, `\n`)}`).join('\n')}`;
  }
  if (v.flow || !v.map.length) return `${anchor}{${v.map.map(([k, x]) => `${k}: ${yamlText({ ...x, ...('seq' in x || 'map' in x ? { flow: true } : {}) } as Y)}`).join(', ')}}`;
  return `${anchor}\n${v.map.map(([k, x]) => `${pad}${k}: ${yamlText(x, indent + 2)}`).join('\n')}`;
}

const bomb = fc.integer({ min: 3, max: 14 }).map((n) => {
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < n; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]`);
  return lines.join('\n');
});
const yaml = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(yamlValue, fc.constantFrom('', 'plan: {id: x, title: t, kind: special}\n')).map(([v, head]) => `${head}${yamlText(v).replace(/^\n/, '')}\n`) },
  { weight: 1, arbitrary: bomb },
  { weight: 1, arbitrary: fc.integer({ min: 50, max: 400 }).map((n) => `plan: ${'['.repeat(n)}${']'.repeat(n)}\n`) },
  { weight: 1, arbitrary: fc.tuple(yamlValue, fc.constantFrom('\r', '\r\n')).map(([v, eol]) => `plan:${eol}  id: ${yamlText(v)}${eol}`) },
);

describe('fuzzing the YAML reader', () => {
  it(`every document is parsed or refused with located diagnostics, never an internal error (${YAML_RUNS} runs)`, () => {
    fc.assert(fc.property(yaml, (text) => {
      const pre = prescanYaml(text, 'f.yaml', 400);
      const r = parsePlanText(text, 'f.yaml');
      const lines = text.split('\n').length;
      for (const d of r.diagnostics) {
        expect(d.ruleId).not.toMatch(/internal/);
        expect(d.place!.start.line).toBeGreaterThanOrEqual(1);
        expect(d.place!.start.line).toBeLessThanOrEqual(lines + 1);
      }
      if (pre && pre.ruleId === 'parse/line-ending') expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['parse/line-ending']);
    }), { numRuns: YAML_RUNS, seed: SEED + 2 });
  });
});
