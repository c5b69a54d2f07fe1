/**
 * Print geometry and HTML helpers shared by single-diagram PDFs and the review packet. No browser here: these are
 * pure functions, so they are cheap to test and to import.
 *
 * Wide diagrams: every diagram gets its own A4 page, in the orientation (portrait or landscape, via CSS named pages)
 * that draws it larger, scaled down to fit the page's content box (never enlarged). Chromium prints mixed
 * orientations in one PDF when `preferCSSPageSize` is set.
 */

/** Language of page furniture (headings, footer). */
export type PdfLang = 'zh' | 'en';

/** Page margins in mm (bottom leaves room for the footer). */
export const MARGIN = { top: 14, right: 14, bottom: 16, left: 14 } as const;
/** A4 in mm. */
export const A4 = { width: 210, height: 297 } as const;
/** CSS px (1/96 in) in mm. */
export const PX_MM = 25.4 / 96;

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Content box (mm) of an A4 page in the given orientation. */
export function contentBox(landscape: boolean): { width: number; height: number } {
  const w = landscape ? A4.height : A4.width;
  const h = landscape ? A4.width : A4.height;
  return { width: w - MARGIN.left - MARGIN.right, height: h - MARGIN.top - MARGIN.bottom };
}

/** How a diagram of `size` CSS px fits a page: orientation, scale (≤ 1) and printed size in mm. */
export interface Fit { landscape: boolean; scale: number; width: number; height: number }

/**
 * Chooses the orientation that draws the diagram larger (portrait on ties) and the scale that fits it into the
 * content box minus `reserved` mm (headings above it). `landscape` forces an orientation.
 */
export function fitDiagram(size: { width: number; height: number }, reserved = 0, landscape?: boolean): Fit {
  const w = Math.max(size.width, 1) * PX_MM;
  const h = Math.max(size.height, 1) * PX_MM;
  const scaleFor = (l: boolean) => { const b = contentBox(l); return Math.min(1, b.width / w, (b.height - reserved) / h); };
  const l = landscape ?? scaleFor(true) > scaleFor(false) * 1.05;
  const scale = scaleFor(l);
  return { landscape: l, scale, width: w * scale, height: h * scale };
}

/**
 * Gives an SVG's root element an explicit width/height (dropping mermaid's `width="100%"` and `max-width` style),
 * so it prints at exactly the computed size. Only the first start tag is touched.
 */
export function fitSvg(svg: string, width: number, height: number, unit: 'px' | 'mm'): string {
  return svg.replace(/<svg\b[^>]*>/i, (tag) => {
    const cleaned = tag
      .replace(/\s(width|height)="[^"]*"/gi, '')
      .replace(/\sstyle="[^"]*"/i, '')
      .replace(/\s*\/?>$/, '');
    return `${cleaned} width="${width.toFixed(2)}${unit}" height="${height.toFixed(2)}${unit}" preserveAspectRatio="xMidYMid meet">`;
  });
}

/** The base stylesheet of every printed document: A4 named pages, CJK fonts, tables that wrap and repeat headers. */
export function baseCss(fontFamily = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", sans-serif'): string {
  const m = `${MARGIN.top}mm ${MARGIN.right}mm ${MARGIN.bottom}mm ${MARGIN.left}mm`;
  return `
@page { size: A4 portrait; margin: ${m}; }
@page landscape { size: A4 landscape; margin: ${m}; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${fontFamily}; font-size: 10pt; line-height: 1.45; color: #111; }
.page { break-before: page; page: auto; }
.page.landscape { page: landscape; }
.page:first-child { break-before: auto; }
h1 { font-size: 20pt; margin: 0 0 6mm; }
h2 { font-size: 13pt; margin: 0 0 3mm; padding-bottom: 1mm; border-bottom: 0.4mm solid #334; }
h3 { font-size: 11pt; margin: 5mm 0 2mm; }
.figure { display: flex; flex-direction: column; align-items: center; }
.figure svg { display: block; }
.caption { font-size: 8pt; color: #555; margin-top: 2mm; text-align: center; }
table { width: 100%; border-collapse: collapse; table-layout: auto; margin: 0 0 4mm; font-size: 8.5pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.25mm solid #889; padding: 1mm 1.5mm; text-align: left; vertical-align: top; overflow-wrap: anywhere; word-break: normal; line-break: strict; }
th { background: #e8eaf2; font-weight: 700; white-space: nowrap; }
td.id, td.nowrap { white-space: nowrap; }
td.num { text-align: right; white-space: nowrap; }
code { font-family: "Noto Sans Mono CJK SC", monospace; font-size: 0.95em; overflow-wrap: anywhere; }
.muted { color: #666; }
`;
}

