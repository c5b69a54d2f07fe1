import type { Anchor } from '../model/duration.js';

/** Result of reading a duration text: seconds and anchor, or an error message. */
export type DurationResult =
  | { ok: true; seconds: number; anchor: Anchor }
  | { ok: false; message: string; messageZh: string };

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Reads Chinese numerals up to 99 ("十五", "二十", "三") or Arabic numbers. */
function readNumber(s: string): number {
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  if (s === '半') return 0.5;
  const m = /^([一二两三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (m) return (m[1] ? CN_DIGITS[m[1]] : 1) * 10 + (m[2] ? CN_DIGITS[m[2]] : 0);
  if (s.length === 1 && s in CN_DIGITS) return CN_DIGITS[s];
  return NaN;
}

const UNIT_SECONDS: [RegExp, number][] = [
  [/^(s|sec|secs|second|seconds|秒|秒钟)$/i, 1],
  [/^(m|min|mins|minute|minutes|分|分钟)$/i, 60],
  [/^(h|hr|hrs|hour|hours|小时|个小时)$/i, 3600],
  [/^(d|day|days|天|日)$/i, 86400],
];

const NUM = String.raw`(\d+(?:\.\d+)?|[一二两三四五六七八九十]{1,3}|半)`;
const UNIT = String.raw`(seconds?|secs?|s|minutes?|mins?|min|m|hours?|hrs?|hr|h|days?|d|秒钟|秒|分钟|分|个小时|小时|天|日)`;
const PART = new RegExp(`${NUM}\\s*${UNIT}(?![a-z])`, 'giu');

/** Parses an ISO 8601 duration such as PT15M, PT1H30M, P1D. */
function parseIso(text: string): number | undefined {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(text);
  if (!m || text.toUpperCase() === 'P' || text.toUpperCase() === 'PT') return undefined;
  return Number(m[1] ?? 0) * 86400 + Number(m[2] ?? 0) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
}

const INCIDENT = /(事故发生|事件发生|事发|接警|接报|报警|发现|incident|alarm|onset)/iu;
const LEVEL = /(响应启动|启动响应|启动后|级别启动|activation|activated|level start)/iu;

/**
 * Parses a deadline: 3分钟, 1小时内, 半小时, 一个半小时, 2小时, 90s, 15 min, 1h30m, PT15M; vague words (及时, 第一时间) fail.
 * An anchor may be written before or after: "接警后3分钟内" (incident), "响应启动后1小时" (level),
 * "rescue 完成后 10分钟" / "10 min after rescue" (step `rescue`, when `stepIds` contains it).
 */
export function parseDuration(raw: string, stepIds: readonly string[] = []): DurationResult {
  const text = raw.trim();
  if (!text) return fail('empty duration', '时限为空');
  if (text.length > 200) return fail('duration text too long', '时限文本过长');
  // Vague words a reviewer would reject: "第一时间" would otherwise read as 一 + 时 (1 hour).
  if (/第一时间|及时|尽快|适时|随时|as soon as possible|asap|promptly|timely/iu.test(text)) {
    return fail(`Unexpected vague deadline \`${text}\`, expected a time limit such as 3分钟 or 1小时内`, `时限 \`${text}\` 不明确，应为 3分钟、1小时内 等具体时限`);
  }
  if (/^(立即|立刻|马上|即刻|immediately|at once|now)$/iu.test(text)) return { ok: true, seconds: 0, anchor: { kind: 'incident' } };
  const iso = parseIso(text);
  if (iso !== undefined) return { ok: true, seconds: iso, anchor: { kind: 'incident' } };

  let seconds = 0;
  let found = false;
  let rest = text;
  // "一个半小时" / "1个半小时" = 1.5 h: read before the general pattern, which would see only "半小时".
  const halfPast = /(\d+|[一二两三四五六七八九十]{1,3})个半(小时|钟头)/u.exec(text);
  if (halfPast) { seconds += (readNumber(halfPast[1]) + 0.5) * 3600; found = true; rest = rest.replace(halfPast[0], ' '); }
  for (const m of rest.matchAll(PART)) {
    const n = readNumber(m[1]);
    const unit = UNIT_SECONDS.find(([re]) => re.test(m[2]));
    if (Number.isNaN(n) || !unit) continue;
    seconds += n * unit[1];
    found = true;
    rest = rest.replace(m[0], ' ');
  }
  // "一个半小时" / "1个半小时" style is rare; "半小时" is handled by NUM = 半.
  if (!found) return fail(`Unexpected \`${text}\`, expected a duration such as 3分钟, 1小时内, 90s, 15 min or PT15M`,
    `无法识别的时限 \`${text}\`，应为 3分钟、1小时内、90s、15 min 或 PT15M 等`);
  return { ok: true, seconds: Math.round(seconds), anchor: readAnchor(rest, stepIds) };
}

/** Finds the anchor words left around the amount. */
function readAnchor(rest: string, stepIds: readonly string[]): Anchor {
  const r = rest.replace(/[内以之]|within|in|of|from/giu, ' ').trim();
  // Longest id first, so `first-aid` wins over `first`; ids end where an ASCII word character does not follow.
  const word = /[A-Za-z0-9_-]/;
  for (const id of [...stepIds].sort((a, b) => b.length - a.length)) {
    for (let i = r.indexOf(id); i >= 0; i = r.indexOf(id, i + 1)) {
      const before = r[i - 1] ?? ' ';
      const after = r[i + id.length] ?? ' ';
      if (!word.test(before) && !word.test(after)) return { kind: 'step', step: id };
    }
  }
  if (LEVEL.test(r)) return { kind: 'level' };
  if (INCIDENT.test(r)) return { kind: 'incident' };
  return { kind: 'incident' };
}

function fail(message: string, messageZh: string): DurationResult {
  return { ok: false, message, messageZh };
}

/** Formats seconds back to a compact English duration ("1h30m", "3min", "90s"). */
export function formatSeconds(seconds: number): string {
  if (seconds === 0) return '0s';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h ? `${h}h` : ''}${m ? `${m}min` : ''}${s ? `${s}s` : ''}`;
}
