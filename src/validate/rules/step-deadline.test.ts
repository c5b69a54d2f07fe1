import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import { parsePlanText } from '../../parse/index.js';
import { runRules } from '../runner.js';
import rule from './step-deadline.js';

const steps = (rows: string) => `## 6 响应程序\n\n| 标识 | 措施 | 负责 | 时限 | 前置 |\n|---|---|---|---|---|\n${rows}`;

describe('step-deadline', () => {
  it('accepts steps with deadlines, including 立即 and step-anchored ones', () => {
    expect(lintWith(rule, { 'ok.md': miniPlan() }).lines).toEqual([]);
    const rows = '| alarm | 报警 | operator | 立即 | — |\n| isolate | 关阀 | operator | alarm 完成后3分钟 | alarm |';
    expect(lintWith(rule, { 'ok.md': miniPlan({ steps: steps(rows) }) }).lines).toEqual([]);
  });

  it('reports a step whose deadline cell is empty, at that cell', () => {
    const rows = '| alarm | 报警 | operator | 1分钟 | — |\n| isolate | 关阀 | operator | — | alarm |';
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': miniPlan({ steps: steps(rows) }) });
    expect(lines).toEqual(['52:29 Unexpected step `isolate` without a deadline, expected a time limit such as `5 min` or `10 min after rescue`']);
    expect(diagnostics[0].messageZh).toContain('不能只写“及时”“尽快”');
  });

  it('reports a steps table with no time limits once, listing the steps (Dalian 6.3: no step has a limit)', () => {
    const table = '## 6 响应程序\n\n| 标识 | 措施 | 负责 |\n|---|---|---|\n| alarm | 报警 | operator |\n| isolate | 关阀 | operator |';
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': miniPlan({ steps: table }) });
    expect(lines).toEqual(['51:1 Unexpected procedure without time limits (`alarm`, `isolate`), expected a time limit for each step, such as `5 min` or `10 min after rescue`']);
    expect(diagnostics[0].messageZh).toBe('处置程序的步骤（`alarm`、`isolate`）均未规定完成时限，应为每个步骤写明时限（如“5分钟”“rescue 完成后10分钟”）');
    const vague = '## 6 响应程序\n\n| 标识 | 措施 | 负责 | 时限 |\n|---|---|---|---|\n| alarm | 报警 | operator | 第一时间 |\n| isolate | 关阀 | operator | |\n| guard | 警戒 | operator | |';
    // 第一时间 is time/vague's finding (a parse error), so the plan is linted as it parsed.
    const plan = parsePlanText(miniPlan({ steps: vague }), 'vague.md').plan!;
    expect(runRules([rule], [plan], { today: '2026-11-25' }).map((d) => d.message)).toEqual([expect.stringMatching(/^Unexpected procedure without time limits \(`isolate`, `guard`\)/)]);
  });

  it('asks no step time limits of a government plan (duties by tier) or an English EOC page', () => {
    const table = '## 6 响应程序\n\n| 标识 | 措施 | 负责 | 级别 |\n|---|---|---|---|\n| alarm | 组织实施Ⅰ级应急响应行动 | operator | 全部 |\n| isolate | 按相应预案全力组织救援 | operator | 全部 |';
    const front = '---\nid: g\ntitle: 国家安全生产事故灾难应急预案\nkind: special\nregime: government\n---';
    expect(lintWith(rule, { 'g.md': miniPlan({ front, steps: table }) }).lines).toEqual([]);
  });

  it('reports a YAML step without a deadline at the step', () => {
    const yaml = 'plan: { id: y, title: 测试预案, kind: special }\nroles: [{ id: operator, name: 操作工 }]\nsteps:\n  - { id: alarm, action: 报警, role: operator }\n';
    expect(lintWith(rule, { 'bad.yaml': yaml }).lines).toEqual([expect.stringMatching(/^4:5 Unexpected step `alarm` without a deadline/)]);
  });
});
