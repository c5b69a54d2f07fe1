import { describe, expect, it } from 'vitest';
import { lintWith } from '../../../test/helpers/lint.js';
import { warningPlan } from '../../../test/helpers/warnings.js';
import rule from './warning-actions.js';

describe('warning-actions', () => {
  it('accepts colours with their measures', () => {
    expect(lintWith(rule, { 'ok.md': warningPlan('| 一级 | 红色 | `rain_mm >= 100` | 县人民政府 | 停课停工，转移危险区域人员 |') }).lines).toEqual([]);
  });

  it('reports the colours without actions in one finding', () => {
    const md = warningPlan('| 一级 | 红色 | `rain_mm >= 100` | 县人民政府 | 停课 |\n| 二级 | 橙色 | `rain_mm >= 50` | 县人民政府 | |');
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': md });
    expect(lines).toEqual([expect.stringMatching(/Unexpected warning level orange `二级` without actions, expected the measures taken/)]);
    expect(diagnostics[0].messageZh).toContain('未写明预警措施');
  });
});
