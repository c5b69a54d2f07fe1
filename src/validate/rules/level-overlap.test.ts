import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan, plansFrom } from '../../../test/helpers/lint.js';
import { runRules } from '../runner.js';
import rule from './level-overlap.js';

const levels = (rows: string) => `## 4 响应分级\n\n| 级别 | 颜色 | 启动条件 | 决策 | 时限 |\n|---|---|---|---|---|\n${rows}`;
const facts = '## 2 事故信息要素\n\n| 标识 | 名称 | 类型 | 单位 |\n|---|---|---|---|\n| leak_kg | 泄漏量 | number | kg |\n| injured | 受伤人数 | integer | 人 |\n| fire | 发生火灾 | boolean | |';
const lineOf = (md: string, prefix: string) => md.split('\n').findIndex((l) => l.startsWith(prefix)) + 1;
const overlapping = miniPlan({
  facts,
  levels: levels([
    '| III | yellow | `leak_kg < 1000 and injured == 0` | deputy | 10分钟 |',
    '| II | orange | `leak_kg >= 1000 or fire or injured >= 1` | commander | 15分钟 |',
  ].join('\n')),
});

describe('level-overlap', () => {
  it('accepts disjoint levels', () => {
    expect(lintWith(rule, { 'ok.md': miniPlan() }).lines).toEqual([]);
  });

  it('accepts levels that meet exactly at a bound (< 100 / >= 100)', () => {
    const md = miniPlan({ levels: levels('| III | yellow | `leak_kg < 100` | deputy | 10分钟 |\n| II | orange | `leak_kg >= 100` | commander | 15分钟 |') });
    expect(lintWith(rule, { 'ok.md': md }).lines).toEqual([]);
  });

  it('reports where two levels overlap at the less severe trigger, with the other as related', () => {
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': overlapping });
    const row = lineOf(overlapping, '| III |');
    const col = overlapping.split('\n')[row - 1].indexOf('`') + 1;
    expect(lines).toEqual([`${row}:${col} Unexpected overlap: leak_kg < 1000 and injured = 0 and fire = true starts both II and III, expected each incident to start exactly one level`]);
    expect(diagnostics[0].messageZh).toBe('泄漏量 < 1000 且 受伤人数 = 0 且 发生火灾 = 是 时同时满足 II 级和 III 级的启动条件，每种事故情形应只对应一个响应级别');
    expect(diagnostics[0].related?.[0].place?.start.line).toBe(lineOf(overlapping, '| II |'));
    expect(diagnostics[0].severity).toBe('warning');
  });

  it('is an error in the strict preset', () => {
    const ds = runRules([rule], plansFrom({ 'bad.md': overlapping }), { config: { extends: 'strict' }, today: '2026-11-25' });
    expect(ds.map((d) => d.severity)).toEqual(['error']);
  });

  it('reports identical triggers', () => {
    const md = miniPlan({ levels: levels('| III | yellow | `leak_kg >= 0` | deputy | 10分钟 |\n| II | orange | `leak_kg >= 0` | commander | 15分钟 |') });
    expect(lintWith(rule, { 'bad.md': md }).lines).toEqual([`${lineOf(md, '| III |')}:18 Unexpected overlap: any values starts both II and III, expected each incident to start exactly one level`]);
  });
});
