import type { Located } from './place.js';

/**
 * What a time limit counts from. `incident` (事发 / 接警, the default), `level` (响应启动后), `step` (rescue 完成后),
 * `receipt` (接到报告后 / 收到指令后 / after receipt: when the responsible role was told — in a drill, the first
 * notification or inject it received), `event` (a named later event: 伤亡人数变化之日起).
 */
export type Anchor =
  | { kind: 'incident' }
  | { kind: 'level' }
  | { kind: 'step'; step: string }
  | { kind: 'receipt'; of?: 'report' | 'instruction' | 'notice' }
  | { kind: 'event'; event: string };

/** Kinds of time limit that have a due time (see `TimedDuration`). */
export type TimedKind = 'limit' | 'immediate' | 'window' | 'cadence' | 'chain';
/** Kinds without a due time: `continuous` (24小时值班, a standing duty), `vague` (及时 — a finding), `invalid` (unreadable — a finding). */
export type UntimedKind = 'continuous' | 'vague' | 'invalid';
export type DurationKind = TimedKind | UntimedKind;

interface DurationBase extends Located {
  /** Exactly as written (kept so that export is lossless). */
  text: string;
  anchor: Anchor;
}

/**
 * A time limit with a due time, normalised to seconds from its anchor:
 * - `limit` 3分钟内 / 1 h / PT15M: due at `seconds`;
 * - `immediate` 立即 / immediately: due at the plan's immediate threshold (`seconds`; drawn as 立即);
 * - `window` 30分钟至1小时: due between `earliest` and `seconds` (late after the upper bound);
 * - `cadence` 每30分钟 / 每日续报 / 每日至少2次: a repeated obligation every `every` seconds (`times` per period),
 *   first due at `seconds`;
 * - `chain` 每级2小时 / 逐级上报每级不超过2小时: `seconds` per hop of a reporting chain.
 */
export interface TimedDuration extends DurationBase {
  kind: TimedKind;
  seconds: number;
  /** `window`: lower bound in seconds. */
  earliest?: number;
  /** `cadence`: the period in seconds. */
  every?: number;
  /** `cadence`: how many times per period ("每日至少续报2次" → 2). */
  times?: number;
}

/** A time text with no due time: a standing duty, a vague word or an unreadable text (the last two are findings). */
export interface UntimedDuration extends DurationBase {
  kind: UntimedKind;
  seconds?: undefined;
}

/** A time limit as the plan wrote it (deadline, activation limit, report window, warning lead). */
export type Duration = TimedDuration | UntimedDuration;

/** True when the duration has a due time (narrows to `TimedDuration`). */
export function isTimed(d: Duration | undefined): d is TimedDuration {
  return d !== undefined && d.seconds !== undefined && Number.isFinite(d.seconds);
}

/** Seconds until the (first) obligation is due, or undefined when there is no due time. */
export function dueSeconds(d: Duration | undefined): number | undefined {
  return isTimed(d) ? d.seconds : undefined;
}

/** Default threshold of `立即` / `immediately` when neither the plan nor the config sets one: 5 minutes. */
export const DEFAULT_IMMEDIATE_SECONDS = 300;
