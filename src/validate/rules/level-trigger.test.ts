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
    expect(lines).toEqual([`${row}:17 Unexpected level \`II\` without a trigger condition, expected a condition on the declared facts (e.g. \`leak_kg >= 100\`) or a decision by a named role (\`启动方式: 决定启动\` with a decider)`]);
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

  // Real wording: 内蒙古危化 1.7 "一级、二级由自治区人民政府决定，三级、四级由自治区应急厅决定" (manual, named decider);
  // Annapolis "Level 1 — Normal day-to-day business activities"; 甘肃大面积停电 "一般（Ⅳ级）标准未见" in an excerpt.
  it('accepts a level started by decision of a named role, the normal state, and an excerpt level whose criteria were not seen', () => {
    const manual = miniPlan({ levels: levels('| III | yellow | `leak_kg < 100` | deputy | 10分钟 |').replace('| 级别 | 颜色 | 启动条件 | 决策 | 时限 |\n|---|---|---|---|---|', '| 级别 | 颜色 | 启动条件 | 决策 | 时限 | 启动方式 |\n|---|---|---|---|---|---|').replace('10分钟 |', '10分钟 | |') + '\n| II | orange | | commander | 15分钟 | 决定启动 |' });
    expect(lintWith(rule, { 'manual.md': manual }).lines).toEqual([]);
    const normal = miniPlan({ levels: '## 4 响应分级\n\n| level | name | description | trigger |\n|---|---|---|---|\n| III | | Normal day-to-day business activities. | |\n| II | | Partial activation | `leak_kg >= 100` |' });
    expect(lintWith(rule, { 'normal.md': normal }).lines).toEqual([]);
    const front = '---\nid: mini\ntitle: 小型泄漏专项应急预案\nkind: special\nparent: general\nsource:\n  note: 摘录（第5页）。未见：一般（Ⅳ级）标准。\n---';
    const excerpt = miniPlan({ front, levels: levels('| III | yellow | `leak_kg < 100` | deputy | 10分钟 |\n| II | orange | — | commander | 15分钟 |') });
    expect(lintWith(rule, { 'excerpt.md': excerpt }).lines).toEqual([]);
    // The same manual level without a decider is still reported (level-decider says who is missing; this says how it starts).
    const noDecider = manual.replace('| II | orange | | commander |', '| II | orange | | |');
    expect(lintWith(rule, { 'nodecider.md': noDecider }).lines).toHaveLength(1);
  });
});
