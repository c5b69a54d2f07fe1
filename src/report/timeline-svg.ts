/**
 * The swimlane timeline as inline SVG drawn by hand (no library, no script). Every text node and attribute value
 * goes through `esc`. Layout is in timeline-layout.ts, the rows inside the lanes in timeline-rows.ts.
 */
import type { DrillEvent } from '../drill/types.js';
import { clock } from '../score/index.js';
import type { ReportModel } from './common.js';
import { esc, fit } from './escape.js';
import { timelineLanes } from './timeline-lanes.js';
import { CW, FS, injectLabelY, LABEL_W, laneHeight, laneTops, timelineLayout, W, X0, type Timeline } from './timeline-layout.js';
import { laneRows } from './timeline-rows.js';
import { COLORS, FONT, LEVEL_COLORS, n } from './svg-style.js';

/** The swimlane timeline: one lane per role, expected windows vs actual completions, overdue markers, injects, levels. */
export function timelineSvg(m: ReportModel): string {
  const tl = timelineLayout(m, timelineLanes(m));
  const { out, t } = tl;
  out.push(`<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${n(tl.height)}" width="100%" role="img" aria-label="${esc(t.timeline)}" font-family="${esc(FONT)}" font-size="${FS}">`);
  out.push(`<title>${esc(t.timeline)}</title>`);
  out.push('<defs><pattern id="tl-miss" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fdecea"/><line x1="0" y1="0" x2="0" y2="6" stroke="#e57373" stroke-width="2"/></pattern></defs>');
  // painter's order: backgrounds first, then grid, strips and rows; injects last so their lines stay visible
  laneBackgrounds(tl);
  timeAxis(tl);
  levelStrips(tl);
  laneRows(tl);
  injectMarkers(tl);
  out.push('</svg>');
  return out.join('\n');
}

/** Striped lane backgrounds with the role's name (and its id underneath when the plan names it differently). */
function laneBackgrounds(tl: Timeline): void {
  const { out, m } = tl;
  const tops = laneTops(tl);
  tl.lanes.forEach((lane, i) => {
    const y = tops[i];
    const h = laneHeight(lane);
    const name = m.plan.roles.find((r) => r.id === lane.role)?.name;
    out.push(`<g class="lane" data-role="${esc(lane.role)}">`);
    out.push(`<rect x="0" y="${n(y)}" width="${W}" height="${n(h)}" fill="${i % 2 ? COLORS.laneB : COLORS.laneA}"/>`);
    const cy = y + h / 2;
    if (name && name !== lane.role) {
      out.push(`<text x="8" y="${n(cy - 2)}" font-size="13" font-weight="bold" fill="${COLORS.ink}">${esc(fit(name, LABEL_W - 14, 13))}</text>`);
      out.push(`<text x="8" y="${n(cy + 12)}" font-size="10.5" fill="${COLORS.muted}">${esc(fit(lane.role, LABEL_W - 14, 10.5))}</text>`);
    } else {
      out.push(`<text x="8" y="${n(cy + 4)}" font-size="13" font-weight="bold" fill="${COLORS.ink}">${esc(fit(lane.role, LABEL_W - 14, 13))}</text>`);
    }
    out.push('</g>');
  });
  out.push(`<line x1="0" y1="${n(tl.yLanes)}" x2="${W}" y2="${n(tl.yLanes)}" stroke="${COLORS.grid}"/>`);
}

/** Vertical grid lines through every lane and the clock labels of the time axis. */
function timeAxis(tl: Timeline): void {
  const { out, x } = tl;
  for (let s = 0; s <= tl.tmax; s += tl.tick) {
    out.push(`<line x1="${n(x(s))}" y1="${n(tl.yAxis + 3)}" x2="${n(x(s))}" y2="${n(tl.height - 6)}" stroke="${COLORS.grid}" stroke-width="1"/>`);
    out.push(`<text x="${n(x(s))}" y="${n(tl.yAxis)}" text-anchor="middle" fill="${COLORS.muted}" font-size="10.5">${esc(clock(s))}</text>`);
  }
}

/** The warranted and declared level strips one above the other, with dashed boxes around the spans where they disagree. */
function levelStrips(tl: Timeline): void {
  const { m, t } = tl;
  levelStrip(tl, m.events.filter((e) => e.type === 'level.warranted').map((e) => ({ t: e.t, level: (e as Extract<DrillEvent, { type: 'level.warranted' }>).level })), tl.yStripW, t.warranted);
  levelStrip(tl, m.events.filter((e) => e.type === 'level.declared').map((e) => ({ t: e.t, level: (e as Extract<DrillEvent, { type: 'level.declared' }>).level })), tl.yStripD, t.declared);
  for (const sp of m.score.level.spans) {
    tl.out.push(`<rect x="${n(tl.x(sp.from))}" y="${n(tl.yStripW - 2)}" width="${n(Math.max(2, tl.x(sp.to) - tl.x(sp.from)))}" height="30" fill="none" stroke="${COLORS.late}" stroke-width="1.5" stroke-dasharray="3 2"><title>${esc(`${sp.kind} ${clock(sp.from)}–${clock(sp.to)}`)}</title></rect>`);
  }
}

/** One level strip: a segment per level change, filled in the level's colour until the next change (or the drill's end). */
function levelStrip(tl: Timeline, changes: { t: number; level: string | null }[], yy: number, label: string): void {
  const { out, x, t, levels } = tl;
  const end = tl.m.score.end;
  out.push(`<text x="${X0 - 6}" y="${n(yy + 10)}" text-anchor="end" font-size="10.5" fill="${COLORS.muted}">${esc(label)}</text>`);
  out.push(`<rect x="${n(X0)}" y="${n(yy)}" width="${n(CW)}" height="12" fill="#f1f3f5"/>`);
  changes.forEach((c, i) => {
    // no level in force: the strip stays empty until the next change
    if (!c.level) return;
    const until = i + 1 < changes.length ? changes[i + 1].t : end;
    if (until <= c.t) return;
    const lv = levels.get(c.level);
    const fill = lv?.colour ? LEVEL_COLORS[lv.colour] : COLORS.pending;
    const w = x(until) - x(c.t);
    out.push(`<rect x="${n(x(c.t))}" y="${n(yy)}" width="${n(w)}" height="12" fill="${fill}" fill-opacity="0.85"><title>${esc(`${t.level(c.level)} ${clock(c.t)}–${clock(until)}`)}</title></rect>`);
    if (w > 26) out.push(`<text x="${n(x(c.t) + 3)}" y="${n(yy + 10)}" font-size="10" fill="#fff" font-weight="bold">${esc(fit(t.level(c.level), w - 4, 10))}</text>`);
  });
}

/** Inject markers on top of everything: a dashed line down through all lanes and the placed label with the full text as tooltip. */
function injectMarkers(tl: Timeline): void {
  const { out } = tl;
  for (const { e, row, text, full } of tl.injectLabels) {
    const xi = tl.x(e.t);
    const ly = injectLabelY(row);
    out.push(`<g class="inject" data-inject="${esc(e.inject)}">`);
    out.push(`<line x1="${n(xi)}" y1="${n(ly + 2)}" x2="${n(xi)}" y2="${n(tl.height - 6)}" stroke="${COLORS.inject}" stroke-width="1.2" stroke-dasharray="4 3"/>`);
    out.push(`<text x="${n(xi + 3)}" y="${n(ly)}" font-size="${FS}" fill="${COLORS.inject}"><title>${esc(full)}</title>${esc(text)}</text>`);
    out.push('</g>');
  }
}
