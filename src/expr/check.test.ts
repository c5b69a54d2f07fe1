import { describe, expect, it } from 'vitest';
import type { Fact } from '../model/plan.js';
import { checkExpr, referencedFacts } from './check.js';
import { parseExpr } from './parse.js';

const FACTS: Fact[] = [
  { id: 'leak_kg', label: '泄漏量', type: 'number', unit: 'kg', min: 0 },
  { id: 'injured', label: '受伤人数', type: 'integer' },
  { id: 'deaths', label: '死亡人数', type: 'integer', unit: '人' },
  { id: 'fire', label: '火灾', type: 'boolean' },
  { id: 'explosion', label: '爆炸', type: 'boolean' },
  { id: 'gas_ppm', type: 'number', unit: 'ppm' },
  { id: 'lel', type: 'number', unit: 'LEL%' },
  { id: 'warning', label: '预警', type: 'enum', values: ['blue', 'yellow', 'orange', 'red'] },
  { id: 'phase', type: 'enum' },
];

function check(text: string, facts: Fact[] = FACTS) {
  const r = parseExpr(text);
  expect(r.errors).toEqual([]);
  return checkExpr(r.ast!, facts);
}

describe('checkExpr: clean triggers', () => {
  it('accepts the brief sample level set and common forms', () => {
    for (const t of [
      'leak_kg < 100 and injured == 0 and not fire',
      '100 <= leak_kg < 1000 or 1 <= injured <= 2',
      'leak_kg >= 1000 or fire or injured >= 3 or deaths >= 1',
      '泄漏量 >= 1 t 或 火灾',
      '死亡人数 >= 3人 || 爆炸',
      'injured >= 3人',
      'warning in [orange, red]',
      'warning == orange',
      'orange == warning',
      "预警 != 'blue'",
      'fire == true',
      'fire != false and gas_ppm > 30 ppm',
      'lel >= 10LEL%',
      'leak_kg >= 500 g',
      'true',
    ]) expect(check(t), t).toEqual([]);
  });
});

