import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import rule from './step-deadline.js';

const steps = (rows: string) => `## 6 响应程序\n\n| 标识 | 措施 | 负责 | 时限 | 前置 |\n|---|---|---|---|---|\n${rows}`;

describe('step-deadline', () => {
  it('accepts steps with deadlines, including 立即 and step-anchored ones', () => {
    expect(lintWith(rule, { 'ok.md': miniPlan() }).lines).toEqual([]);
    const rows = '| alarm | 报警 | operator | 立即 | — |\n| isolate | 关阀 | operator | alarm 完成后3分钟 | alarm |';
    expect(lintWith(rule, { 'ok.md': miniPlan({ steps: steps(rows) }) }).lines).toEqual([]);
  });

  it('reports a step whose deadline cell is empty, at that cell', () => {
    const rows = '| alarm | 报警 | operator | 1分钟 | — |\n| isolate | 关阀 | operator | — | alarm |';
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': miniPlan({ steps: steps(rows) }) });
    expect(lines).toEqual(['52:29 Unexpected step `isolate` without a deadline, expected a time limit such as 5分钟 or `rescue 完成后10分钟`']);
    expect(diagnostics[0].messageZh).toContain('不能只写“及时”“尽快”');
  });

  it('reports a steps table with no deadline column, once per step', () => {
    const table = '## 6 响应程序\n\n| 标识 | 措施 | 负责 |\n|---|---|---|\n| alarm | 报警 | operator |\n| isolate | 关阀 | operator |';
    expect(lintWith(rule, { 'bad.md': miniPlan({ steps: table }) }).lines).toHaveLength(2);
  });

  it('reports a YAML step without a deadline at the step', () => {
    const yaml = 'plan: { id: y, title: 测试预案, kind: special }\nroles: [{ id: operator, name: 操作工 }]\nsteps:\n  - { id: alarm, action: 报警, role: operator }\n';
    expect(lintWith(rule, { 'bad.yaml': yaml }).lines).toEqual([expect.stringMatching(/^4:5 Unexpected step `alarm` without a deadline/)]);
  });
});
