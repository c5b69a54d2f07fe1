import { describe, expect, it } from 'vitest';
import { breakText, breakUnits, PT_MM, textWidth } from './text-fit.js';

const HAN = /\p{Script=Han}/u;

describe('textWidth', () => {
  it('sets a Han character at 1 em and Latin letters from the font metrics', () => {
    expect(textWidth('字', 10)).toBeCloseTo(10 * PT_MM, 6);
    expect(textWidth('字字字字', 8)).toBeCloseTo(4 * 8 * PT_MM, 6);
    // Noto Sans CJK's Latin is proportional: 'i' is much narrower than 'm', digits are tabular.
    expect(textWidth('i', 10)).toBeLessThan(textWidth('m', 10) / 2);
    expect(textWidth('0', 10)).toBeCloseTo(textWidth('9', 10), 6);
    expect(textWidth('ab', 8, true)).toBeGreaterThan(textWidth('ab', 8));
  });
});

describe('breakUnits', () => {
  it('keeps codes with their nouns, numbers with their units and comparisons whole', () => {
    expect(breakUnits('关闭D101底阀，切断泄漏源')).toContain('D101底阀，');
    expect(breakUnits('每15分钟报告一次')).toContain('15分钟');
    // A connective starts the line of the clause it joins.
    expect(breakUnits('泄漏量\u00A0≥\u00A0100\u202Fkg 或 重伤人数\u00A0≥\u00A01\u202F人')).toEqual(['泄漏量\u00A0≥\u00A0100\u202Fkg', ' ', '或 重伤人数\u00A0≥\u00A01\u202F人']);
    expect(breakUnits('设置警戒区（IV级50米）')).toContain('（IV级');
  });
});

describe('breakText', () => {
  const samples = [
    '关闭D101底阀，切断泄漏源', '确认安全后关闭紧急切断阀，切断泄漏源', '佩戴空气呼吸器进入现场搜救被困人员、实施堵漏',
    '设置警戒区（IV级50米，II级以上300米），上风向进入', '厂界及下风向有毒气体检测，每15分钟报告一次',
    'Evacuate residents of the floodplain within 2 h and open the shelters', '泄漏量\u00A0≥\u00A0100\u202Fkg 或 重伤人数\u00A0≥\u00A01\u202F人',
  ];
  for (const width of [14, 18, 22, 26, 34, 48]) {
    it(`breaks at word boundaries within ${width} mm, never leaving a lone character or a split term`, () => {
      for (const s of samples) {
        const lines = breakText(s, width, 8);
        expect(lines.join('').replace(/\s/g, '')).toBe(s.replace(/[\s\u00A0\u202F]/g, ''));
        for (const l of lines) {
          // A line is wider than the box only when one unbreakable term is (then it is cut between characters).
          if (textWidth(l, 8) > width + 1e-6) expect(breakUnits(l).length).toBe(1);
          expect(l).not.toMatch(/^[，。、；：）》]/);
          expect(l).not.toMatch(/[（《]$/);
        }
        if (lines.length > 1) for (const l of lines) expect([...l].length === 1 && HAN.test(l)).toBe(false);
        expect(lines.join('\n')).not.toMatch(/D1\n|D10\n|\n01|底\n阀|1\n5分钟|15\n分钟/);
      }
    });
  }

  it('keeps explicit line breaks and balances the lines of a paragraph', () => {
    expect(breakText('事故发生\n接警', 40, 8)).toEqual(['事故发生', '接警']);
    const lines = breakText('确认安全后关闭紧急切断阀，切断泄漏源', 40, 8);
    expect(lines).toHaveLength(2);
    const [a, b] = lines.map((l) => textWidth(l, 8));
    expect(Math.abs(a - b)).toBeLessThan(textWidth('字字字', 8));
  });
});
