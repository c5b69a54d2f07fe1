import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import { parsePlanText } from '../../parse/index.js';
import { runRules } from '../runner.js';
import rule from './level-unreachable.js';

const levels = (rows: string[]) =>
  `## 4 响应分级\n\n| 级别 | 颜色 | 启动条件 | 决策 | 时限 |\n|---|---|---|---|---|\n${rows.join('\n')}`;
const escalation = (rows: string[]) => `## 5 响应升级与降级\n\n| 从 | 到 | 条件 |\n|---|---|---|\n${rows.join('\n')}`;

describe('level-unreachable', () => {
  it('accepts levels that incident facts can reach', () => {
    expect(lintWith(rule, { 'ok.md': miniPlan() }).lines).toEqual([]);
  });

  it('reports a level whose trigger can never hold and that no escalation leads to, at its trigger', () => {
    const { lines, diagnostics } = lintWith(rule, {
      'bad.md': miniPlan({
        levels: levels([
          '| III | yellow | `leak_kg < 100 and injured == 0` | deputy | 10分钟 |',
          '| II | orange | `leak_kg >= 100 or injured >= 1` | commander | 15分钟 |',
          '| I | red | `leak_kg < 0` | commander | 15分钟 |',
        ]),
      }),
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\d+:\d+ Unexpected level `I` that no course of the incident can reach: its trigger `leak_kg < 0` holds for no values of the declared facts, and no escalation leads to it/);
    expect(diagnostics[0].messageZh).toContain('无法启动');
    expect(diagnostics[0].url).toMatch(/docs\/rules\/level-unreachable\.md$/);
    // Reported at the trigger cell.
    expect(diagnostics[0].place?.start.line).toBe(diagnostics[0].place?.end.line);
  });

  it('accepts a level with an impossible trigger that an escalation from a reachable level leads to', () => {
    const plan = miniPlan({
      levels: levels([
        '| III | yellow | `leak_kg < 100 and injured == 0` | deputy | 10分钟 |',
        '| II | orange | `leak_kg >= 100 or injured >= 1` | commander | 15分钟 |',
        '| I | red | `leak_kg < 0` | commander | 15分钟 |',
      ]),
      escalation: escalation([
        '| III | II | `leak_kg >= 100 or injured >= 1` |',
        '| II | I | `injured >= 3` |',
        '| II | III | `leak_kg < 100 and injured == 0` |',
      ]),
    });
    expect(lintWith(rule, { 'ok.md': plan }).lines).toEqual([]);
  });

  it('reports a level whose trigger is always beaten by a more severe level (就高不就低)', () => {
    const { lines, diagnostics } = lintWith(rule, {
      'covered.md': miniPlan({
        levels: levels([
          '| III | yellow | `leak_kg >= 500` | deputy | 10分钟 |',
          '| II | orange | `leak_kg >= 100 or injured >= 1` | commander | 15分钟 |',
        ]),
        escalation: escalation(['| III | II | `injured >= 1` |']),
      }),
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('whenever its trigger holds, the trigger of the more severe level `II` holds too and wins');
    expect(diagnostics[0].related?.[0].message).toBe('level `II` is entered instead');
  });

  it('follows escalation chains: a level only reachable from an unreachable level is unreachable too', () => {
    const { lines } = lintWith(rule, {
      'chain.md': miniPlan({
        levels: levels([
          '| III | yellow | `leak_kg >= 0` | deputy | 10分钟 |',
          '| II | orange | `injured < 0` | commander | 15分钟 |',
          '| I | red | `leak_kg < 0` | commander | 15分钟 |',
        ]),
        escalation: escalation(['| II | I | `injured >= 3` |', '| I | II | `injured < 3` |']),
      }),
    });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('Unexpected level `II`');
    expect(lines[0]).toContain('the escalations into it (from `I`) never fire from a reachable level');
    expect(lines[1]).toContain('Unexpected level `I`');
    expect(lines[1]).toContain('(from `II`)');
  });

  it('leaves a level without a trigger that no escalation leads to to level-trigger (one finding per cause)', () => {
    const { lines } = lintWith(rule, {
      'none.md': miniPlan({
        levels: levels([
          '| III | yellow | `leak_kg < 100 and injured == 0` | deputy | 10分钟 |',
          '| II | orange | `leak_kg >= 100 or injured >= 1` | commander | 15分钟 |',
          '| I | red | — | commander | 15分钟 |',
        ]),
      }),
    });
    expect(lines).toEqual([]);
  });

  it('leaves levels whose trigger does not parse or type-check to the parser', () => {
    const text = miniPlan({
      levels: levels([
        '| III | yellow | `leak_kg < 100 and injured == 0` | deputy | 10分钟 |',
        '| II | orange | `leak_kg >>> 100` | commander | 15分钟 |',
        '| I | red | `no_such_fact > 3` | commander | 15分钟 |',
      ]),
    });
    const { plan, diagnostics: parsed } = parsePlanText(text, 'typo.md');
    expect(parsed.map((d) => d.ruleId).sort()).toEqual(['trigger/syntax', 'trigger/unknown-fact']);
    expect(runRules([rule], [plan!], { today: '2026-11-25' })).toEqual([]);
  });
});
