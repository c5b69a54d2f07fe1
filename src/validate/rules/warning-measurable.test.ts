import { describe, expect, it } from 'vitest';
import { lintWith } from '../../../test/helpers/lint.js';
import { warningPlan } from '../../../test/helpers/warnings.js';
import rule from './warning-measurable.js';

describe('warning-measurable', () => {
  it('accepts colours decided by a reading or a forecast grade', () => {
    const md = warningPlan('| 一级 | 红色 | `rain_mm >= 100` | 县气象局 | 停课 |\n| 二级 | 橙色 | `forecast == 重大` | 县气象局 | 停工 |');
    expect(lintWith(rule, { 'ok.md': md }).lines).toEqual([]);
  });

  // Real wording: 内蒙古危化 3.3.1 — 红色 "事故会随时发生，事态正在不断蔓延"; 蓝色 "即将临近".
  it('reports a colour decided by imminence wording, naming the words', () => {
    const md = warningPlan('| 一级 | 红色 | `forecast == 特别重大 and imminence == 会随时发生` | 县政府 | 转移 |\n| 四级 | 蓝色 | `imminence == 即将临近` | 县政府 | 值守 |');
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': md });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/Unexpected red warning `一级` decided by unmeasurable wording \(`会随时发生`\)/);
    expect(lines[1]).toMatch(/blue warning `四级` decided by unmeasurable wording \(`即将临近`\)/);
    expect(diagnostics[0].messageZh).toContain('“会随时发生”');
  });

  it('reports a colour without a criterion', () => {
    const md = warningPlan('| 一级 | 红色 | `rain_mm >= 100` | 县气象局 | 停课 |\n| 二级 | 橙色 | | 县气象局 | 停工 |');
    const { lines } = lintWith(rule, { 'bad.md': md });
    expect(lines).toEqual([expect.stringMatching(/Unexpected orange warning `二级` without a criterion/)]);
  });
});
