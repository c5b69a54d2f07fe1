/**
 * The packet's pages around the flowcharts: the cover (plan, owner, version, dates; never a path on this machine),
 * the one-page summary of findings with the key to the flowcharts, the contents page of a combined packet, and the
 * 评审意见 page with the conclusion, comments and signature lines.
 */
import { basename } from 'node:path';
import stringWidth from 'string-width';
import { localize, type Diagnostic } from '../diagnostics.js';
import { escapeHtml as esc } from '../html.js';
import type { Plan } from '../model/index.js';
import { viewSteps } from './mermaid-graph.js';
import { formatTimeLimit, levelTitle } from './mermaid-text.js';
import { bySeverity, findingsTable, table } from './packet-tables.js';
import { PACKET_WORDS } from './packet-words.js';
import type { PdfLang } from './pdf.js';

/** A line of the cover's list of charts: title and first page. */
export interface ChartEntry { title: string; page: number }

/** The cover of one plan. */
export function coverPage(plan: Plan, diagnostics: Diagnostic[], date: string, lang: PdfLang, charts: ChartEntry[]): string {
  const w = PACKET_WORDS[lang];
  const m = plan.meta;
  const count = (s: string) => diagnostics.filter((d) => d.severity === s).length;
  const rows: [string, string | undefined][] = [
    [w.kind, w.kinds[m.kind] ?? m.kind], [w.id, m.id], [w.version, m.version], [w.owner, m.owner], [w.organization, m.organization],
    [w.issued, m.issued], [w.reviewed, m.reviewed], [w.hazard, m.hazard], [w.parent, m.parent], [w.filedWith, m.filedWith],
    // The file's name only: the folder is a detail of the machine that printed the packet.
    [w.file, plan.file ? basename(plan.file) : undefined], [w.generated, date],
    [w.counts, w.countsText(plan.roles.length, plan.levels.length, plan.steps.length, plan.resources.length, plan.reports.length)],
    [w.lint, w.lintText(count('error'), count('warning'), count('info'))],
  ];
  const list = charts.length
    ? `<h3>${esc(w.contents)}</h3><table class="charts"><tbody>${charts.map((c) => `<tr><td>${esc(c.title)}</td><td class="pg">${c.page}</td></tr>`).join('')}</tbody></table>`
    : '';
  return `<section class="page cover"><h1>${esc(m.title)}</h1><div class="sub">${esc(w.reviewPacket)}</div>`
    + `<table class="meta"><tbody>${rows.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</tbody></table>`
    + `${list}</section>`;
}

/** Height budget (mm) of the findings table on the summary page, and the estimated height of a row. */
const SUMMARY_BUDGET = 120;
const rowHeight = (d: Diagnostic, lang: PdfLang) => 2.4 + 4.2 * Math.max(1, Math.ceil(stringWidth(localize(d, lang)) / 68));

/**
 * The summary page: counts, the most severe findings that fit one page, and the key to the flowcharts. Returns
 * the HTML and how many findings were left for the full list at the end.
 */
export function summaryPage(plan: Plan, diagnostics: Diagnostic[], lang: PdfLang): { html: string; left: number } {
  const w = PACKET_WORDS[lang];
  const sorted = bySeverity(diagnostics);
  const shown: Diagnostic[] = [];
  let used = 7;
  for (const d of sorted) {
    used += rowHeight(d, lang);
    if (used > SUMMARY_BUDGET) break;
    shown.push(d);
  }
  const left = sorted.length - shown.length;
  const count = (s: string) => diagnostics.filter((d) => d.severity === s).length;
  const body = sorted.length ? findingsTable(shown, lang) + (left ? `<p class="muted">${esc(w.summaryMore(left))}</p>` : '') : `<p>${esc(w.noFindings)}</p>`;
  const legend = `<h3>${esc(w.legendTitle)}</h3><ol class="legend">${w.legend.map((l) => `<li>${esc(l)}</li>`).join('')}</ol>`;
  // The levels at a glance, least severe first as in the charts: who decides, how fast, how many steps, which reports.
  const sep = lang === 'zh' ? '、' : ', ';
  const levels = [...plan.levels].sort((a, b) => b.rank - a.rank);
  const glance = levels.length ? `<h3>${esc(w.glance)}</h3>${table([w.level, w.decider, w.activation, w.stepCount, w.reports], levels.map((l) => [
    levelTitle(l, lang), plan.roles.find((r) => r.id === l.decidedBy)?.name ?? l.decidedBy ?? '', l.activation ? formatTimeLimit(l.activation, lang) : '',
    String(viewSteps(plan, l.id).length),
    plan.reports.filter((r) => !r.levels.length || r.levels.includes(l.id)).map((r) => `${r.to}${r.within ? ` ${formatTimeLimit(r.within, lang)}` : ''}`).join(sep),
  ]), 'glance')}` : '';
  // A fixed height keeps the page count (and so every page number printed in the flowcharts) exact.
  return {
    html: `<section class="page summary"><h2>${esc(w.summary)}</h2><p class="counts">${esc(w.lintText(count('error'), count('warning'), count('info')))}</p>`
      + `<div class="summary-findings">${body}</div>${glance}${legend}</section>`,
    left,
  };
}

