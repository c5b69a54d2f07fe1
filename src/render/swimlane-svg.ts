/**
 * Draws a swimlane layout as a standalone SVG whose user unit is the millimetre: `width`/`height` are given in mm,
 * so at 100 % print every font size is exactly what the layout chose. Every piece of plan text is escaped; the SVG
 * holds no script, link or external reference.
 */
import { escapeHtml as esc } from '../html.js';
import { COLOURS } from './mermaid-text.js';
import { PT_MM, textWidth } from './text-fit.js';
import { LEADING, TYPE, lineHeight, type Layout, type PlacedNode } from './swimlane-layout.js';

/** The font stack of the charts: Noto CJK from `fonts-noto-cjk` first. */
const FONT = '&quot;Noto Sans CJK SC&quot;, &quot;Noto Sans SC&quot;, &quot;Source Han Sans SC&quot;, &quot;Microsoft YaHei&quot;, sans-serif';
const INK = '#263238';
const EDGE = '#37474f';
const ESCALATION = '#b71c1c';
const RULE = '#b0b8c8';
const BAND = '#f2f4f8';

const f = (n: number) => (Math.round(n * 100) / 100).toString();
const fs = (pt: number) => f(pt * PT_MM);

/** Baseline of a line of `pt` whose line box starts at `top`: the glyphs' centre on the line box's centre. */
const baseline = (top: number, pt: number) => top + lineHeight(pt) / 2 + 0.36 * pt * PT_MM;

export interface SvgOptions {
  /** Printed above the chart (standalone files); the packet prints its own heading instead. */
  title?: string;
  /** Printed under the title in smaller type. */
  subtitle?: string;
}

/** The SVG of a layout, sized in mm. */
export function layoutSvg(layout: Layout, opts: SvgOptions = {}): string {
  const titleH = opts.title ? lineHeight(TYPE.title.pt) + (opts.subtitle ? lineHeight(TYPE.small.pt) : 0) + 2 : 0;
  const W = layout.width;
  const H = layout.height + titleH;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${f(W)}mm" height="${f(H)}mm" viewBox="0 0 ${f(W)} ${f(H)}" font-family="${FONT}" class="yuan-swimlane">`);
  out.push(`<rect x="0" y="0" width="${f(W)}" height="${f(H)}" fill="#ffffff"/>`);
  if (opts.title) {
    out.push(text(0.5, baseline(0, TYPE.title.pt), opts.title, TYPE.title.pt, true, INK, 'start'));
    if (opts.subtitle) out.push(text(0.5, baseline(lineHeight(TYPE.title.pt), TYPE.small.pt), opts.subtitle, TYPE.small.pt, false, INK, 'start'));
  }
  out.push(`<g transform="translate(0 ${f(titleH)})">`);
  const top = 0;
  const bottom = layout.gridBottom;
  // Phase bands and their names.
  layout.phases.forEach((p, i) => {
    if (i % 2 === 1) out.push(`<rect x="0" y="${f(p.y)}" width="${f(W)}" height="${f(p.h)}" fill="${BAND}"/>`);
    if (i > 0) out.push(`<line x1="0" y1="${f(p.y)}" x2="${f(W)}" y2="${f(p.y)}" stroke="${RULE}" stroke-width="0.25"/>`);
    const lh = lineHeight(TYPE.phase.pt);
    const y0 = p.y + p.h / 2 - (p.title.length * lh) / 2;
    p.title.forEach((line, k) => out.push(text(layout.phaseCol / 2, baseline(y0 + k * lh, TYPE.phase.pt), line, TYPE.phase.pt, true, INK)));
  });
  // Lane titles and separators.
  if (!layout.plain) out.push(`<rect x="0" y="${f(top)}" width="${f(W)}" height="${f(layout.headerH)}" fill="#e3e7ef"/>`);
  for (const l of layout.plain ? [] : layout.lanes) {
    const pt = (small: boolean) => (small ? TYPE.small.pt : TYPE.lane.pt);
    let y0 = layout.headerH / 2 - l.title.reduce((h, t) => h + lineHeight(pt(t.small)), 0) / 2;
    for (const t of l.title) {
      out.push(text(l.x + l.w / 2, baseline(y0, pt(t.small)), t.text, pt(t.small), !t.small, INK));
      y0 += lineHeight(pt(t.small));
    }
    out.push(`<line x1="${f(l.x)}" y1="${f(top)}" x2="${f(l.x)}" y2="${f(bottom)}" stroke="${RULE}" stroke-width="0.3"/>`);
  }
  if (!layout.plain) out.push(`<line x1="0" y1="${f(layout.headerH)}" x2="${f(W)}" y2="${f(layout.headerH)}" stroke="${RULE}" stroke-width="0.3"/>`);
  else out.push(`<line x1="${f(layout.phaseCol)}" y1="0" x2="${f(layout.phaseCol)}" y2="${f(bottom)}" stroke="${RULE}" stroke-width="0.3"/>`);
  out.push(`<rect x="0.15" y="0.15" width="${f(W - 0.3)}" height="${f(bottom - 0.3)}" fill="none" stroke="#78849a" stroke-width="0.3"/>`);
  // Edges under the boxes, then junction dots, boxes, labels.
  for (const p of layout.paths) {
    const colour = p.edge.kind === 'escalation' ? ESCALATION : EDGE;
    const dash = p.edge.kind === 'escalation' ? ' stroke-dasharray="1.4 0.9"' : '';
    out.push(`<polyline points="${p.points.map(([x, y]) => `${f(x)},${f(y)}`).join(' ')}" fill="none" stroke="${colour}" stroke-width="0.3"${dash}/>`);
    if (p.arrowEnd) out.push(arrow(p.points[p.points.length - 2], p.points[p.points.length - 1], colour));
    if (p.arrowStart) out.push(arrow(p.points[1], p.points[0], colour));
  }
  for (const [x, y] of layout.dots) out.push(`<circle cx="${f(x)}" cy="${f(y)}" r="0.55" fill="${EDGE}"/>`);
  for (const n of layout.nodes) out.push(box(n));
  for (const l of layout.labels) {
    const w = textWidth(l.text, TYPE.label.pt, true);
    const h = TYPE.label.pt * PT_MM;
    out.push(`<rect x="${f(l.x - 0.3)}" y="${f(l.y - h * 0.92)}" width="${f(w + 0.6)}" height="${f(h * 1.12)}" fill="#ffffff"/>`);
    out.push(text(l.x, l.y - 0.1 * h, l.text, TYPE.label.pt, true, INK, 'start'));
  }
  // Notes.
  let y = layout.gridBottom + 2.5;
  for (const line of layout.notes.lines) {
    out.push(text(0.5 + line.indent, baseline(y, TYPE.note.pt), line.text, TYPE.note.pt, false, INK, 'start'));
    y += lineHeight(TYPE.note.pt);
  }
  out.push('</g></svg>');
  return out.join('\n');
}

