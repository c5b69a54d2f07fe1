import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import { warningPlan } from '../../../test/helpers/warnings.js';
import rule from './warning-criteria.js';

describe('warning-criteria', () => {
  it('accepts a warning section with warning levels, and a plan with no warning section', () => {
    expect(lintWith(rule, { 'ok.md': warningPlan('| 一级 | 红色 | `rain_mm >= 100` | 县气象局 | 停课 |') }).lines).toEqual([]);
    expect(lintWith(rule, { 'none.md': miniPlan() }).lines).toEqual([]);
  });

  // Real wording: 化学危险品伤害人身伤亡事故应急预案 4.2.3 "事故发生后…通知各部门进入相应预警期" — no criteria, no colours.
  it('reports a warning section with no warning levels at its heading', () => {
    const md = miniPlan({ extra: '## 4.2.3 预警发布\n\n事故发生后，值班人员立即汇报；领导小组迅速通知各部门进入相应预警期。' });
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': md });
    const row = md.split('\n').findIndex((l) => l.startsWith('## 4.2.3')) + 1;
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^${row}:\\d+ Unexpected warning section \`4.2.3 预警发布\` without warning levels`))]);
    expect(diagnostics[0].messageZh).toContain('没有分级的预警');
  });
});
