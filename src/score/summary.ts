/** Short text views of a drill log for terminals: level path, a one-line-per-event timeline, the score summary. */
import type { Plan } from '../model/index.js';
import type { DrillEvent } from '../drill/types.js';
import { BAND_NAMES } from './band.js';
import { clock } from './format.js';
import type { Score } from './types.js';
import type { Lang } from '../i18n/index.js';

const tr = (lang: Lang, en: string, zh: string) => (lang === 'zh' ? zh : en);

/** Levels in the order they were warranted / declared, consecutive repeats collapsed: `IV → III → II`. */
export function levelPath(events: readonly DrillEvent[], type: 'level.warranted' | 'level.declared'): string[] {
  const out: string[] = [];
  for (const e of events) {
    if (e.type !== type) continue;
    const id = e.level ?? '—';
    if (out[out.length - 1] !== id) out.push(id);
  }
  return out;
}

/** One event as a short line: `12:00 level.warranted II`, `13:30 step.done rescue (rescue-team)`. */
export function describeEvent(e: DrillEvent, lang: Lang): string {
  const clip = (s: string, n = 48) => (s.length > n ? `${s.slice(0, n - 1)}…` : s).replace(/\s+/g, ' ');
  const head = `${clock(e.t).padStart(5)} ${e.type}`;
  switch (e.type) {
    case 'drill.start': return `${head} ${e.scenario} (${e.mode}, seed ${e.seed})`;
    case 'inject': return `${head} ${e.inject}${e.to.length ? ` → ${e.to.join(', ')}` : ''}: ${clip(e.message)}`;
    case 'level.warranted': return `${head} ${e.level ?? '—'}`;
    case 'level.declared': return `${head} ${e.level} (${e.role})`;
    case 'step.done': return `${head} ${e.step} (${e.role}${e.match === 'text' ? tr(lang, ', matched by text', '，按文本匹配') : ''})`;
    case 'step.overdue': return `${head} ${e.step} (${tr(lang, 'deadline', '时限')} ${clock(e.deadline)})`;
    case 'notify': return `${head} ${e.role} → ${e.to}`;
    case 'ack': return `${head} ${e.role}${e.inject ? ` (${e.inject})` : ''}`;
    case 'action.unmatched': return `${head} ${e.role}: ${clip(e.text)}`;
    case 'note': return `${head} ${e.role ? `${e.role}: ` : ''}${clip(e.text, 60)}`;
    case 'terminate': return `${head} ${e.role}`;
    case 'drill.end': return `${head} ${e.reason}`;
    default: return head;
  }
}

/** The timeline, at most `max` lines (the rest counted). Routine notifications and acks are left out when `brief`. */
export function timelineText(events: readonly DrillEvent[], lang: Lang, opts: { max?: number; brief?: boolean } = {}): string[] {
  const shown = events.filter((e) => !opts.brief || (e.type !== 'notify' && e.type !== 'ack' && e.type !== 'drill.start'));
  const max = opts.max ?? 60;
  const lines = shown.slice(0, max).map((e) => `  ${describeEvent(e, lang)}`);
  if (shown.length > max) lines.push(tr(lang, `  … ${shown.length - max} more events`, `  … 另有 ${shown.length - max} 条事件`));
  return lines;
}

/** Gap counts by kind: `wrong-role 2, duplicated 1` (or "none"). */
export function gapCounts(score: Score, lang: Lang): string {
  const counts = new Map<string, number>();
  for (const g of score.gaps) counts.set(g.kind, (counts.get(g.kind) ?? 0) + 1);
  const late = score.steps.filter((s) => s.required && s.status === 'late').length;
  const missed = score.steps.filter((s) => s.required && s.status === 'missed').length;
  const parts = [...counts].map(([k, n]) => `${k} ${n}`);
  if (late) parts.push(`late ${late}`);
  if (missed) parts.push(`missed ${missed}`);
  return parts.length ? parts.join(', ') : tr(lang, 'none', '无');
}

/** The few lines `yuan drill run` prints: title, level path, score, gaps, timeline. */
export function summaryText(plan: Plan, title: string, events: readonly DrillEvent[], score: Score, lang: Lang): string {
  const warranted = levelPath(events, 'level.warranted');
  const declared = levelPath(events, 'level.declared');
  const d = score.dimensions;
  const dim = (x: { score: number; evaluated: boolean }) => (x.evaluated ? x.score.toFixed(1) : '—');
  const lines = [
    `${title} — ${plan.meta.title || plan.meta.id}`,
    tr(lang, `Levels warranted: ${warranted.join(' → ') || 'none'}; declared: ${declared.join(' → ') || 'none'}`,
      `应启动级别：${warranted.join(' → ') || '无'}；实际启动：${declared.join(' → ') || '无'}`),
    tr(lang, `Score: ${score.overall.toFixed(1)}, ${BAND_NAMES.en[score.band.id]} (time ${dim(d.time)} · coordination ${dim(d.coordination)} · effect ${dim(d.effect)})`,
      `总分：${score.overall.toFixed(1)}，${BAND_NAMES.zh[score.band.id]}（响应时间 ${dim(d.time)} · 协同效率 ${dim(d.coordination)} · 处置效果 ${dim(d.effect)}）`),
    tr(lang, `Gaps: ${gapCounts(score, lang)}`, `问题：${gapCounts(score, lang)}`),
    tr(lang, 'Timeline:', '时间线：'),
    ...timelineText(events, lang, { brief: true, max: 40 }),
  ];
  return lines.join('\n');
}
