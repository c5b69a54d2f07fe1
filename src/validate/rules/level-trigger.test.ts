import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import rule from './level-trigger.js';

const levels = (rows: string) => `## 4 响应分级\n\n| 级别 | 颜色 | 启动条件 | 决策 | 时限 |\n|---|---|---|---|---|\n${rows}`;

describe('level-trigger', () => {
  it('accepts levels that all have a trigger', () => {
    expect(lintWith(rule, { 'ok.md': miniPlan() }).lines).toEqual([]);
  });

  it('reports a level without a trigger at its empty trigger cell', () => {
    const md = miniPlan({ levels: levels('| III | yellow | `leak_kg < 100` | deputy | 10分钟 |\n| II | orange | — | commander | 15分钟 |') });
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': md });
    const row = md.split('\n').findIndex((l) => l.startsWith('| II |')) + 1;
    expect(lines).toEqual([`${row}:17 Unexpected level \`II\` without a trigger condition, expected a condition on the declared facts (e.g. \`leak_kg >= 100\`)`]);
    expect(diagnostics[0].messageZh).toContain('没有启动条件');
    expect(diagnostics[0].severity).toBe('error');
  });

  it('reports a YAML level without a trigger', () => {
    const yaml = [
      'plan: { id: y, title: 泄漏专项应急预案, kind: special, parent: general }',
      'facts: [{ id: leak_kg, type: number, unit: kg }]',
      'levels:',
      '  - { id: II, trigger: "leak_kg < 100", decidedBy: a, activation: 5分钟 }',
      '  - { id: I, decidedBy: a, activation: 5分钟 }',
    ].join('\n');
    const { lines } = lintWith(rule, { 'bad.yaml': yaml });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^5:\d+ Unexpected level `I` without a trigger/);
  });
});
