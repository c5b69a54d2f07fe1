import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import rule from './undefined-quantifier.js';

const FACTS = '## 2 Facts\n\n| id | name | type |\n|---|---|---|\n| leak_kg | Leak mass | number |\n| injured | Injured | integer |\n| agencies | Agencies involved | integer |\n'
  + '| several_agencies | Several agencies involved | boolean |\n| cross_sector | 跨多个领域（行业和部门） | boolean |';
const levels = (ii: string) => `## 4 响应分级\n\n| 级别 | 颜色 | 启动条件 | 决策 | 时限 |\n|---|---|---|---|---|\n| III | yellow | \`leak_kg < 100 and injured == 0\` | deputy | 10分钟 |\n| II | orange | \`${ii}\` | commander | 15分钟 |`;

describe('undefined-quantifier', () => {
  it('accepts a count, and 跨多个领域 ("more than one" sector)', () => {
    const md = miniPlan({ facts: FACTS, levels: levels('leak_kg >= 100 or injured >= 1 or agencies >= 3 or cross_sector') });
    expect(lintWith(rule, { 'ok.md': md }).lines).toEqual([]);
  });

  // Real wording: Sugar Land EOC Level 2 "Several agencies involved", met by Level 3's "Three or more agencies".
  it('reports a criterion that counts without a number', () => {
    const md = miniPlan({ facts: FACTS, levels: levels('leak_kg >= 100 or injured >= 1 or several_agencies') });
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': md });
    expect(lines).toEqual([expect.stringMatching(/Unexpected criterion of level `II` that counts without a number \(`Several agencies involved`\), expected the count/)]);
    expect(diagnostics[0].messageZh).toContain('没有具体数量');
  });
});