/** The footer Chromium prints on every page: document title on the left, "第 X 页 / 共 Y 页" in the middle. */
export function footerTemplate(lang: PdfLang): string {
  const num = lang === 'zh'
    ? '第 <span class="pageNumber"></span> 页 / 共 <span class="totalPages"></span> 页'
    : 'Page <span class="pageNumber"></span> of <span class="totalPages"></span>';
  // Footer templates are rendered without the page's CSS: fonts and size must be set inline (default size is 0).
  return `<div style="width:100%;margin:0 ${MARGIN.left}mm;font-family:'Noto Sans CJK SC','Noto Sans SC',sans-serif;font-size:7.5pt;color:#444;display:flex;">`
    + `<span class="title" style="flex:1;overflow:hidden;white-space:nowrap;text-overflow:ellipsis;"></span>`
    + `<span style="flex:1;text-align:center;">${num}</span><span style="flex:1;"></span></div>`;
}

/** Options for `page.pdf()` (playwright): A4, CSS page sizes win (mixed orientations), backgrounds printed. */
export function pdfOptions(o: { footer: boolean; lang: PdfLang; landscape?: boolean }) {
  return {
    format: 'A4',
    landscape: o.landscape,
    printBackground: true,
    preferCSSPageSize: true,
    displayHeaderFooter: o.footer,
    headerTemplate: '<span></span>',
    footerTemplate: o.footer ? footerTemplate(o.lang) : '<span></span>',
    tagged: true,
    outline: true,
  };
}

/** A diagram figure for a page: the SVG fitted to the page, plus a caption noting any reduction. */
export function figureHtml(svg: string, size: { width: number; height: number }, fit: Fit, lang: PdfLang, caption?: string): string {
  const pct = Math.round(fit.scale * 100);
  const note = pct < 100 ? (lang === 'zh' ? `（缩放至 ${pct}%）` : ` (scaled to ${pct}%)`) : '';
  const text = caption || note ? `<div class="caption">${escapeHtml(caption ?? '')}${escapeHtml(note)}</div>` : '';
  return `<div class="figure">${fitSvg(svg, fit.width, fit.height, 'mm')}${text}</div>`;
}

/** A one-page A4 document holding one diagram, fitted to the page, with an optional title. */
export function diagramPageHtml(svg: string, o: { title?: string; landscape?: boolean; lang: PdfLang; size?: { width: number; height: number } }): string {
  const size = o.size ?? svgSizeOf(svg);
  const fit = fitDiagram(size, o.title ? 12 : 0, o.landscape);
  return `<!doctype html><html lang="${o.lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${escapeHtml(o.title ?? '')}</title>`
    + `<style>${baseCss()}</style></head><body><section class="page${fit.landscape ? ' landscape' : ''}">`
    + `${o.title ? `<h2>${escapeHtml(o.title)}</h2>` : ''}${figureHtml(svg, size, fit, o.lang)}</section></body></html>`;
}

/** Natural size of an SVG from its viewBox (mermaid always writes one). */
export function svgSizeOf(svg: string): { width: number; height: number } {
  const m = /<svg\b[^>]*?\sviewBox="\s*([-\d.e]+)[\s,]+([-\d.e]+)[\s,]+([\d.e]+)[\s,]+([\d.e]+)\s*"/i.exec(svg);
  if (m) return { width: Number(m[3]), height: Number(m[4]) };
  const w = /<svg\b[^>]*?\swidth="([\d.]+)(?:px)?"/i.exec(svg);
  const h = /<svg\b[^>]*?\sheight="([\d.]+)(?:px)?"/i.exec(svg);
  return { width: w ? Number(w[1]) : 800, height: h ? Number(h[1]) : 600 };
}
