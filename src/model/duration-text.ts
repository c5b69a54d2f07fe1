import type { Anchor, Duration } from './duration.js';

/** Output language of a text for people. */
export type { Lang as TextLang } from '../i18n/index.js';
import type { Lang as TextLang } from '../i18n/index.js';

/**
 * Seconds for people: `3分钟`, `1小时30分钟`, `90秒`, `7天` / `3 min`, `1 h 30 min`, `90 s`, `7 d`.
 * The one formatter of amounts of time in yuan (diagrams, messages, reports).
 */
export function formatSeconds(seconds: number, lang: TextLang): string {
  if (!Number.isFinite(seconds)) return lang === 'zh' ? '未定' : 'unset';
  const s = Math.max(0, Math.round(seconds));
  const zh = lang === 'zh';
  // Whole days from two days up (24 h reads better as 24小时, as plans write it).
  if (s >= 2 * 86400 && s % 86400 === 0) return zh ? `${s / 86400}天` : `${s / 86400} d`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const parts = zh
    ? [h ? `${h}小时` : '', m ? `${m}分钟` : '', sec || s === 0 ? `${sec}秒` : '']
    : [h ? `${h} h` : '', m ? `${m} min` : '', sec || s === 0 ? `${sec} s` : ''];
  return parts.filter(Boolean).join(zh ? '' : ' ');
}

const CALENDAR: Record<import('./duration.js').CalendarPeriod, [string, string]> = {
  month: ['每月', 'monthly'], quarter: ['每季度', 'quarterly'], 'half-year': ['每半年', 'half-yearly'], year: ['每年', 'yearly'],
};

/** How an anchor reads before or after an amount; `step` uses `stepName` (e.g. `第6步` / `step 6`) when given. */
function anchorWords(a: Anchor, lang: TextLang, stepName?: (id: string) => string): { zh: string; en: string } | undefined {
  switch (a.kind) {
    case 'incident': return undefined;
    case 'level': return { zh: '响应启动后', en: 'after activation' };
    case 'step': { const n = stepName?.(a.step) ?? a.step; return { zh: `${n}完成后`, en: `after ${n}` }; }
    case 'receipt': return { zh: a.of === 'instruction' ? '接到指令后' : '接报后', en: a.of === 'instruction' ? 'after the instruction' : 'after receipt' };
    case 'event': return { zh: `${a.event}后`, en: `after ${a.event}` };
  }
}

/**
 * A time limit for people, by kind: `立即`, `≤ 3分钟`, `30分钟–1小时`, `每30分钟`, `每日2次`, `每级 ≤ 2小时`,
 * `接报后 ≤ 1小时`, `24小时值守`, `未明确（及时）` / `immediately`, `≤ 3 min`, `30 min–1 h`, `every 30 min`,
 * `2× per 1 d`, `≤ 2 h per level`, `≤ 1 h after receipt`, `continuous`, `vague (及时)`.
 */
export function formatDuration(d: Duration, lang: TextLang, stepName?: (id: string) => string): string {
  const zh = lang === 'zh';
  const w = anchorWords(d.anchor, lang, stepName);
  // zh puts the anchor before the amount (≤ 第5步完成后10分钟), en after it (≤ 10 min after step 5).
  const at = (core: string, bound = '') => (zh ? `${bound}${w?.zh ?? ''}${core}` : `${bound}${core}${w ? ` ${w.en}` : ''}`);
  switch (d.kind) {
    case 'immediate': return zh ? `${w?.zh ?? ''}立即` : `immediately${w ? ` ${w.en}` : ''}`;
    case 'limit': return at(formatSeconds(d.seconds, lang), '≤ ');
    case 'window': return at(`${formatSeconds(d.earliest ?? 0, lang)}–${formatSeconds(d.seconds, lang)}`);
    case 'chain': return zh ? `每级 ≤ ${formatSeconds(d.seconds, lang)}` : `≤ ${formatSeconds(d.seconds, lang)} per level`;
    case 'cadence': {
      const every = d.every ?? d.seconds;
      const period = every === 86400 ? (zh ? '每日' : 'daily') : zh ? `每${formatSeconds(every, lang)}` : `every ${formatSeconds(every, lang)}`;
      const core = d.times && d.times > 1 ? (zh ? `${period}${d.times}次` : `${d.times}× ${period}`) : period;
      return at(core);
    }
    case 'continuous': return zh ? `${d.text}（持续）` : `${d.text} (continuous)`;
    case 'calendar': return (d.calendar ?? []).map((p) => CALENDAR[p][zh ? 0 : 1]).join(zh ? '、' : ', ') || d.text;
    case 'vague': return zh ? `未明确（${d.text}）` : `vague (${d.text})`;
    case 'invalid': return zh ? `无法识别（${d.text}）` : `unreadable (${d.text})`;
  }
}
