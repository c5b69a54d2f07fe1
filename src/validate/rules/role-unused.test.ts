import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import rule from './role-unused.js';

const roles = (extra: string) => `## 3 应急组织机构及职责\n\n| 标识 | 角色 | 担任 | 副职 | 联系方式 | 隶属 |\n|---|---|---|---|---|---|\n| commander | 总指挥 | 总经理 | deputy | 0571-1 | hq |\n| deputy | 副总指挥 | 生产副总 | commander | 0571-2 | hq |\n| operator | 操作工 | 当班操作工 | 班长 | 0571-3 | — |\n| reporting | 信息报送 | 安全员 | 副部长 | 0571-4 | — |\n${extra}`;

describe('role-unused', () => {
  it('accepts roles that own, decide, keep, report or are notified', () => {
    expect(lintWith(rule, { 'ok.md': miniPlan() }).lines).toEqual([]);
  });

  it('counts a group others belong to and a role named as a deputy (by id, name or holder)', () => {
    const extra = '| hq | 应急指挥部 | 总经理 | — | 0571-0 | — |\n| safety | 安全总监 | 安全总监 | — | 0571-5 | — |\n| vice | 副值班长 | 当班副值班长 | — | 0571-6 | — |\n| shift | 值班长 | 当班值班长 | 副值班长 | 0571-7 | — |';
    const { lines } = lintWith(rule, { 'ok.md': miniPlan({ roles: roles(extra).replace('| reporting | 信息报送 | 安全员 | 副部长 |', '| reporting | 信息报送 | 安全员 | 安全总监 |') }) });
    expect(lines).toEqual(['35:3 Unexpected unused role `shift` (值班长), expected it to own a step, decide a level, keep a resource, report or receive a report, be notified or stand in as a deputy']);
  });

  it('reports a role nobody references', () => {
    const extra = '| hq | 应急指挥部 | 总经理 | — | 0571-0 | — |\n| publicity | 宣传组 | 办公室主任 | 办公室副主任 | 0571-8 | — |';
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': miniPlan({ roles: roles(extra) }) });
    expect(lines).toEqual([expect.stringMatching(/^33:3 Unexpected unused role `publicity` \(宣传组\)/)]);
    expect(diagnostics[0].severity).toBe('warning');
    expect(diagnostics[0].messageZh).toContain('未承担任何任务');
  });

  it('does not count a role standing in for itself', () => {
    const extra = '| hq | 应急指挥部 | 总经理 | — | 0571-0 | — |\n| spare | 备用 | 备班人员 | spare | 0571-9 | — |';
    expect(lintWith(rule, { 'bad.md': miniPlan({ roles: roles(extra) }) }).lines).toHaveLength(1);
  });

  it('counts alternatives, support, judges and report recipients (Metchosin: the CAO, the Fire Chief or the EOC Director)', () => {
    const extra = '| hq | 应急指挥部 | 总经理 | — | 0571-0 | — |\n| chief | 消防队长 | 专职消防队长 | — | 0571-5 | — |\n| medic | 医疗组 | 卫生所所长 | — | 0571-6 | — |\n| epb | 省级生态环境部门 | — | — | 12369 | — |\n| expert | 专家组 | 组长 | — | 0571-7 | — |';
    const steps = '## 6 响应程序\n\n| 标识 | 措施 | 负责 | 时限 | 级别 |\n|---|---|---|---|---|\n| alarm | 报警 | operator 或 chief | 1分钟 | 全部 |\n| aid | 救治 | operator 会同 medic | 5分钟 | 全部 |\n| report | 上报 | reporting | 1小时 | II |';
    const facts = '## 2 事故信息要素\n\n| 标识 | 名称 | 类型 | 单位 | 判定 |\n|---|---|---|---|---|\n| leak_kg | 泄漏量 | number | kg | |\n| injured | 受伤人数 | integer | 人 | |\n| beyond | 超出处置能力 | judgement | | expert |';
    const reports = '## 7 信息报告\n\n| 对象 | 时限 | 负责 | 级别 |\n|---|---|---|---|\n| 属地省级生态环境部门 | 1小时 | reporting | 全部 |';
    expect(lintWith(rule, { 'ok.md': miniPlan({ roles: roles(extra), steps, facts, reports }) }).lines).toEqual([]);
  });
});
