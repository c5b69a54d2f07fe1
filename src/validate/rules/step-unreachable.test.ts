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
});