describe('checkExpr: errors with exact spans', () => {
  it('unknown fact with a suggestion', () => {
    expect(check('leak_kgs >= 100')).toEqual([{
      code: 'expr/unknown-fact', start: 0, end: 8,
      message: 'Unexpected unknown fact `leak_kgs`, expected a declared fact (did you mean `leak_kg`?)',
      messageZh: '意外的未知事实 `leak_kgs`，应为已声明的事实（是否指 `leak_kg`？）',
    }]);
  });

  it('unknown fact suggestions use labels too, and split glued Chinese conjunctions', () => {
    expect(check('泄露量 > 1')[0]).toMatchObject({ start: 0, end: 3, message: expect.stringContaining('did you mean `泄漏量`') });
    expect(check('火灾或爆炸')).toEqual([expect.objectContaining({
      code: 'expr/unknown-fact', start: 0, end: 5, message: 'Unexpected unknown fact `火灾或爆炸`, expected a declared fact (did you mean `火灾 或 爆炸`?)',
    })]);
    expect(check('fire and zzz')).toEqual([expect.objectContaining({
      start: 9, end: 12, message: 'Unexpected unknown fact `zzz`, expected a declared fact',
    })]);
  });

  it('bad enum value, with the declared values and a suggestion', () => {
    expect(check('warning in [orange, purple]')).toEqual([{
      code: 'expr/enum-value', start: 20, end: 26,
      message: 'Unexpected value `purple` for `warning`, expected one of `blue`, `yellow`, `orange`, `red`',
      messageZh: '意外的取值 `purple`：`warning` 的取值应为 `blue`、`yellow`、`orange`、`red` 之一',
    }]);
    expect(check('warning == oragne')[0]).toMatchObject({ start: 11, end: 17, message: expect.stringContaining('(did you mean `orange`?)') });
    expect(check("预警 == 'green'")[0]).toMatchObject({ code: 'expr/enum-value', start: 6, end: 13 });
  });

  it('enum fact without declared values', () => {
    expect(check('phase == start')).toEqual([expect.objectContaining({ code: 'expr/enum-value', start: 0, end: 5 })]);
  });

  it('unit not convertible: the span is the unit', () => {
    expect(check('leak_kg >= 5 ppm')).toEqual([{
      code: 'expr/unit', start: 13, end: 16,
      message: 'Unexpected concentration (ppm) unit `ppm` for `leak_kg` (kg), expected a mass unit (`g`, `克`, `kg`, `公斤`, `千克`, `t`)',
      messageZh: '意外的浓度（ppm）单位 `ppm`：`leak_kg` 的单位是 `kg`，应为质量单位（`g`、`克`、`kg`、`公斤`、`千克`、`t`）',
    }]);
    expect(check('leak_kg >= 5kgs')).toEqual([expect.objectContaining({
      code: 'expr/unit', start: 12, end: 15, message: 'Unexpected unknown unit `kgs`, expected a mass unit (`g`, `克`, `kg`, `公斤`, `千克`, `t`; `leak_kg` is in `kg`)',
    })]);
    expect(check('injured >= 3 kg')).toEqual([expect.objectContaining({
      code: 'expr/unit', start: 13, end: 15, message: 'Unexpected unit `kg`, expected a plain number: `injured` declares no unit',
    })]);
    expect(check('deaths >= 3户')).toEqual([expect.objectContaining({ code: 'expr/unit', start: 11, end: 12 })]);
    expect(check('lel >= 10 ppm')).toEqual([expect.objectContaining({
      code: 'expr/unit', start: 10, end: 13, message: 'Unexpected unit `ppm`, expected `LEL%`, the unit of `lel`',
    })]);
    expect(check('gas_ppm > 5 mg/m3')).toEqual([expect.objectContaining({ code: 'expr/unit', start: 12, end: 17 })]);
  });

  it('number fact compared with a string or boolean', () => {
    expect(check("leak_kg == 'high'")).toEqual([{
      code: 'expr/type', start: 11, end: 17,
      message: "Unexpected string `'high'`, expected a number to compare with number fact `leak_kg`",
      messageZh: "意外的字符串 `'high'`，数值事实 `leak_kg` 应与数值比较",
    }]);
    expect(check('injured == true')).toEqual([expect.objectContaining({ code: 'expr/type', start: 11, end: 15 })]);
  });

  it('boolean fact compared with a number, and ordered', () => {
    expect(check('fire > 1')).toEqual([
      expect.objectContaining({ code: 'expr/type', start: 5, end: 6, message: 'Unexpected `>` on boolean fact `fire`, expected `==` or `!=`' }),
      expect.objectContaining({ code: 'expr/type', start: 7, end: 8, message: 'Unexpected number `1`, expected `true` or `false` for boolean fact `fire`' }),
    ]);
    expect(check("fire == 'yes'")).toEqual([expect.objectContaining({ code: 'expr/type', start: 8, end: 13 })]);
    expect(check('fire == yes')).toEqual([expect.objectContaining({ code: 'expr/unknown-fact', start: 8, end: 11 })]);
  });

  it('ordering on an enum', () => {
    expect(check('warning >= orange')).toEqual([expect.objectContaining({
      code: 'expr/type', start: 8, end: 10, message: 'Unexpected `>=` on enum fact `warning`, expected `==`, `!=` or `in`',
    })]);
  });

  it('bare non-boolean fact as a condition', () => {
    expect(check('leak_kg and fire')).toEqual([{
      code: 'expr/type', start: 0, end: 7,
      message: 'Unexpected number fact `leak_kg` as a condition, expected a comparison such as `leak_kg > 0`',
      messageZh: '意外的数值事实 `leak_kg` 单独作为条件，应为比较，如 `leak_kg > 0`',
    }]);
    expect(check('not warning')[0]).toMatchObject({ start: 4, end: 11, message: expect.stringContaining('`warning == blue`') });
    expect(check('3 or fire')[0]).toMatchObject({ code: 'expr/type', start: 0, end: 1 });
  });

  it('comparisons without a fact or between two facts', () => {
    expect(check('1 < 2')).toEqual([expect.objectContaining({ code: 'expr/type', start: 0, end: 5 })]);
    expect(check('leak_kg > injured')).toEqual([expect.objectContaining({
      code: 'expr/type', start: 0, end: 17, message: 'Unexpected comparison of two facts `leak_kg` and `injured`, expected a value on one side (facts may be compared only in fact constraints)',
    })]);
  });

  it('in-lists: an unknown left side is reported once', () => {
    expect(check('wraning in [orange, red]')).toEqual([expect.objectContaining({
      code: 'expr/unknown-fact', start: 0, end: 7, message: expect.stringContaining('did you mean `warning`'),
    })]);
    expect(check('injured in [0, 1, x]')).toEqual([expect.objectContaining({ code: 'expr/unknown-fact', start: 18, end: 19 })]);
  });

  it('in an enum context a bare word that is not a fact is a value, not an unknown fact', () => {
    expect(check('warning == red or warning in [yellow]')).toEqual([]);
    expect(check('warning == leak')).toEqual([expect.objectContaining({ code: 'expr/enum-value' })]);
  });
});

