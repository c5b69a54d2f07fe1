import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import rule from './undefined-term.js';

const FACTS = '## 2 事故信息要素\n\n| 标识 | 名称 | 类型 | 单位 |\n|---|---|---|---|\n| leak_kg | 泄漏量 | number | kg |\n| injured | 受伤人数 | integer | 人 |\n| dense | 发生在人口密集地区 | boolean | |';
const levels = '## 4 响应分级\n\n| 级别 | 颜色 | 启动条件 | 决策 | 时限 |\n|---|---|---|---|---|\n| III | yellow | `leak_kg < 100 and injured == 0 and not dense` | deputy | 10分钟 |\n| II | orange | `leak_kg >= 100 or injured >= 1 or dense` | commander | 15分钟 |';

describe('undefined-term', () => {
  it('accepts the term when the plan defines it', () => {
    const md = miniPlan({ facts: FACTS, levels, extra: '## 10 附则\n\n人口密集地区是指常住人口密度每平方公里1000人以上的街道、乡镇。' });
    expect(lintWith(rule, { 'ok.md': md }).lines).toEqual([]);
  });

  // Real wording: 国家地震应急预案 (2012) "人口密集地区发生6.0级以上地震，初判为特别重大地震灾害" — 人口密集地区 is not defined.
  it('reports an undefined place category that grades levels, once, at the fact', () => {
    const md = miniPlan({ facts: FACTS, levels });
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': md });
    const row = md.split('\n').findIndex((l) => l.startsWith('| dense')) + 1;
    expect(lines).toEqual([`${row}:11 Unexpected undefined term \`人口密集地区\` grading levels III, II, expected its definition (a threshold, a list of places, or the body that designates them)`]);
    expect(diagnostics[0].messageZh).toContain('但预案未定义');
  });
});
