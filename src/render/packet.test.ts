import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { miniPlan } from '../../test/helpers/lint.js';
import { parsePlanFile, parsePlanText } from '../parse/index.js';
import { lintFiles } from '../validate/index.js';
import { CHROMIUM_ARGS, findChromium, Renderer } from './browser.js';
import { planDiagrams } from './packet-diagrams.js';
import { requireChromium, requirePdftoppm, requirePdftotext } from '../../test/helpers/tools.js';
import { inkRatio, pdfPages, pdfText, pdfWords, svgsOf, svgTextSizesPt } from './packet.test-helper.js';
import { messageHtml } from './packet-tables.js';
import { buildPacket, packetHtml, pdfPageCount, renderPacket, scrubSvg, type PacketPlan } from './packet.js';

const LEAK = 'plans/chem/hazardous-chemical-leak.md';
const XSS = '<script>alert(1)</script>';

/** A plan whose title, roles, steps and resources try to inject markup. */
function hostilePlan() {
  const text = miniPlan({
    front: `---\nid: xss\ntitle: "${XSS}泄漏预案"\nkind: special\nparent: general\nversion: "1.0"\nreviewed: 2025-06-01\nowner: "<img src=x onerror=alert(2)>"\n---`,
    roles: `## 3 应急组织机构及职责\n\n| 标识 | 角色 | 担任 | 副职 | 联系方式 | 职责 |\n|---|---|---|---|---|---|\n| commander | 总指挥${XSS} | 总经理 | deputy | 0571-1 | 决定II级响应 |\n| deputy | 副总指挥 | 生产副总 | commander | 0571-2 | 决定III级响应 |\n| operator | 操作工 | 当班操作工 | 班长 | 0571-3 | 报警 |\n| reporting | 信息报送 | 安全员 | 副部长 | 0571-4 | 上报 |`,
    steps: `## 6 响应程序\n\n| 标识 | 措施 | 负责 | 时限 | 前置 | 级别 | 资源 | 通知 |\n|---|---|---|---|---|---|---|---|\n| alarm | 报警${XSS} | operator | 1分钟 | — | 全部 | — | deputy |\n| isolate | 关阀"]; click a call alert(5) | operator | 3分钟 | alarm | 全部 | scba×1 | deputy |\n| report | 上报 | reporting | 1小时 | alarm | II | — | commander |`,
  });
  const r = parsePlanText(text, 'xss.md');
  if (!r.plan) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r.plan;
}

