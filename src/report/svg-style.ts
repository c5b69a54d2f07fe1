/**
 * Shared look of the hand-drawn report SVGs: font stack, palette and number formatting.
 * Kept in one place so the timeline, the score bars, the legend and the HTML page's CSS agree on colours.
 */
import type { Colour } from '../model/index.js';
import type { Rating } from '../score/index.js';

/** Font stack for SVG text: CJK faces first so Chinese labels measure and render the same in browsers and PDF. */
export const FONT = "'Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC','PingFang SC','Microsoft YaHei','Noto Serif CJK SC',sans-serif";

/** Named colours of the timeline and bars (ink, grid, lane stripes, windows, statuses, event kinds). */
export const COLORS = {
  ink: '#1f2d3d', muted: '#6b7785', grid: '#e3e7ec', laneA: '#f7f9fb', laneB: '#ffffff',
  window: '#d9e6f5', windowStroke: '#8fb0d6', ok: '#2e7d32', late: '#c62828', wrong: '#ef6c00', pending: '#9e9e9e',
  inject: '#3949ab', level: '#6a1b9a', notify: '#546e7a', other: '#8d6e63',
};

/** Colour of each HSEEP rating (P/S/M/U), from good green to bad red. */
export const RATING_COLORS: Record<Rating, string> = { P: '#2e7d32', S: '#9e9d24', M: '#ef6c00', U: '#c62828' };

/** Fill of a response level by its plan colour (红/橙/黄/蓝). */
export const LEVEL_COLORS: Record<Colour, string> = { red: '#d32f2f', orange: '#f57c00', yellow: '#f9c623', blue: '#1e88e5' };

/** Fixed-precision number for SVG attributes (stable output). */
export const n = (x: number): string => String(Math.round(x * 10) / 10);
