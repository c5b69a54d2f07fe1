import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import rule from './role-deputy.js';

/** Roles table (line 28 is the first row) with the given commander deputy and extra rows. */
const roles = (commanderDeputy: string, extra = '') => `## 3 应急组织机构及职责\n\n| 标识 | 角色 | 担任 | 副职 | 联系方式 |\n|---|---|---|---|---|\n| commander | 总指挥 | 总经理 | ${commanderDeputy} | 0571-1 |\n| deputy | 副总指挥 | 生产副总 | 安全总监 | 0571-2 |\n| operator | 操作工 | 当班操作工 | — | 0571-3 |\n| reporting | 信息报送 | 安全员 | — | 0571-4 |${extra}`;

describe('role-deputy', () => {
  it('accepts deciders whose deputy is a role id, a role name or a position written out', () => {
    expect(lintWith(rule, { 'ok.md': miniPlan() }).lines).toEqual([]);
    expect(lintWith(rule, { 'ok.md': miniPlan({ roles: roles('副总指挥') }) }).lines).toEqual([]);
    expect(lintWith(rule, { 'ok.md': miniPlan({ roles: roles('常务副总经理') }) }).lines).toEqual([]);
  });

  it('does not require a deputy of roles that decide nothing', () => {
    expect(lintWith(rule, { 'ok.md': miniPlan({ roles: roles('deputy') }) }).lines).toEqual([]);
  });

  it('reports a decider without a deputy at the empty deputy cell, pointing at what it decides', () => {
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': miniPlan({ roles: roles('—') }) });
    expect(lines).toEqual(['28:27 Unexpected role `commander` (总指挥) without a deputy, expected a stand-in: it decides level II and declares the termination, and nobody else can when 总经理 is absent']);
    expect(diagnostics[0].messageZh).toBe('角色 `commander`（总指挥）负责决定启动II级响应、宣布响应终止，但未设副职：总经理不在岗时无人决策（单点失效）');
    expect(diagnostics[0].related?.map((r) => `${r.place?.start.line} ${r.message}`)).toEqual(['38 commander decides level II here', '64 commander declares the termination here']);
  });

  it('does not accept a role as its own deputy', () => {
    expect(lintWith(rule, { 'bad.md': miniPlan({ roles: roles('commander') }) }).lines).toEqual([expect.stringMatching(/^28:\d+ Unexpected role `commander` \(总指挥\) without a deputy/)]);
  });

  it('reports a deputy written as a role id that is not defined, for any role', () => {
    const { lines } = lintWith(rule, { 'bad.md': miniPlan({ roles: roles('deputy', '\n| monitor | 监测员 | 环保专员 | vice-monitor | 0571-5 |') }) });
    expect(lines).toEqual(['32:26 Unexpected deputy `vice-monitor` of role `monitor` naming no role, expected one of: commander, deputy, operator, reporting, or a position written out such as 副总指挥']);
  });

  it('reports a decider whose only deputy is a dangling id twice: the broken reference and the missing stand-in', () => {
    const { lines } = lintWith(rule, { 'bad.md': miniPlan({ roles: roles('deputy-gm') }) });
    expect(lines).toEqual([
      '28:27 Unexpected deputy `deputy-gm` of role `commander` naming no role, expected `deputy`, the closest defined role, or a position written out such as 副总指挥',
      expect.stringMatching(/^28:27 Unexpected role `commander` \(总指挥\) without a deputy/),
    ]);
  });

  it('asks no personal deputy of a body or the public (国务院安委会, 自治区人民政府, a department, network operators)', () => {
    const bodies = '## 3 应急组织机构及职责\n\n| 标识 | 角色 | 类型 | 联系方式 |\n|---|---|---|---|\n| commander | 自治区人民政府 | | 0471-1 |\n| deputy | 自治区应急厅 | | 0471-2 |\n| operator | 网络运营者 | | 1 |\n| reporting | 事故现场有关人员 | | 2 |';
    expect(lintWith(rule, { 'gov.md': miniPlan({ roles: bodies }) }).lines).toEqual([]);
    const declared = bodies.replace('| commander | 自治区人民政府 | |', '| commander | 总指挥部 | post |');
    expect(lintWith(rule, { 'gov.md': miniPlan({ roles: declared }) }).lines).toEqual([expect.stringMatching(/^\d+:\d+ Unexpected role `commander` \(总指挥部\) without a deputy/)]);
  });

  it('takes the other alternatives of a decision as its stand-ins (Metchosin: the CAO, the Fire Chief or the EOC Director)', () => {
    const roles3 = '## Roles and responsibilities\n\n| id | name | kind | contact |\n|---|---|---|---|\n| cao | Chief Administrative Officer (CAO) | post | 1 |\n| chief | Fire Chief | post | 2 |\n| director | EOC Director | post | 3 |';
    const levels = '## Response levels\n\n| level | condition | decided by |\n|---|---|---|\n| III | `leak_kg < 100` | cao or chief or director |\n| II | `leak_kg >= 100` | cao or chief or director |';
    const plan = miniPlan({ roles: roles3, levels, escalation: '', steps: '', reports: '', termination: '', resources: '' });
    expect(lintWith(rule, { 'eoc.md': plan }).lines).toEqual([]);
  });
});
