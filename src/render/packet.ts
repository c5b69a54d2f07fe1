/**
 * The reviewer packet (评审材料): one HTML document per PDF, printed by Chromium on A4.
 *
 * Per plan: a cover (plan, owner, version, dates, the charts with their pages); a one-page summary of findings with
 * the key to the flowcharts; the swimlane flowcharts (the overview and one chart per level, least severe first),
 * printed at 100 % and split between phases when taller than a page; the response state diagram; tables of roles,
 * levels, steps, resources and reports; the full findings when the summary could not hold them; and the 评审意见
 * page with signature lines. Page numbers printed in the charts are exact: the cover and the summary are one page
 * each, and a combined packet measures each plan's part before numbering the next.
 *
 * Every piece of plan text is escaped; mermaid diagrams are inline SVG (strict security level) with any script or
 * event attribute stripped again here, and the print page runs with JavaScript disabled.
 */
import { localize, type Diagnostic } from '../diagnostics.js';
import { escapeHtml as esc } from '../html.js';
import type { Plan } from '../model/index.js';
import type { Renderer } from './browser.js';
import type { JobError } from './batch.js';
import { contentsPage, coverPage, findingsPage, FRONT_CSS, opinionPage, summaryPage } from './packet-front.js';
import { planTables } from './packet-tables.js';
import { PACKET_WORDS } from './packet-words.js';
import { ganttChart } from './gantt-chart.js';
import { baseCss, DIAGRAM_CSS, DIAGRAM_PAGE, diagramSections, type Box, type PdfLang } from './pdf.js';
import { stateChart } from './swimlane-state.js';
import { chartSections, FLOW_CSS, planCharts } from './swimlane-print.js';

/** A mermaid diagram of the packet (the state diagram, gantt timelines): Mermaid text plus where it goes. */
export interface PacketDiagram {
  /** File-safe key (`states`, `gantt-II`). */
  key: string;
  /** state or gantt; flowcharts are drawn by the packet itself (swimlanes) and are skipped here. */
  kind?: 'flowchart' | 'state' | 'gantt';
  level?: string;
  title: string;
  /** One line under the title. */
  subtitle?: string;
  text: string;
}

/** One plan of a packet: the model, its lint findings, its mermaid diagrams. */
export interface PacketPlan { plan: Plan; diagnostics: Diagnostic[]; diagrams: PacketDiagram[] }

/** A packet diagram after rendering: its SVG, or the error that replaced it. */
export interface RenderedDiagram extends PacketDiagram { svg?: string; error?: string; textBoxes?: Box[] }

export interface PacketOptions {
  lang: PdfLang;
  /** Date printed on the cover (default: today, ISO). */
  date?: string;
  /** Title of a combined packet (several plans). */
  title?: string;
  /** Called when a plan's part of the packet is ready (progress for long runs). */
  onPlan?: (plan: Plan) => void;
}

type Entry = { plan: Plan; diagnostics: Diagnostic[]; diagrams: RenderedDiagram[] };

