/**
 * Inline SVG drawn by hand (no library, no script): the swimlane timeline per role and the score breakdown bars.
 * Every text node and attribute value goes through `esc`.
 */
import type { DrillEvent } from '../drill/types.js';
import type { Colour } from '../model/index.js';
import { clock, duration, type Activation, type DimensionId, type Rating, type StepResult } from '../score/index.js';
import type { ReportModel } from './common.js';
import { esc, fit, textWidth } from './escape.js';
import { DIMENSION_NAMES, STATUS_NAMES, T } from './i18n.js';

export const FONT = "'Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC','PingFang SC','Microsoft YaHei','Noto Serif CJK SC',sans-serif";

export const COLORS = {
  ink: '#1f2d3d', muted: '#6b7785', grid: '#e3e7ec', laneA: '#f7f9fb', laneB: '#ffffff',
  window: '#d9e6f5', windowStroke: '#8fb0d6', ok: '#2e7d32', late: '#c62828', wrong: '#ef6c00', pending: '#9e9e9e',
  inject: '#3949ab', level: '#6a1b9a', notify: '#546e7a', other: '#8d6e63',
};

export const RATING_COLORS: Record<Rating, string> = { P: '#2e7d32', S: '#9e9d24', M: '#ef6c00', U: '#c62828' };

const LEVEL_COLORS: Record<Colour, string> = { red: '#d32f2f', orange: '#f57c00', yellow: '#f9c623', blue: '#1e88e5' };

/** Fixed-precision number for SVG attributes (stable output). */
const n = (x: number): string => String(Math.round(x * 10) / 10);

export function bandColor(score: number): string {
  return score >= 90 ? '#2e7d32' : score >= 75 ? '#558b2f' : score >= 60 ? '#f9a825' : '#c62828';
}

interface Row {
  kind: 'activation' | 'step' | 'events';
  step?: StepResult;
  activation?: Activation;
}

interface Lane {
  role: string;
  rows: Row[];
  events: DrillEvent[];
}

/** Roles that get a lane, in plan order then alphabetical: owners of shown steps, deciders of warranted levels, and every actor. */
export function laneRoles(m: ReportModel): string[] {
  const set = new Set<string>();
  for (const s of shownSteps(m)) if (s.role) set.add(s.role);
  for (const a of m.score.level.activations) if (a.decidedBy) set.add(a.decidedBy);
  for (const e of m.events) if ('role' in e && typeof e.role === 'string') set.add(e.role);
  const planOrder = m.plan.roles.map((r) => r.id).filter((r) => set.has(r));
  const rest = [...set].filter((r) => !planOrder.includes(r)).sort();
  return [...planOrder, ...rest];
}

function shownSteps(m: ReportModel): StepResult[] {
  return m.score.steps.filter((s) => s.required || s.requiredWarranted || s.doneAt !== undefined);
}

function niceStep(span: number): number {
  for (const s of [30, 60, 120, 180, 300, 600, 900, 1200, 1800, 3600, 7200, 10800, 21600, 43200, 86400]) if (span / s <= 10) return s;
  return Math.ceil(span / 10 / 86400) * 86400;
}

