import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import rule from './role-undefined.js';

const ROLES = '## 3 应急组织机构及职责\n\n| 标识 | 角色 | 担任 | 副职 | 联系方式 | 隶属 |\n|---|---|---|---|---|---|\n| commander | 总指挥 | 总经理 | deputy | 0571-1 | — |\n| deputy | 副总指挥 | 生产副总 | commander | 0571-2 | hq |\n| operator | 操作工 | 当班操作工 | 班长 | 0571-3 | — |\n| reporting | 信息报送 | 安全员 | 副部长 | 0571-4 | — |';

describe('role-undefined', () => {
  it('accepts references by id, by role name and by holder', () => {
    expect(lintWith(rule, { 'ok.md': miniPlan() }).lines).toEqual([]);
    const termination = '## 8 响应终止\n\n- 条件：`leak_kg < 1`\n- 宣布：总指挥';
    const reports = '## 7 信息报告\n\n| 对象 | 时限 | 负责 |\n|---|---|---|\n| 县应急管理局 | 1小时 | 安全员 |';
    expect(lintWith(rule, { 'ok.md': miniPlan({ termination, reports }) }).lines).toEqual([]);
  });

  it('reports a misspelt step owner at its cell and suggests the closest role', () => {
    const steps = '## 6 响应程序\n\n| 标识 | 措施 | 负责 | 时限 |\n|---|---|---|---|\n| alarm | 报警 | operater | 1分钟 |';
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': miniPlan({ steps }) });
    expect(lines).toEqual(['51:16 Unexpected undefined role `operater` as owner of `alarm`, expected `operator`, the closest defined role']);
    expect(diagnostics[0].messageZh).toBe('`alarm` 的负责角色 `operater` 未在组织机构表中定义，是否应为 `operator`（最接近的已定义角色）');
  });

  it('reports undefined deciders, reporters, keepers and groups', () => {
    const termination = '## 8 响应终止\n\n- 条件：`leak_kg < 1`\n- 宣布：plant-manager';
    const reports = '## 7 信息报告\n\n| 对象 | 时限 | 负责 |\n|---|---|---|\n| 县应急管理局 | 1小时 | 办公室 |';
    const resources = '## 9 应急保障\n\n| 标识 | 名称 | 数量 | 保管 |\n|---|---|---|---|\n| scba | 空气呼吸器 | 2 | fire-station |';
    const { lines } = lintWith(rule, { 'bad.md': miniPlan({ roles: ROLES, termination, reports, resources }) });
    expect(lines).toEqual([
      expect.stringMatching(/^\d+:\d+ Unexpected undefined role `plant-manager` as decider of the termination, expected one of: commander, deputy, operator, reporting$/),
      expect.stringMatching(/Unexpected undefined role `fire-station` as keeper of `scba`/),
      expect.stringMatching(/Unexpected undefined role `办公室` as reporter of the report to 县应急管理局/),
      expect.stringMatching(/Unexpected undefined role `hq` as group of `deputy`/),
    ]);
  });

  it('leaves notify targets to notify-undefined and 相关部门 to role-vague', () => {
    const steps = '## 6 响应程序\n\n| 标识 | 措施 | 负责 | 时限 | 通知 |\n|---|---|---|---|---|\n| alarm | 报警 | 相关部门 | 1分钟 | shift-leader |';
    expect(lintWith(rule, { 'ok.md': miniPlan({ steps }) }).lines).toEqual([]);
  });
});
