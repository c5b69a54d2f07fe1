/**
 * The small unit table of the trigger language.
 *
 * Each unit belongs to one dimension and has a factor to that dimension's base
 * unit. A literal's unit is converted to the *fact's* declared unit, so
 * `leak_kg >= 1 t` against a fact in `kg` compares with 1000.
 *
 * Deliberate splits (the brief grouped some of these together):
 * - `ppm` and `mg/m3` are both "concentration" but converting between them needs
 *   the gas's molar mass, so they are separate dimensions and never convert.
 * - "flow" is three dimensions: mass flow (kg/h, t/h), volume flow (m3/h) and
 *   rain intensity (mm/h) — none converts to another.
 * - Count words (人, 个, 处, 户) count different things, so each is its own
 *   dimension (人 = 名); a count literal against a fact that declares no unit is
 *   accepted as-is (`injured >= 3人`).
 * - Scales (`级` for magnitude or wind force, `M`) are not physical dimensions: a
 *   number in 级 means "on this fact's own scale", so it is accepted against a fact
 *   in the same spelling or without a unit, and never converts (Beaufort 级 to m/s
 *   is not linear; 级 and M are not the same scale for every fact).
 * - Temperature is Celsius only (`℃`, `°C`, `摄氏度`): K and °F need an offset, which
 *   a factor cannot express, so they are unknown units rather than wrong ones.
 * - 万/亿 scale any unit (`万人`, `亿立方米`, and units the plan declares: `万头`).
 */

/** A physical or bookkeeping dimension a unit measures. */
export type Dimension =
  | 'mass' | 'length' | 'area' | 'time' | 'volume' | 'pressure' | 'temperature' | 'concentration' | 'mass-concentration'
  | 'mass-flow' | 'volume-flow' | 'rain-rate' | 'speed' | 'money' | 'percent' | 'scale'
  | 'count-people' | 'count-items' | 'count-places' | 'count-households';

/** A known unit: its dimension and factor to the dimension's base unit. */
export interface UnitInfo {
  /** Canonical spelling of the unit (`kg`, `m3`, `万元`). */
  unit: string;
  dimension: Dimension;
  /** Multiply by this to get the base unit of the dimension. */
  factor: number;
}

// [spellings, dimension, factor, exact case?]; the first spelling of each row is the canonical one.
// Rows marked exact match only as written: `MPa` is not `mPa`, `M` (magnitude) is not `m` (metre).
const TABLE: ReadonlyArray<readonly [string[], Dimension, number, boolean?]> = [
  [['g', '克'], 'mass', 0.001],
  [['kg', '公斤', '千克'], 'mass', 1],
  [['t', '吨'], 'mass', 1000],
  [['mm', '毫米'], 'length', 0.001],
  [['cm', '厘米'], 'length', 0.01],
  [['m', '米'], 'length', 1],
  [['km', '公里', '千米'], 'length', 1000],
  [['m2', 'm²', '平方米'], 'area', 1],
  [['亩'], 'area', 2000 / 3],
  [['hm2', 'hm²', 'ha', '公顷'], 'area', 1e4],
  [['km2', 'km²', '平方公里', '平方千米'], 'area', 1e6],
  [['s', '秒'], 'time', 1],
  [['min', '分钟'], 'time', 60],
  [['h', '小时'], 'time', 3600],
  [['d', '天', '日'], 'time', 86400],
  [['L', '升'], 'volume', 0.001],
  [['m3', 'm³', '立方米', '方'], 'volume', 1],
  [['Pa', '帕'], 'pressure', 1, true],
  [['kPa', '千帕'], 'pressure', 1e3, true],
  [['MPa', '兆帕'], 'pressure', 1e6, true],
  [['℃', '°C', '摄氏度'], 'temperature', 1],
  [['ppm'], 'concentration', 1],
  [['ppb'], 'concentration', 0.001],
  [['mg/m3', 'mg/m³', '毫克/立方米'], 'mass-concentration', 1],
  [['kg/h', '千克/小时', '公斤/小时'], 'mass-flow', 1],
  [['t/h', '吨/小时'], 'mass-flow', 1000],
  [['t/d', '吨/天', '吨/日'], 'mass-flow', 1000 / 24],
  [['kg/s', '千克/秒', '公斤/秒'], 'mass-flow', 3600],
  [['m3/h', 'm³/h', '立方米/小时'], 'volume-flow', 1],
  [['m3/s', 'm³/s', '立方米/秒'], 'volume-flow', 3600],
  [['L/s', '升/秒'], 'volume-flow', 3.6],
  [['mm/h', '毫米/小时'], 'rain-rate', 1],
  [['mm/min', '毫米/分钟'], 'rain-rate', 60],
  [['mm/d', '毫米/天', '毫米/日'], 'rain-rate', 1 / 24],
  [['m/s', '米/秒'], 'speed', 1],
  [['km/h', '公里/小时', '千米/小时'], 'speed', 1 / 3.6],
  [['元'], 'money', 1],
  [['万元'], 'money', 1e4],
  [['亿元'], 'money', 1e8],
  [['%'], 'percent', 1],
  // A scale is not a physical dimension: 级 is the fact's own scale (magnitude, wind force, …) and never
  // converts, not even to another scale spelling (see convertUnit).
  [['级'], 'scale', 1],
  [['M'], 'scale', 1, true],
  [['人', '名'], 'count-people', 1],
  [['个'], 'count-items', 1],
  [['处'], 'count-places', 1],
  [['户'], 'count-households', 1],
];

