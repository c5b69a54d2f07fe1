import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderBatch, safeName, type RenderJob } from './batch.js';
import { requireChromium } from '../../test/helpers/tools.js';
import { inkRatio } from './packet.test-helper.js';

const out = () => mkdtempSync(join(tmpdir(), 'yuan-batch-'));

describe('job names', () => {
  it('cannot leave the output folder', () => {
    expect(safeName('../../etc/passwd')).toBe('etc/passwd');
    expect(safeName('/abs/path')).toBe('abs/path');
    expect(safeName('chem-leak/flowchart-level-II')).toBe('chem-leak/flowchart-level-II');
    expect(safeName('预案 一/流程图')).toBe('预案_一/流程图');
    expect(safeName('..')).toBe('diagram');
    expect(safeName('.hidden/x')).toBe('_hidden/x');
  });
});

describe('text formats need no browser', () => {
  it('writes .mmd and a ```mermaid fence in .md', async () => {
    const dir = out();
    const r = await renderBatch([{ name: 'p/flow', title: '流程', text: 'flowchart TB\n  a --> b', formats: ['mmd', 'md'] }], dir,
      undefined, { executablePath: '/nonexistent' });
    expect(r.errors).toEqual([]);
    expect(readFileSync(join(dir, 'p/flow.mmd'), 'utf8')).toBe('flowchart TB\n  a --> b\n');
    expect(readFileSync(join(dir, 'p/flow.md'), 'utf8')).toBe('# 流程\n\n```mermaid\nflowchart TB\n  a --> b\n```\n');
  });
});

describe.skipIf(!requireChromium())('renderBatch (headless Chromium)', () => {
  it('collects a broken diagram as a per-job error and renders the rest', async () => {
    const dir = out();
    const jobs: RenderJob[] = [
      { name: 'a/first', text: 'flowchart TB\n  s["接警"] --> t["研判"]', formats: ['svg', 'png'] },
      { name: 'a/broken', text: 'flowchart TB\n  s["接警" --> ', formats: ['svg', 'pdf'] },
      { name: 'a/third', text: 'stateDiagram-v2\n  [*] --> 待命\n  待命 --> 响应', formats: ['svg', 'pdf', 'mmd'] },
    ];
    const seen: string[] = [];
    const r = await renderBatch(jobs, dir, (done, total, job, error) => seen.push(`${done}/${total} ${job.name}${error ? ' !' : ''}`), { pages: 1 });
    expect(r.rendered).toBe(2);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ name: 'a/broken', diagnostic: { ruleId: 'render/mermaid', file: 'a/broken' } });
    expect(r.errors[0].message).toMatch(/Parse error/);
    expect(seen).toEqual(['1/3 a/first', '2/3 a/broken !', '3/3 a/third']);
    expect(r.files.map((f) => f.slice(dir.length + 1))).toEqual(['a/first.svg', 'a/first.png', 'a/third.mmd', 'a/third.svg', 'a/third.pdf']);
    expect(existsSync(join(dir, 'a/broken.svg'))).toBe(false);
    expect(readFileSync(join(dir, 'a/first.svg'), 'utf8')).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg/);
    expect(inkRatio(readFileSync(join(dir, 'a/first.png')))).toBeGreaterThan(0.01);
    expect(readFileSync(join(dir, 'a/third.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 60_000);

  it('renders with two pages in parallel, keeping job order in files and errors', async () => {
    const dir = out();
    const jobs: RenderJob[] = Array.from({ length: 6 }, (_, i) => ({
      name: `p/d${i}`, text: i === 3 ? 'flowchart TB\n  x[' : `flowchart LR\n  a${i}["步骤${i}"] --> b${i}["完成"]`, formats: ['svg'],
    }));
    const r = await renderBatch(jobs, dir, undefined, { pages: 2 });
    expect(r.errors.map((e) => e.name)).toEqual(['p/d3']);
    expect(r.files.map((f) => f.slice(dir.length + 1))).toEqual(['p/d0.svg', 'p/d1.svg', 'p/d2.svg', 'p/d4.svg', 'p/d5.svg']);
  }, 60_000);
});
