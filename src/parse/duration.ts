import type { Anchor, Duration, DurationKind } from '../model/duration.js';
import type { Place } from '../model/place.js';
import { DEFAULT_IMMEDIATE_SECONDS } from '../model/duration.js';
import { readAnchor } from './duration-anchor.js';
import { readAmounts, type Amount } from './duration-amount.js';

/** What reading a time text gives: an exact reading, or a message saying why it cannot be read exactly. */
export type DurationResult =
  | { ok: true; kind: DurationKind; seconds?: number; earliest?: number; every?: number; times?: number; anchor: Anchor }
  | { ok: false; kind: 'vague' | 'invalid'; anchor: Anchor; message: string; messageZh: string };

/** Context of a time text: the plan's step ids (for `rescue 完成后`), the step it belongs to, the 立即 threshold. */
export interface DurationContext {
  stepIds?: readonly string[];
  /** Id of the step whose deadline this is (a step cannot be anchored to itself). */
  self?: string;
  /** Seconds `立即` / `immediately` allows (plan front matter `immediate:` or config; default 5 min). */
  immediate?: number;
}

const VAGUE = /第一时间|及时|尽快|尽早|适时|随时|迅速|立即组织|as soon as possible|\basap\b|promptly|timely|without undue delay|in a timely manner/iu;
const IMMEDIATE = /立即|立刻|马上|即刻|随即|immediately|\bat once\b|forthwith|without delay/iu;
const CONTINUOUS = /24\s*(?:小时|h)\s*(?:值班|值守|轮班|在岗|不间断)|全天候|昼夜值守|round[- ]the[- ]clock|\b24\s*\/\s*7\b/iu;
const CHAIN = /每级|逐级|每一级|each level|per level|at each level|per hop|each hop/iu;
const CADENCE_DAILY = /每日|每天|逐日|daily|every day|per day|each day/iu;
/** 每 / 每隔 / every / each right before an amount makes it a period. */
const PERIOD_BEFORE = /(?:每隔?|every|each)\s*$/iu;
const TIMES = /(?:至少|不少于|at least)?\s*(\d+|[一二两三四五六七八九十])\s*(?:次|times)|\btwice\b|\bonce\b/iu;
const WINDOW_JOIN = /^\s*(?:至|到|~|～|-|–|—|to|and|或)\s*$/iu;

const CN: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/**
 * Reads a time text the way real plans write it, exactly or not at all:
 * `3分钟内` `1小时内` `半小时` `一个半小时` `1h30m` `PT90S` (limits); `立即` / `immediately` (the immediate threshold);
 * `30分钟至1小时` (a window — never summed); `每30分钟` `每日续报` `每日至少续报2次` (cadences);
 * `每级2小时` `逐级上报，每级不超过2小时` (per-hop chains); `24小时值班` (a standing duty); anchors `接警后`,
 * `响应启动后`, `rescue 完成后`, `接到报告后` / `收到指令后` / `after receipt`, `自伤亡人数变化之日起`.
 * Vague words (及时, 尽快, 第一时间) and anything it cannot read exactly give `ok: false` with a message saying how
 * to write it.
 */
