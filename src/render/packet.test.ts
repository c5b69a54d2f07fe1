import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { miniPlan } from '../../test/helpers/lint.js';
import { parsePlanFile, parsePlanText } from '../parse/index.js';
import { lintFiles } from '../validate/index.js';
import { Renderer } from './browser.js';
import { planDiagrams } from './packet-diagrams.js';
import { requireChromium, requirePdftoppm, requirePdftotext } from '../../test/helpers/tools.js';
import { inkRatio, pdfPages, pdfText } from './packet.test-helper.js';
import { buildPacket, packetHtml, renderPacket, scrubSvg, type PacketPlan } from './packet.js';

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

  it('scrubSvg removes script elements, event attributes and javascript: links', () => {
    expect(scrubSvg('<svg><script type="x">a</script><g onload="x()" ONCLICK=y><a href="javascript:z()">t</a></g><script/></svg>'))
      .toBe('<svg><g><a href="#">t</a></g></svg>');
  });

  it('has a cover, page breaks, named landscape pages and a contents page for several plans', () => {
    const plan = parsePlanFile(LEAK).plan!;
    const entry = { plan, diagnostics: [], diagrams: [] };
    const one = packetHtml([entry], { lang: 'zh', date: '2026-11-25' });
    expect(one).toContain('<h1>危险化学品泄漏事故专项应急预案</h1>');
    expect(one).toContain('专项应急预案');
    expect(one).toContain('@page landscape { size: A4 landscape;');
    expect(one).toContain('未发现问题。');
    expect(one).not.toContain('目录');
    const two = packetHtml([entry, entry], { lang: 'en', date: '2026-11-25' });
    expect(two).toContain('Contents');
    expect(two).toContain('2 plans');
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

  it.skipIf(!requirePdftotext() || !requirePdftoppm())('prints the leak plan: Chinese text extractable, pages not blank', async () => {
    const { pdf, errors } = await renderPacket([leakPacket()], r, { lang: 'zh', date: '2026-11-25' });
    expect(errors).toEqual([]);
    const text = pdfText(pdf);
    expect(text).toContain('危险化学品泄漏事故专项应急预案');
    for (const s of ['总指挥', '应急救援队', '评审意见', '响应程序', '检查发现的问题']) expect(text).toContain(s);
    expect(text).toMatch(/第\s*1\s*页\s*\/\s*共\s*\d+\s*页/);
    const dir = mkdtempSync(join(tmpdir(), 'yuan-packet-'));
    const pages = pdfPages(pdf, dir, 60);
    expect(pages.length).toBeGreaterThan(5);
    // Cover, first diagram page and last (findings) page all carry ink; a diagram page carries a lot of it.
    for (const p of [pages[0], pages[1], pages[pages.length - 1]]) expect(inkRatio(readFileSync(p))).toBeGreaterThan(0.005);
    expect(inkRatio(readFileSync(pages[1]))).toBeGreaterThan(0.02);
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
