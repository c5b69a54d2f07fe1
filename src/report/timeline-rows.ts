/**
 * The rows inside the timeline's lanes: step bars, level-activation bars and the loose events of a role,
 * with their completion / overdue markers, rating badges and labels.
 */
import { clock, duration, type Activation, type StepResult } from '../score/index.js';
import { esc, fit, textWidth } from './escape.js';
import { STATUS_NAMES } from './i18n.js';
import type { Lane } from './timeline-lanes.js';
import { FS, laneTops, RATING_W, ROW_H, W, X0, X1, type Timeline } from './timeline-layout.js';
import { COLORS, LEVEL_COLORS, n, RATING_COLORS } from './svg-style.js';

/** Draws every row of every lane: activations and steps as bars, the events row as markers. */
export function laneRows(tl: Timeline): void {
  const tops = laneTops(tl);
  tl.lanes.forEach((lane, i) => {
    let ry = tops[i] + 4;
    for (const row of lane.rows) {
      const cy = ry + ROW_H / 2;
      if (row.kind === 'step') stepBar(tl, row.step!, cy);
      else if (row.kind === 'activation') activationBar(tl, row.activation!, cy);
      else eventMarkers(tl, lane, cy);
      ry += ROW_H;
    }
  });
}

/**
 * A row's label, never under its markers: inside the window before the first marker when the whole text fits there,
 * else right of everything drawn, else inside (shortened, still before the markers), else left of the window.
 */
export function rowLabel(tl: Timeline, text: string, from: number, to: number, cy: number, after: number, markers: number[]): void {
  const tw = textWidth(text, FS);
  const firstMarker = markers.filter((mx) => mx >= from - 6 && mx <= to + 6).sort((a, b) => a - b)[0];
  const insideRoom = (firstMarker !== undefined ? firstMarker - 8 : to) - from - 6;
  const rightRoom = Math.min(260, X1 - after - 10);
  const at = (xx: number, shown: string, anchor = '') =>
    tl.out.push(`<text x="${n(xx)}" y="${n(cy + 4)}"${anchor} fill="${COLORS.ink}">${esc(shown)}</text>`);
  if (tw <= insideRoom) at(from + 4, text);
  else if (rightRoom >= Math.min(tw, 120)) at(after + 7, fit(text, rightRoom, FS));
  else if (insideRoom >= 40) at(from + 4, fit(text, insideRoom, FS));
  else at(from - 5, fit(text, Math.max(24, Math.min(220, from - X0 - 6)), FS), ' text-anchor="end"');
}

/** Red down-pointing triangle above the row at a passed deadline. */
export function overdueMark(tl: Timeline, at: number, cy: number, title: string): void {
  const xx = tl.x(at);
  tl.out.push(`<path class="overdue" d="M${n(xx - 4)} ${n(cy - 9)} L${n(xx + 4)} ${n(cy - 9)} L${n(xx)} ${n(cy - 3)} Z" fill="${COLORS.late}"><title>${esc(title)}</title></path>`);
}

/** Completion marker: a dot, or a diamond when the wrong role did it (shape, not only colour, carries the meaning). */
export function doneMark(tl: Timeline, at: number, cy: number, colour: string, diamond: boolean, title: string): void {
  const xx = tl.x(at);
  if (diamond) tl.out.push(`<path class="done" d="M${n(xx)} ${n(cy - 6)} L${n(xx + 6)} ${n(cy)} L${n(xx)} ${n(cy + 6)} L${n(xx - 6)} ${n(cy)} Z" fill="${colour}" stroke="#fff" stroke-width="1"><title>${esc(title)}</title></path>`);
  else tl.out.push(`<circle class="done" cx="${n(xx)}" cy="${n(cy)}" r="5" fill="${colour}" stroke="#fff" stroke-width="1"><title>${esc(title)}</title></circle>`);
}

/** Hatched band from a deadline to the end of the drill for something never done. */
function missedBand(tl: Timeline, from: number, width: number, cy: number): void {
  tl.out.push(`<rect class="missed" x="${n(from)}" y="${n(cy - 7)}" width="${n(width)}" height="14" fill="url(#tl-miss)"/>`);
}

/** Red line from a deadline to a late completion. */
function overrun(tl: Timeline, deadline: number, doneAt: number, cy: number): void {
  tl.out.push(`<line class="overrun" x1="${n(tl.x(deadline))}" y1="${n(cy)}" x2="${n(tl.x(doneAt))}" y2="${n(cy)}" stroke="${COLORS.late}" stroke-width="3"/>`);
}

