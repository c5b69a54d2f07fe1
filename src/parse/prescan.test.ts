import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from './index.js';
import { parseMarkdownTree } from './markdown-raw.js';
import { MARKDOWN_LIMITS, MAX_YAML_NODES, prescanMarkdown, prescanYaml } from './prescan.js';

const root = join(import.meta.dirname, '../..');
const FRONT = '---\nid: x\ntitle: 测试预案\nkind: special\nparent: general\n---\n\n# 测试预案\n\n';
const whole = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze();

/** The one refusal of a text: `rule line:column`. */
function refusal(text: string, file = 'x.md'): string {
  const r = parsePlanText(text, file);
  expect(r.plan).toBeUndefined();
  expect(r.diagnostics).toHaveLength(1);
  const d = r.diagnostics[0];
  return `${d.ruleId} ${d.place!.start.line}:${d.place!.start.column}`;
}

describe('the inputs that hung or crashed every command are refused before remark runs', () => {
  it('100 KB of `>` (nested block quotes): refused at the 33rd', () => {
    expect(refusal(`${FRONT}${'>'.repeat(100_000 - FRONT.length)} x\n`)).toBe('parse/too-deep 10:33');
  });

  it('6 MB of short lines: refused once a section passes 100,000 nodes', () => {
    const text = `${FRONT}${'a\n'.repeat(3_000_000)}`;
    // The section opened by the heading on line 8 passes 100,000 nodes (one per line, two for the heading) on line 100,007.
    expect(refusal(text)).toBe('parse/too-many-nodes 100007:1');
  });

  it('a 9 MB list nested 3,000 levels: refused at the 33rd level', () => {
    const lines: string[] = [];
    for (let size = 0, i = 0; size < 9e6; i++) { const l = `${'  '.repeat(i % 3000)}- 第${i}项\n`; lines.push(l); size += l.length; }
    expect(refusal(`${FRONT}${lines.join('')}`)).toBe('parse/too-deep 42:65');
  });

  it('a 3.7 MB table of 50,000 rows: refused at its 20,001st line (read in parts), at its 5,001st when the text cannot be', () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => `| s${i} | 第${i}项处置措施 | operator |\n`);
    const text = `${FRONT}## 响应程序\n\n| 标识 | 措施 | 负责 |\n|---|---|---|\n${rows.join('')}`;
    expect(text.length).toBeGreaterThan(1.5e6);
    expect(refusal(text)).toBe('parse/too-many-rows 20012:1'); // the table's 20,001st line
    // A reference definition resolves across the whole text, so it is parsed whole: 5,000 rows at most.
    const whole6000 = `${FRONT}[ref]: https://example.org\n\n## 响应程序\n\n| 标识 | 措施 | 负责 |\n|---|---|---|\n${rows.slice(0, 6000).join('')}`;
    expect(refusal(whole6000)).toBe('parse/too-many-rows 5014:1');
  });

  it('a table of 10,000 columns, a 2M-character line, CR-only line ends, and a quadratic paragraph', () => {
    const cols = Array.from({ length: 10_000 }, (_, i) => `c${i}`);
    expect(refusal(`${FRONT}| ${cols.join(' | ')} |\n|${cols.map(() => '-').join('|')}|\n`)).toBe('parse/too-many-columns 10:1');
    expect(refusal(`${FRONT}${'测'.repeat(2_000_000)}\n`)).toBe(`parse/line-too-long 10:${MARKDOWN_LIMITS.maxLineLength + 1}`);
    expect(refusal(FRONT.replace(/\n/g, '\r'))).toBe('parse/line-ending 1:4');
    expect(refusal('plan:\r  id: x\r', 'x.yaml')).toBe('parse/line-ending 1:6');
    expect(refusal(`${FRONT}${'*[a'.repeat(5000)}\n`)).toBe('parse/too-many-marks 10:1');
    const d = parsePlanText(FRONT.replace(/\n/g, '\r'), 'x.md').diagnostics[0];
    expect(d.message).toMatch(/carriage return.*classic Mac line endings/);
    expect(d.messageZh).toMatch(/旧式 Mac 换行/);
  });

  it('thousands of lists in one section: refused with the section named; the same lists under headings parse', () => {
    const lists = Array.from({ length: 6000 }, (_, i) => `- 第${i}项\n\n段落${i}\n\n`).join('');
    expect(refusal(`${FRONT}${lists}`)).toBe('parse/too-many-blocks 8:1');
    const sectioned = Array.from({ length: 6000 }, (_, i) => `## 第${i}节\n\n- 第${i}项\n\n段落${i}\n\n`).join('');
    const scan = prescanMarkdown(`${FRONT}${sectioned}`, 'x.md');
    expect(scan.diagnostics).toEqual([]);
    expect(scan.chunks.length).toBeGreaterThan(1);
  });

  it('a YAML plan past the node budget is refused before the library builds it', () => {
    const text = `plan: {id: x, title: t, kind: special}\nnotes:\n${'  - a\n'.repeat(MAX_YAML_NODES)}`;
    expect(refusal(text, 'x.yaml')).toMatch(/^parse\/too-many-nodes \d+:1$/);
    expect(prescanYaml('plan: {id: x}\n', 'x.yaml')).toBeUndefined();
  });
});

