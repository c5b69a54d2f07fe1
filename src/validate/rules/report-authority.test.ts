import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import rule, { isAuthority } from './report-authority.js';

const reports = (rows: string, head = '| 对象 | 时限 | 负责 | 级别 |') => `## 7 信息报告\n\n${head}\n${head.replace(/[^|]+/g, '---')}\n${rows}`;
const front = (kind: string, extra = '') => `---\nid: mini\ntitle: 测试预案\nkind: ${kind}\nversion: "1.0"\nreviewed: 2025-06-01\nowner: 安全环保部\n${extra}---`;
const gov = front('special', 'regime: government\n');

describe('report-authority', () => {
  it('accepts a report to the emergency management bureau within 1 hour', () => {
    expect(lintWith(rule, { 'ok.md': miniPlan() }).lines).toEqual([]);
  });

  it('recognises authorities in Chinese and English, beyond 应急管理局 (区教育局, 网信部门, 公安机关, 生态环境局)', () => {
    for (const t of ['县应急管理局', '区应急局', '市人民政府', '县安监局', 'County Emergency Management Bureau', 'provincial government', '区教育局', '国家网信部门', '公安机关', '市生态环境局', '国务院', '上级主管部门', '县卫健委', '市水利局']) expect(isAuthority(t), t).toBe(true);
    for (const t of ['县消防救援大队（119）', '120急救中心', '集团公司安全部', '总经理']) expect(isAuthority(t), t).toBe(false);
  });

  it('reports an enterprise plan that reports to nobody in authority, saying why the recipients are not authorities', () => {
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': miniPlan({ reports: reports('| 县消防救援大队 | 5分钟 | reporting | 全部 |\n| 集团公司安全部 | 2小时 | reporting | 全部 |') }) });
    expect(lines).toEqual(["55:4 Unexpected plan without a report to a government authority (县消防救援大队, 集团公司安全部 are not a government body (a people's government, or a department such as emergency management, ecology and environment, education or health)), expected a reports row to the county emergency management bureau (or the department with production-safety duties) within 1 h (Order 493 Art. 9)"]);
    expect(diagnostics[0].messageZh).toBe('预案未规定向政府部门报告（县消防救援大队、集团公司安全部不是政府部门（人民政府，或应急管理、生态环境、教育、卫生健康等部门）），应在信息报告表中写明报告对象（如县应急管理局或负有安全生产监督管理职责的部门）和时限（1小时内，条例第九条）');
  });

  it('reports at the title when there is no reports section at all', () => {
    expect(lintWith(rule, { 'bad.md': miniPlan({ reports: '' }) }).lines).toEqual([expect.stringMatching(/^3:8 Unexpected plan without a report to a government authority, expected/)]);
  });

  it('holds the first report to 1 h of receipt and leaves a missing limit to report-deadline-missing', () => {
    const { lines } = lintWith(rule, { 'bad.md': miniPlan({ reports: reports('| 县应急管理局 | 2小时 | reporting | 全部 |\n| 市应急管理局 | — | reporting | II |\n| 县应急管理局 | 接到报告后1小时 | reporting | 全部 |') }) });
    expect(lines).toEqual(['59:12 Unexpected report to 县应急管理局 with a time limit of 2 h, expected within 1 h (Order 493 Art. 9: the unit head reports within 1 h of receipt)']);
  });

  it('holds each hop to 2 h and a supplementary report to 30 days (7 days for fire), not to 1 h', () => {
    const head = '| 对象 | 报告类型 | 时限 | 负责 | 级别 |';
    const ok = reports('| 县应急管理局 | 首报 | 1小时 | reporting | 全部 |\n| 市应急管理局 | 逐级上报 | 每级2小时 | reporting | 全部 |\n| 县应急管理局 | 补报 | 自伤亡人数发生变化之日起30日内 | reporting | 全部 |', head);
    expect(lintWith(rule, { 'ok.md': miniPlan({ reports: ok }) }).lines).toEqual([]);
    const late = reports('| 县应急管理局 | 首报 | 1小时 | reporting | 全部 |\n| 市应急管理局 | 逐级上报 | 每级3小时 | reporting | 全部 |', head);
    expect(lintWith(rule, { 'bad.md': miniPlan({ reports: late }) }).lines).toEqual(['60:19 Unexpected report to 市应急管理局 with a time limit of 3 h, expected within 2 h (Order 493 Art. 11: each level passes it up within 2 h)']);
    const fire = front('special', 'hazard: 仓库火灾\n');
    expect(lintWith(rule, { 'bad.md': miniPlan({ front: fire, reports: ok }) }).lines).toEqual([expect.stringMatching(/^61:\d+ Unexpected report to 县应急管理局 with a time limit of 30 days, expected within 7 days \(Order 493 Art\. 13/)]);
  });

  it('counts a level-anchored limit from the incident (activation + limit)', () => {
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': miniPlan({ reports: reports('| 县应急管理局 | 响应启动后1小时 | reporting | II |') }) });
    expect(lines).toEqual(['59:12 Unexpected report to 县应急管理局 with a time limit of 1 h 15 min from the incident, expected within 1 h (Order 493 Art. 9: the unit head reports within 1 h of receipt)']);
    expect(diagnostics[0].messageZh).toBe('向县应急管理局的报告时限为1小时15分钟（自事发起算），应在1小时内报告（生产安全事故报告和调查处理条例 第九条（单位负责人接到报告后1小时内））');
  });

  it('holds a government plan to its sector rule, not to 1 h: 4 h / 2 h by grade for the environment (Order 17), 4 h at most for cyber', () => {
    const head = '| 对象 | 报告类型 | 时限 | 负责 | 级别 |';
    const env = reports('| 本级人民政府、上一级人民政府环境保护主管部门 | 首报 | 四小时内 | reporting | III |\n| 本级人民政府、省级人民政府环境保护主管部门 | 首报 | 两小时内 | reporting | II |', head);
    expect(lintWith(rule, { 'ok.md': miniPlan({ front: gov, reports: env }) }).lines).toEqual([]);
    const slow = env.replace('两小时内', '四小时内');
    expect(lintWith(rule, { 'bad.md': miniPlan({ front: gov, reports: slow }) }).lines).toEqual([expect.stringMatching(/^60:\d+ Unexpected report to 本级人民政府, 省级人民政府环境保护主管部门 with a time limit of 4 h, expected within 2 h \(MEP Order 17 Art\. 3/)]);
    const cyber = reports('| 保护工作部门、公安机关 | 首报 | 第一时间，最迟不得超过1小时 | reporting | 全部 |\n| 属地省级网信部门 | 首报 | 6小时 | reporting | 全部 |', head);
    expect(lintWith(rule, { 'bad.md': miniPlan({ front: gov, reports: cyber }) }).lines).toEqual([expect.stringMatching(/^60:\d+ Unexpected report to 属地省级网信部门 with a time limit of 6 h, expected within 4 h/)]);
    const national = reports('| 国务院 | 续报 | 2小时 | reporting | 全部 |', head);
    expect(lintWith(rule, { 'ok.md': miniPlan({ front: gov, reports: national }) }).lines).toEqual([]);
  });

  it('asks nothing of an English NIMS/ICS plan or of a government plan without reports (that is required-sections)', () => {
    expect(lintWith(rule, { 'eoc.md': miniPlan({ front: front('general', 'regime: international\n'), reports: '' }) }).lines).toEqual([]);
    expect(lintWith(rule, { 'gov.md': miniPlan({ front: gov, reports: '' }) }).lines).toEqual([]);
  });

  it('honours maxSeconds and skips on-site procedures', () => {
    const late = reports('| 县应急管理局 | 2小时 | reporting | 全部 |');
    expect(lintWith(rule, { 'ok.md': miniPlan({ reports: late }) }, { options: { maxSeconds: 7200 } }).lines).toEqual([]);
    expect(lintWith(rule, { 'ok.md': miniPlan({ front: front('onsite'), reports: '' }) }).lines).toEqual([]);
    expect(lintWith(rule, { 'bad.md': miniPlan({ front: front('general'), reports: '' }) }).lines).toHaveLength(1);
  });
});