/** A step's row: expected window, overrun or missed band, overdue and done markers, label, and its P/S/M/U badge. */
export function stepBar(tl: Timeline, s: StepResult, cy: number): void {
  const { out, x, t } = tl;
  const { score, lang } = tl.m;
  const text = `${s.step} ${s.action}`;
  const ws = s.windowStart ?? s.base;
  let from = x(ws ?? 0);
  let to = from;
  if (s.deadline !== undefined && ws !== undefined) {
    // a window that opens after its deadline is drawn as a sliver at the deadline rather than with negative width
    from = x(Math.min(ws, s.deadline));
    to = x(s.deadline);
    const pending = s.status === 'pending';
    out.push(`<rect class="window" x="${n(from)}" y="${n(cy - 7)}" width="${n(Math.max(1.5, to - from))}" height="14" rx="2" fill="${pending ? '#f1f3f5' : COLORS.window}" stroke="${pending ? COLORS.pending : COLORS.windowStroke}"${pending ? ' stroke-dasharray="3 2"' : ''}><title>${esc(`${s.step}: ${clock(ws)}–${clock(s.deadline)}`)}</title></rect>`);
  }
  let after = to;
  if (s.status === 'late' && s.doneAt !== undefined && s.deadline !== undefined) overrun(tl, s.deadline, s.doneAt, cy);
  if (s.status === 'missed') {
    const dl = s.deadline ?? score.end;
    const w = x(score.end) - x(dl);
    if (w > 0) missedBand(tl, x(dl), w, cy);
    const xe = x(score.end);
    out.push(`<path d="M${n(xe - 4)} ${n(cy - 4)} L${n(xe + 4)} ${n(cy + 4)} M${n(xe + 4)} ${n(cy - 4)} L${n(xe - 4)} ${n(cy + 4)}" stroke="${COLORS.late}" stroke-width="2"><title>${esc(`${s.step}: ${STATUS_NAMES[lang].missed}`)}</title></path>`);
    after = Math.max(after, xe + 4);
  }
  if ((s.status === 'late' || s.status === 'missed') && s.deadline !== undefined) {
    overdueMark(tl, s.deadline, cy, `${s.step}: ${t.lgOverdue} ${clock(s.deadline)}`);
  }
  if (s.doneAt !== undefined) {
    const colour = s.wrongRole ? COLORS.wrong : s.status === 'late' ? COLORS.late : s.required || s.requiredWarranted ? COLORS.ok : COLORS.pending;
    doneMark(tl, s.doneAt, cy, colour, !!s.wrongRole, `${s.step} ${clock(s.doneAt)} ${s.doneBy ?? ''} ${STATUS_NAMES[lang][s.status]}${s.lateBy ? ` +${duration(s.lateBy, lang)}` : ''}`);
    after = Math.max(after, x(s.doneAt) + 6);
  }
  rowLabel(tl, text, from, to, cy, after, [s.doneAt, s.status === 'late' || s.status === 'missed' ? s.deadline : undefined]
    .filter((v): v is number => v !== undefined).map(x));
  if (s.rating) ratingBadge(tl, s.rating, cy);
}

/** P/S/M/U badge in the right-hand column of a step's row. */
function ratingBadge(tl: Timeline, rating: NonNullable<StepResult['rating']>, cy: number): void {
  const rx = W - RATING_W + 2;
  tl.out.push(`<rect x="${rx}" y="${n(cy - 7)}" width="18" height="14" rx="3" fill="${RATING_COLORS[rating]}"/>`);
  tl.out.push(`<text x="${rx + 9}" y="${n(cy + 3.5)}" text-anchor="middle" font-size="10" font-weight="bold" fill="#fff">${esc(rating)}</text>`);
}

/** A level activation's row: allowed decision window (outlined in the level's colour), overrun or missed band, declaration marker, label. */
export function activationBar(tl: Timeline, a: Activation, cy: number): void {
  const { out, x, t, levels } = tl;
  const { score } = tl.m;
  const lv = levels.get(a.level);
  const text = t.levelResp(a.level);
  let to = x(a.warrantedAt);
  const from = x(a.warrantedAt);
  if (a.allowed !== undefined) {
    to = x(a.warrantedAt + a.allowed);
    const stroke = lv?.colour ? LEVEL_COLORS[lv.colour] : COLORS.windowStroke;
    out.push(`<rect class="window activation" x="${n(from)}" y="${n(cy - 7)}" width="${n(Math.max(1.5, to - from))}" height="14" rx="2" fill="${COLORS.window}" stroke="${stroke}" stroke-width="1.5"><title>${esc(`${text}: ${clock(a.warrantedAt)}–${clock(a.warrantedAt + a.allowed)}`)}</title></rect>`);
  }
  let after = to;
  const dl = a.allowed !== undefined ? a.warrantedAt + a.allowed : undefined;
  if (a.status === 'late' && a.declaredAt !== undefined && dl !== undefined) overrun(tl, dl, a.declaredAt, cy);
  if ((a.status === 'late' || a.status === 'missed') && dl !== undefined) overdueMark(tl, dl, cy, `${text}: ${t.lgOverdue} ${clock(dl)}`);
  if (a.status === 'missed' && dl !== undefined && x(score.end) > x(dl)) {
    missedBand(tl, x(dl), x(score.end) - x(dl), cy);
    after = x(score.end);
  }
  if (a.declaredAt !== undefined) {
    // declared by someone other than the plan's decider counts as wrong-role, like a step
    const wrong = !!a.declaredBy && a.declaredBy !== a.decidedBy;
    doneMark(tl, a.declaredAt, cy, a.status === 'late' ? COLORS.late : wrong ? COLORS.wrong : COLORS.ok, wrong, `${text} ${clock(a.declaredAt)} ${a.declaredBy ?? ''}`);
    after = Math.max(after, x(a.declaredAt) + 6);
  }
  rowLabel(tl, text, from, to, cy, after, [a.declaredAt, a.status === 'late' || a.status === 'missed' ? dl : undefined]
    .filter((v): v is number => v !== undefined).map(x));
}

