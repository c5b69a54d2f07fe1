/**
 * Print geometry and HTML helpers shared by single-diagram PDFs and the review packet. No browser here: these are
 * pure functions, so they are cheap to test and to import.
 *
 * Wide diagrams: every diagram gets its own A4 page, in the orientation (portrait or landscape, via CSS named pages)
 * that draws it larger, scaled down to fit the page's content box (never enlarged). Chromium prints mixed
 * orientations in one PDF when `preferCSSPageSize` is set.
 */
import { escapeHtml } from '../html.js';

/** Language of page furniture (headings, footer). */
export type { Lang as PdfLang } from '../i18n/index.js';
import type { Lang as PdfLang } from '../i18n/index.js';

/** A text box `[x, y, width, height]` in an SVG's viewBox coordinates. */
export type Box = [number, number, number, number];

/** Page margins in mm (bottom leaves room for the footer). */
export const MARGIN = { top: 14, right: 14, bottom: 16, left: 14 } as const;
/** A4 in mm. */
export const A4 = { width: 210, height: 297 } as const;
/** CSS px (1/96 in) in mm. */
export const PX_MM = 25.4 / 96;

/** Escapes text for HTML element content and attribute values (shared with the reports). */
export { escapeHtml };

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
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 0 0 4mm; font-size: 8.5pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.25mm solid #889; padding: 1mm 1.5mm; text-align: left; vertical-align: top; overflow-wrap: anywhere; word-break: normal; line-break: strict; }
th { background: #e8eaf2; font-weight: 700; }
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
    + `<span class="title" style="flex:0 0 40%;overflow:hidden;white-space:nowrap;text-overflow:ellipsis;"></span>`
    + `<span style="flex:0 0 20%;text-align:center;white-space:nowrap;">${num}</span><span style="flex:0 0 40%;"></span></div>`;
}

/** Options for `page.pdf()` (playwright): A4, CSS page sizes win (mixed orientations), backgrounds printed. */
export function pdfOptions(o: { footer: boolean; lang: PdfLang; landscape?: boolean; outline?: boolean }) {
  return {
    format: 'A4',
    landscape: o.landscape,
    printBackground: true,
    preferCSSPageSize: true,
    displayHeaderFooter: o.footer,
    headerTemplate: '<span></span>',
    footerTemplate: o.footer ? footerTemplate(o.lang) : '<span></span>',
    // Bookmarks from headings for long documents (the packet); tagging costs time and helps no printed page.
    tagged: false,
    outline: o.outline ?? false,
  };
}

/** Heights (mm) reserved on a diagram page: heading, one- or two-line subtitle, caption under the figure. */
export const DIAGRAM_PAGE = { heading: 12, subtitle: 10, caption: 7 } as const;

/**
 * Smallest scale at which a diagram is printed without tiling: mermaid's 16 px labels at 0.55 are ≈ 6.6 pt, the
 * smallest Chinese text a committee can read on paper. A diagram that only fits a page below it is printed whole
 * (page 1, vector: it zooms on screen) and then in tiles at a readable scale.
 */
export const MIN_PRINT_SCALE = 0.55;

/** How a large diagram is cut into page-sized tiles. */
export interface Tiling { landscape: boolean; scale: number; cols: number; rows: number; tileW: number; tileH: number; stepW: number; stepH: number }

/** Overlap between neighbouring tiles, as a fraction of a tile (helps to lay the pages side by side). */
const OVERLAP = 0.05;

/**
 * Plans tiles for a diagram of `size` px whose fit scale is below `minScale`: the orientation with fewer pages
 * (landscape on ties), then the largest scale ≤ 1 that keeps that page count. Tile sizes are in diagram px.
 */
export function planTiles(size: { width: number; height: number }, reserved: number, minScale = MIN_PRINT_SCALE): Tiling {
  const plan = (landscape: boolean) => {
    const box = contentBox(landscape);
    const availW = box.width / PX_MM;
    const availH = (box.height - reserved) / PX_MM;
    const count = (s: number) => {
      const tw = availW / s; const th = availH / s;
      const cols = Math.max(1, Math.ceil((size.width - tw * OVERLAP) / (tw * (1 - OVERLAP))));
      const rows = Math.max(1, Math.ceil((size.height - th * OVERLAP) / (th * (1 - OVERLAP))));
      return { cols, rows };
    };
    const { cols, rows } = count(minScale);
    // Largest scale with the same grid: the diagram (less overlaps) must still fit cols × rows tiles.
    const sW = (availW * (cols - (cols - 1) * OVERLAP)) / size.width;
    const sH = (availH * (rows - (rows - 1) * OVERLAP)) / size.height;
    const scale = Math.max(minScale, Math.min(1, sW, sH));
    const tileW = availW / scale; const tileH = availH / scale;
    const stepW = cols > 1 ? (size.width - tileW) / (cols - 1) : 0;
    const stepH = rows > 1 ? (size.height - tileH) / (rows - 1) : 0;
    return { landscape, scale, cols, rows, tileW: Math.min(tileW, size.width), tileH: Math.min(tileH, size.height), stepW, stepH };
  };
  const l = plan(true); const p = plan(false);
  return p.cols * p.rows < l.cols * l.rows ? p : l;
}