/** The swimlane timeline: one lane per role, expected windows vs actual completions, overdue markers, injects, levels. */
export function timelineSvg(m: ReportModel): string {
  const { score, lang } = m;
  const t = T[lang];
  const roles = laneRoles(m);
  const steps = shownSteps(m);
  const levels = new Map(m.plan.levels.map((l) => [l.id, l] as const));

  const lanes: Lane[] = roles.map((role) => {
    const rows: Row[] = [];
    for (const a of score.level.activations) if (a.decidedBy === role) rows.push({ kind: 'activation', activation: a });
    for (const s of steps) if (s.role === role) rows.push({ kind: 'step', step: s });
    const events = m.events.filter((e) => 'role' in e && e.role === role && (
      e.type === 'level.declared' || e.type === 'notify' || e.type === 'ack' || e.type === 'action.unmatched'
      || e.type === 'note' || e.type === 'terminate' || (e.type === 'step.done' && steps.find((s) => s.step === e.step)?.role !== role)));
    if (events.length || !rows.length) rows.push({ kind: 'events' });
    return { role, rows, events };
  });

  let tmax = Math.max(score.end, 60);
  for (const s of steps) { if (s.deadline !== undefined) tmax = Math.max(tmax, s.deadline); if (s.doneAt !== undefined) tmax = Math.max(tmax, s.doneAt); }
  for (const a of score.level.activations) if (a.allowed !== undefined) tmax = Math.max(tmax, a.warrantedAt + a.allowed);
  for (const e of m.events) tmax = Math.max(tmax, e.t);
  const tick = niceStep(tmax);
  tmax = Math.ceil(tmax / tick) * tick;

  const W = 1000;
  const labelW = 168;
  const ratingW = 26;
  const x0 = labelW;
  const x1 = W - ratingW - 8;
  const cw = x1 - x0;
  const x = (s: number) => x0 + (Math.max(0, Math.min(s, tmax)) / tmax) * cw;
  const rh = 22;
  const fs = 12;

  // inject labels, greedily packed into at most 6 rows; when every row is taken the label is just the inject id, in
  // the row that frees up first. Full texts are in the inject table under the chart (and in each label's tooltip).
  const injects = m.events.filter((e): e is Extract<DrillEvent, { type: 'inject' }> => e.type === 'inject');
  const rowEnds: number[] = [];
  const injectLabels = injects.map((e) => {
    const full = `${e.inject} ${clock(e.t)} ${e.message}`;
    const xi = x(e.t);
    let row = rowEnds.findIndex((end) => end < xi);
    if (row < 0 && rowEnds.length < 6) row = rowEnds.length;
    const crowded = row < 0;
    if (crowded) row = rowEnds.indexOf(Math.min(...rowEnds));
    const text = crowded ? e.inject : fit(full, Math.max(40, Math.min(240, W - 6 - xi)), fs);
    rowEnds[row] = Math.max(rowEnds[row] ?? -Infinity, xi + textWidth(text, fs) + 10);
    return { e, row, text, full };
  });
  const injRows = Math.max(1, rowEnds.length);
  const yAxis = 8 + injRows * 17 + 14;
  const yStripW = yAxis + 8;
  const yStripD = yStripW + 16;
  const yLanes = yStripD + 22;
  const laneH = (l: Lane) => Math.max(l.rows.length * rh + 8, 38);
  const height = yLanes + lanes.reduce((s, l) => s + laneH(l), 0) + 6;

  const out: string[] = [];
  out.push(`<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${n(height)}" width="100%" role="img" aria-label="${esc(t.timeline)}" font-family="${esc(FONT)}" font-size="${fs}">`);
  out.push(`<title>${esc(t.timeline)}</title>`);
  out.push('<defs><pattern id="tl-miss" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fdecea"/><line x1="0" y1="0" x2="0" y2="6" stroke="#e57373" stroke-width="2"/></pattern></defs>');

  // lanes background + labels
  let y = yLanes;
  const laneY = new Map<string, number>();
  lanes.forEach((lane, i) => {
    const h = laneH(lane);
    laneY.set(lane.role, y);
    const name = m.plan.roles.find((r) => r.id === lane.role)?.name;
    out.push(`<g class="lane" data-role="${esc(lane.role)}">`);
    out.push(`<rect x="0" y="${n(y)}" width="${W}" height="${n(h)}" fill="${i % 2 ? COLORS.laneB : COLORS.laneA}"/>`);
    const cy = y + h / 2;
    if (name && name !== lane.role) {
      out.push(`<text x="8" y="${n(cy - 2)}" font-size="13" font-weight="bold" fill="${COLORS.ink}">${esc(fit(name, labelW - 14, 13))}</text>`);
      out.push(`<text x="8" y="${n(cy + 12)}" font-size="10.5" fill="${COLORS.muted}">${esc(fit(lane.role, labelW - 14, 10.5))}</text>`);
    } else {
      out.push(`<text x="8" y="${n(cy + 4)}" font-size="13" font-weight="bold" fill="${COLORS.ink}">${esc(fit(lane.role, labelW - 14, 13))}</text>`);
    }
    out.push('</g>');
    y += h;
  });
  out.push(`<line x1="0" y1="${n(yLanes)}" x2="${W}" y2="${n(yLanes)}" stroke="${COLORS.grid}"/>`);

  // grid + axis
  for (let s = 0; s <= tmax; s += tick) {
    out.push(`<line x1="${n(x(s))}" y1="${n(yAxis + 3)}" x2="${n(x(s))}" y2="${n(height - 6)}" stroke="${COLORS.grid}" stroke-width="1"/>`);
    out.push(`<text x="${n(x(s))}" y="${n(yAxis)}" text-anchor="middle" fill="${COLORS.muted}" font-size="10.5">${esc(clock(s))}</text>`);
  }

  // warranted / declared level strips
  const strip = (changes: { t: number; level: string | null }[], yy: number, label: string) => {
    out.push(`<text x="${x0 - 6}" y="${n(yy + 10)}" text-anchor="end" font-size="10.5" fill="${COLORS.muted}">${esc(label)}</text>`);
    out.push(`<rect x="${n(x0)}" y="${n(yy)}" width="${n(cw)}" height="12" fill="#f1f3f5"/>`);
    changes.forEach((c, i) => {
      if (!c.level) return;
      const until = i + 1 < changes.length ? changes[i + 1].t : score.end;
      if (until <= c.t) return;
      const lv = levels.get(c.level);
      const fill = lv?.colour ? LEVEL_COLORS[lv.colour] : COLORS.pending;
      const w = x(until) - x(c.t);
      out.push(`<rect x="${n(x(c.t))}" y="${n(yy)}" width="${n(w)}" height="12" fill="${fill}" fill-opacity="0.85"><title>${esc(`${t.level(c.level)} ${clock(c.t)}–${clock(until)}`)}</title></rect>`);
      if (w > 26) out.push(`<text x="${n(x(c.t) + 3)}" y="${n(yy + 10)}" font-size="10" fill="#fff" font-weight="bold">${esc(fit(t.level(c.level), w - 4, 10))}</text>`);
    });
  };
  strip(m.events.filter((e) => e.type === 'level.warranted').map((e) => ({ t: e.t, level: (e as Extract<DrillEvent, { type: 'level.warranted' }>).level })), yStripW, t.warranted);
  strip(m.events.filter((e) => e.type === 'level.declared').map((e) => ({ t: e.t, level: (e as Extract<DrillEvent, { type: 'level.declared' }>).level })), yStripD, t.declared);
  for (const sp of score.level.spans) {
    out.push(`<rect x="${n(x(sp.from))}" y="${n(yStripW - 2)}" width="${n(Math.max(2, x(sp.to) - x(sp.from)))}" height="30" fill="none" stroke="${COLORS.late}" stroke-width="1.5" stroke-dasharray="3 2"><title>${esc(`${sp.kind} ${clock(sp.from)}–${clock(sp.to)}`)}</title></rect>`);
  }

  // rows
  for (const lane of lanes) {
    let ry = laneY.get(lane.role)! + 4;
    for (const row of lane.rows) {
      const cy = ry + rh / 2;
      if (row.kind === 'step') drawStep(row.step!, cy);
      else if (row.kind === 'activation') drawActivation(row.activation!, cy);
      else drawEvents(lane, cy);
      ry += rh;
    }
  }

  /**
   * A row's label, never under its markers: inside the window before the first marker when the whole text fits there,
   * else right of everything drawn, else inside (shortened, still before the markers), else left of the window.
   */
  function label(text: string, from: number, to: number, cy: number, after: number, markers: number[]) {
    const tw = textWidth(text, fs);
    const firstMarker = markers.filter((mx) => mx >= from - 6 && mx <= to + 6).sort((a, b) => a - b)[0];
    const insideRoom = (firstMarker !== undefined ? firstMarker - 8 : to) - from - 6;
    const rightRoom = Math.min(260, x1 - after - 10);
    const at = (xx: number, t2: string, anchor = '') =>
      out.push(`<text x="${n(xx)}" y="${n(cy + 4)}"${anchor} fill="${COLORS.ink}">${esc(t2)}</text>`);
    if (tw <= insideRoom) at(from + 4, text);
    else if (rightRoom >= Math.min(tw, 120)) at(after + 7, fit(text, rightRoom, fs));
    else if (insideRoom >= 40) at(from + 4, fit(text, insideRoom, fs));
    else at(from - 5, fit(text, Math.max(24, Math.min(220, from - x0 - 6)), fs), ' text-anchor="end"');
  }

  function overdueMark(at: number, cy: number, title: string) {
    const xx = x(at);
    out.push(`<path class="overdue" d="M${n(xx - 4)} ${n(cy - 9)} L${n(xx + 4)} ${n(cy - 9)} L${n(xx)} ${n(cy - 3)} Z" fill="${COLORS.late}"><title>${esc(title)}</title></path>`);
  }

  function doneMark(at: number, cy: number, colour: string, diamond: boolean, title: string) {
    const xx = x(at);
    if (diamond) out.push(`<path class="done" d="M${n(xx)} ${n(cy - 6)} L${n(xx + 6)} ${n(cy)} L${n(xx)} ${n(cy + 6)} L${n(xx - 6)} ${n(cy)} Z" fill="${colour}" stroke="#fff" stroke-width="1"><title>${esc(title)}</title></path>`);
    else out.push(`<circle class="done" cx="${n(xx)}" cy="${n(cy)}" r="5" fill="${colour}" stroke="#fff" stroke-width="1"><title>${esc(title)}</title></circle>`);
  }

  function drawStep(s: StepResult, cy: number) {
    const text = `${s.step} ${s.action}`;
    const ws = s.windowStart ?? s.base;
    let from = x(ws ?? 0);
    let to = from;
    if (s.deadline !== undefined && ws !== undefined) {
      from = x(Math.min(ws, s.deadline));
      to = x(s.deadline);
      const pending = s.status === 'pending';
      out.push(`<rect class="window" x="${n(from)}" y="${n(cy - 7)}" width="${n(Math.max(1.5, to - from))}" height="14" rx="2" fill="${pending ? '#f1f3f5' : COLORS.window}" stroke="${pending ? COLORS.pending : COLORS.windowStroke}"${pending ? ' stroke-dasharray="3 2"' : ''}><title>${esc(`${s.step}: ${clock(ws)}–${clock(s.deadline)}`)}</title></rect>`);
    }
    let after = to;
    if (s.status === 'late' && s.doneAt !== undefined && s.deadline !== undefined) {
      out.push(`<line class="overrun" x1="${n(x(s.deadline))}" y1="${n(cy)}" x2="${n(x(s.doneAt))}" y2="${n(cy)}" stroke="${COLORS.late}" stroke-width="3"/>`);
    }
    if (s.status === 'missed') {
      const dl = s.deadline ?? score.end;
      const w = x(score.end) - x(dl);
      if (w > 0) out.push(`<rect class="missed" x="${n(x(dl))}" y="${n(cy - 7)}" width="${n(w)}" height="14" fill="url(#tl-miss)"/>`);
      const xe = x(score.end);
      out.push(`<path d="M${n(xe - 4)} ${n(cy - 4)} L${n(xe + 4)} ${n(cy + 4)} M${n(xe + 4)} ${n(cy - 4)} L${n(xe - 4)} ${n(cy + 4)}" stroke="${COLORS.late}" stroke-width="2"><title>${esc(`${s.step}: ${STATUS_NAMES[lang].missed}`)}</title></path>`);
      after = Math.max(after, xe + 4);
    }
    if ((s.status === 'late' || s.status === 'missed') && s.deadline !== undefined) {
      overdueMark(s.deadline, cy, `${s.step}: ${t.lgOverdue} ${clock(s.deadline)}`);
    }
    if (s.doneAt !== undefined) {
      const colour = s.wrongRole ? COLORS.wrong : s.status === 'late' ? COLORS.late : s.required || s.requiredWarranted ? COLORS.ok : COLORS.pending;
      doneMark(s.doneAt, cy, colour, !!s.wrongRole, `${s.step} ${clock(s.doneAt)} ${s.doneBy ?? ''} ${STATUS_NAMES[lang][s.status]}${s.lateBy ? ` +${duration(s.lateBy, lang)}` : ''}`);
      after = Math.max(after, x(s.doneAt) + 6);
    }
    label(text, from, to, cy, after, [s.doneAt, s.status === 'late' || s.status === 'missed' ? s.deadline : undefined]
      .filter((v): v is number => v !== undefined).map(x));
    if (s.rating) {
      const rx = W - ratingW + 2;
      out.push(`<rect x="${rx}" y="${n(cy - 7)}" width="18" height="14" rx="3" fill="${RATING_COLORS[s.rating]}"/>`);
      out.push(`<text x="${rx + 9}" y="${n(cy + 3.5)}" text-anchor="middle" font-size="10" font-weight="bold" fill="#fff">${esc(s.rating)}</text>`);
    }
  }

  function drawActivation(a: Activation, cy: number) {
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
    if (a.status === 'late' && a.declaredAt !== undefined && dl !== undefined) {
      out.push(`<line class="overrun" x1="${n(x(dl))}" y1="${n(cy)}" x2="${n(x(a.declaredAt))}" y2="${n(cy)}" stroke="${COLORS.late}" stroke-width="3"/>`);
    }
    if ((a.status === 'late' || a.status === 'missed') && dl !== undefined) overdueMark(dl, cy, `${text}: ${t.lgOverdue} ${clock(dl)}`);
    if (a.status === 'missed' && dl !== undefined && x(score.end) > x(dl)) {
      out.push(`<rect class="missed" x="${n(x(dl))}" y="${n(cy - 7)}" width="${n(x(score.end) - x(dl))}" height="14" fill="url(#tl-miss)"/>`);
      after = x(score.end);
    }
    if (a.declaredAt !== undefined) {
      const wrong = !!a.declaredBy && a.declaredBy !== a.decidedBy;
      doneMark(a.declaredAt, cy, a.status === 'late' ? COLORS.late : wrong ? COLORS.wrong : COLORS.ok, wrong, `${text} ${clock(a.declaredAt)} ${a.declaredBy ?? ''}`);
      after = Math.max(after, x(a.declaredAt) + 6);
    }
    label(text, from, to, cy, after, [a.declaredAt, a.status === 'late' || a.status === 'missed' ? dl : undefined]
      .filter((v): v is number => v !== undefined).map(x));
  }

  function drawEvents(lane: Lane, cy: number) {
    // labels never overlap: a label that would start before the previous one ended is left to the tooltip
    // and never run under the next marker: a label without room is left to the tooltip
    let labelEnd = -Infinity;
    let nextX = Infinity;
    const tag = (xx: number, text: string, colour: string, max: number) => {
      const room = Math.min(max, x1 - xx, nextX - xx - 8);
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

  // injects on top of everything
  for (const { e, row, text, full } of injectLabels) {
    const xi = x(e.t);
    const ly = 8 + row * 17 + 12;
    out.push(`<g class="inject" data-inject="${esc(e.inject)}">`);
    out.push(`<line x1="${n(xi)}" y1="${n(ly + 2)}" x2="${n(xi)}" y2="${n(height - 6)}" stroke="${COLORS.inject}" stroke-width="1.2" stroke-dasharray="4 3"/>`);
    out.push(`<text x="${n(xi + 3)}" y="${n(ly)}" font-size="${fs}" fill="${COLORS.inject}"><title>${esc(full)}</title>${esc(text)}</text>`);
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('\n');
}

/** Score breakdown: one bar per dimension and the overall (0–100), plus P/S/M/U counts. */
export function scoreBarsSvg(m: ReportModel): string {
  const { score, lang } = m;
  const t = T[lang];
  const W = 1000;
  const rows: { id: string; label: string; value: number; note: string; strong?: boolean }[] = [
    { id: 'overall', label: t.overall, value: score.overall, note: t.band(score.overall), strong: true },
    ...(['time', 'coordination', 'effect'] as DimensionId[]).map((d) => ({
      id: d, label: DIMENSION_NAMES[lang][d], value: score.dimensions[d].score,
      note: score.dimensions[d].evaluated ? `${t.weight} ${Math.round(score.dimensions[d].weight * 1000) / 10}%` : t.notEvaluated,
    })),
  ];
  const x0 = 110;
  const bw = 560;
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
  // P/S/M/U columns
  const ratings: Rating[] = ['P', 'S', 'M', 'U'];
  const max = Math.max(1, ...ratings.map((r) => score.ratings[r]));
  const cx0 = 800;
  const colW = 34;
  const chartH = rows.length * rh - 30;
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
  out.push('</svg>');
  return out.join('\n');
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