/** Chinese number words that scale a numeral or a unit: `10万人`, `1.5亿`, a fact in `万人`. */
export const SCALE_WORDS: ReadonlyMap<string, number> = new Map([['万', 1e4], ['亿', 1e8]]);

const EXACT = new Map<string, UnitInfo>();
const FOLDED = new Map<string, UnitInfo>();
const EXACT_CASE = new Set<string>();
for (const [spellings, dimension, factor, exact] of TABLE) {
  for (const s of spellings) {
    const info = { unit: spellings[0], dimension, factor };
    EXACT.set(s, info);
    if (exact) EXACT_CASE.add(s);
  }
}
// ASCII units match case-insensitively (`KG`, `Min`) unless the folded spelling is also the folded form of an
// exact-case unit: `MPA`/`mpa` could be mega- or milli-pascal, so they are refused rather than guessed.
const EXACT_FOLDED = new Set([...EXACT_CASE].map((s) => s.toLowerCase()));
for (const [s, info] of EXACT) {
  if (!EXACT_CASE.has(s) && !EXACT_FOLDED.has(s.toLowerCase())) FOLDED.set(s.toLowerCase(), info);
}

/** Every spelling the lexer recognises, longest first (so `mg/m3` wins over `m`, `万元` over `元`). */
export const UNIT_SPELLINGS: readonly string[] = TABLE.flatMap(([s]) => s).sort((a, b) => b.length - a.length);

/** Length of the known unit spelled at `text[i]` (longest match, case rules as in `lookupUnit`), or 0. */
export function unitLengthAt(text: string, i: number): number {
  for (const u of UNIT_SPELLINGS) {
    const slice = text.slice(i, i + u.length);
    if (slice.length === u.length && lookupUnit(slice) !== undefined) return u.length;
  }
  return 0;
}

/**
 * The unit entry for a spelling (`kg`, `KG`, `公斤`, `万人`), or undefined when the table does not know it.
 * A 万/亿 prefix scales any known unit (`万人` is 10,000 人, `亿立方米` 10⁸ m³).
 */
export function lookupUnit(unit: string): UnitInfo | undefined {
  const direct = EXACT.get(unit) ?? FOLDED.get(unit.toLowerCase());
  if (direct) return direct;
  const scale = SCALE_WORDS.get(unit[0]);
  if (scale === undefined || unit.length < 2) return undefined;
  const base = EXACT.get(unit.slice(1)) ?? FOLDED.get(unit.slice(1).toLowerCase());
  // A scaled scale (万级) means nothing.
  if (!base || base.dimension === 'scale') return undefined;
  return { unit, dimension: base.dimension, factor: base.factor * scale };
}

