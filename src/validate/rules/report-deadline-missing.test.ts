import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import { parsePlanText } from '../../parse/index.js';
import { runRules } from '../runner.js';
import rule from './report-deadline-missing.js';

const reports = (rows: string) => `## 7 信息报告\n\n| 对象 | 时限 | 负责 | 级别 |\n|---|---|---|---|\n${rows}`;

describe('report-deadline-missing', () => {
  it('accepts report rows that say when they are due', () => {
    expect(lintWith(rule, { 'ok.md': miniPlan() }).lines).toEqual([]);
  });

  it('reports a row with parallel recipients and an empty time cell once, as a missing limit (chem-injury 4.2.3)', () => {
    const md = miniPlan({ reports: reports('| 县应急管理局 | 1小时 | reporting | 全部 |\n| 上级主管部门、当地政府 | | reporting | 全部 |') });
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': md });
    expect(lines).toEqual(['60:15 Unexpected report to 上级主管部门, 当地政府 without a time limit, expected how soon it is due, such as `within 1 h` or `1 h after receipt`']);
    expect(diagnostics[0].messageZh).toBe('向上级主管部门、当地政府的报告未规定时限，应写明时限（如“1小时内”“接到报告后1小时”）');
  });

  it('says once that no report row has a time limit', () => {
    const md = miniPlan({ reports: reports('| 县应急管理局 | | reporting | 全部 |\n| 县生态环境局 | | reporting | 全部 |') });
    expect(lintWith(rule, { 'bad.md': md }).lines).toEqual(['59:10 Unexpected reports table without time limits (县应急管理局; 县生态环境局), expected how soon each report is due, such as `within 1 h` or `1 h after receipt`']);
  });

  it('does not call a limit missing when it sits under a column yuan could not read (期限 for 时限)', () => {
    const md = miniPlan({ reports: '## 7 信息报告\n\n| 对象 | 期限 | 负责 | 级别 |\n|---|---|---|---|\n| 县应急管理局 | 1小时 | reporting | 全部 |\n| 县生态环境局 | | reporting | 全部 |' });
    const parsed = parsePlanText(md, 'col.md');
    expect(parsed.diagnostics.map((d) => d.ruleId)).toEqual(['parse/unknown-column']);
    expect(runRules([rule], [parsed.plan!], { today: '2026-11-25' }).map((d) => d.message)).toEqual([
      'Unexpected report to 县生态环境局 without a time limit, expected how soon it is due, such as `within 1 h` or `1 h after receipt`',
    ]);
  });
});
