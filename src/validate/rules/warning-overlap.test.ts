import { describe, expect, it } from 'vitest';
import { lintWith } from '../../../test/helpers/lint.js';
import { warningPlan } from '../../../test/helpers/warnings.js';
import rule from './warning-overlap.js';

const INNER_MONGOLIA = [
  '| 一级 | 红色 | `forecast == 特别重大 and imminence == 会随时发生` | 县政府 | 转移 |',
  '| 二级 | 橙色 | `forecast in [重大, 特别重大] and imminence == 即将发生` | 县政府 | 戒备 |',
].join('\n');

describe('warning-overlap', () => {
  it('accepts colours on bands of a reading, and highest-wins overlaps', () => {
    const md = warningPlan('| 一级 | 红色 | `rain_mm >= 100` | 县气象局 | 停课 |\n| 二级 | 橙色 | `rain_mm >= 50` | 县气象局 | 停工 |');
    expect(lintWith(rule, { 'ok.md': md }).lines).toEqual([]);
  });

  // Real wording: 内蒙古危化 3.3.1 — 橙色 for 重大以上 forecasts (which include 特别重大, red), told apart only by 即将发生 / 会随时发生.
  it('reports a colour separated from a more severe one only by unmeasurable wording, with the witness', () => {
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': warningPlan(INNER_MONGOLIA) });
    expect(lines).toEqual([expect.stringMatching(/Unexpected orange warning `二级` separated from red `一级` only by unmeasurable wording.*forecast = 特别重大 meets both/)]);
    expect(diagnostics[0].related?.[0].message).toBe('red warning `一级` is here');
  });

  it('reports a situation meeting two colours under the exclusive convention', () => {
    const front = '---\nid: mini\ntitle: 小型泄漏专项应急预案\nkind: special\nparent: general\ngrading: exclusive\n---';
    const md = warningPlan('| 一级 | 红色 | `rain_mm >= 100` | 县气象局 | 停课 |\n| 二级 | 橙色 | `rain_mm >= 50` | 县气象局 | 停工 |', undefined, undefined, front);
    expect(lintWith(rule, { 'x.md': md }).lines).toEqual([expect.stringMatching(/Unexpected overlap: .*rain_mm.* issues both red `一级` and orange `二级`/)]);
  });
});
