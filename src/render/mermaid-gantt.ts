/**
 * The nominal timeline at one level (时间线, Mermaid `gantt`): a section per role, a bar per step from its earliest
 * start (the latest deadline among its prerequisites, or the incident) to its own deadline, both in time since the
 * incident; milestones for the level's activation deadline and the external reports due at that level.
 *
 * Time axis: Mermaid parses task dates with dayjs in *local* time and formats the axis with d3's *local* timeFormat.
 * `dateFormat X` (epoch seconds) would therefore put the incident at the viewer's UTC offset (08:00 in China). Local
 * wall-clock dates from a fixed day (2000-01-01 00:00:00) are parsed and formatted in the same zone, so the axis
 * reads elapsed time `00:15` = 15 minutes after the incident on any machine.
 */
import { isTimed, type Plan, type Step } from '../model/index.js';
import { absoluteDeadlines } from '../model/deadlines.js';
import { IdMap, label, truncate } from './mermaid-escape.js';
import { viewSteps } from './mermaid-graph.js';
import { WORDS, formatDuration, formatTimeLimit, levelShort, levelTitle, planLang, stepNumbers, type Lang } from './mermaid-text.js';

export interface GanttOptions {
  lang?: Lang;
}

/** One bar of the timeline, in seconds from the incident. */
export interface TimelineTask {
  step: Step;
  start: number;
  /** Latest finish at the level; absent when the step has no usable deadline. */
  end?: number;
  /** The deadline falls before the prerequisites' deadlines: it cannot be met as planned. */
  late: boolean;
}

/** A milestone of the timeline, in seconds from the incident. */
export interface TimelineMilestone {
  kind: 'activation' | 'report';
  at: number;
  text: string;
}

/** The timeline of a level as data: what {@link gantt} draws. */
export function timeline(plan: Plan, levelId: string, lang: Lang = planLang(plan)): { tasks: TimelineTask[]; milestones: TimelineMilestone[] } {
  const level = plan.levels.find((l) => l.id === levelId);
  if (!level) throw new RangeError(`Unknown level "${levelId}" in plan ${plan.meta.id}`);
  const steps = viewSteps(plan, levelId);
  const shown = new Map(steps.map((s) => [s.id, s] as const));
  const abs = absoluteDeadlines(plan, levelId);
  const tasks: TimelineTask[] = steps.map((s) => {
    let start = 0;
    for (const p of s.after) {
      const d = shown.has(p) ? abs.get(p) : undefined;
      if (d && d.seconds > start) start = d.seconds;
    }
    const end = abs.get(s.id)?.seconds;
    return { step: s, start, end, late: end !== undefined && end < start };
  });
  const milestones: TimelineMilestone[] = [];
  if (isTimed(level.activation)) {
    const t = levelShort(level, lang);
    const limit = formatTimeLimit(level.activation, lang);
    milestones.push({
      kind: 'activation', at: level.activation.seconds,
      text: lang === 'zh' ? `${t}响应启动 ${limit}` : `${t} activated ${limit}`,
    });
  }
  const reportsAt = new Map<number, string[]>();
  for (const r of plan.reports) {
    if (r.levels.length > 0 && !r.levels.includes(levelId)) continue;
    // Only a report due at a fixed time from the incident is a milestone on this chart (a chain, a cadence or a
    // receipt-anchored report has no single time here).
    if (!isTimed(r.within) || r.within.anchor.kind !== 'incident' || (r.within.kind !== 'limit' && r.within.kind !== 'immediate')) continue;
    reportsAt.set(r.within.seconds, [...(reportsAt.get(r.within.seconds) ?? []), r.to]);
  }
  for (const [at, to] of [...reportsAt].sort((a, b) => a[0] - b[0])) {
    const list = to.join(lang === 'zh' ? '、' : ', ');
    milestones.push({
      kind: 'report', at,
      text: lang === 'zh' ? `向${list}报告 ≤ ${formatDuration(at, lang)}` : `Report to ${list} ≤ ${formatDuration(at, lang)}`,
    });
  }
  return { tasks, milestones };
}