export function parseDuration(raw: string, ctx: DurationContext = {}): DurationResult {
  const text = normalise(raw);
  const incident: Anchor = { kind: 'incident' };
  if (!text) return fail('invalid', incident, 'Unexpected empty time limit, expected e.g. 3分钟', '时限为空，应为 3分钟 等具体时限');
  if (text.length > 200) return fail('invalid', incident, 'Unexpected time text over 200 characters, expected a short limit such as 1小时内', '时限文本超过200个字符，应为 1小时内 等简短时限');

  const iso = parseIso(text);
  if (iso !== undefined) return { ok: true, kind: 'limit', seconds: iso, anchor: incident };
  if (/^P/i.test(text) && /^P[\dTYMWDHS.]*$/i.test(text)) {
    return fail('invalid', incident, `Unexpected ISO 8601 duration \`${text}\`, expected days, hours, minutes or seconds (PT15M, PT1H30M, PT90S, P1D)`,
      `无法识别的 ISO 8601 时长 \`${text}\`，应为天、时、分、秒（PT15M、PT1H30M、PT90S、P1D）`);
  }

  const amounts = readAmounts(text);
  if ('error' in amounts) return fail('invalid', incident, amounts.error.en, amounts.error.zh);
  const rest = blank(text, amounts.list);
  const anchorRead = readAnchor(rest, ctx.stepIds ?? [], ctx.self);
  if ('error' in anchorRead) return fail('invalid', incident, anchorRead.error.en, anchorRead.error.zh);
  const anchor = anchorRead.anchor;
  const list = amounts.list;

  if (CONTINUOUS.test(text)) return { ok: true, kind: 'continuous', anchor };
  if (!list.length) {
    if (IMMEDIATE.test(text)) return { ok: true, kind: 'immediate', seconds: ctx.immediate ?? DEFAULT_IMMEDIATE_SECONDS, anchor };
    if (VAGUE.test(text)) {
      return fail('vague', anchor, `Unexpected vague time limit \`${text}\`, expected a limit such as 30分钟内 or 1小时内 (or 立即 with the plan's \`immediate\` threshold)`,
        `时限 \`${text}\` 不明确，应为 30分钟内、1小时内 等具体时限（或写“立即”，按预案的 immediate 阈值计）`);
    }
    if (CADENCE_DAILY.test(text)) return cadence(text, undefined, 86400, anchor);
    return fail('invalid', anchor, `Unexpected \`${text}\`, expected a time limit such as 3分钟, 1小时内, 30分钟至1小时, 每30分钟, 每级2小时, 立即, 90s or PT15M`,
      `无法识别的时限 \`${text}\`，应为 3分钟、1小时内、30分钟至1小时、每30分钟、每级2小时、立即、90s 或 PT15M 等`);
  }

  const groups = group(text, list);
  if ('error' in groups) return fail('invalid', anchor, groups.error.en, groups.error.zh);
  const [first, second] = groups.list;
  if (CHAIN.test(text)) {
    if (groups.list.length > 1) return fail('invalid', anchor, `Unexpected two amounts in the per-level limit \`${text}\`, expected one (每级2小时)`, `逐级时限 \`${text}\` 含两个时长，应只有一个（如 每级2小时）`);
    return { ok: true, kind: 'chain', seconds: first.seconds, anchor };
  }
  if (groups.list.length === 2 && groups.joinedAsWindow) {
    if (second.seconds <= first.seconds) {
      return fail('invalid', anchor, `Unexpected window \`${text}\` whose end is not after its start, expected e.g. 30分钟至1小时`,
        `时间段 \`${text}\` 的终点不晚于起点，应如 30分钟至1小时`);
    }
    return { ok: true, kind: 'window', earliest: first.seconds, seconds: second.seconds, anchor };
  }
  const periodic = groups.list.find((g) => g.every);
  if (periodic) {
    const firstDue = groups.list.find((g) => !g.every);
    if (groups.list.length > 2 || (groups.list.length === 2 && !firstDue)) {
      return fail('invalid', anchor, `Unexpected \`${text}\`, expected one first limit and one period (首报1小时内，此后每2小时续报)`,
        `无法识别的时限 \`${text}\`，应为一个首次时限加一个周期（如 首报1小时内，此后每2小时续报）`);
    }
    return cadence(text, firstDue?.seconds, periodic.seconds, anchor);
  }
  if (CADENCE_DAILY.test(text) && groups.list.length === 1) return cadence(text, first.seconds, 86400, anchor);
  if (groups.list.length > 1) {
    return fail('invalid', anchor, `Unexpected ${groups.list.length} time amounts in \`${text}\`, expected one limit (1小时内), a window (30分钟至1小时) or a first limit and a cadence (首报1小时内，此后每2小时)`,
      `时限 \`${text}\` 含 ${groups.list.length} 个时长，应为一个时限（1小时内）、一个时间段（30分钟至1小时）或首次时限加周期（首报1小时内，此后每2小时）`);
  }
  if (IMMEDIATE.test(text)) return { ok: true, kind: 'immediate', seconds: first.seconds, anchor };
  return { ok: true, kind: 'limit', seconds: first.seconds, anchor };
}

