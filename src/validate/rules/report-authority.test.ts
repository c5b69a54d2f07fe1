import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import rule, { isAuthority } from './report-authority.js';

const reports = (rows: string) => `## 7 信息报告\n\n| 对象 | 时限 | 负责 | 级别 |\n|---|---|---|---|\n${rows}`;
const front = (kind: string) => `---\nid: mini\ntitle: 测试预案\nkind: ${kind}\nversion: "1.0"\nreviewed: 2025-06-01\nowner: 安全环保部\n---`;

describe('report-authority', () => {
  it('accepts a report to the emergency management bureau within 1 hour', () => {
    expect(lintWith(rule, { 'ok.md': miniPlan() }).lines).toEqual([]);
  });

  it('recognises authorities in Chinese and English', () => {
    for (const t of ['县应急管理局', '区应急局', '市人民政府', '县安监局', 'County Emergency Management Bureau', 'provincial government']) expect(isAuthority(t), t).toBe(true);
    for (const t of ['县消防救援大队（119）', '120急救中心', '集团公司安全部']) expect(isAuthority(t), t).toBe(false);
  });

  it('reports a plan that reports to nobody in authority, at the reports heading', () => {
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': miniPlan({ reports: reports('| 县消防救援大队 | 5分钟 | reporting | 全部 |\n| 集团公司安全部 | 2小时 | reporting | 全部 |') }) });
    expect(lines).toEqual(['55:4 Unexpected plan without a report to the authority, expected a reports row such as `县应急管理局 | 1小时` (within 1 h)']);
    expect(diagnostics[0].messageZh).toBe('预案未规定向政府应急管理部门报告，应在信息报告表中写明报告对象（如县应急管理局）和时限（1小时内）');
  });

  it('reports at the title when there is no reports section at all', () => {
    expect(lintWith(rule, { 'bad.md': miniPlan({ reports: '' }) }).lines).toEqual([expect.stringMatching(/^3:8 Unexpected plan without a report to the authority/)]);
  });

  it('reports a time limit beyond 1 hour, or none, at the within cell', () => {
    const { lines } = lintWith(rule, { 'bad.md': miniPlan({ reports: reports('| 县应急管理局 | 2小时 | reporting | 全部 |\n| 市应急管理局 | — | reporting | II |') }) });
    expect(lines).toEqual([
      '59:12 Unexpected report to 县应急管理局 with a time limit of 2 h, expected within 1 h',
      '60:12 Unexpected report to 市应急管理局 with no time limit, expected within 1 h',
    ]);
  });

  it('counts a level-anchored limit from the incident (activation + limit)', () => {
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': miniPlan({ reports: reports('| 县应急管理局 | 响应启动后1小时 | reporting | II |') }) });
    expect(lines).toEqual(['59:12 Unexpected report to 县应急管理局 with a time limit of 1 h 15 min from the incident, expected within 1 h']);
    expect(diagnostics[0].messageZh).toBe('向县应急管理局的报告时限为1小时15分钟（自事发起算），应在1小时内报告');
  });

  it('honours maxSeconds and skips on-site procedures', () => {
    const late = reports('| 县应急管理局 | 2小时 | reporting | 全部 |');
    expect(lintWith(rule, { 'ok.md': miniPlan({ reports: late }) }, { options: { maxSeconds: 7200 } }).lines).toEqual([]);
    expect(lintWith(rule, { 'ok.md': miniPlan({ front: front('onsite'), reports: '' }) }).lines).toEqual([]);
    expect(lintWith(rule, { 'bad.md': miniPlan({ front: front('general'), reports: '' }) }).lines).toHaveLength(1);
  });
});
