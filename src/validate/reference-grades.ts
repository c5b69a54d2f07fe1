/**
 * National grade definitions as data (data/reference-grades/<id>.yaml, schema schemas/reference-grades.schema.json):
 * Order 493 Art. 3 for production-safety accidents, the national special plans' 特别重大/重大/较大/一般 bands. A plan is
 * compared with the definitions it declares (`grades: order-493`), cites in its text, or is bound by through its
 * incident type; each level's criteria are read band by band against the grade of the same name (or rank).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { convertUnit, parseExpr, printExpr, referencedFacts, singleBand, type Band, type Expr } from '../expr/index.js';
import type { Fact, Level, Plan, Trigger } from '../model/index.js';
import { packageRoot } from '../paths.js';
import { schemaValidator } from '../schema-validator.js';
import { alternatives, listedCriteria } from './criteria.js';

/** One indicator of a reference grade table (deaths, serious injuries, direct loss). */
export interface ReferenceIndicator {
  id: string;
  name: string;
  nameEn: string;
  match: string;
  unit: string;
  without?: string;
}

/** A reference grade definition file. */
export interface ReferenceGrades {
  id: string;
  title: string;
  titleEn?: string;
  issuer: string;
  number?: string;
  date: string;
  article: string;
  url: string;
  kind: 'regulation' | 'plan';
  appliesTo: string[];
  excludes?: string[];
  cites: string[];
  bounds?: Plan['meta']['bounds'];
  indicators: ReferenceIndicator[];
  grades: { name: string; level: number; bands: Record<string, string> }[];
}

let cache: ReferenceGrades[] | undefined;

/**
 * The reference grade definitions shipped in data/reference-grades/, read once and checked with the schema's compiled
 * validator (the one the build precompiles): a file that does not match it is left out rather than half-read.
 */
export function referenceGrades(): ReferenceGrades[] {
  if (cache) return cache;
  const dir = join(packageRoot(), 'data', 'reference-grades');
  let names: string[];
  try { names = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort(); } catch { names = []; } // no data folder: nothing to compare
  const valid = schemaValidator('reference-grades');
  cache = names.map((f) => parseYaml(readFileSync(join(dir, f), 'utf8')) as unknown).filter((r): r is ReferenceGrades => valid(r));
  return cache;
}

/** How a plan comes to be compared with a definition: declared in front matter, cited in its text, or bound by its incident type. */
export type GradesHow = 'declared' | 'cited' | 'bound';

const planText = (plan: Plan) => [plan.meta.title, plan.meta.hazard ?? '', ...plan.sections.map((s) => `${s.title}\n${s.text}`)].join('\n');

/** The definitions a plan is compared with, and how. A plan is never compared with its own source text. */
export function gradesOf(plan: Plan, refs: readonly ReferenceGrades[] = referenceGrades()): { ref: ReferenceGrades; how: GradesHow }[] {
  const out: { ref: ReferenceGrades; how: GradesHow }[] = [];
  const own = [plan.meta.title, plan.meta.source?.title].filter(Boolean).map((t) => t!.trim());
  const text = planText(plan);
  const kind = `${plan.meta.title} ${plan.meta.hazard ?? ''}`;
  for (const ref of refs) {
    if (own.some((t) => t === ref.title || t.startsWith(ref.title))) continue;
    if (plan.meta.grades === ref.id) { out.push({ ref, how: 'declared' }); continue; }
    if (plan.meta.grades) continue;
    if (ref.cites.some((c) => text.includes(c))) { out.push({ ref, how: 'cited' }); continue; }
    if (ref.appliesTo.some((w) => kind.includes(w)) && !(ref.excludes ?? []).some((w) => kind.includes(w))) out.push({ ref, how: 'bound' });
  }
  return out;
}

/** One way a level's criteria differ from the reference grade: an added indicator, a wider count, another band. */
export interface GradeDifference {
  criterion: Trigger;
  en: string;
  zh: string;
}

/** A level whose criteria differ from the reference grade it corresponds to. */
export interface LevelDeviation {
  level: Level;
  grade: string;
  differences: GradeDifference[];
}

const synthetic = (ref: ReferenceGrades): Fact[] => ref.indicators.map((i) => ({ id: i.id, label: i.name, type: i.unit === '人' ? 'integer' : 'number', unit: i.unit }));
const bandText = (b: Band, unit?: string) => `${b.loOpen ? '(' : '['}${b.lo}, ${Number.isFinite(b.hi) ? b.hi : '∞'}${b.hiOpen || !Number.isFinite(b.hi) ? ')' : ']'}${unit ? ` ${unit}` : ''}`;
/** A band of a count (人) as closed integer bounds, so `[50, 100)` and `[50, 99]` compare equal. */
const closed = (b: Band): Band => ({
  ...b,
  lo: b.loOpen && Number.isInteger(b.lo) ? b.lo + 1 : b.lo, loOpen: b.loOpen && !Number.isInteger(b.lo),
  hi: b.hiOpen && Number.isInteger(b.hi) ? b.hi - 1 : b.hi, hiOpen: b.hiOpen && !Number.isInteger(b.hi),
});
const same = (x: Band, y: Band, count: boolean) => { const [a, b] = count ? [closed(x), closed(y)] : [x, y]; return sameBand(a, b); };
const sameBand = (a: Band, b: Band) => a.lo === b.lo && a.hi === b.hi && (a.loOpen === b.loOpen || !Number.isFinite(a.lo)) && (a.hiOpen === b.hiOpen || !Number.isFinite(a.hi));

