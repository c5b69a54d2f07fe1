import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import rule from './circular-criterion.js';

const FACTS = '## 2 Facts\n\n| id | name | type |\n|---|---|---|\n| leak_kg | Leak mass | number |\n| injured | Injured | integer |\n'
  + '| full_activation_needed | A situation or threat requires a full activation of the EOC | judgement |\n| public_info | A situation requires increased public information | judgement |';
const levels = (iii: string, ii: string) => `## 4 响应分级\n\n| 级别 | 颜色 | 启动条件 | 决策 | 时限 |\n|---|---|---|---|---|\n| III | yellow | \`${iii}\` | deputy | 10分钟 |\n| II | orange | \`${ii}\` | commander | 15分钟 |`;

describe('circular-criterion', () => {
  it('accepts a situation that calls for the level, and the level below excluding it', () => {
    const md = miniPlan({ facts: FACTS, levels: levels('leak_kg < 100 and injured == 0 and not public_info', 'leak_kg >= 100 or injured >= 1 or public_info') });
    expect(lintWith(rule, { 'ok.md': md }).lines).toEqual([]);
    const below = miniPlan({ facts: FACTS, levels: levels('leak_kg < 100 and not full_activation_needed', 'leak_kg >= 100') });
    expect(lintWith(rule, { 'below.md': below }).lines).toEqual([]);
  });

  // Real wording: Metchosin EOC Level 3 "requiring a full activation of the EOC".
  it('reports a level defined by its own activation', () => {
    const md = miniPlan({ facts: FACTS, levels: levels('leak_kg < 100 and injured == 0', 'leak_kg >= 100 or injured >= 1 or full_activation_needed') });
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': md });
    expect(lines).toEqual([expect.stringMatching(/Unexpected criterion of level `II` defined by the level's own consequence \(`A situation or threat requires a full activation of the EOC`\)/)]);
    expect(diagnostics[0].messageZh).toContain('循环定义');
  });
});
