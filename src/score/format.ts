/** Time formatting shared by the scorer's messages and the reports. */
import type { Lang } from '../i18n/index.js';

/** Seconds from drill start as a clock reading: `04:00`, `1:02:05`. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const p2 = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${p2(m)}:${p2(sec)}` : `${p2(m)}:${p2(sec)}`;
}

/** A duration in words: `1 min 20 s` / `1分20秒`, `2 h 5 min` / `2小时5分`. */
export function duration(seconds: number, lang: Lang): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (lang === 'zh') {
    if (!h && !m) return `${sec}秒`;
    if (!sec) return `${h ? `${h}小时` : ''}${m ? `${m}分钟` : ''}`;
    return `${h ? `${h}小时` : ''}${m || h ? `${m}分` : ''}${sec}秒`;
  }
  const parts = [h ? `${h} h` : '', m ? `${m} min` : '', sec || (!h && !m) ? `${sec} s` : ''].filter(Boolean);
  return parts.join(' ');
}
