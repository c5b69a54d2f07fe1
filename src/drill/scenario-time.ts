import { parseDuration } from '../parse/duration.js';

/** Reading a time text: seconds, or bilingual messages saying why not. */
export type TimeResult =
  | { ok: true; seconds: number }
  | { ok: false; message: string; messageZh: string };

/** `T+` / `T +` / `T＋` before an offset (HSEEP scenario time). */
const T_PLUS = /^T\s*[+＋]\s*/i;
/** `h:mm`, `hh:mm:ss`, `hhh:mm:ss` (full-width colons too). */
const CLOCK = /^(\d{1,3})[:：](\d{2})(?:[:：](\d{2}))?$/;

/**
 * Reads a time offset from the start of a drill: `0`, `90s`, `5min`, `1h30m`, `5分钟`, `半小时`, `PT5M`,
 * `T+5min`, `T+00:05:00`, `00:05:00` (h:mm:ss) or `0:05` (h:mm). A bare number is seconds. Offsets count from the
 * drill start, so durations anchored elsewhere ("响应启动后5分钟", "rescue 完成后") are refused.
 */
export function parseOffset(value: string | number): TimeResult {
  if (typeof value === 'number') {
    return Number.isFinite(value) && value >= 0 ? { ok: true, seconds: Math.round(value) } : bad(String(value));
  }
  const text = value.trim().replace(T_PLUS, '');
  if (/^\d+(\.\d+)?$/.test(text)) return { ok: true, seconds: Math.round(Number(text)) };
  const clock = CLOCK.exec(text);
  if (clock) return clockSeconds(clock, value);
  if (!text || /^[-−－]/.test(text)) return bad(value);
  const r = parseDuration(text);
  if (!r.ok || r.kind !== 'limit' || r.seconds === undefined) return bad(value);
  if (r.anchor.kind !== 'incident') {
    return { ok: false,
      message: `Unexpected offset \`${value}\` counted from ${r.anchor.kind === 'step' ? `step \`${r.anchor.step}\`` : r.anchor.kind === 'level' ? 'level activation' : `the ${r.anchor.kind}`}, expected a time from the drill start such as 5min or T+00:05:00`,
      messageZh: `时间 \`${value}\` 不是自演练开始起算的，应为 5min、5分钟 或 T+00:05:00 等自演练开始起算的时间` };
  }
  return { ok: true, seconds: r.seconds };
}

/**
 * Reads a time limit (`within`): how long after an inject (expected actions) or after the drill start (objectives)
 * something must happen. Same forms as offsets: `1min`, `90s`, `5分钟`, `PT5M`, `00:05:00`, bare seconds.
 */
export function parseWithin(value: string | number): TimeResult {
  const r = parseOffset(value);
  if (r.ok) return r;
  return { ok: false,
    message: `Unexpected time limit \`${value}\`, expected a duration such as 1min, 90s, 5分钟 or 00:05:00`,
    messageZh: `无法识别的时限 \`${value}\`，应为 1min、90s、5分钟 或 00:05:00 等` };
}

/** A time of day written the Chinese way: `9点35分`, `09时35分10秒`, `9点35`. */
const CLOCK_ZH = /^(\d{1,2})[点时](\d{1,2})(?:分(?:(\d{1,2})秒)?)?$/u;

/** Reads a wall-clock time of day (`09:32`, `09:32:10`, `9:32`, `9点32分`, `9时32分10秒`) as seconds since midnight. */
export function parseClock(text: string): TimeResult {
  const t = text.trim();
  const m = CLOCK.exec(t) ?? CLOCK_ZH.exec(t);
  if (!m || Number(m[1]) > 23) {
    return { ok: false, message: `Unexpected clock time \`${text}\`, expected hh:mm or hh:mm:ss such as 09:32:10 (or 9点32分)`,
      messageZh: `无法识别的时刻 \`${text}\`，应为 hh:mm 或 hh:mm:ss，如 09:32:10（或 9点32分）` };
  }
  return clockSeconds(m, text);
}

/** True when a time text is a time of day (hh:mm[:ss], 9点35分) rather than an offset (`T+…`, units, bare seconds). */
export function isClockTime(text: string): boolean {
  return CLOCK.test(text.trim()) || CLOCK_ZH.test(text.trim());
}

/** Formats an offset for generated scenario files, in the compact form `parseOffset` reads back: `0`, `40s`, `5min`, `1h30min`. */
export function formatOffset(seconds: number): string {
  if (seconds === 0) return '0';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h ? `${h}h` : ''}${m ? `${m}min` : ''}${s ? `${s}s` : ''}`;
}

function clockSeconds(m: RegExpExecArray, written: string): TimeResult {
  const [h, min, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  if (min > 59 || s > 59) return bad(written);
  return { ok: true, seconds: h * 3600 + min * 60 + s };
}

function bad(text: string): TimeResult {
  return { ok: false,
    message: `Unexpected time \`${text}\`, expected an offset from the drill start such as 0, 90s, 5min, 5分钟, T+00:05:00 or 00:05:00`,
    messageZh: `无法识别的时间 \`${text}\`，应为自演练开始起算的时间，如 0、90s、5min、5分钟、T+00:05:00 或 00:05:00` };
}
