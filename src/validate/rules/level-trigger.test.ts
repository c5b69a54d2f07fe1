import { readFileSync } from 'node:fs';
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

  it('accepts levels started by decision (内蒙古: 一级、二级由自治区人民政府决定) and the normal state numbered as a level', () => {
    const rows = '| 级别 | 启动方式 | 决策 |\n|---|---|---|\n| 一级 | 决定启动 | commander |\n| 二级 | 决定启动 | commander |';
    expect(lintWith(rule, { 'ok.md': miniPlan({ levels: `## 4 响应分级\n\n${rows}` }) }).lines).toEqual([]);
    // Sugar Land's Level 4 "Normal operations; no activation criteria" (plans/real/en-us-sugarland-eoc.md).
    expect(lintWith(rule, { 'eoc.md': readFileSync('plans/real/en-us-sugarland-eoc.md', 'utf8') }).lines).toEqual([]);
  });

  it('accepts a level without criteria in an excerpt (the 一般 criteria were not seen)', () => {
    const front = '---\nid: mini\ntitle: 某省大面积停电事件应急预案\nkind: special\nsource:\n  note: 摘录。所见：2.1–2.3；未见：2.4 一般（Ⅳ级）标准\n---';
    const md = miniPlan({ front, levels: levels('| III | yellow | `leak_kg < 100` | deputy | 10分钟 |\n| II | orange | — | commander | 15分钟 |') });
    expect(lintWith(rule, { 'ok.md': md }).lines).toEqual([]);
  });
});
