import { describe, expect, it } from 'vitest';
import { lintWith } from '../../../test/helpers/lint.js';
import { warningPlan } from '../../../test/helpers/warnings.js';
import rule from './warning-callback.js';

const HEADER = '| 预警级别 | 颜色 | 发布条件 | 发布单位 | 措施 | 提前量 | 叫应时限 |';

describe('warning-callback', () => {
  it('accepts a plan without call-back, one call-back time for all colours, and call-backs within the lead time', () => {
    expect(lintWith(rule, { 'none.md': warningPlan('| 一级 | 红色 | `rain_mm >= 100` | 县气象局 | 停课 |') }).lines).toEqual([]);
    // plans/chem/general.md 4.1: 逐级"叫应"到各车间主任和班组长，被叫应人须在30分钟内回复确认。
    const prose = warningPlan('| 一级 | 红色 | `rain_mm >= 100` | 县气象局 | 停课 |', undefined, '值班长通过预警平台逐级"叫应"到各车间主任和班组长，被叫应人须在30分钟内回复确认。');
    expect(lintWith(rule, { 'prose.md': prose }).lines).toEqual([]);
    const md = warningPlan('| 一级 | 红色 | `rain_mm >= 100` | 县气象局 | 停课 | 6小时 | 30分钟 |', HEADER);
    expect(lintWith(rule, { 'ok.md': md }).lines).toEqual([]);
  });

  // Wording after the flood-control call-back rule: "红色、橙色预警发布后，逐级叫应到村组责任人".
  it('reports call-back without a deadline once, and colours left out of a per-colour call-back column', () => {
    const md = warningPlan('| 一级 | 红色 | `rain_mm >= 100` | 县气象局 | 停课 |\n| 二级 | 橙色 | `rain_mm >= 50` | 县气象局 | 停工 |', undefined,
      '预警发布后，逐级叫应到村组责任人。');
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': md });
    expect(lines).toEqual([expect.stringMatching(/Unexpected call-back \(叫应\) without a deadline, expected the time within which/)]);
    expect(diagnostics[0].messageZh).toContain('没有写明叫应时限');
    const partial = warningPlan('| 一级 | 红色 | `rain_mm >= 100` | 县气象局 | 停课 | 6小时 | 30分钟 |\n| 二级 | 橙色 | `rain_mm >= 50` | 县气象局 | 停工 | 12小时 | |', HEADER);
    expect(lintWith(rule, { 'partial.md': partial }).lines).toEqual([expect.stringMatching(/Unexpected warning level orange `二级` without a call-back \(叫应\) deadline/)]);
  });

  it('reports a call-back deadline no shorter than the lead time', () => {
    const md = warningPlan('| 一级 | 红色 | `rain_mm >= 100` | 县气象局 | 停课 | 2小时 | 3小时 |', HEADER);
    const { lines } = lintWith(rule, { 'bad.md': md });
    expect(lines).toEqual([expect.stringMatching(/Unexpected call-back deadline `3小时` for red warning `一级`, expected less than its lead time `2小时`/)]);
  });
});