function text(x: number, y: number, s: string, pt: number, bold: boolean, fill: string, anchor: 'middle' | 'start' = 'middle'): string {
  // No-break spaces only steered line breaking; printed they are ordinary spaces (and extract as such from a PDF).
  return `<text x="${f(x)}" y="${f(y)}" font-size="${fs(pt)}"${bold ? ' font-weight="700"' : ''} fill="${fill}" text-anchor="${anchor}">${esc(s.replace(/[\u00A0\u202F]/g, ' '))}</text>`;
}

/** A filled arrowhead at `to`, pointing from `from`. */
function arrow(from: [number, number], to: [number, number], colour: string): string {
  const [dx, dy] = [to[0] - from[0], to[1] - from[1]];
  const len = Math.hypot(dx, dy) || 1;
  const [ux, uy] = [dx / len, dy / len];
  const L = 1.6; const Wd = 0.75;
  const bx = to[0] - ux * L; const by = to[1] - uy * L;
  return `<path d="M${f(to[0])},${f(to[1])} L${f(bx - uy * Wd)},${f(by + ux * Wd)} L${f(bx + uy * Wd)},${f(by - ux * Wd)} Z" fill="${colour}"/>`;
}

function box(p: PlacedNode): string {
  const { node: n, x, y, w, h } = p;
  const out: string[] = [`<g class="node ${n.kind}" data-id="${esc(n.id)}">`];
  const dash = n.dashed ? ' stroke-dasharray="1.2 0.8"' : '';
  let fill = '#ffffff';
  let ink = INK;
  const stroke = '#455a64';
  if (n.kind === 'level' && n.fill) { fill = COLOURS[n.fill].fill; ink = COLOURS[n.fill].text; }
  else if (n.kind === 'start' || n.kind === 'end') fill = '#e6eaee';
  else if (n.kind === 'report') fill = '#fff4e0';
  else if (n.kind === 'after' || n.kind === 'other') fill = '#f5f5f5';
  if (n.kind === 'decision') {
    out.push(`<polygon points="${f(x + w / 2)},${f(y)} ${f(x + w)},${f(y + h / 2)} ${f(x + w / 2)},${f(y + h)} ${f(x)},${f(y + h / 2)}" fill="${fill}" stroke="${stroke}" stroke-width="0.35"/>`);
  } else {
    const rx = n.kind === 'start' || n.kind === 'end' || n.kind === 'connector' ? Math.min(h / 2, 3) : 0.9;
    const sw = n.kind === 'level' ? 0.45 : 0.3;
    out.push(`<rect x="${f(x)}" y="${f(y)}" width="${f(w)}" height="${f(h)}" rx="${f(rx)}" fill="${fill}" stroke="${n.kind === 'level' && n.fill ? COLOURS[n.fill].stroke : stroke}" stroke-width="${sw}"${dash}/>`);
    if (n.stripe) out.push(`<rect x="${f(x + 0.15)}" y="${f(y + 0.15)}" width="1.2" height="${f(h - 0.3)}" fill="${COLOURS[n.stripe].fill}"/>`);
  }
  const textH = p.lines.reduce((s, l) => s + lineHeight(l.pt), 0);
  let ty = y + (h - textH) / 2;
  const cx = x + w / 2 + (n.stripe ? 0.6 : 0);
  for (const l of p.lines) {
    const colour = l.style === 'time' && n.kind !== 'level' ? '#8e1b1b' : l.style === 'small' && n.kind !== 'level' ? '#37474f' : ink;
    out.push(text(cx, baseline(ty, l.pt), l.text, l.pt, l.bold, colour));
    ty += l.pt * PT_MM * LEADING;
  }
  out.push('</g>');
  return out.join('');
}
