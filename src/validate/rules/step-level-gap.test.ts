import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import rule from './step-level-gap.js';

const steps = (rows: string) => `## 6 响应程序\n\n| 标识 | 措施 | 负责 | 时限 | 前置 | 级别 |\n|---|---|---|---|---|---|\n${rows}`;

describe('step-level-gap', () => {
  it('accepts steps whose prerequisites run at least at the same levels', () => {
    expect(lintWith(rule, { 'ok.md': miniPlan() }).lines).toEqual([]);
    const rows = '| alarm | 报警 | operator | 1分钟 | — | 全部 |\n| cordon | 警戒 | operator | 10分钟 | alarm | III+ |\n| rescue | 救援 | operator | 15分钟 | cordon | II |';
    expect(lintWith(rule, { 'ok.md': miniPlan({ steps: steps(rows) }) }).lines).toEqual([]);
  });

  it('reports a step that waits for a step not started at its level', () => {
    const rows = '| alarm | 报警 | operator | 1分钟 | — | 全部 |\n| cordon | 警戒 | operator | 10分钟 | alarm | II |\n| rescue | 救援 | operator | 15分钟 | cordon | 全部 |';
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': miniPlan({ steps: steps(rows) }) });
    expect(lines).toEqual(['53:35 Unexpected prerequisite `cordon` of `rescue` inactive at level III, expected `cordon` at every level where `rescue` runs (`cordon` runs only at level II); `rescue` would wait forever']);
    expect(diagnostics[0].related?.[0]).toMatchObject({ message: '`cordon` is active at II here', place: { start: { line: 52 } } });
    expect(diagnostics[0].messageZh).toBe('步骤 `rescue` 在III级响应中启动，但其前置步骤 `cordon` 在该级别不启动（仅在II级启动），`rescue` 将无限等待');
  });

  it('does nothing in a plan without levels', () => {
    const levels = '## 4 说明\n\n本方案不分级。';
    const escalation = '';
    const rows = '| alarm | 报警 | operator | 1分钟 | — | — |\n| rescue | 救援 | operator | 15分钟 | alarm | — |';
    const reports = '## 7 信息报告\n\n| 对象 | 时限 | 负责 |\n|---|---|---|\n| 县应急管理局 | 1小时 | reporting |';
    expect(lintWith(rule, { 'ok.md': miniPlan({ levels, escalation, steps: steps(rows), reports }) }).lines).toEqual([]);
  });
});