/** Removes script elements and event-handler attributes from an SVG (mermaid's strict mode already does; this is a second lock). */
export function scrubSvg(svg: string): string {
  return svg
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<script\b[^>]*\/?>/gi, '')
    // Only inside tags: text like "on=" in a label is left alone.
    .replace(/<[^>]*>/g, (tag) => tag
      .replace(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '')
      .replace(/(href\s*=\s*["'])\s*javascript:[^"']*/gi, '$1#'));
}


/**
 * Builds the packet's HTML: one document, page breaks and orientation by CSS named pages. `firstPages` gives the page
 * each plan starts on (default: page 1 for one plan; for several, as if each part took one page — `buildPacket`
 * measures the real ones).
 */
export function packetHtml(entries: Entry[], opts: PacketOptions & { firstPages?: number[] }): string {
  const w = PACKET_WORDS[opts.lang];
  const date = opts.date ?? new Date().toISOString().slice(0, 10);
  const docTitle = entries.length === 1
    ? `${entries[0].plan.meta.title}${entries[0].plan.meta.version ? ` v${entries[0].plan.meta.version}` : ''} — ${w.reviewPacket}`
    : opts.title ?? w.packet;
  const starts = opts.firstPages ?? entries.map((_, i) => (entries.length > 1 ? 2 + i : 1));
  const parts: string[] = [];
  if (entries.length > 1) parts.push(contentsPage(entries.map((e, i) => ({ plan: e.plan, page: starts[i] })), docTitle, date, opts.lang));
  entries.forEach((e, i) => parts.push(planSections(e, date, opts.lang, starts[i])));
  return documentHtml(parts.join('\n'), docTitle, opts.lang);
}

function documentHtml(body: string, title: string, lang: PdfLang): string {
  return `<!doctype html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">`
    + `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">`
    + `<title>${esc(title)}</title><style>${baseCss()}${DIAGRAM_CSS}${FLOW_CSS}${FRONT_CSS}${PACKET_CSS}</style></head><body>${body}</body></html>`;
}

const PACKET_CSS = `
.swatch { display: inline-block; width: 4mm; height: 4mm; border: 0.2mm solid #333; vertical-align: -0.6mm; margin-right: 1.5mm; }
.error-box { border: 0.4mm solid #b71c1c; background: #fdecea; padding: 3mm; font-size: 9pt; white-space: pre-wrap; overflow-wrap: anywhere; }
.sev-error { color: #b71c1c; font-weight: 700; }
.sev-warning { color: #a05a00; font-weight: 700; }
.trigger { display: block; font-size: 7.5pt; color: #555; margin-top: 0.8mm; }
.toc td { font-size: 10pt; }
`;

/** The pages of one plan, the cover on page `firstPage`. */
function planSections(e: Entry, date: string, lang: PdfLang, firstPage: number): string {
  const { plan } = e;
  const w = PACKET_WORDS[lang];
  // Cover and summary are one page each: the flowcharts start two pages in.
  const charts = planCharts(plan, lang, firstPage + 2);
  const entries: { title: string; page: number }[] = [];
  let page = firstPage + 2;
  for (const c of charts) { entries.push({ title: c.title, page }); page += c.pages.length; }
  const summary = summaryPage(plan, e.diagnostics, lang);
  const flows = charts.map((c) => chartSections(c, lang));
  const diagrams = e.diagrams.filter((d) => d.kind !== 'flowchart').map((d) => {
    // The state diagram and the timelines are drawn like the flowcharts (A4, ≥ 7.5 pt, no mermaid) unless an SVG
    // was given (API callers rendering mermaid themselves).
    if (!d.svg && !d.error && (d.kind === 'state' || d.kind === 'gantt')) {
      try {
        const chart = d.kind === 'state' ? stateChart(plan, { lang, reserved: DIAGRAM_PAGE.heading }) : ganttChart(plan, d.level!, { lang, reserved: DIAGRAM_PAGE.heading });
        return chartSections(chart, lang, d.title);
      } catch (err) {
        return `<section class="page"><h2>${esc(d.title)}</h2><div class="error-box">${esc(w.diagramFailed)}${esc((err as Error).message)}</div></section>`;
      }
    }
    if (!d.svg) {
      return `<section class="page"><h2>${esc(d.title)}</h2>${d.subtitle ? `<div class="subtitle">${esc(d.subtitle)}</div>` : ''}`
        + `<div class="error-box">${esc(w.diagramFailed)}${esc(d.error ?? '')}</div></section>`;
    }
    return diagramSections(d.svg, { title: d.title, subtitle: d.subtitle, lang, transform: scrubSvg, textBoxes: d.textBoxes });
  });
  return [
    coverPage(plan, e.diagnostics, date, lang, entries), summary.html, ...flows, ...diagrams, planTables(plan, lang),
    summary.left ? findingsPage(e.diagnostics, lang) : '', opinionPage(plan, lang),
  ].filter(Boolean).join('\n');
}

/** Renders the diagrams of every plan (errors become a note on the diagram's page) and returns the packet HTML. */
export async function buildPacket(plans: PacketPlan[], renderer: Renderer, opts: PacketOptions): Promise<{ html: string; errors: JobError[] }> {
  const errors: JobError[] = [];
  const entries: Entry[] = [];
  for (const p of plans) {
    const diagrams: RenderedDiagram[] = [];
    for (const d of p.diagrams.filter((x) => x.kind !== 'flowchart')) {
      // Drawn without mermaid in planSections.
      if (d.kind === 'state' || d.kind === 'gantt') { diagrams.push(d); continue; }
      const name = `${p.plan.meta.id}/${d.key}`;
      try {
        const r = await renderer.renderDiagram(d.text, name);
        diagrams.push({ ...d, svg: r.svg, textBoxes: r.textBoxes });
      } catch (err) {
        const diag = (err as { diagnostic?: Diagnostic }).diagnostic;
        const message = diag ? localize(diag, opts.lang) : (err as Error).message;
        errors.push({ name, message: diag?.message ?? message, messageZh: diag?.messageZh, diagnostic: diag });
        diagrams.push({ ...d, error: message });
      }
    }
    entries.push({ plan: p.plan, diagnostics: p.diagnostics, diagrams });
    opts.onPlan?.(p.plan);
  }
  if (entries.length < 2) return { html: packetHtml(entries, opts), errors };
  // A combined packet: print each plan's part alone to learn its length, then number the pages.
  const date = opts.date ?? new Date().toISOString().slice(0, 10);
  const starts: number[] = [];
  let page = 2;
  for (const e of entries) {
    starts.push(page);
    const pdf = await renderer.htmlToPdf(documentHtml(planSections(e, date, opts.lang, page), e.plan.meta.title, opts.lang), { footer: false, lang: opts.lang });
    page += pdfPageCount(pdf) ?? 1;
  }
  return { html: packetHtml(entries, { ...opts, date, firstPages: starts }), errors };
}

/** Number of pages of a Chromium PDF (its page tree counts them). */
export function pdfPageCount(pdf: Uint8Array): number | undefined {
  // Skia writes a balanced page tree: intermediate /Pages nodes count their subtree, the root counts them all.
  const text = Buffer.from(pdf).toString('latin1');
  let max: number | undefined;
  for (const re of [/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/g, /\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g]) {
    for (const m of text.matchAll(re)) max = Math.max(max ?? 0, Number(m[1]));
  }
  return max;
}

/** Renders a packet to PDF bytes (A4, footer "第 X 页 / 共 Y 页"). */
export async function renderPacket(plans: PacketPlan[], renderer: Renderer, opts: PacketOptions): Promise<{ pdf: Buffer; html: string; errors: JobError[] }> {
  const { html, errors } = await buildPacket(plans, renderer, opts);
  const pdf = await renderer.htmlToPdf(html, { footer: true, lang: opts.lang, outline: true });
  return { pdf, html, errors };
}
