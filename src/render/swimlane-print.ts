/**
 * Printing swimlane charts: one fixed-height A4 section per chart page, the SVG at 100 % under its heading, and the
 * chart sets of a plan (overview, then one chart per level from the least severe) with their page numbers, so the
 * boxes that point to another chart or page can say which page.
 */
import { escapeHtml as esc } from '../html.js';
import type { Plan } from '../model/index.js';
import { levelsBySeverity } from './mermaid-graph.js';
import { planLang, type Lang } from './mermaid-text.js';
import { baseCss, contentBox, DIAGRAM_CSS, DIAGRAM_PAGE, type PdfLang } from './pdf.js';
import { swimlaneChart, type SwimlaneChart } from './swimlane-chart.js';

/** The sections of a chart: one page each, headed by the chart's title and, for a chart over several pages, its part. */
export function chartSections(chart: SwimlaneChart, lang: PdfLang, title = chart.title): string {
  const n = chart.pages.length;
  return chart.pages.map((p, i) => {
    const box = contentBox(p.landscape);
    const part = n > 1 ? (lang === 'zh' ? `（第 ${i + 1}/${n} 页）` : ` (page ${i + 1} of ${n})`) : '';
    return `<section class="page diagram flow${p.landscape ? ' landscape' : ''}" style="height:${(box.height - 0.5).toFixed(1)}mm">`
      + `<h2 class="dh">${esc(title + part)}</h2><div class="chart">${p.svg}</div></section>`;
  }).join('\n');
}

/** A standalone document of one chart (what `yuan render --format pdf` prints). */
export function chartDocument(chart: SwimlaneChart, lang: PdfLang, title = chart.title): string {
  return `<!doctype html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${esc(title)}</title>`
    + `<style>${baseCss()}${DIAGRAM_CSS}${FLOW_CSS}</style></head><body>${chartSections(chart, lang, title)}</body></html>`;
}

/** One document of several charts, each starting on a new page (printed once, then split: see pdf-split.ts). */
export function chartsDocument(charts: { chart: SwimlaneChart; title?: string }[], lang: PdfLang): string {
  return `<!doctype html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>yuan</title>`
    + `<style>${baseCss()}${DIAGRAM_CSS}${FLOW_CSS}</style></head><body>${charts.map((c) => chartSections(c.chart, lang, c.title ?? c.chart.title)).join('\n')}</body></html>`;
}

/** CSS of chart pages. */
export const FLOW_CSS = `
section.flow .chart { display: flex; justify-content: center; }
section.flow .chart svg { display: block; }
`;

/** Keys of a plan's flowcharts in reading order: the overview, then each level from the least severe (Ⅳ … Ⅰ). */
export function flowchartKeys(plan: Plan): string[] {
  return plan.levels.length > 1 ? ['overview', ...levelsBySeverity(plan).reverse().map((l) => `level-${l.id}`)] : ['overview'];
}

/**
 * Every flowchart of a plan, the first starting on page `firstPage`: with several levels, the overview as a map and
 * one chart per level from the level decision on; with one level or none, the overview in full. Boxes that point to
 * another chart give its page (the charts are built until the page numbers they print no longer move them).
 */
export function planCharts(plan: Plan, lang?: Lang, firstPage = 1): SwimlaneChart[] {
  const l = planLang(plan, lang);
  const keys = flowchartKeys(plan);
  const build = (starts: Map<string, number> | undefined) => keys.map((key) => swimlaneChart(plan, {
    lang: l, view: 'map', level: key === 'overview' ? undefined : key.slice('level-'.length),
    pageOf: (k) => (starts ? starts.get(k) : 99), firstPage: starts?.get(key) ?? 99, reserved: DIAGRAM_PAGE.heading,
  }));
  let charts = build(undefined);
  for (let round = 0; round < 3; round++) {
    const starts = new Map<string, number>();
    let page = firstPage;
    charts.forEach((c, i) => { starts.set(keys[i], page); page += c.pages.length; });
    const next = build(starts);
    const same = next.every((c, i) => c.pages.length === charts[i].pages.length);
    charts = next;
    if (same) break;
  }
  return charts;
}
