/**
 * The score breakdown bars and the timeline's legend as inline SVG drawn by hand (no library, no script).
 * Every text node and attribute value goes through `esc`.
 */
import { type BandId, type DimensionId, type Rating } from '../score/index.js';
import type { ReportModel } from './common.js';
import { esc, fit, textWidth } from './escape.js';
import { DIMENSION_NAMES, T } from './i18n.js';
import { COLORS, FONT, n, RATING_COLORS } from './svg-style.js';

/** Colour of a 0–100 score by its band (≥90, ≥75, ≥60, below); the HTML page uses it for the headline score too. */
export function bandColor(score: number): string {
  return score >= 90 ? '#2e7d32' : score >= 75 ? '#558b2f' : score >= 60 ? '#f9a825' : '#c62828';
}

/** Colour of a rating band (the band may be lower than the score's, or not rated: grey). */
export function bandIdColor(id: BandId): string {
  return { excellent: '#2e7d32', good: '#558b2f', adequate: '#f9a825', inadequate: '#c62828', 'not-rated': '#6b7280' }[id];
}

/** Left edge and width of the 0–100 bars. */
const BAR_X0 = 110;
const BAR_W = 560;

/** One bar of the breakdown: overall or a dimension. */
interface BarRow { id: string; label: string; value: number; note: string; strong?: boolean }

/** Score breakdown: one bar per dimension and the overall (0–100), plus P/S/M/U counts. */
export function scoreBarsSvg(m: ReportModel): string {
  const { score, lang } = m;
  const t = T[lang];
  const W = 1000;
  const rows: BarRow[] = [
    { id: 'overall', label: t.overall, value: score.overall, note: m.band.name, strong: true },
    ...(['time', 'coordination', 'effect'] as DimensionId[]).map((d) => ({
      id: d, label: DIMENSION_NAMES[lang][d], value: score.dimensions[d].score,
      note: score.dimensions[d].evaluated ? `${t.weight} ${Math.round(score.dimensions[d].weight * 1000) / 10}%` : t.notEvaluated,
    })),
  ];
  const x0 = BAR_X0;
  const bw = BAR_W;
  const rh = 34;
  const top = 22;
  const H = top + rows.length * rh + 14;
  const out: string[] = [];
  out.push(`<svg class="bars" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${esc(t.breakdown)}" font-family="${esc(FONT)}" font-size="12">`);
  out.push(`<title>${esc(t.breakdown)}</title>`);
  for (let v = 0; v <= 100; v += 20) {
    const xx = x0 + (v / 100) * bw;
    out.push(`<line x1="${n(xx)}" y1="${top - 4}" x2="${n(xx)}" y2="${n(top + rows.length * rh - 6)}" stroke="${COLORS.grid}"/>`);
    out.push(`<text x="${n(xx)}" y="${top - 8}" text-anchor="middle" font-size="9.5" fill="${COLORS.muted}">${v}</text>`);
  }
  dimensionBars(out, rows, top, rh);
  ratingColumns(out, m, top, rows.length * rh);
  out.push('</svg>');
  return out.join('\n');
}

/** One labelled 0–100 bar per row, coloured by band, with the value and a note (weight or "not evaluated") to its right. */
function dimensionBars(out: string[], rows: BarRow[], top: number, rh: number): void {
  const x0 = BAR_X0;
  const bw = BAR_W;
  rows.forEach((r, i) => {
    const y = top + i * rh;
    const w = (Math.max(0, Math.min(100, r.value)) / 100) * bw;
    out.push(`<g class="bar" data-dimension="${esc(r.id)}">`);
    out.push(`<text x="${x0 - 10}" y="${n(y + 15)}" text-anchor="end" font-weight="${r.strong ? 'bold' : 'normal'}" fill="${COLORS.ink}">${esc(r.label)}</text>`);
    out.push(`<rect x="${x0}" y="${n(y + 2)}" width="${bw}" height="20" fill="#f1f3f5" rx="3"/>`);
    out.push(`<rect x="${x0}" y="${n(y + 2)}" width="${n(w)}" height="20" fill="${bandColor(r.value)}" rx="3"/>`);
    out.push(`<text x="${n(x0 + bw + 8)}" y="${n(y + 16)}" font-weight="bold" fill="${COLORS.ink}">${esc(String(r.value))}</text>`);
    out.push(`<text x="${n(x0 + bw + 52)}" y="${n(y + 16)}" font-size="10.5" fill="${COLORS.muted}">${esc(fit(r.note, 110, 10.5))}</text>`);
    out.push('</g>');
  });
}

