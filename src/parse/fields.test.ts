import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLevelId, parseLevelSpec, parseNumber, parseOwners, parsePrerequisites, parseResourceUses, readNumberCell, splitList, parseKind, parseColour } from './fields.js';

const levels = [{ id: 'I', rank: 1 }, { id: 'II', rank: 2 }, { id: 'III', rank: 3 }, { id: 'IV', rank: 4 }];

describe('cell readers', () => {
  it('splits lists on Chinese and ASCII separators', () => {
    expect(splitList('生产副总、安全总监')).toEqual(['生产副总', '安全总监']);
    expect(splitList('a, b；c')).toEqual(['a', 'b', 'c']);
    expect(splitList('—')).toEqual([]);
  });
  it('normalises level ids', () => {
    expect(parseLevelId('Ⅳ级')).toEqual({ id: 'IV', name: undefined });
    expect(parseLevelId('IV级（班组级）')).toEqual({ id: 'IV', name: '班组级' });
    expect(parseLevelId('三级')).toEqual({ id: 'III', name: undefined });
    // English numbered levels keep their own numbering: their direction is the plan's, not the Chinese one.
    expect(parseLevelId('Level 2')).toEqual({ id: 'Level 2', name: undefined });
    expect(parseLevelId('level  3')).toEqual({ id: 'Level 3', name: undefined });
    expect(parseLevelId('tier 1')).toEqual({ id: 'Tier 1', name: undefined });
    expect(parseLevelId('1级')).toEqual({ id: 'I', name: undefined });
    expect(parseLevelId('Ⅱ')).toEqual({ id: 'II', name: undefined });
    expect(parseLevelId('custom')).toEqual({ id: 'custom', name: undefined });
  });
  it('resolves level specs', () => {
    expect(parseLevelSpec('全部', levels).ids).toEqual([]);
    expect(parseLevelSpec('III+', levels).ids).toEqual(['I', 'II', 'III']);
    expect(parseLevelSpec('II级及以上', levels).ids).toEqual(['I', 'II']);
    expect(parseLevelSpec('≥III', levels).ids).toEqual(['I', 'II', 'III']);
    expect(parseLevelSpec('II–I', levels).ids).toEqual(['I', 'II']);
    expect(parseLevelSpec('II, I', levels).ids).toEqual(['II', 'I']);
    expect(parseLevelSpec('V', levels)).toEqual({ ids: [], unknown: ['V'] });
  });
  it('reads resource demands', () => {
    expect(parseResourceUses('box2, pump-3 ×2')).toEqual([{ resource: 'box2' }, { resource: 'pump-3', quantity: 2 }]);
    expect(parseResourceUses('scba×4, suit x2, absorbent')).toEqual([
      { resource: 'scba', quantity: 4 }, { resource: 'suit', quantity: 2 }, { resource: 'absorbent' }]);
  });
  it('reads kinds and colours', () => {
    expect(parseKind('专项应急预案')).toBe('special');
    expect(parseKind('onsite')).toBe('onsite');
    expect(parseColour('橙色')).toBe('orange');
  });
});

describe('number cells are read exactly or not at all', () => {
  it('reads thousands separators and written multipliers exactly', () => {
    expect(parseNumber('1,000,000')).toBe(1000000);
    expect(parseNumber('10万')).toBe(100000);
    expect(parseNumber('1.5万')).toBe(15000);
    expect(parseNumber('1.5亿')).toBe(150000000);
    expect(parseNumber('-3')).toBe(-3);
  });
  it('refuses what is not one exact number', () => {
    for (const t of ['1,00', '1,0000', '2 × 300', '若干', '约100', '100-200', '1.2.3', '10万人']) expect(parseNumber(t), t).toBeUndefined();
  });
  it('reads a quantity with its unit only when asked', () => {
    expect(readNumberCell('800 m3', true)).toEqual({ value: 800, unit: 'm3' });
    expect(readNumberCell('1.5万吨', true)).toEqual({ value: 15000, unit: '吨' });
    expect(readNumberCell('800 m3')).toBeUndefined();
  });
  it('never turns a cell into a number that differs from what it says (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e9 }), fc.constantFrom('', '万', '亿'), (n, mult) => {
      const grouped = n.toLocaleString('en-US');
      const want = n * (mult === '万' ? 1e4 : mult === '亿' ? 1e8 : 1);
      return parseNumber(`${grouped}${mult}`) === want && parseNumber(`${n}${mult}`) === want;
    }), { numRuns: 300 });
  });
});

describe('owners and prerequisites', () => {
  it('reads lead, support and alternatives in the ways real plans write them', () => {
    expect(parseOwners('省安委会办公室会同相关行业领域主管部门')).toEqual({ lead: '省安委会办公室', alternatives: [], support: ['相关行业领域主管部门'] });
    expect(parseOwners('公安局牵头，卫健委、交通局配合')).toEqual({ lead: '公安局', alternatives: [], support: ['卫健委', '交通局'] });
    expect(parseOwners('the CAO, the Fire Chief or the EOC Director')).toEqual({ lead: 'the CAO', alternatives: ['the Fire Chief', 'the EOC Director'], support: [] });
    expect(parseOwners('值班长 或 副值班长')).toEqual({ lead: '值班长', alternatives: ['副值班长'], support: [] });
    expect(parseOwners('a、b')).toEqual({ lead: 'a', alternatives: [], support: [], ambiguous: 'a、b' });
    // A declared role whose name holds one of the words stays whole.
    expect(parseOwners('甲或乙组', (t) => t === '甲或乙组')).toEqual({ lead: '甲或乙组', alternatives: [], support: [] });
  });
  it('reads all-of and any-of prerequisites, and refuses a mix', () => {
    expect(parsePrerequisites('a、b')).toEqual({ all: ['a', 'b'], any: [] });
    expect(parsePrerequisites('fire 或 poison')).toEqual({ all: [], any: ['fire', 'poison'] });
    expect(parsePrerequisites('a or b')).toEqual({ all: [], any: ['a', 'b'] });
    expect(parsePrerequisites('a、b 或 c').ambiguous).toBe('a、b 或 c');
  });
});
