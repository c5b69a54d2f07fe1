import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { parseMarkdownRaw } from './markdown-raw.js';
it('bench', () => {
  const src = readFileSync('plans/chem/hazardous-chemical-leak.md', 'utf8');
  const bare = unified().use(remarkParse).freeze();
  const full = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze();
  const time = (name: string, f: () => unknown) => {
    for (let i = 0; i < 50; i++) f();
    const t = performance.now(); const n = 300;
    for (let i = 0; i < n; i++) f();
    const ms = (performance.now() - t) / n;
    console.log(name, ms.toFixed(3), 'ms');
    return ms;
  };
  for (let k = 0; k < 2; k++) {
    const a = time('bare remark', () => bare.parse(src));
    const b = time('remark+gfm+fm', () => full.parse(src));
    const c = time('yuan raw', () => parseMarkdownRaw(src, 'x.md'));
    console.log('ratio vs bare', (c / a).toFixed(2), 'vs full', (c / b).toFixed(2));
  }
});