/** The root element's viewBox origin (mermaid's boxes often start below 0). */
function viewBoxOrigin(svg: string): { x: number; y: number } {
  const m = /<svg\b[^>]*?\sviewBox="\s*([-\d.e]+)[\s,]+([-\d.e]+)/i.exec(svg);
  return { x: m ? Number(m[1]) : 0, y: m ? Number(m[2]) : 0 };
}

/** The SVG showing only the window (x, y, w, h) of its own coordinates, printed at w×h × scale. */
function windowSvg(svg: string, x: number, y: number, w: number, h: number, scale: number): string {
  const sized = fitSvg(svg, w * scale * PX_MM, h * scale * PX_MM, 'mm');
  return sized.replace(/<svg\b[^>]*>/i, (tag) => tag.replace(/\sviewBox="[^"]*"/i, ` viewBox="${x.toFixed(2)} ${y.toFixed(2)} ${w.toFixed(2)} ${h.toFixed(2)}"`));
}

/** Share of box `a` that lies inside box `b`. */
function overlapShare(a: Box, b: Box): number {
  const w = Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]);
  const h = Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]);
  return w > 0 && h > 0 ? (w * h) / Math.max(1e-9, a[2] * a[3]) : 0;
}

/** Options of `diagramSections`. */
export interface DiagramPageOptions {
  title?: string;
  /** One line under the title (clamped to two lines). */
  subtitle?: string;
  lang: PdfLang;
  /** Force an orientation for the whole-diagram page. */
  landscape?: boolean;
  /** Tile below this scale (default MIN_PRINT_SCALE; 0 never tiles). */
  minScale?: number;
  /** Appended to the caption under the whole diagram. */
  note?: string;
  /** Where the diagram's text is (from `Renderer.renderDiagram`): tiles with none are left out. */
  textBoxes?: Box[];
  /** Wrap the SVG before embedding (the packet strips scripts again). */
  transform?: (svg: string) => string;
}

/**
 * The pages of one diagram: the whole diagram fitted to one page in the orientation that draws it larger, and,
 * when that is below `minScale`, numbered tiles at a readable scale (the first page shows the tile grid).
 * Each page is a fixed-height section, so nothing can spill onto an extra page.
 */
export function diagramSections(rawSvg: string, o: DiagramPageOptions): string {
  const svg = o.transform ? o.transform(rawSvg) : rawSvg;
  const size = svgSizeOf(svg);
  const reserved = (o.title ? DIAGRAM_PAGE.heading : 0) + (o.subtitle ? DIAGRAM_PAGE.subtitle : 0) + DIAGRAM_PAGE.caption;
  const fit = fitDiagram(size, reserved, o.landscape);
  const minScale = o.minScale ?? MIN_PRINT_SCALE;
  const tiles = fit.scale < minScale ? planTiles(size, reserved, minScale) : undefined;
  const zh = o.lang === 'zh';
  const head = (suffix = '') => `${o.title ? `<h2 class="dh">${escapeHtml(o.title + suffix)}</h2>` : ''}`
    + `${o.subtitle ? `<div class="subtitle">${escapeHtml(o.subtitle)}</div>` : ''}`;
  const section = (landscape: boolean, body: string) => {
    const box = contentBox(landscape);
    return `<section class="page diagram${landscape ? ' landscape' : ''}" style="height:${(box.height - 0.5).toFixed(1)}mm">${body}</section>`;
  };
  const pct = (s: number) => Math.round(s * 100);
  // The tiles, in reading order; with known text boxes, a tile that would print no text is left out.
  const origin = viewBoxOrigin(svg);
  const cells: { r: number; c: number; x: number; y: number; printed: boolean; k: number }[] = [];
  if (tiles) {
    let k = 0;
    for (let r = 0; r < tiles.rows; r++) {
      for (let c = 0; c < tiles.cols; c++) {
        const x = origin.x + c * tiles.stepW;
        const y = origin.y + r * tiles.stepH;
        const printed = !o.textBoxes || o.textBoxes.some((b) => overlapShare(b, [x, y, tiles.tileW, tiles.tileH]) >= 0.25);
        cells.push({ r, c, x, y, printed, k: printed ? ++k : 0 });
      }
    }
  }
  const n = cells.filter((t) => t.printed).length;
  const skipped = cells.length - n;
  let caption = pct(fit.scale) < 100 ? (zh ? `缩放至 ${pct(fit.scale)}%` : `scaled to ${pct(fit.scale)}%`) : '';
  if (tiles) {
    const left = skipped ? (zh ? `，略去 ${skipped} 个无文字部分` : `, ${skipped} without text left out`) : '';
    caption += zh ? `；按 ${pct(tiles.scale)}% 分 ${n} 页放大打印（${tiles.rows} 行 × ${tiles.cols} 列${left}），见后续页面`
      : `; enlarged to ${pct(tiles.scale)}% on the next ${n} pages (${tiles.rows} rows × ${tiles.cols} columns${left})`;
  }
  if (o.note) caption += (caption ? (zh ? '；' : '; ') : '') + o.note;
  // The whole diagram, with the tile grid drawn over it when tiled (numbers on the printed parts).
  const grid = tiles ? cells.map((t) => {
    const pos = `left:${(((t.c * tiles.stepW) / size.width) * 100).toFixed(2)}%;top:${(((t.r * tiles.stepH) / size.height) * 100).toFixed(2)}%;`
      + `width:${((tiles.tileW / size.width) * 100).toFixed(2)}%;height:${((tiles.tileH / size.height) * 100).toFixed(2)}%`;
    return `<div class="tile${t.printed ? '' : ' skipped'}" style="${pos}">${t.printed ? `<span>${t.k}</span>` : ''}</div>`;
  }).join('') : '';
  const whole = `<div class="figure"><div class="frame" style="width:${fit.width.toFixed(2)}mm;height:${fit.height.toFixed(2)}mm">`
    + `${fitSvg(svg, fit.width, fit.height, 'mm')}${grid}</div>${caption ? `<div class="caption">${escapeHtml(caption)}</div>` : ''}</div>`;
  const pages = [section(fit.landscape, head() + whole)];
  if (tiles) {
    const note = zh ? `按 ${pct(tiles.scale)}% 打印；相邻部分重叠约 5%` : `printed at ${pct(tiles.scale)}%; neighbouring parts overlap by about 5%`;
    for (const t of cells.filter((x) => x.printed)) {
      const label = zh ? `（第 ${t.k}/${n} 部分：第 ${t.r + 1} 行第 ${t.c + 1} 列）` : ` (part ${t.k}/${n}: row ${t.r + 1}, column ${t.c + 1})`;
      const body = `${o.title ? `<h2 class="dh">${escapeHtml(o.title + label)}</h2>` : ''}`
        + `<div class="figure">${windowSvg(svg, t.x, t.y, tiles.tileW, tiles.tileH, tiles.scale)}<div class="caption">${escapeHtml(note)}</div></div>`;
      pages.push(section(tiles.landscape, body));
    }
  }
  return pages.join('\n');
}