/** The full findings, when the summary could not hold them all. */
export function findingsPage(diagnostics: Diagnostic[], lang: PdfLang): string {
  const w = PACKET_WORDS[lang];
  return `<section class="page"><h2>${esc(w.findings)}</h2>${findingsTable(bySeverity(diagnostics), lang)}</section>`;
}

/** The 评审意见 page: plan and version filled in, the rest for the committee to write and sign. */
export function opinionPage(plan: Plan, lang: PdfLang): string {
  const w = PACKET_WORDS[lang];
  const m = plan.meta;
  const field = (k: string, v: string) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`;
  const lines = Array.from({ length: 9 }, () => '<div class="rule"></div>').join('');
  const panel = table([w.name, w.affiliation, w.position, w.signature], Array.from({ length: 5 }, () => ['', '', '', '']), 'panel');
  return `<section class="page opinion"><h2>${esc(w.opinionTitle)}</h2>`
    + `<table class="meta"><tbody>${field(w.planTitle, m.title)}${field(w.version, m.version ?? '')}${field(w.reviewDate, '')}${field(w.reviewForm, w.forms)}</tbody></table>`
    + `<h3>${esc(w.conclusion)}</h3><p class="boxes">${esc(w.conclusions)}</p>`
    + `<h3>${esc(w.opinions)}</h3><div class="lines">${lines}</div>`
    + `<h3>${esc(w.panel)}</h3>${panel}`
    + `<p class="sign"><span>${esc(w.leader)}</span><span class="blank"></span><span>${esc(w.dateLine)}</span></p></section>`;
}

/** The first page of a combined packet: every plan with the page it starts on. */
export function contentsPage(plans: { plan: Plan; page: number }[], title: string, date: string, lang: PdfLang): string {
  const w = PACKET_WORDS[lang];
  const rows = plans.map(({ plan: p, page }, i) => [String(i + 1), p.meta.title, p.meta.id, w.kinds[p.meta.kind] ?? p.meta.kind, p.meta.version ?? '', String(page)]);
  return `<section class="page cover"><h1>${esc(title)}</h1><div class="sub">${esc(w.planCount(plans.length))} · ${esc(w.generated)} ${esc(date)}</div>`
    + `<h2>${esc(w.contents)}</h2>${table(['#', w.planTitle, w.id, w.kind, w.version, w.page], rows, 'toc')}</section>`;
}

/** CSS of these pages. */
export const FRONT_CSS = `
.cover h1 { font-size: 22pt; margin-top: 30mm; line-height: 1.3; }
.cover .sub { font-size: 13pt; color: #333; margin-bottom: 12mm; }
.meta { font-size: 10.5pt; table-layout: auto; }
.meta th { width: 32mm; background: #f0f1f6; }
.charts { font-size: 10pt; table-layout: auto; width: 100%; }
.charts td { border: none; border-bottom: 0.2mm dotted #99a; padding: 0.8mm 1mm; }
.charts td.pg { text-align: right; width: 15mm; }
section.summary { height: 262mm; overflow: hidden; }
.counts { font-size: 10.5pt; margin: 0 0 3mm; }
.summary-findings table { font-size: 8.5pt; }
.glance { font-size: 8.5pt; }
.legend { font-size: 9pt; margin: 0; padding-left: 6mm; }
.legend li { margin-bottom: 1.2mm; }
.opinion h3 { margin-top: 6mm; }
.opinion .boxes { font-size: 11pt; }
.opinion .lines .rule { border-bottom: 0.25mm solid #778; height: 9mm; }
.panel td { height: 10mm; }
.opinion .sign { display: flex; gap: 4mm; margin-top: 10mm; font-size: 10.5pt; align-items: flex-end; }
.opinion .sign .blank { flex: 1; border-bottom: 0.25mm solid #778; height: 6mm; }
`;
