import { describe, expect, it } from 'vitest';
import { lintWith } from '../../../test/helpers/lint.js';
import { warningPlan } from '../../../test/helpers/warnings.js';
import rule from './warning-issuer.js';

describe('warning-issuer', () => {
  it('accepts colours that name their issuer', () => {
    expect(lintWith(rule, { 'ok.md': warningPlan('| 一级 | 红色 | `rain_mm >= 100` | 县人民政府 | 停课 |') }).lines).toEqual([]);
    // plans/chem/general.md 4.2: 预警信号由县气象台发布或由公司根据预报降雨量研判发布 — one issuer sentence for every colour.
    const prose = warningPlan('| 一级 | 红色 | `rain_mm >= 100` | | 停课 |', undefined, '预警信号由县气象台发布或由公司根据预报降雨量研判发布。');
    expect(lintWith(rule, { 'prose.md': prose }).lines).toEqual([]);
  });

  it('reports the colours without an issuer in one finding', () => {
    const md = warningPlan('| 一级 | 红色 | `rain_mm >= 100` | | 停课 |\n| 二级 | 橙色 | `rain_mm >= 50` | | 停工 |');
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': md });
    expect(lines).toEqual([expect.stringMatching(/Unexpected warning levels red `一级`, orange `二级` without an issuer/)]);
    expect(diagnostics[0].messageZh).toContain('未明确发布单位');
  });

  // Real case: 内蒙古危化 is an excerpt whose 3.3.2 (发布单位和各级预警措施) was not seen.
  it('does not check an excerpt', () => {
    const front = '---\nid: mini\ntitle: 小型泄漏专项应急预案\nkind: special\nparent: general\nsource:\n  note: 摘录。未见：3.3.2 预警发布。\n---';
    const md = warningPlan('| 一级 | 红色 | `rain_mm >= 100` |', '| 预警级别 | 颜色 | 发布条件 |', undefined, front);
    expect(lintWith(rule, { 'x.md': md }).lines).toEqual([]);
  });
});
