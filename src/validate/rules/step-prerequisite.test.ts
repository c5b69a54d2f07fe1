import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import rule from './step-prerequisite.js';

const steps = (rows: string) => `## 6 响应程序\n\n| 标识 | 措施 | 负责 | 时限 | 前置 | 任一前置 | 级别 | 条件 |\n|---|---|---|---|---|---|---|---|\n${rows}`;

describe('step-prerequisite', () => {
  it('accepts prerequisites that run at the step\'s levels and under compatible conditions', () => {
    expect(lintWith(rule, { 'ok.md': miniPlan() }).lines).toEqual([]);
    const md = miniPlan({ steps: steps('| alarm | 报警 | operator | 1分钟 | | | 全部 | |\n| check | 查明人员伤害情况 | deputy | 5分钟 | alarm | | II | `injured >= 1` |\n| medical | 联系医疗部门救治 | deputy | 10分钟 | check | | II | `injured >= 2` |') });
    expect(lintWith(rule, { 'ok2.md': md }).lines).toEqual([]);
  });

  it('leaves a prerequisite at other levels to step-level-gap, but judges it against the triggers of the step\'s levels', () => {
    const md = miniPlan({ steps: steps('| alarm | 报警 | operator | 1分钟 | | | 全部 | |\n| check | 查明人员伤害情况 | deputy | 5分钟 | alarm | | II | |\n| medical | 联系医疗部门救治 | deputy | 10分钟 | check | | III | |') });
    expect(lintWith(rule, { 'levels.md': md }).lines).toEqual([]);
    // III starts at `leak_kg < 100 and injured == 0` (miniPlan): a step at III waiting for the injured count never sees it.
    const md2 = miniPlan({ steps: steps('| alarm | 报警 | operator | 1分钟 | | | 全部 | |\n| hurt | 查明人员伤害情况 | deputy | 5分钟 | alarm | | 全部 | `injured >= 1` |\n| medical | 联系医疗部门救治 | deputy | 10分钟 | hurt | | III | |') });
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': md2 });
    const row = md2.split('\n').findIndex((l) => l.startsWith('| medical')) + 1;
    expect(lines).toEqual([`${row}:40 Unexpected prerequisite \`hurt\` of step \`medical\`: its condition \`injured >= 1\` never holds in the case of \`medical\` (level III), expected a prerequisite that can happen in the step's own case (fix the dependency or the levels/conditions)`]);
    expect(diagnostics[0].messageZh).toContain('在本步骤的情形下不会发生');
    expect(diagnostics[0].related?.[0].message).toBe('prerequisite `hurt` is defined here');
  });

  it('reports a prerequisite whose condition never holds in the step\'s case, and "after any" only when every branch is impossible', () => {
    const md = miniPlan({ steps: steps([
      '| alarm | 报警 | operator | 1分钟 | | | 全部 | |',
      '| none-hurt | 确认无人受伤 | deputy | 5分钟 | alarm | | 全部 | `injured == 0` |',
      '| medical | 联系医疗部门救治 | deputy | 10分钟 | none-hurt | | 全部 | `injured >= 1` |',
      '| big-leak | 堵漏 | operator | 10分钟 | alarm | | 全部 | `leak_kg >= 100` |',
      '| small-leak | 收集泄漏物 | operator | 10分钟 | alarm | | 全部 | `leak_kg < 100` |',
      '| either | 清洗现场 | operator | 30分钟 | | big-leak、small-leak | 全部 | `leak_kg >= 500` |',
      '| neither | 复核 | operator | 30分钟 | | none-hurt | 全部 | `injured >= 3` |',
    ].join('\n')) });
    const { lines } = lintWith(rule, { 'bad.md': md });
    expect(lines).toEqual([
      expect.stringMatching(/Unexpected prerequisite `none-hurt` of step `medical`: its condition `injured == 0` never holds in the case of `medical` \(`injured >= 1`\)/),
      expect.stringMatching(/Unexpected prerequisites `none-hurt` of step `neither`: none of them can happen in the step's own case/),
    ]);
  });
});
