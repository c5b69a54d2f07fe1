import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import rule from './resource-shortage.js';

const steps = (rows: string) => `## 6 响应程序\n\n| 标识 | 措施 | 负责 | 时限 | 前置 | 级别 | 资源 |\n|---|---|---|---|---|---|---|\n${rows}`;
const stock = (n: number) => `## 9 应急保障\n\n| 标识 | 名称 | 数量 | 单位 | 保管 |\n|---|---|---|---|---|\n| scba | 空气呼吸器 | ${n} | 套 | operator |\n| suit | 防化服 | 2 | 套 | operator |`;

describe('resource-shortage', () => {
  it('accepts demands within the stock', () => {
    expect(lintWith(rule, { 'ok.md': miniPlan() }).lines).toEqual([]);
  });

  it('reports concurrent steps that together need more than the stock, at the stock cell', () => {
    const rows = '| alarm | 报警 | operator | 1分钟 | — | 全部 | — |\n| isolate | 关阀 | operator | 3分钟 | alarm | 全部 | scba×2 |\n| rescue | 搜救 | operator | 15分钟 | alarm | 全部 | scba×4, suit×2 |';
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': miniPlan({ steps: steps(rows), resources: stock(4) }) });
    expect(lines).toEqual(['70:18 Unexpected demand for 6 scba at every level by concurrent steps isolate (2) + rescue (4), expected at most the stock of 4']);
    expect(diagnostics[0].messageZh).toBe('在各级响应中，可能同时进行的步骤 isolate（2套） + rescue（4套） 共需 空气呼吸器（scba）6套，超过库存 4套');
    expect(diagnostics[0].related?.map((r) => r.message)).toEqual(['`isolate` needs 2 here', '`rescue` needs 4 here']);
  });

  it('accepts steps that follow one another (directly or transitively) sharing the stock', () => {
    const rows = '| alarm | 报警 | operator | 1分钟 | — | 全部 | — |\n| isolate | 关阀 | operator | 3分钟 | alarm | 全部 | scba×4 |\n| cordon | 警戒 | operator | 5分钟 | isolate | 全部 | — |\n| rescue | 搜救 | operator | 15分钟 | cordon | 全部 | scba×4 |';
    expect(lintWith(rule, { 'ok.md': miniPlan({ steps: steps(rows), resources: stock(4) }) }).lines).toEqual([]);
  });

  it('only adds up steps active at the same level', () => {
    const rows = '| alarm | 报警 | operator | 1分钟 | — | 全部 | — |\n| isolate | 关阀 | operator | 3分钟 | alarm | III | scba×3 |\n| rescue | 搜救 | operator | 15分钟 | alarm | II | scba×3 |\n| plug | 堵漏 | operator | 15分钟 | alarm | II | scba×2 |';
    const { lines } = lintWith(rule, { 'bad.md': miniPlan({ steps: steps(rows), resources: stock(4) }) });
    expect(lines).toEqual([expect.stringMatching(/Unexpected demand for 5 scba at level II by concurrent steps rescue \(3\) \+ plug \(2\), expected at most the stock of 4$/)]);
  });

  it('reports a single step needing more than the stock, and counts a demand without quantity as one', () => {
    const rows = '| alarm | 报警 | operator | 1分钟 | — | 全部 | suit×3 |\n| isolate | 关阀 | operator | 3分钟 | alarm | 全部 | suit |';
    expect(lintWith(rule, { 'bad.md': miniPlan({ steps: steps(rows), resources: stock(4) }) }).lines).toEqual([
      expect.stringMatching(/Unexpected demand for 3 suit at every level by step alarm \(3\), expected at most the stock of 2$/),
    ]);
  });
});
