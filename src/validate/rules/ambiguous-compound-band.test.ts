import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import rule from './ambiguous-compound-band.js';

const FACTS = '## 2 事故信息要素\n\n| 标识 | 名称 | 类型 | 单位 |\n|---|---|---|---|\n| rooms | 倒塌和严重损坏房屋 | integer | 间 |\n| households | 倒塌和严重损坏房屋户数 | integer | 户 |';
const grading = (rows: string) => `## 4 响应分级\n\n| 级别 | 决策 | 时限 |\n|---|---|---|\n| III | deputy | 10分钟 |\n| II | commander | 15分钟 |\n\n## 分级标准\n\n| 级别 | 条件 | 原文 |\n|---|---|---|\n${rows}`;

describe('ambiguous-compound-band', () => {
  it('accepts one unit per band, and a single two-unit lower bound', () => {
    const md = miniPlan({ facts: FACTS, levels: grading('| III | `rooms < 300000 and households < 100000` | 倒塌房屋30万间以下，且10万户以下 |\n| II | `rooms >= 300000 or households >= 100000` | 倒塌和严重损坏房屋30万间或10万户以上 |'), escalation: '', steps: '', reports: '', termination: '' });
    expect(lintWith(rule, { 'ok.md': md }).lines).toEqual([]);
  });

  // Real wording: 国家自然灾害救助应急预案 (2016) Ⅱ级 "倒塌和严重损坏房屋20万间或7万户以上、30万间或10万户以下".
  it('reports a band whose bounds each join two units with 或', () => {
    const md = miniPlan({ facts: FACTS, levels: grading('| III | `rooms < 200000 and households < 70000` | 20万间以下且7万户以下 |\n| II | `rooms 20万间以上30万间以下 or households 7万户以上10万户以下` | 倒塌和严重损坏房屋20万间或7万户以上、30万间或10万户以下 |'), escalation: '', steps: '', reports: '', termination: '' });
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': md });
    expect(lines).toEqual([expect.stringMatching(/Unexpected band `20万间或7万户以上、30万间或10万户以下` of level `II` with two units in each bound/)]);
    expect(diagnostics[0].messageZh).toContain('上下限各用“或”连接两种单位');
  });
});
