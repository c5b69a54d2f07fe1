/**
 * The nominal timeline of one level (时间线) drawn as SVG in mm, A4 landscape: a row per step grouped by role, each
 * bar from the step's earliest start to its deadline on a time axis from the alarm, the level's activation and the
 * reports due as milestones. Rows split over pages (the axis repeated) when a level has too many steps for one.
 * The Mermaid `gantt` text (mermaid-gantt.ts) stays for GitHub and other Markdown viewers.
 */
import { escapeHtml as esc } from '../html.js';
import type { Plan } from '../model/index.js';
import { timeline, timelineSections, type TimelineMilestone, type TimelineTask } from './mermaid-gantt.js';
import { WORDS, formatDuration, levelTitle, planLang, stepNumbers, type Lang } from './mermaid-text.js';
import { contentBox } from './pdf.js';
import type { ChartPage, SwimlaneChart } from './swimlane-chart.js';
import { lineHeight } from './swimlane-layout.js';
import { breakText, PT_MM, textWidth } from './text-fit.js';

const PT = 7.5;
const HEAD_PT = 8;
const LABEL_W = 88;
const AXIS_H = 9;
const ROW_PAD = 1.6;
const INK = '#263238';
const f = (n: number) => (Math.round(n * 100) / 100).toString();

type Row = { kind: 'section'; text: string } | { kind: 'task'; task: TimelineTask; lines: string[]; note: string } | { kind: 'milestone'; m: TimelineMilestone; lines: string[] };

/** Tick spacing (s) giving at most about 12 ticks over the span. */
function tickEvery(span: number): number {
  const steps = [60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800];
  return steps.find((s) => span / s <= 12) ?? 604800;
}

/** Elapsed time since the alarm as a clock: `00:15`, `第2天 06:00` / `day 2 06:00`. */
function clockText(seconds: number, lang: Lang): string {
  const day = Math.floor(seconds / 86400);
  const rest = seconds - day * 86400;
  const hm = `${String(Math.floor(rest / 3600)).padStart(2, '0')}:${String(Math.floor((rest % 3600) / 60)).padStart(2, '0')}`;
  return day ? (lang === 'zh' ? `第${day + 1}天 ${hm}` : `day ${day + 1} ${hm}`) : hm;
}