/** The reference band of an indicator in a grade, in the indicator's unit. */
function referenceBand(ref: ReferenceGrades, indicator: ReferenceIndicator, text: string): Band | undefined {
  const ast = parseExpr(`${indicator.id} ${text}`).ast;
  return ast ? singleBand(ast, synthetic(ref), { bounds: ref.bounds }) : undefined;
}

/** A plan band converted to the indicator's unit (undefined when the units do not convert). */
function inUnit(b: Band, from: string | undefined, to: string): Band | undefined {
  if (!from || from === to) return b;
  const lo = Number.isFinite(b.lo) ? convertUnit(b.lo, from, to) : b.lo;
  const hi = Number.isFinite(b.hi) ? convertUnit(b.hi, from, to) : b.hi;
  return lo === undefined || hi === undefined ? undefined : { ...b, lo, hi };
}

const ROMAN: Record<string, string> = { Ⅰ: 'I', Ⅱ: 'II', Ⅲ: 'III', Ⅳ: 'IV' };
/** `Ⅱ级` → `II` (the level ids the parser gives). */
const roman = (name: string) => ROMAN[name.replace(/级$/u, '')] ?? name;

/** Every level of the plan whose measurable criteria differ from the reference grade of the same name. */
export function levelDeviations(plan: Plan, ref: ReferenceGrades): LevelDeviation[] {
  const out: LevelDeviation[] = [];
  const criteria = listedCriteria(plan);
  for (const level of plan.levels) {
    // By name only: an enterprise's 公司级 / 区级联动 are response levels, not the accident grades of the same rank.
    const grade = ref.grades.find((g) => g.name === level.name || g.name === level.id || roman(g.name) === level.id);
    if (!grade) continue;
    const differences: GradeDifference[] = [];
    for (const c of criteria.filter((x) => x.level === level)) {
      for (const alt of alternatives(c.ast)) differences.push(...compare(plan, ref, grade, c.criterion, alt));
    }
    if (differences.length && !out.some((o) => o.level.id === level.id)) out.push({ level, grade: grade.name, differences });
  }
  return out;
}

function compare(plan: Plan, ref: ReferenceGrades, grade: ReferenceGrades['grades'][number], criterion: Trigger, ast: Expr): GradeDifference[] {
  const numeric = referencedFacts(ast, plan.facts).filter((f) => f.type === 'number' || f.type === 'integer');
  if (numeric.length !== 1) return []; // categorical and judgement criteria (跨省, 超出处置能力) are the plan's own scope
  const fact = numeric[0];
  const name = fact.label ?? fact.id;
  const text = printExpr(ast);
  const indicator = ref.indicators.find((i) => new RegExp(i.match, 'u').test(name));
  if (!indicator) {
    return [{ criterion, en: `adds \`${text}\` (${name}), which ${ref.id} does not grade by`, zh: `增加了 \`${text}\`（${name}），${ref.title} 不按此分级` }];
  }
  const out: GradeDifference[] = [];
  if (indicator.without && new RegExp(indicator.without, 'u').test(name)) {
    out.push({ criterion, en: `counts ${name} where ${ref.id} counts ${indicator.nameEn}`, zh: `按"${name}"计，而 ${ref.title} 按"${indicator.name}"计` });
  }
  const expected = grade.bands[indicator.id];
  const band = singleBand(ast, plan.facts, { bounds: plan.meta.bounds });
  const refBand = expected ? referenceBand(ref, indicator, expected) : undefined;
  const mine = band && inUnit(band, fact.unit, indicator.unit);
  if (mine && refBand && !same(mine, refBand, indicator.unit === '人')) {
    out.push({
      criterion,
      en: `has \`${text}\` where ${ref.id} has ${indicator.nameEn} ${bandText(refBand, indicator.unit)}`,
      zh: `写作 \`${text}\`，而 ${ref.title} 为 ${indicator.name}${expected}`,
    });
  }
  return out;
}

/** `《生产安全事故报告和调查处理条例》（国务院令第493号）第三条` — the citation in messages. */
export const citation = (ref: ReferenceGrades) => `《${ref.title}》${ref.number ? `（${ref.number}）` : ''}${ref.article}`;