describe('packet HTML', () => {
  it('escapes every piece of plan text and strips scripts from diagrams', () => {
    const plan = hostilePlan();
    const html = packetHtml([{
      plan,
      diagnostics: [{ ruleId: 'x/y', severity: 'warning', file: 'xss.md', message: `bad ${XSS}`, place: { start: { line: 3, column: 5, offset: 0 }, end: { line: 3, column: 9, offset: 0 } } }],
      diagrams: [{ key: 'flowchart', title: `图${XSS}`, text: '', svg: `<svg viewBox="0 0 10 10"><script>alert(3)</script><a href="javascript:alert(4)"><rect onclick="alert(5)"/></a></svg>` }],
    }], { lang: 'zh', date: '2026-11-25' });
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/\sonclick=/i);
    expect(html).not.toContain('javascript:');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;泄漏预案');
    expect(html).toContain('总指挥&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('3:5');
    expect(html).toContain('警告');
  });

  it('sets a finding\'s `code` spans in the code font, escaped, without the backticks', () => {
    expect(messageHtml('响应级别 `I` 没有启动条件（如 `leak_kg >= 100`）')).toBe('响应级别 <code>I</code> 没有启动条件（如 <code>leak_kg &gt;= 100</code>）');
    expect(messageHtml(`bad \`${XSS}\` and \`unclosed`)).toBe('bad <code>&lt;script&gt;alert(1)&lt;/script&gt;</code> and `unclosed');
    const html = packetHtml([{ plan: hostilePlan(), diagrams: [],
      diagnostics: [{ ruleId: 'x/y', severity: 'error', file: 'xss.md', message: 'level `IV` has no trigger', messageZh: '响应级别 `IV` 没有启动条件' }] }], { lang: 'zh', date: '2026-11-25' });
    expect(html).toContain('响应级别 <code>IV</code> 没有启动条件');
  });

  it('scrubSvg removes script elements, event attributes and javascript: links', () => {
    expect(scrubSvg('<svg><script type="x">a</script><g onload="x()" ONCLICK=y><a href="javascript:z()">t</a></g><script/></svg>'))
      .toBe('<svg><g><a href="#">t</a></g></svg>');
  });

  it('has a cover without machine paths, a summary, flowchart pages, tables and a 评审意见 page; a contents page for several plans', () => {
    const plan = parsePlanFile(LEAK).plan!;
    const entry = { plan, diagnostics: [], diagrams: [] };
    const one = packetHtml([entry], { lang: 'zh', date: '2026-11-25' });
    expect(one).toContain('<h1>危险化学品泄漏事故专项应急预案</h1>');
    expect(one).toContain('专项应急预案');
    expect(one).toContain('@page landscape { size: A4 landscape;');
    expect(one).toContain('<td>hazardous-chemical-leak.md</td>');
    expect(one).not.toContain('plans/chem');
    expect(one).toContain('检查结果摘要');
    expect(one).toContain('未发现问题。');
    expect(one).toContain('流程图读法');
    // The cover lists the charts with the pages they start on: cover 1, summary 2, overview from 3.
    expect(one).toMatch(/<td>应急响应流程图（总览）<\/td><td class="pg">3<\/td>/);
    expect(one).toMatch(/<h2>评审意见<\/h2>[\s\S]*□ 通过[\s\S]*评审组长（签字）/);
    expect(one).not.toContain('class="toc"');
    const two = packetHtml([entry, entry], { lang: 'en', date: '2026-11-25' });
    expect(two).toContain('Contents');
    expect(two).toContain('2 plans');
    expect(two).toContain('Review opinion');
  });

  it('puts the most severe findings on the summary page and the rest in the full list', () => {
    const plan = parsePlanFile(LEAK).plan!;
    const at = (line: number) => ({ start: { line, column: 1, offset: 0 }, end: { line, column: 2, offset: 0 } });
    const diagnostics = Array.from({ length: 60 }, (_, i) => ({
      ruleId: `r/${i}`, severity: (i % 3 === 0 ? 'error' : 'warning') as 'error' | 'warning', file: LEAK, place: at(i + 1),
      message: `finding ${i} ${'x'.repeat(80)}`,
    }));
    const html = packetHtml([{ plan, diagnostics, diagrams: [] }], { lang: 'en', date: '2026-11-25' });
    const summary = /<section class="page summary">[\s\S]*?<\/section>/.exec(html)![0];
    const shown = [...summary.matchAll(/<code>r\/(\d+)<\/code>/g)].map((m) => Number(m[1]));
    expect(shown.length).toBeGreaterThan(3);
    expect(shown.length).toBeLessThan(60);
    expect(shown.every((i) => i % 3 === 0)).toBe(true);
    expect(summary).toContain(`${60 - shown.length} more: see &quot;Lint findings (all)&quot;.`);
    expect(html).toContain('<h2>Lint findings (all)</h2>');
  });
});