/** The timeline of `levelId` fitted to A4 landscape pages. */
export function ganttChart(plan: Plan, levelId: string, opts: { lang?: Lang; reserved?: number } = {}): SwimlaneChart {
  const lang = planLang(plan, opts.lang);
  const w = WORDS[lang];
  const level = plan.levels.find((l) => l.id === levelId);
  if (!level) throw new RangeError(`Unknown level "${levelId}" in plan ${plan.meta.id}`);
  const { tasks, milestones } = timeline(plan, levelId, lang);
  const numbers = stepNumbers(plan);
  const span = Math.max(60, ...tasks.map((t) => Math.max(t.start, t.end ?? t.start + 60)), ...milestones.map((m) => m.at)) * 1.08;
  const box = contentBox(true);
  const width = box.width - 0.5;
  const maxH = box.height - (opts.reserved ?? 12) - 1;
  const plotW = width - LABEL_W - 2;
  // Bar labels sit right of the bar: keep room for the longest one inside the plot.
  const rows: Row[] = [];
  for (const s of timelineSections(plan, tasks, lang)) {
    rows.push({ kind: 'section', text: s.title });
    for (const t of s.list) {
      const note = t.end === undefined ? w.noDeadline : t.late ? `≤ ${formatDuration(t.end, lang)}（${w.late}）` : `≤ ${formatDuration(t.end, lang)}`;
      rows.push({ kind: 'task', task: t, lines: breakText(`${numbers.get(t.step.id)}. ${t.step.action.trim()}`, LABEL_W - 3, PT).slice(0, 3), note: lang === 'en' ? note.replace('（', ' (').replace('）', ')') : note });
    }
  }
  if (milestones.length) {
    rows.push({ kind: 'section', text: w.milestones });
    for (const m of milestones) rows.push({ kind: 'milestone', m, lines: breakText(m.text, LABEL_W - 3, PT).slice(0, 3) });
  }
  const rowH = (r: Row) => (r.kind === 'section' ? lineHeight(HEAD_PT) + 1.2 : r.lines.length * lineHeight(PT) + ROW_PAD);
  const x = (s: number) => LABEL_W + 1 + (s / span) * plotW;
  const tick = tickEvery(span);

  const draw = (slice: Row[], part: string): ChartPage => {
    const height = AXIS_H + slice.reduce((h, r) => h + rowH(r), 0) + 2;
    const out: string[] = [`<svg xmlns="http://www.w3.org/2000/svg" width="${f(width)}mm" height="${f(height)}mm" viewBox="0 0 ${f(width)} ${f(height)}" font-family="&quot;Noto Sans CJK SC&quot;, &quot;Noto Sans SC&quot;, sans-serif" class="yuan-gantt" data-part="${esc(part)}">`];
    const text = (tx: number, ty: number, s: string, pt: number, opt: { bold?: boolean; fill?: string; anchor?: string } = {}) =>
      out.push(`<text x="${f(tx)}" y="${f(ty)}" font-size="${f(pt * PT_MM)}"${opt.bold ? ' font-weight="700"' : ''} fill="${opt.fill ?? INK}" text-anchor="${opt.anchor ?? 'start'}">${esc(s)}</text>`);
    out.push(`<rect x="0" y="0" width="${f(width)}" height="${f(height)}" fill="#ffffff"/>`);
    // Axis: ticks and grid lines.
    for (let s = 0; s <= span; s += tick) {
      out.push(`<line x1="${f(x(s))}" y1="${f(AXIS_H - 1.5)}" x2="${f(x(s))}" y2="${f(height - 1)}" stroke="#d5dae3" stroke-width="0.2"/>`);
      text(x(s), AXIS_H - 3, clockText(s, lang), PT, { anchor: 'middle' });
    }
    out.push(`<line x1="${f(LABEL_W + 1)}" y1="${f(AXIS_H - 1.5)}" x2="${f(width)}" y2="${f(AXIS_H - 1.5)}" stroke="#78849a" stroke-width="0.3"/>`);
    let y = AXIS_H;
    for (const r of slice) {
      const h = rowH(r);
      if (r.kind === 'section') {
        out.push(`<rect x="0" y="${f(y)}" width="${f(width)}" height="${f(h)}" fill="#eef1f6"/>`);
        text(1, y + h / 2 + 0.36 * HEAD_PT * PT_MM, r.text, HEAD_PT, { bold: true });
      } else {
        r.lines.forEach((line, k) => text(2.5, y + ROW_PAD / 2 + k * lineHeight(PT) + lineHeight(PT) / 2 + 0.36 * PT * PT_MM, line, PT));
        const mid = y + h / 2;
        if (r.kind === 'task') {
          const t = r.task;
          const end = t.end === undefined || t.late ? t.start + Math.max(60, span * 0.01) : Math.max(t.end, t.start + span * 0.004);
          const colour = t.end === undefined ? '#9e9e9e' : t.late ? '#d32f2f' : '#4f6d8f';
          out.push(`<rect x="${f(x(t.start))}" y="${f(mid - 1.6)}" width="${f(Math.max(0.8, x(end) - x(t.start)))}" height="3.2" rx="0.5" fill="${colour}"/>`);
          const lx = x(end) + 1;
          const fits = lx + textWidth(r.note, PT, true) <= width;
          text(fits ? lx : x(t.start) - 1, mid + 0.36 * PT * PT_MM, r.note, PT, { bold: true, fill: t.late ? '#b71c1c' : '#8e1b1b', anchor: fits ? 'start' : 'end' });
        } else {
          const mx = x(r.m.at);
          out.push(`<path d="M${f(mx)},${f(mid - 2)} L${f(mx + 2)},${f(mid)} L${f(mx)},${f(mid + 2)} L${f(mx - 2)},${f(mid)} Z" fill="#37474f"/>`);
        }
      }
      out.push(`<line x1="0" y1="${f(y + h)}" x2="${f(width)}" y2="${f(y + h)}" stroke="#e3e7ef" stroke-width="0.2"/>`);
      y += h;
    }
    out.push(`<line x1="${f(LABEL_W + 1)}" y1="${f(AXIS_H - 1.5)}" x2="${f(LABEL_W + 1)}" y2="${f(height - 1)}" stroke="#78849a" stroke-width="0.3"/>`);
    out.push('</svg>');
    return { svg: out.join('\n'), width, height, landscape: true };
  };

  // Rows onto pages; a page that starts inside a section repeats the section's name.
  const pages: Row[][] = [];
  let cur: Row[] = [];
  let used = AXIS_H + 2;
  let section: Row | undefined;
  for (const r of rows) {
    if (r.kind === 'section') section = r;
    if (cur.length && used + rowH(r) > maxH) {
      pages.push(cur);
      cur = r.kind === 'section' || !section ? [] : [section];
      used = AXIS_H + 2 + cur.reduce((h, x) => h + rowH(x), 0);
    }
    cur.push(r);
    used += rowH(r);
  }
  if (cur.length) pages.push(cur);
  const title = lang === 'zh' ? `${levelTitle(level, lang)}时间线` : `${levelTitle(level, lang)} timeline`;
  const printed = pages.map((p, i) => draw(p, `${i + 1}/${pages.length}`));
  const whole = draw(rows, 'whole').svg;
  return { key: `gantt-${levelId}`, title, level: levelId, pages: printed, whole };
}
