import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import rule from './contact-ambiguous.js';

const roles = (rows: string) => `## 3 应急组织机构及职责\n\n| 标识 | 角色 | 担任 | 副职 | 联系方式 |\n|---|---|---|---|---|\n| commander | 总指挥 | 总经理 | deputy | 0571-1 |\n| deputy | 副总指挥 | 生产副总 | commander | 0571-2 |\n| operator | 操作工 | 当班操作工 | 班长 | 0571-3 |\n| reporting | 信息报送 | 安全员 | 副部长 | 0571-4 |\n${rows}`;

describe('contact-ambiguous', () => {
  it('accepts own numbers and public services reached at their public number', () => {
    expect(lintWith(rule, { 'ok.md': miniPlan({ roles: roles('| ems | 120急救中心 | — | — | 120 |\n| fire | 县消防救援大队 | — | — | 119 |\n| clinic | 卫生站 | 站长 | — | 3120 |') }) }).lines).toEqual([]);
  });

  it('reports the plant clinic reached at 120 (chem-injury 5.1: 卫生站 120)', () => {
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': miniPlan({ roles: roles('| clinic | 卫生站 | 站长 | — | 120 |') }) });
    expect(lines).toEqual(['32:27 Unexpected public emergency number 120 as the contact of `clinic` (卫生站), expected the role\'s own number (an extension or direct line); 120 reaches the public service']);
    expect(diagnostics[0].messageZh).toBe('角色 `clinic`（卫生站）的联系方式为公共号码 120，应填写本岗位自己的电话（分机或直线），120 会接通社会公共服务');
  });

  it('reports an enterprise\'s own volunteer fire team reached at 119 (the public fire service)', () => {
    expect(lintWith(rule, { 'bad.md': miniPlan({ roles: roles('| fire-team | 义务消防队 | 总经理 | — | 119 |') }) }).lines).toEqual([expect.stringMatching(/^32:\d+ Unexpected public emergency number 119 as the contact of `fire-team`/)]);
  });
});
