/**
 * Renders the HTML report in headless Chromium (test/helpers/tools.ts: required in CI) to PNG and PDF under the OS temp dir,
 * and checks that the page lays out: no horizontal overflow at A4 width, the SVGs have a size, the PDF prints.
 * The PNGs are meant to be looked at (yuan-aar-*.png).
 */
import { statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireChromium } from '../../test/helpers/tools.js';
import { CHROMIUM_ARGS } from '../render/browser.js';
import { cleanIV, leakPlan, leakScenario, messyIII, numbered } from '../score/fixtures.test-helper.js';
import { scoreDrill } from '../score/index.js';
import { reportHtml } from './index.js';

const CHROMIUM = requireChromium();

describe.skipIf(!CHROMIUM)('HTML report in Chromium', () => {
  it('renders to PNG and A4 PDF without overflow', async () => {
    const { chromium } = await import('playwright-core');
    // playwright gives the browser a fresh temporary profile of its own
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const plan = leakPlan();
      for (const [name, events, lang] of [['messy-zh', messyIII(), 'zh'], ['clean-en', cleanIV(), 'en']] as const) {
        const ev = numbered([...events]);
        const html = reportHtml(plan, leakScenario(), ev, scoreDrill(plan, ev, { scenario: leakScenario() }), lang, { date: '2026-06-12' });
        const file = join(tmpdir(), `yuan-aar-${name}.html`);
        writeFileSync(file, html);
        // A4 at 96 dpi is 794 px wide
        const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
        await page.goto(`file://${file}`);
        const layout = await page.evaluate(() => ({
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          svgs: [...document.querySelectorAll('svg')].map((s) => Math.round(s.getBoundingClientRect().height)),
          lanes: document.querySelectorAll('svg.timeline g.lane').length,
        }));
        expect(layout.overflow).toBeLessThanOrEqual(0);
        expect(layout.svgs.filter((h) => h <= 10)).toEqual([]);
        expect(layout.lanes).toBeGreaterThan(2);
        await page.screenshot({ path: join(tmpdir(), `yuan-aar-${name}.png`), fullPage: true });
        const pdf = join(tmpdir(), `yuan-aar-${name}.pdf`);
        await page.pdf({ path: pdf, format: 'A4', printBackground: true });
        expect(statSync(pdf).size).toBeGreaterThan(10_000);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  }, 60_000);
});
