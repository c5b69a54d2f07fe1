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
    expect(lines).toEqual([`${lineOf(md, '| II |')}:64 Unexpected level \`II\` without an activation deadline, expected a time limit such as \`10 min\``]);
    expect(diagnostics[0].severity).toBe('warning');
    expect(diagnostics[0].messageZh).toContain('没有启动时限');
  });

  it('says once that no level of an enterprise plan has an activation deadline', () => {
    const md = miniPlan({ levels: '## 4 响应分级\n\n| 级别 | 启动条件 | 决策 |\n|---|---|---|\n| III | `leak_kg < 100 and injured == 0` | deputy |\n| II | `leak_kg >= 100 or injured >= 1` | commander |' });
    expect(lintWith(rule, { 'bad.md': md }).lines).toEqual([`${lineOf(md, '| III |')}:1 Unexpected levels table without activation deadlines (\`III\`, \`II\`), expected a time limit for starting each level, such as \`10 min\``]);
  });

  it('asks no activation deadline of a government plan (levels started by decision) or an EOC page', () => {
    const levels = '## 4 响应分级\n\n| 级别 | 启动方式 | 决策 |\n|---|---|---|\n| III | 决定启动 | deputy |\n| II | 决定启动 | commander |';
    for (const regime of ['government', 'international']) {
      const front = `---\nid: g\ntitle: 内蒙古自治区危险化学品生产安全事故应急预案\nkind: special\nregime: ${regime}\n---`;
      expect(lintWith(rule, { 'g.md': miniPlan({ front, levels, escalation: '' }) }).lines, regime).toEqual([]);
    }
  });
});