/** The nominal response timeline of a plan at one level. */
export function gantt(plan: Plan, level: string, opts: GanttOptions = {}): string {
  const lang = planLang(plan, opts.lang);
  const w = WORDS[lang];
  const lvl = plan.levels.find((l) => l.id === level);
  if (!lvl) throw new RangeError(`Unknown level "${level}" in plan ${plan.meta.id}`);
  const { tasks, milestones } = timeline(plan, level, lang);
  const ids = new IdMap();
  const numbers = stepNumbers(plan);
  const span = Math.max(60, ...tasks.map((t) => Math.max(t.start, t.end ?? t.start + 60)), ...milestones.map((m) => m.at));
  const out: string[] = ['gantt'];
  const title = lang === 'zh' ? `${plan.meta.title} ${levelTitle(lvl, lang)}${w.timeline}` : `${plan.meta.title}: ${levelTitle(lvl, lang)} ${w.timeline}`;
  out.push(`  title ${label(title, 'line')}`);
  out.push('  dateFormat YYYY-MM-DD HH:mm:ss');
  out.push(`  axisFormat ${span >= 86400 ? (lang === 'zh' ? '第%-d天 %H:%M' : 'day %-d %H:%M') : '%H:%M'}`);
  out.push(`  tickInterval ${tickInterval(span)}`);
  out.push('  todayMarker off');

  const lanes = new Map<string, TimelineTask[]>();
  for (const r of plan.roles) lanes.set(r.id, []);
  for (const t of tasks) {
    const k = t.step.role ?? '\u0000';
    if (!lanes.has(k)) lanes.set(k, []);
    lanes.get(k)!.push(t);
  }
  // Sections in order of their first start (the timeline reads top to bottom), then role order; bars likewise.
  const firstStart = (list: TimelineTask[]) => Math.min(...list.map((t) => t.start));
  const order = [...lanes].filter(([, list]) => list.length > 0)
    .map(([id, list], i) => ({ id, list: [...list].sort((a, b) => a.start - b.start || (a.end ?? Infinity) - (b.end ?? Infinity)), i }))
    .sort((a, b) => firstStart(a.list) - firstStart(b.list) || a.i - b.i);
  for (const { id: roleId, list } of order) {
    const role = plan.roles.find((r) => r.id === roleId);
    // Role name only: the gantt's left margin is narrow.
    out.push(`  section ${label(roleId === '\u0000' ? w.unassigned : role?.name ?? roleId, 'line')}`);
    for (const t of list) {
      const n = numbers.get(t.step.id);
      const name = `${n}. ${truncate(t.step.action, 30)}`;
      let note: string;
      let end: number;
      let tags = '';
      if (t.end === undefined) { note = `（${w.noDeadline}）`; end = t.start + 60; tags = 'active, '; }
      else if (t.late) { note = `≤ ${formatDuration(t.end, lang)}（${w.late}）`; end = t.start + 60; tags = 'crit, '; }
      else { note = `≤ ${formatDuration(t.end, lang)}`; end = Math.max(t.end, t.start + 30); }
      if (lang === 'en') note = note.replace('（', ' (').replace('）', ')');
      out.push(`  ${label(`${name} ${note}`, 'task')} : ${tags}${ids.get('s', t.step.id)}, ${clock(t.start)}, ${clock(end)}`);
    }
  }
  if (milestones.length) {
    out.push(`  section ${label(w.milestones, 'line')}`);
    milestones.forEach((m, i) => out.push(`  ${label(m.text, 'task')} : milestone, m_${i + 1}, ${clock(m.at)}, 0s`));
  }
  return `${out.join('\n')}\n`;
}

/** Seconds from the incident as a local wall-clock date on the fixed day 2000-01-01 (see the module comment). */
export function clock(seconds: number): string {
  const d = new Date(Date.UTC(2000, 0, 1) + Math.round(seconds) * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

/** A tick spacing giving roughly 6–12 ticks over the span. */
function tickInterval(span: number): string {
  const m = span / 60;
  if (m <= 20) return '2minute';
  if (m <= 60) return '5minute';
  if (m <= 120) return '10minute';
  if (m <= 240) return '30minute';
  if (m <= 12 * 60) return '1hour';
  if (m <= 48 * 60) return '6hour';
  return '1day';
}
