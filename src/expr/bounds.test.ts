import { describe, expect, it } from 'vitest';
import type { Fact } from '../model/plan.js';
import type { BoundExpr, Expr } from './ast.js';
import { stripPositions } from './ast.js';
import { CRIMINAL_LAW_BOUNDS, STATUTORY_BOUNDS } from './bounds.js';
import { checkExpr } from './check.js';
import { evaluate } from './evaluate.js';
import { coverageGaps, describeBox, domainRegion, overlaps, regionContains, regionOf } from './intervals.js';
import { parseExpr } from './parse.js';
import { printExpr } from './print.js';

// 生产安全事故报告和调查处理条例 Art. 3 (incident grades): deaths, serious injuries, direct loss.
const FACTS: Fact[] = [
  { id: 'deaths', label: '死亡人数', type: 'integer', unit: '人' },
  { id: 'injured', label: '重伤人数', type: 'integer', unit: '人' },
  { id: 'loss', label: '直接经济损失', type: 'number', unit: '万元' },
  { id: 'evacuated', label: '紧急转移安置人数', type: 'integer', unit: '人' },
  { id: 'fire', label: '火灾', type: 'boolean' },
];

function ast(text: string): Expr {
  const r = parseExpr(text);
  expect(r.errors, text).toEqual([]);
  return r.ast!;
}

function clean(text: string, facts: Fact[] = FACTS): Expr {
  const a = ast(text);
  expect(checkExpr(a, facts), text).toEqual([]);
  return a;
}

function parseError(text: string) {
  const r = parseExpr(text);
  expect(r.ast, text).toBeUndefined();
  return r.errors[0];
}

function checkErrors(text: string, facts: Fact[] = FACTS) {
  return checkExpr(ast(text), facts);
}

const holds = (text: string, values: Record<string, number | boolean>, bounds = STATUTORY_BOUNDS) =>
  evaluate(clean(text), values, FACTS, { bounds });

