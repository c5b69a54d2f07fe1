import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import rule from './notify-undefined.js';

describe('notify-undefined', () => {
  it('accepts notify targets by role id or role name', () => {
    expect(lintWith(rule, { 'ok.md': miniPlan() }).lines).toEqual([]);
    const steps = '## 6 响应程序\n\n| 标识 | 措施 | 负责 | 时限 | 通知 |\n|---|---|---|---|---|\n| alarm | 报警 | operator | 1分钟 | 副总指挥、commander |';
    expect(lintWith(rule, { 'ok.md': miniPlan({ steps }) }).lines).toEqual([]);
  });

  it('reports each undefined notify target at the notify cell', () => {
    const steps = '## 6 响应程序\n\n| 标识 | 措施 | 负责 | 时限 | 通知 |\n|---|---|---|---|---|\n| alarm | 报警 | operator | 1分钟 | deputy, shift-leader, comander |';
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': miniPlan({ steps }) });
    expect(lines).toEqual([
      '51:33 Unexpected undefined role `shift-leader` notified by step `alarm`, expected one of: commander, deputy, operator, reporting',
      '51:33 Unexpected undefined role `comander` notified by step `alarm`, expected `commander`, the closest defined role',
    ]);
    expect(diagnostics[0].messageZh).toContain('通知对象 `shift-leader` 未在组织机构表中定义');
  });
});
