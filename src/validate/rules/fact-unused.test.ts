import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import rule from './fact-unused.js';

const lineOf = (md: string, prefix: string) => md.split('\n').findIndex((l) => l.startsWith(prefix)) + 1;
const facts = (extra: string) => `## 2 事故信息要素\n\n| 标识 | 名称 | 类型 | 单位 |\n|---|---|---|---|\n| leak_kg | 泄漏量 | number | kg |\n| injured | 受伤人数 | integer | 人 |\n${extra}`;

describe('fact-unused', () => {
  it('accepts facts that conditions use', () => {
    expect(lintWith(rule, { 'ok.md': miniPlan() }).lines).toEqual([]);
  });

  it('warns about a declared fact no condition uses', () => {
    const md = miniPlan({ facts: facts('| trapped | 被困人数 | integer | 人 |') });
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': md });
    expect(lines).toEqual([`${lineOf(md, '| trapped')}:3 Unexpected unused fact \`trapped\` (被困人数), expected a level, escalation, step, warning, standby, report or termination condition to use it (or remove it)`]);
    expect(diagnostics[0].severity).toBe('warning');
    expect(diagnostics[0].messageZh).toBe('事故信息要素 `trapped`（被困人数）未被任何启动、升级、执行、预警、准备、报告或终止条件使用，应在条件中使用或删除');
  });

  it('counts step conditions, termination conditions and references by label', () => {
    const md = miniPlan({
      facts: facts('| trapped | 被困人数 | integer | 人 |\n| contained | 泄漏源已控制 | boolean | |'),
      steps: '## 6 响应程序\n\n| 标识 | 措施 | 负责 | 时限 | 级别 | 条件 |\n|---|---|---|---|---|---|\n| rescue | 搜救 | operator | 10分钟 | 全部 | `被困人数 >= 1` |\n| report | 上报 | reporting | 1小时 | II | — |',
      termination: '## 8 响应终止\n\n- 条件：`contained`\n- 宣布：commander',
    });
    expect(lintWith(rule, { 'ok.md': md }).lines).toEqual([]);
  });

  it('counts enum facts used with `in`', () => {
    const md = miniPlan({
      facts: '## 2 事故信息要素\n\n| 标识 | 名称 | 类型 | 单位 | 取值 |\n|---|---|---|---|---|\n| leak_kg | 泄漏量 | number | kg | |\n| injured | 受伤人数 | integer | 人 | |\n| warning | 气象预警 | enum | | blue, red |',
      escalation: '## 5 响应升级与降级\n\n| 从 | 到 | 条件 |\n|---|---|---|\n| III | II | `leak_kg >= 100 or warning in [red]` |\n| II | III | `leak_kg < 100 and injured == 0` |',
    });
    expect(lintWith(rule, { 'ok.md': md }).lines).toEqual([]);
  });

  it('counts report conditions (cyber reporting: the deadline depends on the kind of operator)', () => {
    const md = miniPlan({
      facts: '## 2 事故信息要素\n\n| 标识 | 名称 | 类型 | 单位 | 取值 |\n|---|---|---|---|---|\n| leak_kg | 泄漏量 | number | kg | |\n| injured | 受伤人数 | integer | 人 | |\n| operator_kind | 网络运营者类别 | enum | | cii, other |',
      reports: '## 7 信息报告\n\n| 对象 | 适用条件 | 时限 | 负责 | 级别 |\n|---|---|---|---|---|\n| 县应急管理局 | | 1小时 | reporting | 全部 |\n| 保护工作部门 | `operator_kind == cii` | 1小时 | reporting | 全部 |',
    });
    expect(lintWith(rule, { 'ok.md': md }).lines).toEqual([]);
  });
});
