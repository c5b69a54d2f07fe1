import { describe, expect, it } from 'vitest';
import { lintWith } from '../../../test/helpers/lint.js';
import { warningPlan } from '../../../test/helpers/warnings.js';
import rule from './warning-order.js';

describe('warning-order', () => {
  it('accepts 一级 red to 四级 blue with larger readings for more severe colours', () => {
    const md = warningPlan('| 一级 | 红色 | `rain_mm >= 100` | 县气象局 | 停课 |\n| 二级 | 橙色 | `rain_mm >= 50` | 县气象局 | 停工 |\n| 四级 | 蓝色 | `rain_mm >= 20` | 县气象局 | 值守 |');
    expect(lintWith(rule, { 'ok.md': md }).lines).toEqual([]);
  });

  it('reports a grade with the wrong colour and a colour used twice', () => {
    const md = warningPlan('| 一级 | 橙色 | `rain_mm >= 100` | 县气象局 | 停课 |\n| 二级 | 橙色 | `rain_mm >= 50` | 县气象局 | 停工 |');
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': md });
    expect(lines).toEqual([
      expect.stringMatching(/Unexpected orange for warning level `一级`, expected red \(一级 red, 二级 orange, 三级 yellow, 四级 blue\)$/),
      expect.stringMatching(/Unexpected second orange warning `二级`, expected each colour once$/),
    ]);
    expect(diagnostics[0].messageZh).toBe('一级预警标为橙色，应为红色（一级红色、二级橙色、三级黄色、四级蓝色）');
  });

  it('reports a milder colour that starts at a larger reading than a more severe one, at the milder colour', () => {
    const md = warningPlan('| 一级 | 红色 | `rain_mm >= 30` | 县气象局 | 停课 |\n| 二级 | 橙色 | `rain_mm >= 50` | 县气象局 | 停工 |');
    const { lines } = lintWith(rule, { 'bad.md': md });
    const row = md.split('\n').findIndex((l) => l.startsWith('| 二级')) + 1;
    expect(lines).toEqual([`${row}:13 Unexpected orange warning \`二级\` from \`rain_mm\` ≥ 50, above the more severe red \`一级\` (≥ 30), expected a milder colour to start at a smaller reading`]);
  });
});