describe.skipIf(!requireChromium())('packet PDF (headless Chromium)', () => {
  let r: Renderer;
  beforeAll(async () => { r = await Renderer.open(); }, 60_000);
  afterAll(async () => { await r?.close(); });

  const leakPacket = (): PacketPlan => {
    const lint = lintFiles(['plans/chem/general.md', LEAK], { today: '2026-11-25' });
    const plan = lint.plans.find((p) => p.file === LEAK)!;
    return { plan, diagnostics: lint.diagnostics.filter((d) => d.file === LEAK), diagrams: planDiagrams(plan, { kinds: ['flowchart', 'state'] }).diagrams };
  };

  it.skipIf(!requirePdftotext() || !requirePdftoppm())('prints the leak plan: every section one page, Chinese text extractable, pages not blank', async () => {
    const { pdf, html, errors } = await renderPacket([leakPacket()], r, { lang: 'zh', date: '2026-11-25' });
    expect(errors).toEqual([]);
    const text = pdfText(pdf);
    expect(text).toContain('危险化学品泄漏事故专项应急预案');
    for (const s of ['总指挥', '应急救援队', '检查结果摘要', '评审意见', '响应程序', '应急响应流程图（总览）', 'IV级（班组级）响应流程图', '接警与']) expect(text).toContain(s);
    expect(text).toMatch(/第\s*1\s*页\s*\/\s*共\s*\d+\s*页/);
    // Nothing overflows: the PDF has as many pages as the packet has page sections.
    expect(pdfPageCount(pdf)).toBe(html.match(/<section class="page/g)!.length);
    const dir = mkdtempSync(join(tmpdir(), 'yuan-packet-'));
    const pages = pdfPages(pdf, dir, 60);
    for (const p of [pages[0], pages[1], pages[2], pages[pages.length - 1]]) expect(inkRatio(readFileSync(p))).toBeGreaterThan(0.005);
    expect(inkRatio(readFileSync(pages[2]))).toBeGreaterThan(0.02);
  }, 120_000);

  it.skipIf(!requirePdftotext())('prints no flowchart text below 7 pt, measured in the PDF', async () => {
    const { pdf, html } = await renderPacket([leakPacket()], r, { lang: 'zh', date: '2026-11-25' });
    // pdftotext's word boxes are a fixed multiple of the font size; the footer (7.5 pt by its template) calibrates it.
    const footer = pdfWords(pdf, 1).find((w) => w.text === '第')!;
    const perPt = footer.h / 7.5;
    const flowPages = [...html.matchAll(/<section class="page[^"]*"/g)].map((m, i) => (m[0].includes(' flow') ? i + 1 : 0)).filter(Boolean);
    expect(flowPages.length).toBeGreaterThanOrEqual(5);
    for (const page of flowPages) {
      const words = pdfWords(pdf, page).filter((w) => w.y < footer.y - 5);
      expect(words.length).toBeGreaterThan(20);
      expect(Math.min(...words.map((w) => w.h / perPt))).toBeGreaterThanOrEqual(7);
    }
    // The same from the SVGs as printed (font size × printed width ÷ viewBox width).
    for (const svg of svgsOf(html, 'yuan-swimlane')) expect(Math.min(...svgTextSizesPt(svg))).toBeGreaterThanOrEqual(7);
  }, 120_000);

  it('measures the chart text it draws as Chromium does (the metrics behind every box and line break)', async () => {
    const plan = leakPacket().plan;
    const { planCharts } = await import('./swimlane-print.js');
    const svg = planCharts(plan, 'zh')[0].pages[0].svg;
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
    const page = await browser.newPage();
    try {
      await page.setContent(`<!doctype html><meta charset="utf-8"><body style="margin:0">${svg}</body>`);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const pairs = await page.evaluate(() => [...document.querySelectorAll('text')].map((t) => {
        const size = Number(t.getAttribute('font-size'));
        return { text: t.textContent ?? '', bold: t.getAttribute('font-weight') === '700', em: t.getComputedTextLength() / size };
      }));
      const { textWidth, PT_MM } = await import('./text-fit.js');
      expect(pairs.length).toBeGreaterThan(50);
      for (const p of pairs) {
        const ours = textWidth(p.text, 1 / PT_MM, p.bold);
        // Never more than half a percent narrower than the browser draws it (box padding absorbs that), and close to it.
        expect(ours).toBeGreaterThanOrEqual(p.em * 0.995 - 0.02);
        expect(ours).toBeLessThanOrEqual(p.em * 1.08 + 0.1);
      }
    } finally {
      await browser.close();
    }
  }, 120_000);

  it.skipIf(!requirePdftotext())('shows hostile labels as text in diagrams, tables and PDF, never as markup', async () => {
    const plan = hostilePlan();
    const { diagrams } = planDiagrams(plan, { kinds: ['flowchart'], levels: 'never' });
    const { html, errors } = await buildPacket([{ plan, diagnostics: [], diagrams }], r, { lang: 'zh', date: '2026-11-25' });
    expect(errors).toEqual([]);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const pdf = await r.htmlToPdf(html, { footer: true, lang: 'zh' });
    expect(pdfText(pdf)).toContain(XSS);
  }, 120_000);
});