/** P/S/M/U count columns right of the bars; heights are relative to the largest count (floored at 1 so all-zero counts stay drawable). */
function ratingColumns(out: string[], m: ReportModel, top: number, rowsH: number): void {
  const { score } = m;
  const t = T[m.lang];
  const ratings: Rating[] = ['P', 'S', 'M', 'U'];
  const max = Math.max(1, ...ratings.map((r) => score.ratings[r]));
  const cx0 = 800;
  const colW = 34;
  const chartH = rowsH - 30;
  const base = top + chartH + 2;
  out.push(`<text x="${cx0 + 2 * colW + 9}" y="${top - 8}" text-anchor="middle" font-size="10.5" fill="${COLORS.muted}">${esc(t.ratingsLabel)}</text>`);
  ratings.forEach((r, i) => {
    const h = (score.ratings[r] / max) * (chartH - 14);
    const xx = cx0 + i * (colW + 12);
    out.push(`<g class="rating" data-rating="${r}">`);
    out.push(`<rect x="${xx}" y="${n(base - h)}" width="${colW}" height="${n(Math.max(h, 1))}" fill="${RATING_COLORS[r]}" rx="2"/>`);
    out.push(`<text x="${xx + colW / 2}" y="${n(base - h - 4)}" text-anchor="middle" font-weight="bold" fill="${COLORS.ink}">${score.ratings[r]}</text>`);
    out.push(`<text x="${xx + colW / 2}" y="${n(base + 16)}" text-anchor="middle" font-weight="bold" fill="${RATING_COLORS[r]}">${r}</text>`);
    out.push('</g>');
  });
}

/** Legend of the timeline as a small inline SVG row. */
export function legendSvg(m: ReportModel): string {
  const t = T[m.lang];
  const items: [string, string][] = [
    [`<rect x="0" y="-6" width="22" height="12" rx="2" fill="${COLORS.window}" stroke="${COLORS.windowStroke}"/>`, t.lgWindow],
    [`<circle cx="8" cy="0" r="5" fill="${COLORS.ok}"/>`, t.lgOnTime],
    [`<line x1="0" y1="0" x2="14" y2="0" stroke="${COLORS.late}" stroke-width="3"/><circle cx="16" cy="0" r="5" fill="${COLORS.late}"/>`, t.lgLate],
    [`<path d="M4 -6 L16 -6 L10 2 Z" fill="${COLORS.late}"/>`, t.lgOverdue],
    [`<rect x="0" y="-6" width="22" height="12" fill="url(#lg-miss)"/>`, t.lgMissed],
    [`<path d="M8 -6 L14 0 L8 6 L2 0 Z" fill="${COLORS.wrong}"/>`, t.lgWrong],
    [`<line x1="8" y1="-8" x2="8" y2="8" stroke="${COLORS.inject}" stroke-width="1.2" stroke-dasharray="4 3"/>`, t.lgInject],
    [`<path d="M4 7 L4 -7 L12 -4 L4 -1" fill="${COLORS.level}" stroke="${COLORS.level}"/>`, t.lgLevel],
    [`<path d="M5 -5 L11 0 L5 5" fill="none" stroke="${COLORS.notify}" stroke-width="1.8"/>`, t.lgNotify],
  ];
  const out: string[] = [];
  let xx = 0;
  let yy = 12;
  const W = 1000;
  const parts: string[] = [];
  for (const [icon, text] of items) {
    const w = 30 + textWidth(text, 12) + 18;
    if (xx + w > W) { xx = 0; yy += 24; }
    parts.push(`<g transform="translate(${n(xx)} ${yy})">${icon}<text x="28" y="4" fill="${COLORS.ink}">${esc(text)}</text></g>`);
    xx += w;
  }
  out.push(`<svg class="legend" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${yy + 14}" width="100%" font-family="${esc(FONT)}" font-size="12" aria-label="${esc(t.legend)}">`);
  out.push('<defs><pattern id="lg-miss" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fdecea"/><line x1="0" y1="0" x2="0" y2="6" stroke="#e57373" stroke-width="2"/></pattern></defs>');
  out.push(...parts, '</svg>');
  return out.join('\n');
}
