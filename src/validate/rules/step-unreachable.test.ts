import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import { parsePlanText } from '../../parse/index.js';
import { runRules } from '../runner.js';
import rule from './step-unreachable.js';

const steps = (rows: string) => `## 6 响应程序\n\n| 标识 | 措施 | 负责 | 时限 | 级别 |\n|---|---|---|---|---|\n${rows}`;

describe('step-unreachable', () => {
  it('accepts plans where every step runs at some level and every level runs some step', () => {
    expect(lintWith(rule, { 'ok.md': miniPlan() }).lines).toEqual([]);
  });

  it('reports a level that activates no step at its id cell', () => {
    const rows = '| alarm | 报警 | operator | 1分钟 | III |\n| report | 上报 | reporting | 1小时 | III |';
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': miniPlan({ steps: steps(rows) }) });
    expect(lines).toEqual(['38:3 Unexpected level II that activates no step, expected at least one step whose levels include II']);
    expect(diagnostics[0].severity).toBe('warning');
    expect(diagnostics[0].messageZh).toBe('响应级别 II 未启动任何处置步骤，应至少有一个步骤适用于该级别');
  });

  it('reports a YAML step whose level list names no declared level', () => {
    const yaml = [
      'plan: { id: y, title: 测试预案, kind: special }',
      'roles: [{ id: operator, name: 操作工 }]',
      'levels:',
      '  - { id: II, name: 公司级 }',
      'steps:',
      '  - { id: alarm, action: 报警, role: operator, deadline: 1分钟 }',
      '  - { id: evacuate, action: 疏散, role: operator, deadline: 30分钟, levels: [IV] }',
    ].join('\n');
    // YAML level lists are checked like text specs: the undeclared IV is a parse error at the list, and stays in `levels`.
    const parsed = parsePlanText(yaml, 'bad.yaml');
    expect(parsed.diagnostics.map((d) => `${d.ruleId}@${d.place?.start.line}:${d.place?.start.column}`)).toEqual(['parse/unknown-level@7:73']);
    expect(parsed.plan!.steps[1].levels).toEqual(['IV']);
    const lines = runRules([rule], [parsed.plan!], { today: '2026-11-25' }).map((d) => `${d.place?.start.line}:${d.place?.start.column} ${d.message}`);
    expect(lines).toEqual(['7:73 Unexpected step `evacuate` that no level activates (levels `IV`), expected one of the declared levels: II']);
  });

  it('reports a Markdown step whose level spec names only an undeclared level (also parse/unknown-level)', () => {
    const source = miniPlan({ steps: steps('| alarm | 报警 | operator | 1分钟 | 全部 |\n| evacuate | 疏散 | operator | 30分钟 | I |') });
    const parsed = parsePlanText(source, 'bad.md');
    expect(parsed.diagnostics.map((d) => d.ruleId)).toEqual(['parse/unknown-level']);
    expect(parsed.plan!.steps[1].levels).toEqual(['I']); // the unknown id stays, so the step is not read as "every level"
    const lines = runRules([rule], [parsed.plan!], { today: '2026-11-25' }).map((d) => `${d.place?.start.line}:${d.place?.start.column} ${d.message}`);
    expect(lines).toEqual(['52:37 Unexpected step `evacuate` that no level activates (levels `I`), expected one of the declared levels: III, II']);
  });

  it('does not ask each level for steps when the plan has none, is an excerpt, or the level is the normal state', () => {
    const levels = '## 4 响应分级\n\n| 级别 | 名称 | 启动条件 | 决策 | 时限 | 说明 |\n|---|---|---|---|---|---|\n| IV | 常态 | | deputy | | 日常值守，正常运行 |\n| III | 车间级 | `leak_kg < 100` | deputy | 10分钟 | |\n| II | 公司级 | `leak_kg >= 100` | commander | 15分钟 | |';
    expect(lintWith(rule, { 'none.md': miniPlan({ levels, steps: '', escalation: '' }) }).lines).toEqual([]);
    const steps = '## 6 响应程序\n\n| 标识 | 措施 | 负责 | 时限 | 级别 |\n|---|---|---|---|---|\n| alarm | 报警 | operator | 1分钟 | II |';
    expect(lintWith(rule, { 'some.md': miniPlan({ levels, steps, escalation: '' }) }).lines).toEqual([expect.stringMatching(/^\d+:\d+ Unexpected level III \(车间级\) that activates no step/)]);
    const excerpt = '---\nid: e\ntitle: 某预案\nkind: special\nsource:\n  note: 摘录。\n---';
    expect(lintWith(rule, { 'e.md': miniPlan({ front: excerpt, levels, steps, escalation: '' }) }).lines).toEqual([]);
  });
});
