import { readFileSync } from 'node:fs';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { miniPlan } from '../../test/helpers/lint.js';
import type { Diagnostic } from '../diagnostics.js';
import { collectPlanFiles } from './files.js';
import { buildPlan } from './markdown-build.js';
import { parseMarkdownTree } from './markdown-raw.js';

// yuan reads GFM without autolink literals (they cost a quarter of the parse): the plans it builds must be the same
// as with all of remark-gfm, URLs and e-mail addresses in cells and prose included.
const full = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze();
const build = (tree: ReturnType<typeof parseMarkdownTree>, source: string) => {
  const diagnostics: Diagnostic[] = [];
  return { plan: buildPlan(tree, { source, file: 'x.md', diagnostics }), diagnostics };
};

describe('Markdown without autolink literals', () => {
  const files = collectPlanFiles(['plans']).files.filter((f) => f.endsWith('.md'));
  const links = miniPlan({
    extra: '## 10 附则\n\n联系 www.example.gov.cn 或 https://yjglj.example.cn/a?b=1，邮箱 duty@example.cn；~~旧号码~~ 已停用[^1]。\n\n[^1]: 2025年起。\n\n- [x] 已备案 http://x.cn',
  }).replace('| commander | 总指挥 | 总经理 | deputy | 0571-1 |', '| commander | 总指挥 | 总经理 | deputy | www.example.cn / a@b.cn |');

  it.each([...files.map((f) => [f, readFileSync(f, 'utf8')]), ['links.md', links]])('%s: the same plan as with full GFM', (_, source) => {
    const lean = build(parseMarkdownTree(source), source);
    const withAutolinks = build(full.parse(source), source);
    expect(JSON.stringify(lean)).toBe(JSON.stringify(withAutolinks));
  });

  it('does see the difference in the tree (the test can fail)', () => {
    const types = (t: unknown): string[] => JSON.stringify(t).match(/"type":"link"/g) ?? [];
    expect(types(full.parse(links)).length).toBeGreaterThan(0);
    expect(types(parseMarkdownTree(links))).toEqual([]);
  });
});
