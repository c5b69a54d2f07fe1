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
 */

/** A physical or bookkeeping dimension a unit measures. */
export type Dimension =
  | 'mass' | 'length' | 'time' | 'volume' | 'concentration' | 'mass-concentration'
  | 'mass-flow' | 'volume-flow' | 'rain-rate' | 'speed' | 'money' | 'percent'
  | 'count-people' | 'count-items' | 'count-places' | 'count-households';

/** A known unit: its dimension and factor to the dimension's base unit. */
export interface UnitInfo {
  /** Canonical spelling of the unit (`kg`, `m3`, `万元`). */
  unit: string;
  dimension: Dimension;
  /** Multiply by this to get the base unit of the dimension. */
  factor: number;
}

// [spelling, dimension, factor]; the first spelling of each row group is the canonical one.
const TABLE: ReadonlyArray<readonly [string[], Dimension, number]> = [
  [['g', '克'], 'mass', 0.001],
  [['kg', '公斤', '千克'], 'mass', 1],
  [['t', '吨'], 'mass', 1000],
  [['mm', '毫米'], 'length', 0.001],
  [['cm', '厘米'], 'length', 0.01],
  [['m', '米'], 'length', 1],
  [['km', '公里', '千米'], 'length', 1000],
  [['s', '秒'], 'time', 1],
  [['min', '分钟'], 'time', 60],
  [['h', '小时'], 'time', 3600],
  [['d', '天', '日'], 'time', 86400],
  [['L', '升'], 'volume', 0.001],
  [['m3', 'm³', '立方米', '方'], 'volume', 1],
  [['ppm'], 'concentration', 1],
  [['ppb'], 'concentration', 0.001],
  [['mg/m3', 'mg/m³'], 'mass-concentration', 1],
  [['kg/h'], 'mass-flow', 1],
  [['t/h'], 'mass-flow', 1000],
  [['kg/s'], 'mass-flow', 3600],
  [['m3/h', 'm³/h'], 'volume-flow', 1],
  [['m3/s', 'm³/s'], 'volume-flow', 3600],
  [['mm/h'], 'rain-rate', 1],
  [['m/s'], 'speed', 1],
  [['km/h'], 'speed', 1 / 3.6],
  [['元'], 'money', 1],
  [['万元'], 'money', 1e4],
  [['亿元'], 'money', 1e8],
  [['%'], 'percent', 1],
  [['人', '名'], 'count-people', 1],
  [['个'], 'count-items', 1],
  [['处'], 'count-places', 1],
  [['户'], 'count-households', 1],
];

const BY_KEY = new Map<string, UnitInfo>();
for (const [spellings, dimension, factor] of TABLE) {
  for (const s of spellings) BY_KEY.set(key(s), { unit: spellings[0], dimension, factor });
}

// ASCII units match case-insensitively (`KG`, `Min`); CJK spellings are unaffected by lowercasing.
function key(s: string): string {
  return s.toLowerCase();
}

/** Every spelling the lexer recognises, longest first (so `mg/m3` wins over `m`, `万元` over `元`). */
export const UNIT_SPELLINGS: readonly string[] = TABLE.flatMap(([s]) => s).sort((a, b) => b.length - a.length);

/** The unit entry for a spelling (`kg`, `KG`, `公斤`), or undefined when the table does not know it. */
export function lookupUnit(unit: string): UnitInfo | undefined {
  return BY_KEY.get(key(unit));
}

/** True for the count dimensions (人, 个, 处, 户). */
export function isCountUnit(unit: string): boolean {
  return lookupUnit(unit)?.dimension.startsWith('count-') ?? false;
}

/**
 * Converts `value` written in `from` to the unit `to`; undefined when the two do
 * not share a dimension or either is unknown (identical spellings always convert,
 * even units the table does not know, e.g. a fact in `LEL%` and a literal `10LEL%`).
 */
export function convertUnit(value: number, from: string, to: string): number | undefined {
  if (from === to) return value;
  const a = lookupUnit(from);
  const b = lookupUnit(to);
  if (!a || !b || a.dimension !== b.dimension) return undefined;
  if (a.factor === b.factor) return value;
  return roundConverted((value * a.factor) / b.factor);
}

// 1.1 t → 1100.0000000000002 kg in binary floating point; 15 significant digits
// removes the noise so `leak_kg == 1.1 t` matches a reported 1100.
function roundConverted(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(15)) : x;
}

/** Spellings of one dimension in table order (for "expected a mass unit (`g`, `kg`, `t` …)" messages). */
export function unitsOf(dimension: Dimension): string[] {
  return TABLE.filter(([, d]) => d === dimension).flatMap(([s]) => s);
}

const DIMENSION_NAMES: Record<Dimension, [string, string]> = {
  mass: ['mass', '质量'],
  length: ['length', '长度'],
  time: ['time', '时间'],
  volume: ['volume', '体积'],
  concentration: ['concentration (ppm)', '浓度（ppm）'],
  'mass-concentration': ['mass concentration', '质量浓度'],
  'mass-flow': ['mass flow', '质量流量'],
  'volume-flow': ['volume flow', '体积流量'],
  'rain-rate': ['rain intensity', '雨强'],
  speed: ['speed', '速度'],
  money: ['money', '金额'],
  percent: ['percentage', '百分比'],
  'count-people': ['people count', '人数'],
  'count-items': ['item count', '个数'],
  'count-places': ['place count', '处数'],
  'count-households': ['household count', '户数'],
};

/** Name of a dimension in English or Chinese, for messages. */
export function dimensionName(dimension: Dimension, lang: 'en' | 'zh'): string {
  return DIMENSION_NAMES[dimension][lang === 'en' ? 0 : 1];
}