describe('parsing in sections gives the tree a whole parse gives', () => {
  const files = ['plans/chem/general.md', 'plans/chem/hazardous-chemical-leak.md', 'plans/chem/tank-farm-leak.md', 'plans/flood/municipal-flood.md', 'docs/plan-format.md', 'docs/drills.md', 'docs/scoring.md'];
  for (const f of files) {
    it(f, () => {
      const text = readFileSync(join(root, f), 'utf8');
      // Parts of about 300 nodes: the file is cut at many of its headings.
      const scan = prescanMarkdown(text, f, MARKDOWN_LIMITS, 300);
      expect(scan.diagnostics).toEqual([]);
      expect(scan.stats.splittable).toBe(true);
      expect(scan.chunks.length).toBeGreaterThan(2);
      expect(isDeepStrictEqual(parseMarkdownTree(text, 300), whole.parse(text))).toBe(true);
    });
  }

  it('cuts a long table between rows and joins its parts into the table a whole parse gives', () => {
    const rows = Array.from({ length: 400 }, (_, i) => `| s${i} | 第${i}项**处置**措施 | ${i % 3 ? 'operator' : ''} |${i % 7 ? '' : ' extra |'}\n`);
    const text = `${FRONT}## 响应程序\n\n| 标识 | 措施 | 负责 |\n|:---|---|--:|\n${rows.join('')}\n正文\n\n| a | b |\n|---|---|\n| 1 | 2 |\n`;
    const scan = prescanMarkdown(text, 'x.md', MARKDOWN_LIMITS, 300);
    expect(scan.tableHeads.size).toBeGreaterThan(5);
    expect(isDeepStrictEqual(parseMarkdownTree(text, 300), whole.parse(text))).toBe(true);
    // The plan reads every row of a 10,000-step table (parse/too-many-rows was 5,000 for any table).
    const steps = Array.from({ length: 10_000 }, (_, i) => `| s${i} | 第${i}项处置措施 | commander | 10分钟 | ${i ? `s${i - 1}` : '—'} |\n`);
    const plan = parsePlanText(`${FRONT}## 应急组织机构及职责\n\n| 标识 | 角色 |\n|---|---|\n| commander | 总指挥 |\n\n## 响应程序\n\n| 标识 | 措施 | 负责 | 时限 | 前置 |\n|---|---|---|---|---|\n${steps.join('')}`, 'x.md');
    expect(plan.diagnostics.filter((d) => d.ruleId.startsWith('parse/too'))).toEqual([]);
    expect(plan.plan?.steps.map((s) => s.id)).toEqual(Array.from({ length: 10_000 }, (_, i) => `s${i}`));
    expect(plan.plan?.steps[9_999].place?.start.line).toBe(20 + 9_999);
  });

  it('does not cut a text whose HTML block or reference definition could span sections', () => {
    for (const tail of ['<!--\n\n# not a heading\n\n-->\n', '[ref]: https://example.org\n', '- item\n  ```\n\n# in a fence?\n  ```\n']) {
      const text = `${FRONT}${'## 一节\n\n正文\n\n'.repeat(3000)}${tail}`;
      const scan = prescanMarkdown(text, 'x.md');
      expect(scan.stats.splittable).toBe(false);
      expect(scan.chunks).toEqual([0]);
    }
  });
});
