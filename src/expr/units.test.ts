import { describe, expect, it } from 'vitest';
import { convertUnit, dimensionName, isCountUnit, lookupUnit, UNIT_SPELLINGS, unitsOf } from './units.js';

describe('units', () => {
  it('converts within a dimension to the target unit', () => {
    expect(convertUnit(1, 't', 'kg')).toBe(1000);
    expect(convertUnit(1, '吨', '公斤')).toBe(1000);
    expect(convertUnit(500, 'g', 'kg')).toBe(0.5);
    expect(convertUnit(2500, 'kg', 't')).toBe(2.5);
    expect(convertUnit(1.1, 't', 'kg')).toBe(1100); // not 1100.0000000000002
    expect(convertUnit(1, 'h', 'min')).toBe(60);
    expect(convertUnit(2, '天', '小时')).toBe(48);
    expect(convertUnit(90, 'min', 'h')).toBe(1.5);
    expect(convertUnit(1, 'km', 'm')).toBe(1000);
    expect(convertUnit(1, '公里', '米')).toBe(1000);
    expect(convertUnit(150, '毫米', 'mm')).toBe(150);
    expect(convertUnit(1, 'm³', 'L')).toBe(1000);
    expect(convertUnit(2, '立方米', '升')).toBe(2000);
    expect(convertUnit(10, '万元', '元')).toBe(100000);
    expect(convertUnit(1, '亿元', '万元')).toBe(10000);
    expect(convertUnit(2, 't/h', 'kg/h')).toBe(2000);
    expect(convertUnit(36, 'km/h', 'm/s')).toBe(10);
    expect(convertUnit(3, 'KG', 'kg')).toBe(3);
    expect(convertUnit(3, '名', '人')).toBe(3);
  });

  it('refuses to convert across dimensions', () => {
    expect(convertUnit(1, 'ppm', 'mg/m3')).toBeUndefined(); // needs molar mass
    expect(convertUnit(1, 'kg/h', 'm3/h')).toBeUndefined();
    expect(convertUnit(1, 'mm/h', 'mm')).toBeUndefined();
    expect(convertUnit(1, '人', '户')).toBeUndefined(); // different things counted
    expect(convertUnit(1, 'kg', 'm')).toBeUndefined();
    expect(convertUnit(1, 'kgs', 'kg')).toBeUndefined();
  });

  it('identical spellings always convert, even unknown ones', () => {
    expect(convertUnit(7, 'LEL%', 'LEL%')).toBe(7);
  });

  it('looks units up with their dimension', () => {
    expect(lookupUnit('公斤')).toEqual({ unit: 'kg', dimension: 'mass', factor: 1 });
    expect(lookupUnit('mg/m³')).toMatchObject({ unit: 'mg/m3', dimension: 'mass-concentration' });
    expect(lookupUnit('万元')).toMatchObject({ dimension: 'money', factor: 1e4 });
    expect(lookupUnit('furlong')).toBeUndefined();
    expect(isCountUnit('人')).toBe(true);
    expect(isCountUnit('kg')).toBe(false);
    expect(unitsOf('time')).toEqual(['s', '秒', 'min', '分钟', 'h', '小时', 'd', '天', '日']);
    expect(dimensionName('mass', 'zh')).toBe('质量');
  });

  it('lists spellings longest first for the lexer', () => {
    for (let i = 1; i < UNIT_SPELLINGS.length; i++) {
      expect(UNIT_SPELLINGS[i - 1].length).toBeGreaterThanOrEqual(UNIT_SPELLINGS[i].length);
    }
    expect(UNIT_SPELLINGS.indexOf('mg/m3')).toBeLessThan(UNIT_SPELLINGS.indexOf('m'));
  });
});

describe('units real plans use', () => {
  it('pressure, area, temperature and Chinese compound rates', () => {
    expect(convertUnit(0.72, 'MPa', 'kPa')).toBe(720);
    expect(convertUnit(1, '兆帕', 'Pa')).toBe(1e6);
    expect(convertUnit(1, '平方公里', '公顷')).toBe(100);
    expect(convertUnit(1000, 'hm²', 'km2')).toBe(10);
    expect(convertUnit(15, '亩', '公顷')).toBe(1);
    expect(convertUnit(30, '毫米/小时', 'mm/h')).toBe(30);
    expect(convertUnit(1, '立方米/秒', 'm3/h')).toBe(3600);
    expect(convertUnit(10, '米/秒', 'km/h')).toBe(36);
    expect(convertUnit(2, '吨/小时', 'kg/h')).toBe(2000);
    expect(convertUnit(40, '℃', '°C')).toBe(40);
    expect(convertUnit(40, '℃', 'K')).toBeUndefined(); // an offset, not a factor: refused
  });

  it('pressure prefixes are case-exact: MPa is not mPa, and MPA is refused rather than guessed', () => {
    expect(lookupUnit('MPa')).toMatchObject({ dimension: 'pressure', factor: 1e6 });
    expect(lookupUnit('mpa')).toBeUndefined();
    expect(lookupUnit('MPA')).toBeUndefined();
    expect(lookupUnit('KG')).toMatchObject({ unit: 'kg' }); // other ASCII units stay case-insensitive
    expect(lookupUnit('M')).toMatchObject({ dimension: 'scale' });
    expect(lookupUnit('m')).toMatchObject({ dimension: 'length' });
  });

  it('a scale (级, M) is the fact\'s own and converts to nothing else, not even another scale spelling', () => {
    expect(convertUnit(12, '级', '级')).toBe(12);
    expect(convertUnit(7, 'M', '级')).toBeUndefined();
    expect(convertUnit(12, '级', 'm/s')).toBeUndefined();
  });

  it('万/亿 scale any unit, including units the plan declares', () => {
    expect(lookupUnit('万人')).toMatchObject({ dimension: 'count-people', factor: 1e4 });
    expect(lookupUnit('亿立方米')).toMatchObject({ dimension: 'volume', factor: 1e8 });
    expect(convertUnit(5, '万人', '人')).toBe(50000);
    expect(convertUnit(10, '万头', '头')).toBe(100000);
    expect(convertUnit(3, '万亩', '公顷')).toBe(2000);
    expect(lookupUnit('万级')).toBeUndefined();
  });
});
