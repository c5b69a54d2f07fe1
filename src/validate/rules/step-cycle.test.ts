import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import rule from './step-cycle.js';

const steps = (rows: string) => `## 6 响应程序\n\n| 标识 | 措施 | 负责 | 时限 | 前置 |\n|---|---|---|---|---|\n${rows}`;

describe('step-cycle', () => {
  it('accepts an acyclic procedure (shared prerequisites are not cycles)', () => {
    expect(lintWith(rule, { 'ok.md': miniPlan() }).lines).toEqual([]);
    const rows = '| alarm | 报警 | operator | 1分钟 | — |\n| a | 甲 | operator | 5分钟 | alarm |\n| b | 乙 | operator | 5分钟 | alarm |\n| c | 丙 | operator | 9分钟 | a, b |';
    expect(lintWith(rule, { 'ok.md': miniPlan({ steps: steps(rows) }) }).lines).toEqual([]);
  });

  it('reports a cycle once, in execution order, with related places', () => {
    const rows = '| alarm | 报警 | operator | 1分钟 | — |\n| ventilate | 通风 | operator | 30分钟 | alarm, recheck |\n| recheck | 复测 | operator | 40分钟 | measure |\n| measure | 检测 | operator | 20分钟 | ventilate |';
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': miniPlan({ steps: steps(rows) }) });
    expect(lines).toEqual(['52:38 Unexpected dependency cycle ventilate → measure → recheck → ventilate, expected `after` to name only steps that can finish first']);
    expect(diagnostics[0].related?.map((r) => `${r.place?.start.line} ${r.message}`)).toEqual(['53 `recheck` is part of the cycle here', '54 `measure` is part of the cycle here']);
    expect(diagnostics[0].messageZh).toBe('处置步骤循环等待：ventilate → measure → recheck → ventilate，前置步骤应能先于本步骤完成');
  });

  it('reports a step waiting for itself', () => {
    const rows = '| alarm | 报警 | operator | 1分钟 | alarm |';
    expect(lintWith(rule, { 'bad.md': miniPlan({ steps: steps(rows) }) }).lines).toEqual([expect.stringMatching(/^51:\d+ Unexpected dependency cycle alarm → alarm,/)]);
  });

  it('reports separate cycles separately and a knot of cycles once', () => {
    const rows = '| a | 甲 | operator | 1分钟 | b |\n| b | 乙 | operator | 1分钟 | a |\n| c | 丙 | operator | 1分钟 | d |\n| d | 丁 | operator | 1分钟 | c, e |\n| e | 戊 | operator | 1分钟 | d |';
    const { lines } = lintWith(rule, { 'bad.md': miniPlan({ steps: steps(rows) }) });
    expect(lines).toEqual([
      expect.stringMatching(/^51:\d+ Unexpected dependency cycle a → b → a,/),
      expect.stringMatching(/^53:\d+ Unexpected dependency cycle c → d → c \(3 steps are caught in this knot\),/),
    ]);
  });
});
