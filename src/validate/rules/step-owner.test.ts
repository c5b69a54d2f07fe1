import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import rule from './step-owner.js';

describe('step-owner', () => {
  it('accepts steps that name a role', () => {
    expect(lintWith(rule, { 'ok.md': miniPlan() }).lines).toEqual([]);
  });

  it('reports a step without a role at its role cell', () => {
    const steps = '## 6 响应程序\n\n| 标识 | 措施 | 负责 | 时限 |\n|---|---|---|---|\n| alarm | 报警 | operator | 1分钟 |\n| isolate | 关阀 | — | 3分钟 |';
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': miniPlan({ steps }) });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\d+:\d+ Unexpected step `isolate` without a responsible role/);
    expect(diagnostics[0].messageZh).toContain('未明确责任角色');
    expect(diagnostics[0].url).toMatch(/docs\/rules\/step-owner\.md$/);
  });
});
