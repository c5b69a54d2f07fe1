import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import rule from './level-activation.js';

const lineOf = (md: string, prefix: string) => md.split('\n').findIndex((l) => l.startsWith(prefix)) + 1;

describe('level-activation', () => {
  it('accepts levels with an activation deadline', () => {
    expect(lintWith(rule, { 'ok.md': miniPlan() }).lines).toEqual([]);
  });

  it('warns about a level without an activation deadline, at the empty activation cell', () => {
    const md = miniPlan({ levels: '## 4 响应分级\n\n| 级别 | 颜色 | 启动条件 | 决策 | 时限 |\n|---|---|---|---|---|\n| III | yellow | `leak_kg < 100 and injured == 0` | deputy | 10分钟 |\n| II | orange | `leak_kg >= 100 or injured >= 1` | commander | — |' });
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': md });
    expect(lines).toEqual([`${lineOf(md, '| II |')}:64 Unexpected level \`II\` without an activation deadline, expected a time limit such as \`10分钟\``]);
    expect(diagnostics[0].severity).toBe('warning');
    expect(diagnostics[0].messageZh).toContain('没有启动时限');
  });
});
