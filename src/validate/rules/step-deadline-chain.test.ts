import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import rule from './step-deadline-chain.js';

const steps = (rows: string) => `## 6 响应程序\n\n| 标识 | 措施 | 负责 | 时限 | 前置 | 级别 |\n|---|---|---|---|---|---|\n${rows}`;

describe('step-deadline-chain', () => {
  it('accepts deadlines that grow along the chain, and step-anchored deadlines', () => {
    expect(lintWith(rule, { 'ok.md': miniPlan() }).lines).toEqual([]);
    const rows = '| alarm | 报警 | operator | 1分钟 | — | 全部 |\n| rescue | 救援 | operator | 15分钟 | alarm | 全部 |\n| first-aid | 急救 | operator | rescue 完成后10分钟 | rescue | 全部 |\n| notify | 通知 | operator | 1分钟 | alarm | 全部 |';
    expect(lintWith(rule, { 'ok.md': miniPlan({ steps: steps(rows) }) }).lines).toEqual([]);
  });

  it('reports a deadline earlier than a prerequisite’s, once, with the critical path', () => {
    const rows = '| alarm | 报警 | operator | 1分钟 | — | 全部 |\n| assess | 研判 | operator | 5分钟 | alarm | 全部 |\n| cordon | 警戒 | operator | 10分钟 | assess | 全部 |\n| rescue | 救援 | operator | 15分钟 | cordon | 全部 |\n| first-aid | 急救 | operator | 10分钟 | rescue, alarm | 全部 |';
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': miniPlan({ steps: steps(rows) }) });
    expect(lines).toEqual(['55:31 Unexpected deadline 10 min for `first-aid` at every level, expected at least 15 min: critical path alarm (1 min) → assess (5 min) → cordon (10 min) → rescue (15 min) + `first-aid` itself; if 10分钟 is the time `first-aid` itself needs, write `rescue 完成后10分钟` (25 min)']);
    expect(diagnostics[0].messageZh).toBe('在各级响应中，步骤 `first-aid` 的时限 10分钟 早于其前置步骤可能完成的时间，应不少于 15分钟：关键路径 alarm（1分钟） → assess（5分钟） → cordon（10分钟） → rescue（15分钟） + `first-aid` 本身；若 10分钟 是本步骤自身所需时间，应写作“rescue 完成后10分钟”（共25分钟）');
    expect(diagnostics[0].related?.map((r) => `${r.place?.start.line} ${r.message}`)).toEqual([
      '51 `alarm` may finish as late as 1 min', '52 `assess` may finish as late as 5 min', '53 `cordon` may finish as late as 10 min', '54 `rescue` may finish as late as 15 min',
    ]);
  });

  it('adds each level’s activation to level-anchored deadlines and names only the levels that fail', () => {
    // muster: 5 min after activation = 15 min at III (activation 10 min), 20 min at II (15 min).
    const rows = '| alarm | 报警 | operator | 1分钟 | — | 全部 |\n| muster | 集结 | operator | 响应启动后5分钟 | alarm | 全部 |\n| attack | 进攻 | operator | 18分钟 | muster | 全部 |';
    expect(lintWith(rule, { 'bad.md': miniPlan({ steps: steps(rows) }) }).lines).toEqual([
      expect.stringMatching(/^53:\d+ Unexpected deadline 18 min for `attack` at level II, expected at least 20 min: critical path alarm \(1 min\) → muster \(20 min\)/),
    ]);
  });

  it('passes a prerequisite without a deadline through to its own prerequisites', () => {
    const rows = '| alarm | 报警 | operator | 1分钟 | — | 全部 |\n| rescue | 救援 | operator | 15分钟 | alarm | 全部 |\n| triage | 分类 | operator | — | rescue | 全部 |\n| transfer | 转运 | operator | 10分钟 | triage | 全部 |';
    expect(lintWith(rule, { 'bad.md': miniPlan({ steps: steps(rows) }) }).lines).toEqual([
      expect.stringMatching(/Unexpected deadline 10 min for `transfer` at every level, expected at least 15 min: critical path alarm \(1 min\) → rescue \(15 min\) → triage \(no deadline\) \+/),
    ]);
  });

  it('ignores prerequisites inactive at the level and steps caught in a cycle', () => {
    const rows = '| alarm | 报警 | operator | 1分钟 | — | 全部 |\n| cordon | 警戒 | operator | 30分钟 | alarm | II |\n| rescue | 救援 | operator | 15分钟 | cordon | III |\n| a | 甲 | operator | 5分钟 | b | 全部 |\n| b | 乙 | operator | 9分钟 | a | 全部 |';
    expect(lintWith(rule, { 'ok.md': miniPlan({ steps: steps(rows) }) }).lines).toEqual([]);
  });

  it('writes the rewrite hint in English for English deadlines', () => {
    const rows = '| alarm | 报警 | operator | 15 min | — | 全部 |\n| rescue | 救援 | operator | 10 min | alarm | 全部 |';
    expect(lintWith(rule, { 'bad.md': miniPlan({ steps: steps(rows) }) }).lines[0]).toMatch(/write `10 min after alarm` \(25 min\)$/);
  });
});
