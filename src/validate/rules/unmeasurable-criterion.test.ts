import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import rule from './unmeasurable-criterion.js';

const FACTS = '## 2 事故信息要素\n\n| 标识 | 名称 | 类型 | 单位 | 判定 |\n|---|---|---|---|---|\n| leak_kg | 泄漏量 | number | kg | |\n| injured | 受伤人数 | integer | 人 | |\n'
  + '| loss_severe | 造成严重经济损失 | boolean | | |\n| spread | 火势蔓延至罐区 | boolean | | |\n| beyond | 超出公司处置能力 | judgement | | commander |';
const levels = (ii: string) => `## 4 响应分级\n\n| 级别 | 颜色 | 启动条件 | 决策 | 时限 |\n|---|---|---|---|---|\n| III | yellow | \`leak_kg < 100 and injured == 0\` | deputy | 10分钟 |\n| II | orange | \`${ii}\` | commander | 15分钟 |`;

describe('unmeasurable-criterion', () => {
  it('accepts counts, readings, observed places reached and declared judgements', () => {
    const md = miniPlan({ facts: FACTS, levels: levels('leak_kg >= 100 or injured >= 1 or spread or beyond') });
    expect(lintWith(rule, { 'ok.md': md }).lines).toEqual([]);
  });

  // Real wording: 国家地震应急预案 (2012) 重大 "造成严重经济损失" — only 特别重大 has a number (1% of GDP).
  it('reports a criterion decided by degree words, naming them', () => {
    const md = miniPlan({ facts: FACTS, levels: levels('leak_kg >= 100 or injured >= 1 or loss_severe') });
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': md });
    expect(lines).toEqual([expect.stringMatching(/Unexpected criterion of level `II` decided by unmeasurable wording \(`造成严重经济损失`\), expected a count, a measured value, or a `judgement` fact/)]);
    expect(diagnostics[0].messageZh).toContain('“造成严重经济损失”');
  });
});
