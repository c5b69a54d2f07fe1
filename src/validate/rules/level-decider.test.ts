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

  it('asks no decider of the normal state numbered as a level (Sugar Land Level 4 "Normal"), but of every activation level', () => {
    const page = ['---', 'id: eoc', 'title: EOC Activation Levels', 'kind: general', 'regime: international', 'levelOrder: 1-highest', '---', '', '# EOC Activation Levels', '',
      '## Response levels', '', '| level | name | description |', '|---|---|---|', '| Level 4 | Normal | Normal operations; no activation criteria |',
      '| Level 3 | Monitor Event | Small Incident or Event |', '', '## Incident facts', '', '| id | name | type |', '|---|---|---|', '| agencies | Number of agencies | integer |', '',
      '## Grading criteria', '', '| level | condition | wording |', '|---|---|---|', '| Level 3 | `agencies >= 3` | Three or more agencies involved |', ''].join('\n');
    expect(lintWith(rule, { 'eoc.md': page }).lines).toEqual([expect.stringMatching(/^16:\d+ Unexpected level `Level 3` without a deciding role/)]);
  });

  it('does not ask an excerpt for deciders it did not show', () => {
    const excerpt = '---\nid: e\ntitle: 国家地震应急预案\nkind: special\nregime: government\nsource:\n  note: 摘录。所见：3.1 分级。未见：组织体系。\n---';
    const levels = '## 4 响应分级\n\n| 级别 | 启动条件 |\n|---|---|\n| III | `leak_kg < 100 and injured == 0` |\n| II | `leak_kg >= 100 or injured >= 1` |';
    expect(lintWith(rule, { 'e.md': miniPlan({ front: excerpt, levels }) }).lines).toEqual([]);
  });
});
