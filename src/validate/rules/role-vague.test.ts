import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import { isVague } from '../refs.js';
import rule from './role-vague.js';

describe('role-vague', () => {
  it('accepts named roles', () => {
    expect(lintWith(rule, { 'ok.md': miniPlan() }).lines).toEqual([]);
  });

  it('recognises collective owners in Chinese and English', () => {
    for (const t of ['相关部门', '有关单位', '各部门', '相关人员', '各有关科室', '其他人员', 'relevant departments', 'Related units', 'all departments']) expect(isVague(t), t).toBe(true);
    for (const t of ['安全环保部', '当班值班长', '部门经理', 'department head', '应急救援队']) expect(isVague(t), t).toBe(false);
  });

  it('reports a step owned by 相关部门 at its owner cell', () => {
    const steps = '## 6 响应程序\n\n| 标识 | 措施 | 负责 | 时限 |\n|---|---|---|---|\n| alarm | 报警 | operator | 1分钟 |\n| power | 切断电源 | 相关部门 | 5分钟 |';
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': miniPlan({ steps }) });
    expect(lines).toEqual(['52:18 Unexpected vague `相关部门` as owner of `power`, expected one accountable role from the roles table']);
    expect(diagnostics[0].messageZh).toBe('`power` 的负责角色“相关部门”指代不明，应落实到组织机构表中的具体角色');
  });

  it('reports a vague role name or holder once, at the role, not at each use', () => {
    const roles = '## 3 应急组织机构及职责\n\n| 标识 | 角色 | 担任 | 副职 | 联系方式 |\n|---|---|---|---|---|\n| commander | 总指挥 | 总经理 | deputy | 0571-1 |\n| deputy | 副总指挥 | 生产副总 | commander | 0571-2 |\n| operator | 相关部门 | 有关人员 | 班长 | 0571-3 |\n| reporting | 信息报送 | 安全员 | 副部长 | 0571-4 |';
    const { lines } = lintWith(rule, { 'bad.md': miniPlan({ roles }) });
    expect(lines).toEqual([
      '30:14 Unexpected vague `相关部门` as name of role `operator`, expected one accountable role from the roles table',
      '30:21 Unexpected vague `有关人员` as holder of role `operator`, expected one accountable role from the roles table',
    ]);
  });

  it('reports vague notify targets and reporters in YAML', () => {
    const yaml = [
      'plan: { id: y, title: 测试预案, kind: special }',
      'roles:',
      '  - { id: operator, name: 操作工, holder: 当班操作工, contact: "1" }',
      'steps:',
      '  - { id: alarm, action: 报警, role: operator, deadline: 1分钟, notify: [relevant departments] }',
      'reports:',
      '  - { to: 县应急管理局, within: 1小时, by: 各有关单位 }',
    ].join('\n');
    expect(lintWith(rule, { 'bad.yaml': yaml }).lines).toEqual([
      expect.stringMatching(/^5:\d+ Unexpected vague `relevant departments` as notified role of `alarm`/),
      expect.stringMatching(/^7:\d+ Unexpected vague `各有关单位` as reporter of the report to 县应急管理局/),
    ]);
  });

  it('reads real wording: words between 相关/有关 and 部门 are still vague; the statutory 事故现场有关人员 and defined sets are not', () => {
    for (const t of ['相关行业领域主管部门', '有关行业主管部门', '各相关单位', '相关部门负责人']) expect(isVague(t), t).toBe(true);
    for (const t of ['事故现场有关人员', '现场有关人员', '中央和国家机关各部门网信工作机构', '各有关行政区域人民政府', '有关行政区域共同的上一级人民政府']) expect(isVague(t), t).toBe(false);
  });

  it('accepts 国务院有关部门 as a role when its duty says how the departments are chosen (按事故灾难类别和本部门职责)', () => {
    const roles = (duty: string) => `## 3 应急组织机构及职责\n\n| 标识 | 角色 | 类型 | 联系方式 | 职责 |\n|---|---|---|---|---|\n| commander | 总指挥 | | 0571-1 | 决定 |\n| deputy | 副总指挥 | | 0571-2 | 决定 |\n| operator | 国务院有关部门 | body | 0571-3 | ${duty} |\n| reporting | 信息报送 | | 0571-4 | 上报 |`;
    expect(lintWith(rule, { 'ok.md': miniPlan({ roles: roles('按事故灾难类别和本部门职责响应') }) }).lines).toEqual([]);
    expect(lintWith(rule, { 'bad.md': miniPlan({ roles: roles('参与救援') }) }).lines).toEqual([expect.stringMatching(/^30:\d+ Unexpected vague `国务院有关部门` as name of role `operator`/)]);
  });
});