/** A cadence: period `every` (× `times` per period), first due at `firstDue` or one period. */
function cadence(text: string, firstDue: number | undefined, every: number, anchor: Anchor): DurationResult {
  const m = TIMES.exec(text);
  let times: number | undefined;
  if (m) times = m[1] ? Number(m[1]) || CN[m[1]] : /twice/i.test(m[0]) ? 2 : 1;
  if (times !== undefined && (!Number.isInteger(times) || times < 1)) times = undefined;
  const out: DurationResult = { ok: true, kind: 'cadence', every, seconds: firstDue ?? every / (times ?? 1), anchor };
  if (times && times > 1) out.times = times;
  return out;
}

interface Group { seconds: number; every: boolean; start: number; end: number }

/**
 * Joins adjacent amounts in falling units into one (`1小时30分钟`, `1h30m`), marks amounts after 每/every as periods,
 * and says whether two amounts are joined by 至/到/-/to (a window). A number without a unit before a joined amount
 * takes that amount's unit (`1至2小时`, `30-60分钟`).
 */
function group(text: string, list: Amount[]): { list: Group[]; joinedAsWindow: boolean } | { error: { en: string; zh: string } } {
  const out: Group[] = [];
  let joinedAsWindow = false;
  for (let i = 0; i < list.length; i++) {
    const a = list[i];
    const prev = out[out.length - 1];
    const between = prev ? text.slice(prev.end, a.start) : '';
    const every = !!a.period || PERIOD_BEFORE.test(text.slice(prev?.end ?? 0, a.start));
    if (prev && !prev.every && /^\s*$/.test(between) && a.unitSeconds < list[i - 1].unitSeconds && !a.bare) {
      prev.seconds += a.seconds; prev.end = a.end; continue;
    }
    if (prev && WINDOW_JOIN.test(between)) joinedAsWindow = true;
    out.push({ seconds: a.seconds, every, start: a.start, end: a.end });
  }
  // `1至2小时`: the bare first number takes the second's unit.
  if (list.length === 2 && list[0].bare && joinedAsWindow) out[0].seconds = list[0].value * list[1].unitSeconds;
  else if (list.some((a) => a.bare)) return { error: { en: `Unexpected number without a unit in \`${text}\`, expected e.g. 30分钟 or 2 h`, zh: `时限 \`${text}\` 中有不带单位的数字，应如 30分钟、2小时` } };
  return { list: out, joinedAsWindow };
}

/** The text with the amounts blanked out (so the anchor reader sees only the words around them). */
function blank(text: string, list: Amount[]): string {
  let out = '';
  let at = 0;
  for (const a of list) { out += text.slice(at, a.start) + ' '; at = a.end; }
  return out + text.slice(at);
}

/** Full-width digits, letters and spaces to ASCII; trims. */
function normalise(raw: string): string {
  return raw.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ').trim();
}

/** Parses an ISO 8601 duration such as PT15M, PT1H30M, PT90S, P1D, P1DT2H (fractions allowed on the last part). */
function parseIso(text: string): number | undefined {
  const m = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(text);
  if (!m || /^PT?$/i.test(text) || /T$/i.test(text)) return undefined;
  const [d, h, min, s] = [m[1], m[2], m[3], m[4]].map((x) => Number(x ?? 0));
  return Math.round(d * 86400 + h * 3600 + min * 60 + s);
}

function fail(kind: 'vague' | 'invalid', anchor: Anchor, message: string, messageZh: string): DurationResult {
  return { ok: false, kind, anchor, message, messageZh };
}

/** A duration as written, before the finish pass reads it (builders of both syntaxes make these). */
export function pendingDuration(text: string, place: Place | undefined): Duration {
  const d: Duration = { text, kind: 'invalid', anchor: { kind: 'incident' } };
  if (place) d.place = place;
  return d;
}
