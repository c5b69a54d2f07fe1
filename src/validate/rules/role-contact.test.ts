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
});
