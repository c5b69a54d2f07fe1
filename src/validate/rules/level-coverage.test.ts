import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import { parsePlanText } from '../../parse/index.js';
import { runRules } from '../runner.js';
import rule from './level-coverage.js';

const levels = (rows: string) => `## 4 响应分级\n\n| 级别 | 颜色 | 启动条件 | 决策 | 时限 |\n|---|---|---|---|---|\n${rows}`;
const facts = '## 2 事故信息要素\n\n| 标识 | 名称 | 类型 | 单位 |\n|---|---|---|---|\n| leak_kg | 泄漏量 | number | kg |\n| injured | 受伤人数 | integer | 人 |\n| fire | 发生火灾 | boolean | |';
const lineOf = (md: string, prefix: string) => md.split('\n').findIndex((l) => l.startsWith(prefix)) + 1;

describe('level-coverage', () => {
  it('accepts levels that cover every valuation', () => {
    expect(lintWith(rule, { 'ok.md': miniPlan() }).lines).toEqual([]);
  });

  it('accepts integer and boolean tilings (== 0 / 1..2 / >= 3, fire / not fire)', () => {
    const md = miniPlan({
      facts,
      levels: levels([
        '| III | yellow | `injured == 0 and not fire` | deputy | 10分钟 |',
        '| II | orange | `injured >= 1 and injured <= 2 and not fire` | commander | 15分钟 |',
        '| I | red | `injured >= 3 or fire` | commander | 15分钟 |',
      ].join('\n')),
    });
    expect(lintWith(rule, { 'ok.md': md }).lines).toEqual([]);
  });

  it('reports an uncovered band in words at the first level, with the neighbouring levels as related', () => {
    const md = miniPlan({ levels: levels('| III | yellow | `leak_kg < 100` | deputy | 10分钟 |\n| II | orange | `leak_kg >= 200` | commander | 15分钟 |') });
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': md });
    expect(lines).toEqual([`${lineOf(md, '| III |')}:1 Unexpected gap: 100 ≤ leak_kg < 200 starts no level, expected every incident to start a level`]);
    expect(diagnostics[0].messageZh).toBe('100 ≤ 泄漏量 < 200 时不启动任何响应级别，每种事故情形都应对应一个响应级别');
    expect(diagnostics[0].related?.map((r) => r.message)).toEqual(['neighbouring level `III` starts here', 'neighbouring level `II` starts here']);
    expect(diagnostics[0].related?.[1].place?.start.line).toBe(lineOf(md, '| II |'));
  });

  it('names every fact that bounds a gap', () => {
    const md = miniPlan({
      facts,
      levels: levels('| III | yellow | `leak_kg < 100 and not fire` | deputy | 10分钟 |\n| II | orange | `leak_kg >= 100` | commander | 15分钟 |'),
    });
    const { lines } = lintWith(rule, { 'bad.md': md });
    expect(lines).toEqual([`${lineOf(md, '| III |')}:1 Unexpected gap: leak_kg < 100 and fire = true starts no level, expected every incident to start a level`]);
  });

  it('still analyses the other levels when one has no trigger', () => {
    const md = miniPlan({ levels: levels('| III | yellow | `leak_kg < 100` | deputy | 10分钟 |\n| II | orange | — | commander | 15分钟 |') });
    expect(lintWith(rule, { 'bad.md': md }).lines).toEqual([`${lineOf(md, '| III |')}:1 Unexpected gap: leak_kg ≥ 100 starts no level, expected every incident to start a level`]);
  });

  it('draws no conclusion when a trigger did not parse', () => {
    const md = miniPlan({ levels: levels('| III | yellow | `leak_kg < 100` | deputy | 10分钟 |\n| II | orange | `leak_kg >=` | commander | 15分钟 |') });
    const parsed = parsePlanText(md, 'bad.md');
    expect(parsed.diagnostics.some((d) => d.ruleId === 'trigger/syntax')).toBe(true);
    expect(runRules([rule], [parsed.plan!], { today: '2026-11-25' })).toEqual([]);
  });

  it('draws no conclusion when a trigger names an undeclared fact', () => {
    const md = miniPlan({ levels: levels('| III | yellow | `leak_kg < 100` | deputy | 10分钟 |\n| II | orange | `leak_t >= 0.1` | commander | 15分钟 |') });
    const parsed = parsePlanText(md, 'bad.md');
    expect(parsed.diagnostics.some((d) => d.ruleId === 'trigger/unknown-fact')).toBe(true);
    expect(runRules([rule], [parsed.plan!], { today: '2026-11-25' })).toEqual([]);
  });

  it('reports at most `max` gaps', () => {
    const md = miniPlan({ levels: levels('| III | yellow | `leak_kg == 1 or leak_kg == 3 or leak_kg == 5` | deputy | 10分钟 |\n| II | orange | `leak_kg >= 10` | commander | 15分钟 |') });
    expect(lintWith(rule, { 'bad.md': md }).lines).toHaveLength(4);
    expect(lintWith(rule, { 'bad.md': md }, { options: { max: 2 } }).lines).toHaveLength(2);
  });
});
