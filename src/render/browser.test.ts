import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePlanFile } from '../parse/index.js';
import { ChromiumNotFoundError, chromiumPath, DiagramError, findChromium, mermaidDiagnostic, Renderer } from './browser.js';
import { flowchart } from './mermaid.js';
import { requireChromium, requirePdftotext } from '../../test/helpers/tools.js';
import { inkRatio, pdfText, svgTexts } from './packet.test-helper.js';

const LEAK = 'plans/chem/hazardous-chemical-leak.md';

describe('finding Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yuan-chromium-'));
  const fake = (name: string) => {
    mkdirSync(join(dir, 'bin'), { recursive: true });
    const p = join(dir, 'bin', name);
    writeFileSync(p, '#!/bin/sh\nexit 0\n');
    chmodSync(p, 0o755);
    return p;
  };

  it('explains how to install it when there is none (English and Chinese)', () => {
    let err: unknown;
    try { findChromium({ PATH: join(dir, 'empty') }); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(ChromiumNotFoundError);
    expect((err as Error).message).toBe('Chromium not found: install it (Debian: apt-get install chromium fonts-noto-cjk) or set YUAN_CHROMIUM=/path/to/chrome');
    expect((err as ChromiumNotFoundError).messageZh).toContain('apt-get install chromium fonts-noto-cjk');
    expect((err as ChromiumNotFoundError).messageZh).toContain('YUAN_CHROMIUM');
    expect(chromiumPath({ PATH: '' })).toBeUndefined();
  });

  it('names a YUAN_CHROMIUM that does not exist', () => {
    expect(() => findChromium({ YUAN_CHROMIUM: '/nonexistent', PATH: '' }))
      .toThrow('YUAN_CHROMIUM=/nonexistent is not an executable file. Chromium not found: install it (Debian: apt-get install chromium fonts-noto-cjk) or set YUAN_CHROMIUM=/path/to/chrome');
  });

  it('prefers YUAN_CHROMIUM, then a valid CHROME_PATH, then PATH (chromium, chromium-browser, google-chrome)', () => {
    const g = fake('google-chrome');
    const bin = join(dir, 'bin');
    expect(findChromium({ PATH: `/nonexistent:${bin}` })).toBe(g);
    const c = fake('chromium-browser');
    expect(findChromium({ PATH: bin })).toBe(c);
    expect(findChromium({ PATH: bin, CHROME_PATH: '/stale/chrome' })).toBe(c);
    expect(findChromium({ PATH: bin, CHROME_PATH: g })).toBe(g);
    expect(findChromium({ PATH: bin, CHROME_PATH: g, YUAN_CHROMIUM: c })).toBe(c);
  });

  it('ignores directories and non-executable files', () => {
    mkdirSync(join(dir, 'd2', 'chromium'), { recursive: true });
    writeFileSync(join(dir, 'd2', 'google-chrome'), 'not executable');
    expect(chromiumPath({ PATH: join(dir, 'd2') })).toBeUndefined();
  });
});

describe('mermaid errors as diagnostics', () => {
  it('keeps the diagram name and the line', () => {
    const d = mermaidDiagnostic('chem-leak/flowchart', "Parse error on line 4:\n...A[\n---^\nExpecting 'SQE', 'DOUBLECIRCLEEND', 'PE', '-)', 'STADIUMEND', got 'EOF'");
    expect(d).toMatchObject({ ruleId: 'render/mermaid', severity: 'error', file: 'chem-leak/flowchart', place: { start: { line: 4, column: 1 } } });
    expect(d.message).toContain("Expecting 'SQE', 'DOUBLECIRCLEEND', 'PE', … got 'EOF'");
    expect(d.messageZh).toMatch(/^图 chem-leak\/flowchart 的 Mermaid 文本有误/);
  });
});

describe.skipIf(!requireChromium())('Renderer (headless Chromium)', () => {
  let r: Renderer;
  const plan = parsePlanFile(LEAK).plan!;
  beforeAll(async () => { r = await Renderer.open(); }, 60_000);
  afterAll(async () => { await r?.close(); });

  it('renders the leak plan flowchart to SVG with the role names in Chinese, as portable SVG text', async () => {
    const svg = await r.renderSvg(flowchart(plan), 'chem-leak/flowchart');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).not.toContain('<foreignObject');
    const text = svgTexts(svg).join('\n');
    for (const role of ['岗位操作工', '值班长', '应急救援队', '警戒疏散组']) expect(text).toContain(role);
  });

  it.skipIf(!requirePdftotext())('renders PNG (not blank) and PDF (text extractable)', async () => {
    const text = flowchart(plan);
    const png = await r.renderPng(text, 1);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(inkRatio(png)).toBeGreaterThan(0.02);
    const pdf = await r.renderPdf(text, { title: '危险化学品泄漏事故专项应急预案 — 流程图' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const t = pdfText(pdf);
    expect(t).toContain('危险化学品泄漏事故专项应急预案');
    expect(t).toContain('应急救援队');
  });

  it('never lets a label become a script element', async () => {
    const svg = await r.renderSvg([
      'flowchart TB',
      '  a["<script>alert(1)</script>"] --> b["<img src=x onerror=alert(2)>"]',
      '  b --> c["#lt;script#gt;alert(3)#lt;/script#gt;"]',
      '  click a call alert(4)',
    ].join('\n'), 'xss');
    expect(svg).not.toMatch(/<script/i);
    expect(svg).not.toMatch(/\son[a-z]+=/i);
    expect(svg).not.toMatch(/<img/i);
    // Entity-coded text (what the generators write) is shown as text, escaped in the markup.
    expect(svg).toContain('&lt;script&gt;alert(3)&lt;/script&gt;');
  });

  it('reports a broken diagram as a DiagramError with a diagnostic, and keeps working', async () => {
    const err = await r.renderSvg('flowchart TB\n  a[ --> ', 'broken/one').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DiagramError);
    expect((err as DiagramError).diagnostic).toMatchObject({ ruleId: 'render/mermaid', file: 'broken/one' });
    expect((err as DiagramError).message).toMatch(/^broken\/one: .*Parse error/);
    expect(await r.renderSvg('flowchart LR\n  a --> b', 'after')).toContain('<svg');
  });

  it('turns a diagram over the time limit into a DiagramError and replaces the page', async () => {
    const slow = await Renderer.open({ timeoutMs: 1 });
    try {
      const err = await slow.renderSvg('flowchart TB\n  a --> b', 'slow').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DiagramError);
      expect((err as DiagramError).message).toContain('timed out after 1 ms');
    } finally {
      await slow.close();
    }
  }, 60_000);

  it('keeps CJK closing punctuation off the start of a wrapped line', async () => {
    // mermaid wraps long labels itself; without the fix "，切断泄漏源" starts the second line.
    const svg = await r.renderSvg('flowchart TB\n  a["确认安全后关闭紧急切断阀，切断泄漏源，并向值班长报告现场情况。"]', 'kinsoku');
    const rows = [...svg.matchAll(/<tspan[^>]*class="text-outer-tspan[^"]*"[^>]*>([\s\S]*?)<\/tspan><\/tspan>/g)].map((m) => m[1].replace(/<[^>]+>/g, ''));
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) expect(row).not.toMatch(/^[，。、；：！？）》」』】]/);
    expect(rows.join('')).toBe('确认安全后关闭紧急切断阀，切断泄漏源，并向值班长报告现场情况。');
  });
});
