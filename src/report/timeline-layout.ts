/**
 * Geometry of the timeline: fixed widths, the time scale, where inject labels go and the vertical bands.
 * Everything the drawing helpers share lives in one `Timeline` object so they stay plain functions.
 */
import type { DrillEvent } from '../drill/types.js';
import { clock } from '../score/index.js';
import type { ReportModel } from './common.js';
import { fit, textWidth } from './escape.js';
import { T } from './i18n.js';
import { shownSteps, type Lane } from './timeline-lanes.js';

/** Width of the timeline's viewBox; the page scales it to 100%. */
export const W = 1000;
/** Width of the role-name column left of the chart. */
export const LABEL_W = 168;
/** Width of the P/S/M/U badge column right of the chart. */
export const RATING_W = 26;
/** Left edge of the time axis. */
export const X0 = LABEL_W;
/** Right edge of the time axis (a little gap before the rating badges). */
export const X1 = W - RATING_W - 8;
/** Width of the time axis. */
export const CW = X1 - X0;
/** Height of one lane row. */
export const ROW_H = 22;
/** Base font size of the timeline. */
export const FS = 12;

/** An inject with its placed label: row in the label band, shown (maybe shortened) text and full text for the tooltip. */
export interface InjectLabel {
  e: Extract<DrillEvent, { type: 'inject' }>;
  row: number;
  text: string;
  full: string;
}

/** Everything the timeline's drawing helpers share: the model, the output buffer, the scale and the vertical bands. */
export interface Timeline {
  m: ReportModel;
  t: (typeof T)[ReportModel['lang']];
  levels: Map<string, ReportModel['plan']['levels'][number]>;
  out: string[];
  /** Seconds to x, clamped to the axis. */
  x: (s: number) => number;
  tmax: number;
  tick: number;
  lanes: Lane[];
  injectLabels: InjectLabel[];
  yAxis: number;
  yStripW: number;
  yStripD: number;
  yLanes: number;
  height: number;
}

/** Height of a lane: its rows plus padding, never so thin that a two-line role label overflows. */
export const laneHeight = (l: Lane): number => Math.max(l.rows.length * ROW_H + 8, 38);

/** Top y of each lane, in lane order (lanes are stacked from `yLanes` down). */
export function laneTops(tl: Timeline): number[] {
  let y = tl.yLanes;
  return tl.lanes.map((l) => { const top = y; y += laneHeight(l); return top; });
}

/** Tick spacing in seconds giving at most ten intervals over `span`, on round clock values. */
export function niceStep(span: number): number {
  for (const s of [30, 60, 120, 180, 300, 600, 900, 1200, 1800, 3600, 7200, 10800, 21600, 43200, 86400]) if (span / s <= 10) return s;
  return Math.ceil(span / 10 / 86400) * 86400;
}

/** End of the time axis (rounded up to a whole tick) and the tick: late completions and deadlines past the drill's end stay on the chart. */
export function timeScale(m: ReportModel): { tmax: number; tick: number } {
  const { score } = m;
  let tmax = Math.max(score.end, 60);
  for (const s of shownSteps(m)) { if (s.deadline !== undefined) tmax = Math.max(tmax, s.deadline); if (s.doneAt !== undefined) tmax = Math.max(tmax, s.doneAt); }
  for (const a of score.level.activations) if (a.allowed !== undefined) tmax = Math.max(tmax, a.warrantedAt + a.allowed);
  for (const e of m.events) tmax = Math.max(tmax, e.t);
  const tick = niceStep(tmax);
  return { tmax: Math.ceil(tmax / tick) * tick, tick };
}

/**
 * Inject labels, greedily packed into at most 6 rows; when every row is taken the label is just the inject id, in
 * the row that frees up first. Full texts are in the inject table under the chart (and in each label's tooltip).
 */
export function placeInjectLabels(m: ReportModel, x: (s: number) => number): { labels: InjectLabel[]; rows: number } {
  const injects = m.events.filter((e): e is Extract<DrillEvent, { type: 'inject' }> => e.type === 'inject');
  const rowEnds: number[] = [];
  const labels = injects.map((e) => {
    const full = `${e.inject} ${clock(e.t)} ${e.message}`;
    const xi = x(e.t);
    let row = rowEnds.findIndex((end) => end < xi);
    if (row < 0 && rowEnds.length < 6) row = rowEnds.length;
    const crowded = row < 0;
    if (crowded) row = rowEnds.indexOf(Math.min(...rowEnds));
    const text = crowded ? e.inject : fit(full, Math.max(40, Math.min(240, W - 6 - xi)), FS);
    rowEnds[row] = Math.max(rowEnds[row] ?? -Infinity, xi + textWidth(text, FS) + 10);
    return { e, row, text, full };
  });
  return { labels, rows: Math.max(1, rowEnds.length) };
}

/** Baseline of an inject label row (rows stack from the top of the chart). */
export const injectLabelY = (row: number): number => 8 + row * 17 + 12;

/** Lays the timeline out: lanes, scale, inject label rows, then the axis, the two level strips and the lanes top to bottom. */
export function timelineLayout(m: ReportModel, lanes: Lane[]): Timeline {
  const { tmax, tick } = timeScale(m);
  const x = (s: number) => X0 + (Math.max(0, Math.min(s, tmax)) / tmax) * CW;
  const { labels, rows } = placeInjectLabels(m, x);
  const yAxis = 8 + rows * 17 + 14;
  const yStripW = yAxis + 8;
  const yStripD = yStripW + 16;
  const yLanes = yStripD + 22;
  const height = yLanes + lanes.reduce((s, l) => s + laneHeight(l), 0) + 6;
  return {
    m, t: T[m.lang], levels: new Map(m.plan.levels.map((l) => [l.id, l] as const)), out: [], x, tmax, tick, lanes,
    injectLabels: labels, yAxis, yStripW, yStripD, yLanes, height,
  };
}