describe('referencedFacts', () => {
  it('lists facts in first-mention order, by id or label', () => {
    const r = parseExpr('火灾 or leak_kg > 1 or warning in [red] or fire or zzz');
    expect(referencedFacts(r.ast!, FACTS).map((f) => f.id)).toEqual(['fire', 'leak_kg', 'warning']);
  });
});

describe('checkExpr: units as real plans write them', () => {
  const facts: Fact[] = [
    { id: 'pressure', label: '管道压力', type: 'number', unit: 'MPa' },
    { id: 'area', label: '受害森林面积', type: 'number', unit: '公顷' },
    { id: 'herd', label: '死亡牲畜', type: 'integer', unit: '头' },
    { id: 'magnitude', label: '震级', type: 'number', unit: '级' },
    { id: 'wind', label: '风力', type: 'integer' },
    { id: 'rain_rate', label: '小时雨强', type: 'number', unit: '毫米/小时' },
    { id: 'temp', label: '温度', type: 'number', unit: '℃' },
  ];
  const ok = (t: string, options?: { units?: string[] }) => {
    const r = parseExpr(t, options);
    expect(r.errors, t).toEqual([]);
    expect(checkExpr(r.ast!, facts), t).toEqual([]);
    return r.ast!;
  };
  const errs = (t: string) => checkExpr(parseExpr(t).ast!, facts);

  it('accepts a space before any unit, Chinese compound rates, ℃ and scales', () => {
    ok('管道压力 >= 0.72 MPa');
    ok('管道压力 >= 720 kPa');
    // 国家森林草原火灾应急预案: 受害森林面积在1000公顷以上.
    ok('受害森林面积 1000公顷以上');
    ok('受害森林面积 >= 10 平方公里');
    ok('小时雨强 >= 50 mm/h and 温度 >= 35 ℃');
    // 国家地震应急预案: 人口较密集地区发生7.0级以上地震; typhoon wind force 12级以上 on a fact without a unit.
    ok('震级 7.0级以上');
    ok('风力 12级以上');
  });

  it('a unit the plan declares is accepted in its own spelling, attached or (when declared to the parser) spaced', () => {
    ok('死亡牲畜 100头以上');
    ok('死亡牲畜 >= 10万头');
    ok('死亡牲畜 >= 100 头', { units: ['头'] });
    const r = parseExpr('死亡牲畜 >= 100 头');
    expect(r.errors[0]).toMatchObject({ code: 'expr/unit', start: 12, end: 13 });
    expect(r.errors[0].message).toContain('write it attached (`100头`)');
  });

  it('a different unit is an error naming the fact\'s unit', () => {
    expect(errs('死亡牲畜 >= 100只')).toEqual([expect.objectContaining({
      code: 'expr/unit', start: 11, end: 12, message: 'Unexpected unit `只`, expected `头`, the unit of `死亡牲畜`',
    })]);
    expect(errs('震级 >= 7 M')).toEqual([expect.objectContaining({ code: 'expr/unit', message: 'Unexpected unit `M`, expected `级`, the unit of `震级`' })]);
    expect(errs('管道压力 >= 0.72mpa')).toEqual([expect.objectContaining({ code: 'expr/unit', start: 12, end: 15, message: expect.stringContaining('did you mean `MPa`?') })]);
    expect(parseExpr('管道压力 >= 0.72 mpa').errors).toEqual([expect.objectContaining({
      code: 'expr/unit', start: 13, end: 16, message: 'Unexpected unit `mpa`, expected `MPa` (units with a prefix are case-sensitive)',
    })]);
    expect(errs('受害森林面积 >= 5 kg')).toEqual([expect.objectContaining({ message: expect.stringContaining('expected a area unit') })]);
    expect(errs('风力 >= 12 m/s')).toEqual([expect.objectContaining({ message: 'Unexpected unit `m/s`, expected a plain number: `风力` declares no unit' })]);
  });
});