/** CSS of diagram pages (added to `baseCss` by documents that hold diagrams). */
export const DIAGRAM_CSS = `
section.diagram { overflow: hidden; box-sizing: border-box; }
h2.dh { height: ${DIAGRAM_PAGE.heading - 4}mm; box-sizing: border-box; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
.subtitle { font-size: 9pt; line-height: 1.4; color: #333; height: ${DIAGRAM_PAGE.subtitle - 1}mm; margin: 0 0 1mm; overflow: hidden;
  display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; }
.frame { position: relative; }
.frame .tile { position: absolute; box-sizing: border-box; border: 0.35mm dashed rgba(183, 28, 28, 0.75); }
.frame .tile.skipped { border-color: rgba(120, 120, 120, 0.35); }
.frame .tile span { position: absolute; left: 1mm; top: 0.5mm; font-size: 9pt; font-weight: 700; color: #b71c1c; background: rgba(255,255,255,0.85); padding: 0 1mm; }
`;

/** A document holding one diagram: the whole diagram on page 1, plus tiles when it is too large to read there. */
export function diagramPageHtml(svg: string, o: DiagramPageOptions): string {
  return `<!doctype html><html lang="${o.lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${escapeHtml(o.title ?? '')}</title>`
    + `<style>${baseCss()}${DIAGRAM_CSS}</style></head><body>${diagramSections(svg, o)}</body></html>`;
}

/** CSS pixels per unit of an absolute SVG length. */
const PX_PER: Record<string, number> = { mm: 96 / 25.4, cm: 96 / 2.54, in: 96, pt: 96 / 72, pc: 16 };

/**
 * Natural size of an SVG in CSS px: its width and height when given in absolute units (yuan's swimlane charts are
 * sized in mm), else its viewBox (mermaid always writes one).
 */
export function svgSizeOf(svg: string): { width: number; height: number } {
  const tag = /<svg\b[^>]*>/i.exec(svg)?.[0] ?? '';
  const abs = (name: string) => {
    const m = new RegExp(`\\s${name}="([\\d.]+)(mm|cm|in|pt|pc)"`, 'i').exec(tag);
    return m ? Number(m[1]) * PX_PER[m[2].toLowerCase()] : undefined;
  };
  const [aw, ah] = [abs('width'), abs('height')];
  if (aw && ah) return { width: aw, height: ah };
  const m = /<svg\b[^>]*?\sviewBox="\s*([-\d.e]+)[\s,]+([-\d.e]+)[\s,]+([\d.e]+)[\s,]+([\d.e]+)\s*"/i.exec(svg);
  if (m) return { width: Number(m[3]), height: Number(m[4]) };
  const w = /<svg\b[^>]*?\swidth="([\d.]+)(?:px)?"/i.exec(svg);
  const h = /<svg\b[^>]*?\sheight="([\d.]+)(?:px)?"/i.exec(svg);
  return { width: w ? Number(w[1]) : 800, height: h ? Number(h[1]) : 600 };
}
