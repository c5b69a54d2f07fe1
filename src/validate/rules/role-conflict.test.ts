import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import rule from './role-conflict.js';

const table = (rows: string) => `## 3 应急组织机构及职责\n\n| 标识 | 角色 | 担任 | 副职 | 联系方式 | 隶属 |\n|---|---|---|---|---|---|\n${rows}`;
const BASE = '| commander | 总指挥 | 总经理 | deputy | 0571-1 | — |\n| deputy | 副总指挥 | 生产副总 | commander | 0571-2 | — |\n| operator | 操作工 | 当班操作工 | 班长 | 0571-3 | — |\n| reporting | 信息报送 | 安全员 | 副部长 | 0571-4 | — |';

describe('role-conflict', () => {
  it('accepts roles with different holders', () => {
    expect(lintWith(rule, { 'ok.md': miniPlan() }).lines).toEqual([]);
  });

  it('reports the commander also holding a team role that acts at the same levels', () => {
    const rows = BASE.replace('| operator | 操作工 | 当班操作工 |', '| operator | 操作工 | 总经理 |');
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': miniPlan({ roles: table(rows) }) });
    expect(lines).toEqual(['30:20 Unexpected 总经理 holding both `commander` (总指挥) and `operator` (操作工), which act at the same time at every level, expected a different holder for one of them']);
    expect(diagnostics[0].related?.[0]).toMatchObject({ message: '`commander` is held by 总经理 here', place: { start: { line: 28, column: 21 } } });
    expect(diagnostics[0].messageZh).toBe('总经理同时担任 `commander`（总指挥）和 `operator`（操作工），两者在各级响应中需同时履职，应由不同人员担任');
  });

  it('accepts one holder for two roles that never act at the same level', () => {
    const rows = `${BASE}\n| sampler | 采样员 | 安全员 | 班长 | 0571-5 | — |`;
    const steps = '## 6 响应程序\n\n| 标识 | 措施 | 负责 | 时限 | 级别 |\n|---|---|---|---|---|\n| alarm | 报警 | operator | 1分钟 | 全部 |\n| sample | 采样 | sampler | 10分钟 | III |\n| report | 上报 | reporting | 1小时 | II |';
    const reports = '## 7 信息报告\n\n| 对象 | 时限 | 负责 | 级别 |\n|---|---|---|---|\n| 县应急管理局 | 1小时 | reporting | II |';
    expect(lintWith(rule, { 'ok.md': miniPlan({ roles: table(rows), steps, reports }) }).lines).toEqual([]);
    const clash = steps.replace('| sample | 采样 | sampler | 10分钟 | III |', '| sample | 采样 | sampler | 10分钟 | II |');
    expect(lintWith(rule, { 'bad.md': miniPlan({ roles: table(rows), steps: clash, reports }) }).lines).toEqual([expect.stringMatching(/holding both `reporting` \(信息报送\) and `sampler` \(采样员\), which act at the same time at level II,/)]);
  });

  it('accepts a group led by the same holder as its leader role', () => {
    const rows = `${BASE.replace('| commander | 总指挥 | 总经理 | deputy | 0571-1 | — |', '| commander | 总指挥 | 总经理 | deputy | 0571-1 | hq |')}\n| hq | 应急指挥部 | 总经理 | — | 0571-0 | — |`;
    expect(lintWith(rule, { 'ok.md': miniPlan({ roles: table(rows) }) }).lines).toEqual([]);
  });

  it('reports a deputy held by the same person, once', () => {
    const rows = BASE.replace('| deputy | 副总指挥 | 生产副总 |', '| deputy | 副总指挥 | 总经理 |');
    const { lines } = lintWith(rule, { 'bad.md': miniPlan({ roles: table(rows) }) });
    expect(lines).toEqual([
      '28:27 Unexpected deputy `deputy` of role `commander` held by the same 总经理, expected a different person to stand in',
      '29:25 Unexpected deputy `commander` of role `deputy` held by the same 总经理, expected a different person to stand in',
    ]);
  });

  it('reports a deputy written as the holder itself', () => {
    const rows = BASE.replace('| operator | 操作工 | 当班操作工 | 班长 |', '| operator | 操作工 | 当班操作工 | 当班操作工 |');
    expect(lintWith(rule, { 'bad.md': miniPlan({ roles: table(rows) }) }).lines).toEqual([expect.stringMatching(/^30:\d+ Unexpected deputy `当班操作工` of role `operator` held by the same 当班操作工/)]);
  });

  it('does not count a body led by the holder of a post as a second post (公司应急救援领导小组 led by the 总经理)', () => {
    const roles = '## 3 应急组织机构及职责\n\n| 标识 | 角色 | 担任 | 副职 | 联系方式 |\n|---|---|---|---|---|\n| commander | 总指挥 | 总经理 | deputy | 0571-1 |\n| deputy | 副总指挥 | 生产副总 | commander | 0571-2 |\n| operator | 操作工 | 当班操作工 | 班长 | 0571-3 |\n| reporting | 公司应急救援领导小组 | 总经理 | — | 0571-4 |';
    expect(lintWith(rule, { 'ok.md': miniPlan({ roles }) }).lines).toEqual([]);
  });
});
