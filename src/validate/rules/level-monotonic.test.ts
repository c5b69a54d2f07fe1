import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import { parsePlanText } from '../../parse/index.js';
import { runRules } from '../runner.js';
import rule from './level-monotonic.js';

const levels = (rows: string) => `## 4 响应分级\n\n| 级别 | 颜色 | 启动条件 | 决策 | 时限 |\n|---|---|---|---|---|\n${rows}`;
const facts = '## 2 事故信息要素\n\n| 标识 | 名称 | 类型 | 单位 |\n|---|---|---|---|\n| leak_kg | 泄漏量 | number | kg |\n| injured | 受伤人数 | integer | 人 |\n| fire | 发生火灾 | boolean | |';
const lineOf = (md: string, prefix: string) => md.split('\n').findIndex((l) => l.startsWith(prefix)) + 1;

describe('level-monotonic', () => {
  it('accepts levels that grow with the incident', () => {
    expect(lintWith(rule, { 'ok.md': miniPlan() }).lines).toEqual([]);
  });

  it('accepts overlapping levels where the most severe one wins (就高不就低)', () => {
    const md = miniPlan({
      facts,
      levels: levels('| III | yellow | `leak_kg >= 0` | deputy | 10分钟 |\n| II | orange | `leak_kg >= 1000 or fire` | commander | 15分钟 |'),
    });
    expect(lintWith(rule, { 'ok.md': md }).lines).toEqual([]);
  });

  it('reports a more severe level started by a smaller incident', () => {
    const md = miniPlan({
      levels: levels('| II | orange | `leak_kg < 50` | commander | 15分钟 |\n| III | yellow | `leak_kg >= 50` | deputy | 10分钟 |'),
    });
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': md });
    const row = lineOf(md, '| II |');
    expect(lines).toEqual([`${row}:17 Unexpected inverted levels: leak_kg = 0 starts II but the larger leak_kg = 50 starts only III, expected a larger incident to start an equal or more severe level`]);
    expect(diagnostics[0].messageZh).toBe('响应级别倒挂：泄漏量 = 0 时启动 II 级，而更大的 泄漏量 = 50 时只启动 III 级，事故越大启动的级别应越高');
    expect(diagnostics[0].related?.[0].place?.start.line).toBe(lineOf(md, '| III |'));
  });

  it('reports swapped bands and names the facts both incidents share', () => {
    const md = miniPlan({
      facts,
      levels: levels([
        '| III | yellow | `leak_kg >= 1000 and not fire` | deputy | 10分钟 |',
        '| II | orange | `(leak_kg >= 200 and leak_kg < 1000) or fire` | commander | 15分钟 |',
        '| IV | blue | `leak_kg < 200 and not fire` | deputy | 5分钟 |',
      ].join('\n')),
    });
    const { lines } = lintWith(rule, { 'bad.md': md });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${lineOf(md, '| II |')}:\\d+ Unexpected inverted levels: leak_kg = 200 starts II but the larger leak_kg = 1000 starts only III \\(with fire = false\\)`));
  });

  it('leaves an inversion seen only through another indicator to level-coverage (Gansu: 40 % lost starts Ⅲ only because Lanzhou lost 20 %)', () => {
    const md = readFileSync('plans/real/cn-prov-gansu-blackout-2016.md', 'utf8');
    expect(runRules([rule], [parsePlanText(md, 'gansu.md').plan!], { today: '2026-11-25' })).toEqual([]);
  });
});
