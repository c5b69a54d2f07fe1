/**
 * Plan texts of the shapes that used to make the parsers super-linear or run out of memory, each at a size `n`, and
 * the largest `n` the pre-scan accepts (under the 10 MB file limit). Shared by the limits benchmark and its child.
 */
import { MAX_PLAN_BYTES } from '../src/parse/guard.js';
import { prescanMarkdown, prescanYaml } from '../src/parse/prescan.js';

const FRONT = '---\nid: bench\ntitle: 压力测试预案\nkind: special\nparent: general\n---\n\n# 压力测试预案\n\n';

/** A shape: its file kind and its text at size `n`. */
export interface Shape {
  name: string;
  file: 'x.md' | 'x.yaml';
  text: (n: number) => string;
}

const sections = (n: number, body: (i: number) => string) => FRONT + Array.from({ length: n }, (_, i) => `## 第${i + 1}节\n\n${body(i)}\n`).join('');

/** The shapes measured. */
export const SHAPES: readonly Shape[] = [
  { name: 'prose: short lines in sections', file: 'x.md', text: (n) => sections(n, (i) => Array.from({ length: 40 }, (_, k) => `第${i}节第${k}行应急处置说明文字`).join('\n')) },
  { name: 'one section of short lines', file: 'x.md', text: (n) => `${FRONT}${Array.from({ length: n }, (_, i) => `第${i}行说明文字`).join('\n')}\n` },
  { name: 'long lines (100,000 characters)', file: 'x.md', text: (n) => sections(n, (i) => '应急处置'.repeat(25_000 - 4 - String(i).length)) },
  { name: 'lists nested 32 deep, in sections', file: 'x.md', text: (n) => sections(n, () => Array.from({ length: 32 }, (_, d) => `${'  '.repeat(d)}- 第${d}层`).join('\n')) },
  { name: 'quotes nested 32 deep, in sections', file: 'x.md', text: (n) => sections(n, () => `${'> '.repeat(32)}引用内容`) },
  { name: 'tables of 5,000 rows', file: 'x.md', text: (n) => sections(n, (t) => `| 标识 | 措施 | 负责 |\n|---|---|---|\n${Array.from({ length: 4998 }, (_, i) => `| s${t}x${i} | 第${i}项处置措施 | 值班员 |`).join('\n')}`) },
  { name: 'tables of 100 columns', file: 'x.md', text: (n) => sections(n, () => { const row = (c: string) => `|${Array.from({ length: 100 }, () => c).join('|')}|`; return [row(' 列 '), row('---'), ...Array.from({ length: 20 }, () => row(' 值 '))].join('\n'); }) },
  { name: 'emphasis marks, paragraphs of 1,000', file: 'x.md', text: (n) => sections(n, () => '**要点**'.repeat(250)) },
  { name: 'many lists in one section', file: 'x.md', text: (n) => `${FRONT}${Array.from({ length: n }, (_, i) => `- 第${i}项\n\n说明${i}\n`).join('\n')}` },
  { name: 'YAML: long step list', file: 'x.yaml', text: (n) => `plan: {id: bench, title: 压力测试, kind: special, parent: general}\nsteps:\n${Array.from({ length: n }, (_, i) => `  - {id: s${i}, action: 处置${i}}`).join('\n')}\n` },
  { name: 'YAML: one long flow sequence', file: 'x.yaml', text: (n) => `plan: {id: bench, title: 压力测试, kind: special, parent: general}\nnotes: [${Array.from({ length: n }, (_, i) => `n${i}`).join(', ')}]\n` },
];

/** True when the pre-scan (and the size limit) accepts the shape at size n. */
export function accepted(shape: Shape, n: number): boolean {
  const text = shape.text(n);
  if (Buffer.byteLength(text) > MAX_PLAN_BYTES) return false;
  return shape.file === 'x.md' ? prescanMarkdown(text, shape.file).diagnostics.length === 0 : prescanYaml(text, shape.file) === undefined;
}

/** The largest accepted size (a doubling, then a binary search; the pre-scan is linear and fast). */
export function largest(shape: Shape): number {
  let lo = 1;
  if (!accepted(shape, lo)) return 0;
  let hi = 2;
  while (accepted(shape, hi)) { lo = hi; hi *= 2; }
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (accepted(shape, mid)) lo = mid; else hi = mid;
  }
  return lo;
}