describe('以上 / 以下 as 生产安全事故报告和调查处理条例 Art. 3 writes them', () => {
  it('以上 includes the number, 以下 excludes it (statutory default)', () => {
    expect(holds('死亡人数 30人以上', { deaths: 30 })).toBe(true);
    expect(holds('死亡人数 30人以上', { deaths: 29 })).toBe(false);
    expect(holds('死亡人数 10人以上30人以下', { deaths: 10 })).toBe(true);
    expect(holds('死亡人数 10人以上30人以下', { deaths: 29 })).toBe(true);
    expect(holds('死亡人数 10人以上30人以下', { deaths: 30 })).toBe(false);
    expect(holds('死亡人数 3人以下', { deaths: 3 })).toBe(false);
    expect(holds('死亡人数 3人以下', { deaths: 2 })).toBe(true);
  });

  it('刑法 Art. 99 (以上、以下、以内 include the number) is a parameter', () => {
    expect(holds('死亡人数 10人以上30人以下', { deaths: 30 }, CRIMINAL_LAW_BOUNDS)).toBe(true);
    expect(holds('死亡人数 3人以下', { deaths: 3 }, CRIMINAL_LAW_BOUNDS)).toBe(true);
    const r = regionOf(clean('死亡人数 3人以下'), FACTS, { bounds: { 以下: 'inclusive' } });
    expect(regionContains(r, { deaths: 3 })).toBe(true);
    expect(regionContains(regionOf(clean('死亡人数 3人以下'), FACTS), { deaths: 3 })).toBe(false);
  });

  it('the bound may follow the fact, be glued to it, or come first as in "造成30人以上死亡"', () => {
    const forms = ['死亡人数 30人以上', '死亡人数30人以上', '30人以上 死亡人数', '30人以上死亡人数', 'deaths 30以上', '死亡人数 30 人 以上'];
    for (const f of forms) {
      const a = clean(f) as BoundExpr;
      expect(a.type, f).toBe('bound');
      expect(evaluate(a, { deaths: 30 }, FACTS), f).toBe(true);
      expect(evaluate(a, { deaths: 29 }, FACTS), f).toBe(false);
    }
    expect((ast('30人以上 死亡人数') as BoundExpr).boundFirst).toBe(true);
    expect((ast('死亡人数30人以上') as BoundExpr).boundFirst).toBe(false);
  });

  it('money and people in the units real plans use: 1亿元以上, 5000万元以上1亿元以下, 200万人以上', () => {
    expect(holds('直接经济损失 1亿元以上', { loss: 10000 })).toBe(true); // loss is declared in 万元
    expect(holds('直接经济损失 1亿元以上', { loss: 9999.99 })).toBe(false);
    expect(holds('直接经济损失 5000万元以上1亿元以下', { loss: 5000 })).toBe(true);
    expect(holds('直接经济损失 5000万元以上1亿元以下', { loss: 10000 })).toBe(false);
    // 国家自然灾害救助应急预案 一级响应: 紧急转移安置或需紧急生活救助200万人以上.
    expect(holds('紧急转移安置人数 200万人以上', { evacuated: 2_000_000 })).toBe(true);
    expect(holds('紧急转移安置人数 200万人以上', { evacuated: 1_999_999 })).toBe(false);
  });

  it('prefix words: 超过/多于/大于 (>), 不足/少于/低于/不到 (<), 不超过/不多于 (≤), 不少于/至少 (≥); suffix 以内 (≤)', () => {
    const table: Array<[string, number, boolean]> = [
      ['死亡人数 超过30人', 30, false], ['死亡人数 超过30人', 31, true], ['死亡人数超过30人', 31, true],
      ['死亡人数 多于30人', 31, true], ['死亡人数 大于30人', 30, false],
      ['死亡人数 不足3人', 3, false], ['死亡人数 不足3人', 2, true], ['死亡人数 少于3人', 2, true],
      ['死亡人数 低于3人', 3, false], ['死亡人数 不到3人', 2, true],
      ['死亡人数 不超过3人', 3, true], ['死亡人数 不超过3人', 4, false], ['死亡人数 不多于3人', 3, true],
      ['死亡人数 不少于3人', 3, true], ['死亡人数 不少于3人', 2, false], ['死亡人数 至少3人', 3, true],
      ['死亡人数 3人以内', 3, true], ['死亡人数 3人以内', 4, false],
      ['死亡人数 3人及以上', 3, true], ['死亡人数 3人及以下', 3, true],
      ['死亡人数 超过10人不足30人', 10, false], ['死亡人数 超过10人不足30人', 29, true],
    ];
    for (const [text, deaths, want] of table) expect(holds(text, { deaths }), `${text} at ${deaths}`).toBe(want);
  });

  it('bounds combine with and / or, and a conjunction may be glued after the bound word', () => {
    expect(holds('死亡人数 30人以上或重伤人数 100人以上', { deaths: 0, injured: 100 })).toBe(true);
    expect(holds('死亡人数30人以上或火灾', { deaths: 0, fire: true })).toBe(true);
    expect(holds('not 死亡人数 3人以上 and fire', { deaths: 2, fire: true })).toBe(true);
  });

  it('keeps what was written: the word, the number, the spans of the bound word', () => {
    const a = ast('死亡人数 10人以上30人以下') as BoundExpr;
    expect(a.terms.map((t) => [t.word, t.value.value, t.value.unit, t.wordStart, t.wordEnd])).toEqual([
      ['以上', 10, '人', 8, 10], ['以下', 30, '人', 13, 15],
    ]);
    expect(printExpr(a)).toBe('死亡人数 10人以上30人以下');
    expect(printExpr(ast('30人以上死亡人数'))).toBe('30人以上 死亡人数');
    expect(printExpr(ast('死亡人数超过10人不足30人'))).toBe('死亡人数 超过10人不足30人');
    expect(printExpr(ast('直接经济损失1亿元以上 or fire'))).toBe('直接经济损失 1亿元以上 or fire');
    for (const t of ['死亡人数 10人以上30人以下', '30人以上 死亡人数', '死亡人数 超过10人不足30人', '紧急转移安置人数 200万人以上']) {
      expect(stripPositions(ast(printExpr(ast(t))))).toEqual(stripPositions(ast(t)));
    }
  });

  it('a name is split from a glued bound only when its tail is exactly a bound', () => {
    // rain_mm_24h ends in digits and a unit but no bound word: one name.
    expect(ast('rain_mm_24h >= 100mm')).toMatchObject({ type: 'compare', left: { name: 'rain_mm_24h' } });
    expect(ast('rain_mm_24h 100mm以上')).toMatchObject({ type: 'bound', fact: { name: 'rain_mm_24h' } });
    // More after the bound word: the whole word stays a name (the checker reports it as unknown).
    expect(ast('死亡3人以上者')).toMatchObject({ type: 'ident', name: '死亡3人以上者' });
    expect(ast('超过警戒水位')).toMatchObject({ type: 'ident', name: '超过警戒水位' });
  });
});

