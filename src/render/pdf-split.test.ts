import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireChromium, requirePdftotext } from '../../test/helpers/tools.js';
import { parsePlanFile } from '../parse/index.js';
import { renderBatch } from './batch.js';
import { Renderer } from './browser.js';
import { planJobs } from './packet-diagrams.js';
import { splitPdf } from './pdf-split.js';

const pdftotext = (file: string, page?: number) => spawnSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), file, '-'], { encoding: 'utf8' }).stdout;
const pdfinfo = (file: string) => spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;

describe.skipIf(!requireChromium() || !requirePdftotext())('splitPdf (a Chromium print split into parts)', () => {
  let r: Renderer;
  const dir = mkdtempSync(join(tmpdir(), 'yuan-split-'));
  beforeAll(async () => { r = await Renderer.open(); }, 120_000);
  afterAll(async () => { await r?.close(); });

  it('gives each part its own pages, orientation, text and title, and a valid cross-reference table', async () => {
    const page = (text: string, landscape = false) => `<section style="page-break-after:always;${landscape ? 'page:landscape;' : ''}"><h1>${text}</h1></section>`;
    const html = `<!doctype html><html><head><meta charset="utf-8"><style>@page{size:A4}@page landscape{size:A4 landscape}</style></head><body>`
      + `${page('第一部分 甲')}${page('第二部分 乙一', true)}${page('第二部分 乙二')}${page('第三部分 丙')}</body></html>`;
    const pdf = await r.htmlToPdf(html, { footer: false, lang: 'zh' });
    const parts = splitPdf(pdf, [1, 2, 1], ['甲', '乙', '丙']);
    expect(parts).toHaveLength(3);
    const files = parts.map((p, i) => { const f = join(dir, `part${i}.pdf`); writeFileSync(f, p); return f; });
    expect(pdfinfo(files[1])).toMatch(/Pages:\s+2/);
    expect(pdfinfo(files[1])).toMatch(/Title:\s+乙/);
    expect(pdfinfo(files[0])).toMatch(/Pages:\s+1/);
    expect(pdftotext(files[0])).toContain('第一部分 甲');
    expect(pdftotext(files[0])).not.toContain('乙');
    expect(pdftotext(files[1], 1)).toContain('第二部分 乙一');
    expect(pdftotext(files[1], 2)).toContain('第二部分 乙二');
    expect(pdftotext(files[2])).toContain('第三部分 丙');
    // The second part's first page is landscape (poppler reads its MediaBox through the rewritten page tree).
    expect(spawnSync('pdfinfo', ['-f', '1', '-l', '1', files[1]], { encoding: 'utf8' }).stdout).toMatch(/Page\s+1 size:\s+841\.9\d* x 59[45]/);
    // Every xref offset points at its object (a strict reader would reject the file otherwise).
    for (const p of parts) {
      const text = p.toString('latin1');
      const xrefAt = text.lastIndexOf('\nxref\n') + 1;
      const xref = text.slice(xrefAt);
      const entries = [...xref.matchAll(/(\d{10}) 00000 n /g)].map((m) => Number(m[1]));
      expect(entries.length).toBeGreaterThan(3);
      for (const at of entries) expect(text.slice(at, at + 12)).toMatch(/^\d+ 0 obj/);
      expect(Number(/startxref\n(\d+)/.exec(text)![1])).toBe(xrefAt);
    }
    expect(() => splitPdf(pdf, [1, 1])).toThrow(/4 pages, expected 2/);
  }, 120_000);

  it('yuan render prints a plan\'s charts once and writes one PDF per chart with its own pages', async () => {
    const plan = parsePlanFile('plans/chem/hazardous-chemical-leak.md').plan!;
    const { jobs } = planJobs(plan, ['pdf']);
    const out = join(dir, 'render');
    const res = await renderBatch(jobs, out, undefined, { renderer: r });
    expect(res.errors).toEqual([]);
    const files = readdirSync(join(out, plan.meta.id)).filter((f) => f.endsWith('.pdf')).sort();
    expect(files).toHaveLength(jobs.length);
    for (const job of jobs) {
      const file = join(out, `${job.name}.pdf`);
      expect(pdfinfo(file)).toMatch(new RegExp(`Pages:\\s+${job.chart!.pages.length}\\b`));
      expect(pdftotext(file).replace(/\s+/g, '')).toContain(job.chart!.title.replace(/\s+/g, ''));
      expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    }
  }, 180_000);
});
