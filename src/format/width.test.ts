import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { displayWidth } from './width.js';

describe('displayWidth', () => {
  it('measures like string-width on CJK, emoji, controls, combining marks and ANSI colours', () => {
    const samples = ['', 'abc', '中文字符', 'a\tb', '👍🏽x', '👨‍👩‍👧', 'e\u0301', '\u001b[31mred\u001b[39m', 'ｱｲ', '㊗️', '·→↳', '\u200bz',
      'Ⅰ级', 'ABC　全角', '\u00ad', 'Ω≈ç√', 'ﾊﾝｶｸ', '🇨🇳', '©️', '1️⃣', '泄漏量 ≥ 100', '\u0007bell'];
    for (const s of samples) expect(displayWidth(s), JSON.stringify(s)).toBe(stringWidth(s));
    expect(displayWidth('中文')).toBe(4);
  });

  it('agrees with string-width on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), (s) => displayWidth(s) === stringWidth(s)), { numRuns: 500, seed: 7 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (s) => displayWidth(s) === stringWidth(s)), { numRuns: 500, seed: 8 });
  });
});