describe('bounds: located errors that say how to write it', () => {
  it('死亡30人以上 with no fact 死亡 names the way to write it, at the name', () => {
    const [e] = checkErrors('死亡30人以上');
    expect(e).toMatchObject({ code: 'expr/unknown-fact', start: 0, end: 2 });
    expect(e.message).toBe('Unexpected unknown fact `死亡` before `30人以上`, expected a declared fact: write `死亡人数 30人以上` (a fact\'s id or label with the bound), or declare `死亡`');
    expect(e.messageZh).toContain('应写为 `死亡人数 30人以上`');
    const [first] = checkErrors('30人以上 死亡');
    expect(first.message).toContain('write `30人以上 死亡人数`');
  });

  it('a missing space before a glued bound is pointed out', () => {
    const facts: Fact[] = [{ id: 'rain_24h', type: 'number', unit: 'mm' }];
    const [e] = checkErrors('rain_24h100mm以上', facts);
    expect(e.message).toContain('write `rain_24h 100mm以上`');
  });

  it('a fact whose own name ends in a bound cannot be written glued', () => {
    const facts: Fact[] = [{ id: '死亡30人以上', type: 'boolean' }, { id: '死亡', type: 'boolean' }];
    const errs = checkErrors('死亡30人以上', facts);
    expect(errs).toEqual([expect.objectContaining({ code: 'expr/type' })]); // 死亡 is boolean: no bound on it
    const [e] = checkErrors('死亡30人以上', [{ id: '死亡30人以上', type: 'boolean' }]);
    expect(e.message).toContain('rename the fact `死亡30人以上`');
  });

  it('a bound on a boolean fact, a bad unit, an empty band', () => {
    expect(checkErrors('火灾 3以上')).toEqual([expect.objectContaining({ code: 'expr/type', start: 4, end: 6 })]);
    expect(checkErrors('死亡人数 30kg以上')).toEqual([expect.objectContaining({ code: 'expr/unit', start: 7, end: 9 })]);
    const [empty] = checkErrors('死亡人数 10人以上10人以下');
    expect(empty).toMatchObject({ code: 'expr/bound', start: 0, end: 15 });
    expect(empty.message).toContain('以下 excludes its number by statute');
    expect(checkExpr(ast('死亡人数 10人以上10人以下'), FACTS, { bounds: CRIMINAL_LAW_BOUNDS })).toEqual([]);
  });

  it('syntax: a bound word without a number, two lower bounds, a bound after an operator, a bound without a fact', () => {
    expect(parseError('死亡人数 以上')).toMatchObject({ start: 5, end: 7 });
    expect(parseError('死亡人数 10人以上20人以上')).toMatchObject({ code: 'expr/bound', start: 13, end: 15 });
    expect(parseError('死亡人数 >= 30人以上')).toMatchObject({ start: 11, end: 13 });
    expect(parseError('30人以上')).toMatchObject({ start: 5, end: 5 });
    expect(parseError('30人以上').message).toContain('`死亡人数 30人以上`');
    expect(parseError('死亡人数 超过')).toMatchObject({ start: 7, end: 7 });
    expect(parseError('死亡人数 30人')).toMatchObject({ start: 5, end: 8 });
  });

  it('a note on a bound, as plans write it (`3人以上（含3人）`), is refused with the way to write it', () => {
    const e = parseError('死亡人数 3人以上（含3人）');
    expect(e).toMatchObject({ code: 'expr/bound', start: 9, end: 10 });
    expect(e.message).toContain('`3人及以上`');
    expect(parseError('200人以上（含本数，下同） 死亡和失踪人数').code).toBe('expr/syntax'); // bound first: the fact is missing
    expect(parseError('死亡和失踪人数 200人以上（含本数，下同）')).toMatchObject({ code: 'expr/bound' });
  });

  it('an unknown name that is a bound without digits gets a hint', () => {
    const [e] = checkErrors('三十人以上');
    expect(e.message).toContain('a bound is a fact, then a number in digits');
  });
});