/** A lane's events row: one marker per event (declaration flag, notify chevron, stray step, unmatched action, ack/note dot, stop) with short tags. */
export function eventMarkers(tl: Timeline, lane: Lane, cy: number): void {
  const { out, x, t } = tl;
  // labels never overlap: a label that would start before the previous one ended is left to the tooltip
  // and never run under the next marker: a label without room is left to the tooltip
  let labelEnd = -Infinity;
  let nextX = Infinity;
  const tag = (xx: number, text: string, colour: string, max: number) => {
    const room = Math.min(max, X1 - xx, nextX - xx - 8);
    if (xx < labelEnd || room < 24) return;
    const shown = fit(text, room, 10.5);
    out.push(`<text x="${n(xx)}" y="${n(cy + 4)}" font-size="10.5" fill="${colour}">${esc(shown)}</text>`);
    labelEnd = xx + textWidth(shown, 10.5) + 6;
  };
  lane.events.forEach((e, i) => {
    const xx = x(e.t);
    nextX = i + 1 < lane.events.length ? x(lane.events[i + 1].t) : Infinity;
    if (e.type === 'level.declared') {
      out.push(`<path class="ev-level" d="M${n(xx)} ${n(cy + 7)} L${n(xx)} ${n(cy - 7)} L${n(xx + 8)} ${n(cy - 4)} L${n(xx)} ${n(cy - 1)}" fill="${COLORS.level}" stroke="${COLORS.level}" stroke-width="1.2"><title>${esc(`${clock(e.t)} ${t.levelResp(e.level)}`)}</title></path>`);
      tag(xx + 10, t.level(e.level), COLORS.level, 60);
    } else if (e.type === 'notify') {
      out.push(`<path class="ev-notify" d="M${n(xx - 3)} ${n(cy - 5)} L${n(xx + 3)} ${n(cy)} L${n(xx - 3)} ${n(cy + 5)}" fill="none" stroke="${COLORS.notify}" stroke-width="1.8"><title>${esc(`${clock(e.t)} → ${e.to}${e.text ? ` ${e.text}` : ''}`)}</title></path>`);
    } else if (e.type === 'terminate') {
      out.push(`<rect class="ev-terminate" x="${n(xx - 4)}" y="${n(cy - 4)}" width="8" height="8" fill="${COLORS.ink}"><title>${esc(`${clock(e.t)} ${t.termination}`)}</title></rect>`);
      tag(xx + 7, t.termination, COLORS.ink, 80);
    } else if (e.type === 'step.done') {
      out.push(`<path class="ev-step" d="M${n(xx)} ${n(cy - 6)} L${n(xx + 6)} ${n(cy)} L${n(xx)} ${n(cy + 6)} L${n(xx - 6)} ${n(cy)} Z" fill="${COLORS.wrong}" stroke="#fff"><title>${esc(`${clock(e.t)} ${e.step}${e.text ? ` ${e.text}` : ''}`)}</title></path>`);
      tag(xx + 8, e.step, COLORS.wrong, 90);
    } else if (e.type === 'action.unmatched') {
      out.push(`<circle class="ev-unmatched" cx="${n(xx)}" cy="${n(cy)}" r="4.5" fill="#fff" stroke="${COLORS.other}" stroke-width="1.8"><title>${esc(`${clock(e.t)} ${e.text}`)}</title></circle>`);
      tag(xx + 7, e.text, COLORS.other, 200);
    } else if (e.type === 'ack' || e.type === 'note') {
      out.push(`<circle class="ev-${e.type}" cx="${n(xx)}" cy="${n(cy)}" r="2.5" fill="${COLORS.notify}"><title>${esc(`${clock(e.t)} ${e.type === 'note' ? e.text : `ack${e.inject ? ` ${e.inject}` : ''}`}`)}</title></circle>`);
    }
  });
}