/** Known spellings that differ from `unit` only in case (`mpa` → `MPa`, `Pa`, …), for "did you mean" hints. */
export function caseVariants(unit: string): string[] {
  const k = unit.toLowerCase();
  return [...EXACT.keys()].filter((s) => s !== unit && s.toLowerCase() === k);
}

/** True for the count dimensions (人, 个, 处, 户). */
export function isCountUnit(unit: string): boolean {
  return lookupUnit(unit)?.dimension.startsWith('count-') ?? false;
}

/** True when a unit may stand on a number compared with a fact that declares no unit: counts (`3人`) and scales (`12级`). */
export function isPlainUnit(unit: string): boolean {
  const d = lookupUnit(unit)?.dimension;
  return d !== undefined && (d.startsWith('count-') || d === 'scale');
}

/** The 万/亿 factor a unit spelling starts with (`万人` → 10⁴, `万元` → 10⁴), 1 when it has none. */
export function unitScale(unit: string | undefined): number {
  if (unit === undefined || unit.length < 2) return 1;
  return SCALE_WORDS.get(unit[0]) ?? 1;
}

/**
 * Converts `value` written in `from` to the unit `to`; undefined when the two do
 * not share a dimension or either is unknown. Identical spellings always convert,
 * even units the table does not know (a fact in `LEL%` and a literal `10LEL%`),
 * and so do scaled spellings of one unknown unit (`10万头` to a fact in `头`).
 * Scale units (`级`, `M`) convert only to themselves.
 */
export function convertUnit(value: number, from: string, to: string): number | undefined {
  if (from === to) return value;
  const a = lookupUnit(from);
  const b = lookupUnit(to);
  if (!a || !b) {
    // An unknown unit the plan declares, with a 万/亿 prefix on one side: `万头` vs `头`.
    const [sa, ua] = splitScale(from);
    const [sb, ub] = splitScale(to);
    return ua === ub && !a && !b ? roundConverted((value * sa) / sb) : undefined;
  }
  if (a.dimension !== b.dimension || a.dimension === 'scale') return undefined;
  if (a.factor === b.factor) return value;
  return roundConverted((value * a.factor) / b.factor);
}

function splitScale(unit: string): [number, string] {
  const s = unitScale(unit);
  return s === 1 ? [1, unit] : [s, unit.slice(1)];
}

/**
 * Rounds a converted or scaled number to 15 significant digits: 1.1 t is 1100.0000000000002 kg in binary
 * floating point, and 1.1万 is 11000.000000000002; rounding removes the noise so `leak_kg == 1.1 t` matches 1100.
 */
export function roundConverted(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(15)) : x;
}

/** Spellings of one dimension in table order (for "expected a mass unit (`g`, `kg`, `t` …)" messages). */
export function unitsOf(dimension: Dimension): string[] {
  return TABLE.filter(([, d]) => d === dimension).flatMap(([s]) => s);
}

const DIMENSION_NAMES: Record<Dimension, [string, string]> = {
  mass: ['mass', '质量'],
  length: ['length', '长度'],
  area: ['area', '面积'],
  time: ['time', '时间'],
  volume: ['volume', '体积'],
  pressure: ['pressure', '压力'],
  temperature: ['temperature', '温度'],
  concentration: ['concentration (ppm)', '浓度（ppm）'],
  'mass-concentration': ['mass concentration', '质量浓度'],
  'mass-flow': ['mass flow', '质量流量'],
  'volume-flow': ['volume flow', '体积流量'],
  'rain-rate': ['rain intensity', '雨强'],
  speed: ['speed', '速度'],
  money: ['money', '金额'],
  percent: ['percentage', '百分比'],
  scale: ['scale (级)', '等级（级）'],
  'count-people': ['people count', '人数'],
  'count-items': ['item count', '个数'],
  'count-places': ['place count', '处数'],
  'count-households': ['household count', '户数'],
};

/** Name of a dimension in English or Chinese, for messages. */
export function dimensionName(dimension: Dimension, lang: 'en' | 'zh'): string {
  return DIMENSION_NAMES[dimension][lang === 'en' ? 0 : 1];
}