describe('numbers real regulations use', () => {
  const num = (t: string) => (ast(`deaths == ${t}`) as { right: { value: number; unit?: string; text?: string } }).right;
  it('万 / 亿 scales and thousands separators', () => {
    expect(num('10万人')).toMatchObject({ value: 10, unit: '万人' });
    expect(num('100万')).toMatchObject({ value: 1_000_000, text: '100万' });
    expect(num('1.5万')).toMatchObject({ value: 15_000, text: '1.5万' });
    expect(num('1.1万')).toMatchObject({ value: 11_000 });
    expect(num('1000万元')).toMatchObject({ value: 1000, unit: '万元' });
    expect(num('1亿元')).toMatchObject({ value: 1, unit: '亿元' });
    expect(num('1,000,000')).toMatchObject({ value: 1_000_000, text: '1,000,000' });
    expect(num('1,000.5')).toMatchObject({ value: 1000.5 });
    expect(num('10万头')).toMatchObject({ value: 100_000, text: '10万', unit: '头' });
    expect(printExpr(ast('x >= 1,000,000 and y < 100万'))).toBe('x >= 1,000,000 and y < 100万');
  });

  it('people in 万人 convert; a bare 100万 against a fact in 万人 is refused as ambiguous', () => {
    const facts: Fact[] = [{ id: 'moved', label: '转移群众', type: 'number', unit: '万人' }];
    const a = clean('转移群众 5万人以上', facts);
    expect(evaluate(a, { moved: 5 }, facts)).toBe(true);
    expect(evaluate(clean('转移群众 >= 50000人', facts), { moved: 5 }, facts)).toBe(true);
    const [e] = checkErrors('转移群众 >= 100万', facts);
    expect(e).toMatchObject({ code: 'expr/unit', start: 8, end: 12 });
    expect(e.message).toContain('`100万人`');
    expect(e.message).toContain('(`100`)');
    expect(evaluate(ast('转移群众 >= 100万'), { moved: 1e6 }, facts)).toBe(false); // never a silent reading
    expect(checkErrors('死亡人数 >= 100万')).toEqual([]); // a fact in 人: 100万 people
  });

  it('thousands separators: groups of exactly three, and never guessed inside a list', () => {
    expect(parseError('x > 1,00')).toMatchObject({ start: 4, end: 8 });
    expect(parseError('x > 1000,000')).toMatchObject({ start: 4, end: 12 });
    expect(parseError('x > 1,000,00')).toMatchObject({ start: 4, end: 12 });
    const amb = parseError('x in [1,234]');
    expect(amb).toMatchObject({ start: 6, end: 11 });
    expect(amb.message).toBe('Unexpected `1,234` in a list: one number or two? Expected `1, 234` (two items) or `1234` (one number)');
    expect(ast('x in [1, 234]')).toMatchObject({ values: [{ value: 1 }, { value: 234 }] });
    expect(ast('x in [1,2]')).toMatchObject({ values: [{ value: 1 }, { value: 2 }] });
    expect(ast('x in [1000,2000]')).toMatchObject({ values: [{ value: 1000 }, { value: 2000 }] });
  });
});

describe('declared conventions', () => {
  it('takes the plan model\'s keys (PlanMeta.bounds: { above, below }) as well as the words', () => {
    const a = clean('死亡人数 3人以下');
    expect(evaluate(a, { deaths: 3 }, FACTS, { bounds: { above: 'inclusive', below: 'inclusive' } })).toBe(true);
    expect(evaluate(a, { deaths: 3 }, FACTS, { bounds: { 以下: 'inclusive' } })).toBe(true);
    expect(evaluate(a, { deaths: 3 }, FACTS, { bounds: { above: 'inclusive' } })).toBe(false); // below keeps the statutory meaning
    expect(evaluate(a, { deaths: 3 }, FACTS, { bounds: { below: 'sometimes' } as never })).toBe(false); // unreadable: statutory
  });
});

describe('条例 Art. 3 as a grading table: the statutory reading tiles the values; 刑法\'s reading overlaps at the edges', () => {
  const grades = {
    I: '死亡人数 30人以上 或 重伤人数 100人以上 或 直接经济损失 1亿元以上',
    II: '死亡人数 10人以上30人以下 或 重伤人数 50人以上100人以下 或 直接经济损失 5000万元以上1亿元以下',
    III: '死亡人数 3人以上10人以下 或 重伤人数 10人以上50人以下 或 直接经济损失 1000万元以上5000万元以下',
  };
  const facts = FACTS.slice(0, 3);
  it('on one indicator the bands are disjoint and cover everything above 一般 (3人以下)', () => {
    const only = (t: string) => t.split(' 或 ')[0];
    const levels = (bounds = STATUTORY_BOUNDS) => Object.entries(grades).map(([id, t]) => ({ id, region: regionOf(clean(only(t), facts), facts, { bounds }) }));
    const iv = { id: 'IV', region: regionOf(clean('死亡人数 3人以下', facts), facts) };
    expect(overlaps(levels())).toEqual([]);
    expect(coverageGaps([...levels(), iv], domainRegion(facts))).toEqual([]);
    const ivCriminal = { id: 'IV', region: regionOf(clean('死亡人数 3人以下', facts), facts, { bounds: CRIMINAL_LAW_BOUNDS }) };
    const criminal = overlaps([...levels(CRIMINAL_LAW_BOUNDS), ivCriminal]);
    expect(criminal.map((o) => [o.a, o.b, describeBox(o.box, facts, 'en')])).toEqual([
      ['I', 'II', 'deaths = 30'], ['II', 'III', 'deaths = 10'], ['III', 'IV', 'deaths = 3'],
    ]);
  });
});
