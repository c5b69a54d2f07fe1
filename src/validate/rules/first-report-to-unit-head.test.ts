import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import rule from './first-report-to-unit-head.js';

const steps = (rows: string) => `## 6 响应程序\n\n| 标识 | 措施 | 负责 | 时限 | 前置 | 要求 | 条件 |\n|---|---|---|---|---|---|---|\n| alarm | 报警 | operator | 1分钟 | — | | |\n${rows}`;
const facts = '## 2 事故信息要素\n\n| 标识 | 名称 | 类型 | 单位 |\n|---|---|---|---|\n| leak_kg | 泄漏量 | number | kg |\n| injured | 受伤人数 | integer | 人 |\n| necessary | 当值队长认为必要 | judgement | |';

describe('first-report-to-unit-head', () => {
  it('accepts an immediate report to the 总经理', () => {
    expect(lintWith(rule, { 'ok.md': miniPlan({ steps: steps('| report-top | 向总经理报告 | reporting | 立即 | alarm | | |') }) }).lines).toEqual([]);
  });

  it('reports a report to the 总经理 made only 必要时 (Dalian 6.3.6: 必要时向主管副总、总经理报告)', () => {
    const md = miniPlan({ facts, steps: steps('| report-top | 必要时向主管副总、总经理报告 | reporting | | alarm | | `necessary` |') });
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': md });
    expect(lines).toEqual([expect.stringMatching(/^\d+:\d+ Unexpected report to the unit head \(总经理\) only when `necessary`, expected an immediate report on every accident/)]);
    expect(diagnostics[0].messageZh).toBe('向单位负责人（总经理）的报告仅在 `necessary` 时进行，应在事故发生后立即报告，单位负责人方能在1小时内向政府部门报告（条例第九条）');
  });

  it('reports an optional (宜) report to the unit head, and leaves government plans alone', () => {
    const md = miniPlan({ steps: steps('| report-top | 向单位负责人报告 | reporting | 5分钟 | alarm | 宜 | |') });
    expect(lintWith(rule, { 'bad.md': md }).lines).toEqual([expect.stringMatching(/Unexpected report to the unit head \(单位负责人\) as optional/)]);
    const gov = '---\nid: g\ntitle: 某县预案\nkind: special\nregime: government\n---';
    expect(lintWith(rule, { 'gov.md': miniPlan({ front: gov, steps: steps('| report-top | 向单位负责人报告 | reporting | 5分钟 | alarm | 宜 | |') }) }).lines).toEqual([]);
  });
});
