/** One amount of time found in a time text: its number, unit, seconds and where it is written. */
export interface Amount {
  value: number;
  unitSeconds: number;
  seconds: number;
  start: number;
  end: number;
  /** A number written without a unit (`30` in `30-60分钟`); only valid as the start of a window. */
  bare: boolean;
  /** Written as a period (每小时, every hour, hourly). */
  period?: boolean;
}

type Error = { error: { en: string; zh: string } };

const UNITS: [RegExp, number][] = [
  [/^(?:s|secs?|seconds?|秒钟?)$/iu, 1],
  [/^(?:m|mins?|minutes?|分钟?|分)$/iu, 60],
  [/^(?:h|hrs?|hours?|小时|钟头)$/iu, 3600],
  [/^(?:d|days?|天|日)$/iu, 86400],
  [/^(?:w|wks?|weeks?|周|星期|礼拜)$/iu, 604800],
];
/** Units with no fixed length in seconds: refused with a hint rather than read approximately. */
const INEXACT = /^(?:月|个月|months?|年|years?|工作日|个工作日|working days?|business days?)$/iu;

const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const EN_NUMBER: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, 'forty-five': 45, sixty: 60, ninety: 90, 'twenty-four': 24, 'forty-eight': 48, 'seventy-two': 72,
};

const NUM = String.raw`(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百]+|半|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty-five|sixty|ninety|twenty-four|forty-eight|seventy-two)(?![a-z]))`;
const UNIT = String.raw`(个工作日|工作日|working days?|business days?|个月|months?|years?|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|秒钟|秒|分钟|分|个小时|小时|个钟头|钟头|天|日|周|星期|礼拜|月|年|s|m|h|d|w)`;
// number, optional 个 / half ("一个半小时", "1个半小时", "half an hour"), unit; the unit must not run on into a word.
// Not inside an id (`s1`, `step-2`), but `1h30m` and `30-60分钟` are amounts.
// Letters right before a number are allowed only when they follow a digit (the unit of `1min30s`).
const BEFORE = String.raw`(?<![0-9_.])(?<!(?:^|[^0-9A-Za-z_-])[A-Za-z_-]+)`;
const AMOUNT = new RegExp(String.raw`${BEFORE}(?:half an?\s+(hour)|${NUM}\s*(个半|个)?\s*${UNIT}(?![A-Za-z]))`, 'giu');
// 每小时 / 每天 / 每周: a period of one unit without a number.
const PER_UNIT = /(?<=每隔?\s*)(小时|钟头|分钟|天|日|周|星期)|(?<=\b(?:every|each|per)\s+)(hour|day|week|minute)\b|\b(hour)ly\b/giu;
const BARE = new RegExp(String.raw`${BEFORE}\d+(?:\.\d+)?(?![\d.A-Za-z])(?!\s*(?:次|times|级|人|名|%))`, 'gu');

/** Reads Chinese numerals up to 999 (`十五`, `二十四`, `一百二十`), Arabic numbers, 半 and small English number words. */
export function readNumber(s: string): number {
  if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s);
  if (s === '半') return 0.5;
  const en = EN_NUMBER[s.toLowerCase()];
  if (en !== undefined) return en;
  let total = 0;
  let digit: number | undefined;
  for (const c of s) {
    if (c === '百') { total += (digit ?? 1) * 100; digit = undefined; }
    else if (c === '十') { total += (digit ?? 1) * 10; digit = undefined; }
    else if (c in CN_DIGIT) { if (digit !== undefined) return NaN; digit = CN_DIGIT[c]; }
    else return NaN;
  }
  return total + (digit ?? 0);
}

/** Every amount of time in `text`, in order, or an error naming a unit that has no exact length. */
export function readAmounts(text: string): { list: Amount[] } | Error {
  const list: Amount[] = [];
  for (const m of text.matchAll(AMOUNT)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[1]) { list.push({ value: 0.5, unitSeconds: 3600, seconds: 1800, start, end, bare: false }); continue; }
    const [, , num, half, unit] = m;
    if (INEXACT.test(unit)) {
      return { error: { en: `Unexpected \`${m[0].trim()}\`: ${unit} has no fixed length, expected days (30日, 30 d)`, zh: `\`${m[0].trim()}\` 的单位“${unit}”长度不固定，应写成天数（如 30日）` } };
    }
    const value = readNumber(num) + (half === '个半' ? 0.5 : 0);
    const unitSeconds = UNITS.find(([re]) => re.test(unit))?.[1];
    if (!Number.isFinite(value) || unitSeconds === undefined) continue;
    list.push({ value, unitSeconds, seconds: Math.round(value * unitSeconds), start, end, bare: false });
  }
  for (const m of text.matchAll(PER_UNIT)) {
    const unit = m[1] ?? m[2] ?? m[3];
    const unitSeconds = UNITS.find(([re]) => re.test(unit))![1];
    if (!list.some((a) => a.start <= m.index && m.index < a.end)) list.push({ value: 1, unitSeconds, seconds: unitSeconds, start: m.index, end: m.index + m[0].length, bare: false, period: true });
  }
  for (const m of text.matchAll(BARE)) {
    if (!list.some((a) => a.start <= m.index && m.index < a.end)) list.push({ value: Number(m[0]), unitSeconds: 1, seconds: Number(m[0]), start: m.index, end: m.index + m[0].length, bare: true });
  }
  list.sort((a, b) => a.start - b.start);
  return { list };
}
