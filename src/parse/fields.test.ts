import { describe, expect, it } from 'vitest';
import { parseLevelId, parseLevelSpec, parseResourceUses, splitList, parseKind, parseColour } from './fields.js';

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