describe('checkExpr: judgement facts and fact comparisons', () => {
  const facts: Fact[] = [
    { id: 'beyond_capacity', label: '超出省级人民政府处置能力', type: 'judgement', decidedBy: '省人民政府' },
    { id: 'deaths', label: '死亡人数', type: 'integer', unit: '人' },
    { id: 'rain_3h', type: 'number', unit: 'mm' },
    { id: 'rain_6h', type: 'number', unit: '毫米' },
    { id: 'rain_cm', type: 'number', unit: 'cm' },
    { id: 'fire', type: 'boolean' },
    { id: 'warning', type: 'enum', values: ['blue', 'red'] },
  ];
  const check2 = (t: string, options?: { allowFactComparisons?: boolean }) => checkExpr(parseExpr(t).ast!, facts, options);

  it('a judgement fact is a condition like a boolean, and orders like one are refused', () => {
    expect(check2('死亡人数 30人以上 或 超出省级人民政府处置能力')).toEqual([]);
    expect(check2('not beyond_capacity')).toEqual([]);
    expect(check2('beyond_capacity == true')).toEqual([]);
    expect(check2('beyond_capacity > 1')).toEqual([
      expect.objectContaining({ code: 'expr/type', message: 'Unexpected `>` on judgement fact `beyond_capacity`, expected `==` or `!=`' }),
      expect.objectContaining({ code: 'expr/type' }),
    ]);
  });

  it('two facts may be compared only where the caller allows it, and then exactly', () => {
    expect(check2('rain_3h <= rain_6h')).toEqual([expect.objectContaining({ code: 'expr/type', start: 0, end: 18 })]);
    expect(check2('rain_3h <= rain_6h', { allowFactComparisons: true })).toEqual([]);
    expect(check2('rain_3h <= rain_cm', { allowFactComparisons: true })).toEqual([expect.objectContaining({ code: 'expr/unit', start: 0, end: 18 })]);
    expect(check2('fire == beyond_capacity', { allowFactComparisons: true })).toEqual([]);
    expect(check2('fire < beyond_capacity', { allowFactComparisons: true })).toEqual([expect.objectContaining({ code: 'expr/type', start: 5, end: 6 })]);
    expect(check2('fire == deaths', { allowFactComparisons: true })).toEqual([expect.objectContaining({ code: 'expr/type' })]);
  });

  it('implies checks both sides', () => {
    expect(check2('fire implies warning == red')).toEqual([]);
    expect(check2('fire => warning == purple')).toEqual([expect.objectContaining({ code: 'expr/enum-value' })]);
  });
});
