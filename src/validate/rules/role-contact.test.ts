import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import rule from './role-contact.js';

describe('role-contact', () => {
  it('accepts roles with a contact', () => {
    expect(lintWith(rule, { 'ok.md': miniPlan() }).lines).toEqual([]);
  });

  it('reports a role whose contact is empty, at the empty contact cell', () => {
    const roles = '## 3 应急组织机构及职责\n\n| 标识 | 角色 | 担任 | 副职 | 联系方式 |\n|---|---|---|---|---|\n| commander | 总指挥 | 总经理 | deputy | 0571-1 |\n| deputy | 副总指挥 | 生产副总 | commander | — |\n| operator | 操作工 | 当班操作工 | 班长 | 对讲机3频道 |\n| reporting | 信息报送 | 安全员 | 副部长 | 0571-4 |';
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': miniPlan({ roles }) });
    expect(lines).toEqual(['29:38 Unexpected role `deputy` (副总指挥) without a contact, expected a phone number or radio channel']);
    expect(diagnostics[0].severity).toBe('warning');
    expect(diagnostics[0].messageZh).toBe('角色 `deputy`（副总指挥）缺少联系方式，应填写电话或对讲机频道');
  });

  it('reports a role without a contact column in YAML', () => {
    const yaml = 'plan: { id: y, title: 测试预案, kind: special }\nroles:\n  - { id: commander, name: 总指挥, holder: 总经理 }\n';
    expect(lintWith(rule, { 'bad.yaml': yaml }).lines).toEqual(['3:5 Unexpected role `commander` (总指挥) without a contact, expected a phone number or radio channel']);
  });

  it('reports the 24-hour duty line with a blank number even in an excerpt or a government plan (chem-injury 5.1: 值班电话：空)', () => {
    const roles = '## 3 应急组织机构及职责\n\n| 标识 | 角色 | 类型 | 联系方式 | 职责 |\n|---|---|---|---|---|\n| group | 公司应急救援领导小组 | body | | 启动本预案 |\n| duty-line | 公司24小时应急值班 | post | | 24小时应急值班，接听值班电话 |\n| shift-head | 集控当值值长 | post | 3800 | 汇报 |';
    const excerpt = '---\nid: e\ntitle: 化学危险品伤害人身伤亡事故应急预案\nkind: special\nregime: enterprise\nsource:\n  note: 摘录（约八页中的第6页）。\n---';
    const { lines, diagnostics } = lintWith(rule, { 'e.md': miniPlan({ front: excerpt, roles }) });
    expect(lines).toEqual(['28:33 Unexpected role `duty-line` (公司24小时应急值班) without a contact, expected a phone number or radio channel: it is the point to call']);
    expect(diagnostics[0].messageZh).toBe('角色 `duty-line`（公司24小时应急值班）缺少联系方式，应填写电话或对讲机频道：它是接警（值班）联络点');
    const gov = excerpt.replace('regime: enterprise', 'regime: government').replace(/source:\n.*\n/, '');
    expect(lintWith(rule, { 'g.md': miniPlan({ front: gov, roles }) }).lines).toEqual([expect.stringMatching(/^26:\d+ Unexpected role `duty-line`/)]);
  });

  it('asks a government plan no contact of its institutions, and the public none anywhere', () => {
    const roles = '## 3 应急组织机构及职责\n\n| 标识 | 角色 | 类型 | 职责 |\n|---|---|---|---|\n| province | 省级人民政府 | body | 决定并组织实施Ⅱ级响应 |\n| office | 国务院安委会办公室 | body | 组织实施Ⅰ级响应 |';
    const gov = '---\nid: g\ntitle: 国家安全生产事故灾难应急预案\nkind: special\nregime: government\n---';
    expect(lintWith(rule, { 'g.md': miniPlan({ front: gov, roles }) }).lines).toEqual([]);
    const pub = '## 3 应急组织机构及职责\n\n| 标识 | 角色 | 联系方式 |\n|---|---|---|\n| commander | 总指挥 | 0571-1 |\n| deputy | 副总指挥 | 0571-2 |\n| operator | 事故现场有关人员 | |\n| reporting | 信息报送 | 0571-4 |';
    expect(lintWith(rule, { 'p.md': miniPlan({ roles: pub }) }).lines).toEqual([]);
  });

  it('says once that an enterprise roles table has no contacts at all, listing the roles', () => {
    const roles = '## 3 应急组织机构及职责\n\n| 标识 | 角色 | 担任 |\n|---|---|---|\n| commander | 总指挥 | 总经理 |\n| deputy | 副总指挥 | 生产副总 |\n| operator | 操作工 | 当班操作工 |\n| reporting | 信息报送 | 安全员 |';
    const { lines } = lintWith(rule, { 'bad.md': miniPlan({ roles }) });
    expect(lines).toEqual(['28:1 Unexpected roles table without any contact (`commander`, `deputy`, `operator`, `reporting`), expected a phone number or radio channel for each role, or a contact list section (headed `Contacts`)']);
    const extra = '## 10 通讯录\n\n| 单位 | 联系人 | 电话 |\n|---|---|---|\n| 总指挥 | 总经理 | 0571-1 |';
    expect(lintWith(rule, { 'ok.md': miniPlan({ roles, extra }) }).lines).toEqual([]);
  });
});
