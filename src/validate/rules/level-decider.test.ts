import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import rule from './level-decider.js';

const lineOf = (md: string, prefix: string) => md.split('\n').findIndex((l) => l.startsWith(prefix)) + 1;

describe('level-decider', () => {
  it('accepts levels that name who decides', () => {
    expect(lintWith(rule, { 'ok.md': miniPlan() }).lines).toEqual([]);
  });

  it('reports a level without a deciding role, at the empty decision cell', () => {
    const md = miniPlan({ levels: '## 4 响应分级\n\n| 级别 | 颜色 | 启动条件 | 决策 | 时限 |\n|---|---|---|---|---|\n| III | yellow | `leak_kg < 100 and injured == 0` | — | 10分钟 |\n| II | orange | `leak_kg >= 100 or injured >= 1` | commander | 15分钟 |' });
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': md });
    expect(lines).toEqual([`${lineOf(md, '| III |')}:53 Unexpected level \`III\` without a deciding role, expected a role id in the \`decidedBy\` column`]);
    expect(diagnostics[0].messageZh).toContain('未明确由谁决定启动');
    expect(diagnostics[0].severity).toBe('error');
  });

  it('reports a level table without a decision column once per level', () => {
    const md = miniPlan({ levels: '## 4 响应分级\n\n| 级别 | 启动条件 | 时限 |\n|---|---|---|\n| III | `leak_kg < 100 and injured == 0` | 10分钟 |\n| II | `leak_kg >= 100 or injured >= 1` | 15分钟 |' });
    expect(lintWith(rule, { 'bad.md': md }).lines).toHaveLength(2);
  });
});
