import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan, plansFrom } from '../../../test/helpers/lint.js';
import { runRules } from '../runner.js';
import rule from './level-overlap.js';

const levels = (rows: string) => `## 4 响应分级\n\n| 级别 | 颜色 | 启动条件 | 决策 | 时限 |\n|---|---|---|---|---|\n${rows}`;
const facts = '## 2 事故信息要素\n\n| 标识 | 名称 | 类型 | 单位 |\n|---|---|---|---|\n| leak_kg | 泄漏量 | number | kg |\n| injured | 受伤人数 | integer | 人 |\n| fire | 发生火灾 | boolean | |';
const lineOf = (md: string, prefix: string) => md.split('\n').findIndex((l) => l.startsWith(prefix)) + 1;
const exclusive = '---\nid: mini\ntitle: 小型泄漏专项应急预案\nkind: special\nparent: general\nversion: "1.0"\nreviewed: 2025-06-01\nowner: 安全环保部\ngrading: exclusive\n---';
const overlapRows = [
  '| III | yellow | `leak_kg < 1000 and injured == 0` | deputy | 10分钟 |',
  '| II | orange | `leak_kg >= 1000 or fire or injured >= 1` | commander | 15分钟 |',
].join('\n');

/** A national-style four-level table (the 危及 band of the derived table repeated under Ⅱ and Ⅲ). */
const graded = (third: string) => [
  '---\nid: safety\ntitle: 某市安全生产事故灾难应急预案\nkind: special\nregime: government\ngrading: highest\n---',
  '## 事故信息要素\n\n| 标识 | 名称 | 类型 | 单位 |\n|---|---|---|---|\n| deaths | 死亡人数（含失踪） | integer | 人 |\n| endangered | 危及生命安全人数 | integer | 人 |',
  '## 响应分级\n\n| 级别 | 名称 |\n|---|---|\n| Ⅰ级 | 特别重大 |\n| Ⅱ级 | 重大 |\n| Ⅲ级 | 较大 |',
  '## 分级标准\n\n| 级别 | 条件 | 原文 |\n|---|---|---|',
  '| Ⅰ级 | `deaths 30人以上 or endangered 30人以上` | 造成30人以上死亡（含失踪），或危及30人以上生命安全 |',
  '| Ⅱ级 | `deaths 10人以上30人以下` | 造成10人以上、30人以下死亡（含失踪） |',
  '| Ⅱ级 | `endangered 10人以上30人以下` | 危及10人以上、30人以下生命安全 |',
  '| Ⅲ级 | `deaths 3人以上10人以下` | 造成3人以上、10人以下死亡（含失踪） |',
  third,
].join('\n');

describe('level-overlap', () => {
  it('accepts disjoint levels', () => {
    expect(lintWith(rule, { 'ok.md': miniPlan() }).lines).toEqual([]);
  });

  it('is silent on overlapping criteria under the highest-wins convention (the default): the most severe level met applies', () => {
    expect(lintWith(rule, { 'ok.md': miniPlan({ facts, levels: levels(overlapRows) }) }).lines).toEqual([]);
    // deaths in one band and 危及 in another is the any-of case ("符合下列条件之一").
    expect(lintWith(rule, { 'ok.md': graded('| Ⅲ级 | `endangered 3人以上10人以下` | 危及3人以上、10人以下生命安全 |') }).lines).toEqual([]);
  });

  it('reports one indicator band listed under two levels, with the witness and the other listing as related', () => {
    const md = graded('| Ⅲ级 | `endangered 10人以上30人以下 or deaths 2人以上3人以下` | 危及10人以上30人以下生命安全，或2人死亡 |');
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': md });
    expect(lines).toEqual([`${lineOf(md, '| Ⅲ级 | `endangered')}:9 Unexpected band \`endangered 10人以上30人以下\` under both II and III, expected each band of an indicator under one level: the most severe level met applies, so III never does here`]);
    expect(diagnostics[0].messageZh).toContain('同时列在 II 级和 III 级之下');
    expect(diagnostics[0].related?.[0].place?.start.line).toBe(lineOf(md, '| Ⅱ级 | `endangered'));
    expect(diagnostics[0].related?.[0].message).toBe('also here, under II');
  });

  it('leaves a whole criterion written twice to duplicated-criterion', () => {
    expect(lintWith(rule, { 'ok.md': graded('| Ⅲ级 | `endangered 10人以上30人以下` | 危及10人以上30人以下生命安全 |') }).lines).toEqual([]);
  });

  it('reports a less severe band inside a more severe band of the same indicator', () => {
    const md = graded('| Ⅲ级 | `endangered 15人以上20人以下` | 危及15人以上20人以下生命安全 |');
    expect(lintWith(rule, { 'bad.md': md }).lines).toEqual([`${lineOf(md, '| Ⅲ级 | `endangered')}:9 Unexpected band \`endangered 15人以上20人以下\` of III inside the band \`endangered 10人以上30人以下\` of II, expected the bands of one indicator under different levels not to overlap: the most severe level met applies, so III never does here`]);
  });

  it('reports, under `grading: exclusive`, where two levels overlap at the less severe trigger, with the other as related', () => {
    const md = miniPlan({ front: exclusive, facts, levels: levels(overlapRows) });
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': md });
    const row = lineOf(md, '| III |');
    const col = md.split('\n')[row - 1].indexOf('`') + 1;
    expect(lines).toEqual([`${row}:${col} Unexpected overlap: leak_kg < 1000 and injured = 0 and fire = true starts both II and III, expected each incident to start exactly one level (\`grading: exclusive\`)`]);
    expect(diagnostics[0].messageZh).toBe('泄漏量 < 1000 且 受伤人数 = 0 且 发生火灾 = 是 时同时满足 II 级和 III 级的启动条件，按 `grading: exclusive`（互斥）每种事故情形应只对应一个响应级别');
    expect(diagnostics[0].related?.[0].place?.start.line).toBe(lineOf(md, '| II |'));
    expect(diagnostics[0].severity).toBe('warning');
  });

  it('accepts exclusive levels that meet exactly at a bound (< 100 / >= 100)', () => {
    const md = miniPlan({ front: exclusive, levels: levels('| III | yellow | `leak_kg < 100` | deputy | 10分钟 |\n| II | orange | `leak_kg >= 100` | commander | 15分钟 |') });
    expect(lintWith(rule, { 'ok.md': md }).lines).toEqual([]);
  });

  it('is an error in the strict preset', () => {
    const ds = runRules([rule], plansFrom({ 'bad.md': miniPlan({ front: exclusive, facts, levels: levels(overlapRows) }) }), { config: { extends: 'strict' }, today: '2026-11-25' });
    expect(ds.map((d) => d.severity)).toEqual(['error']);
  });
});
