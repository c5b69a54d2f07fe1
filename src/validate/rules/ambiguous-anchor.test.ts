import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import rule from './ambiguous-anchor.js';

const reports = (rows: string) => `## 7 信息报告\n\n| 对象 | 时限 | 负责 | 级别 | 内容 |\n|---|---|---|---|---|\n${rows}`;

describe('ambiguous-anchor', () => {
  it('accepts a deadline that names its start, and a report that needs no assessment', () => {
    const md = miniPlan({ reports: reports('| 县应急管理局 | 1小时 | reporting | 全部 | 事故发生的时间、地点和伤亡情况 |\n| 县生态环境局 | alarm 完成后两小时内 | reporting | 全部 | 初步认定为重大突发环境事件的信息 |\n| 市生态环境局 | 发现后2小时 | reporting | 全部 | 经核实的事件信息 |') });
    expect(lintWith(rule, { 'ok.md': md }).lines).toEqual([]);
  });

  // Real wording: 突发环境事件信息报告办法 (2011) 第三条 — 立即进行核实，对性质和类别做出初步认定 … 四小时内 / 两小时内.
  it('reports a deadline with no start for a report made after an assessment, once per row', () => {
    const md = miniPlan({ reports: reports('| 本级人民政府、上一级人民政府环境保护主管部门 | 四小时内 | reporting | 全部 | 初步认定为一般或较大突发环境事件的信息 |') });
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': md });
    expect(lines).toEqual([expect.stringMatching(/Unexpected deadline `四小时内` without a starting point for a report made after an assessment \(`初步认定`\)/)]);
    expect(diagnostics[0].messageZh).toContain('未写明起算点');
  });
});
