import { describe, expect, it } from 'vitest';
import { generateShape } from '../../bench/generate.js';
import { lintWith, miniPlan, plansFrom } from '../../test/helpers/lint.js';
import { defineRule } from './rule.js';
import { runRules } from './runner.js';
import levelCoverage from './rules/level-coverage.js';
import levelMonotonic from './rules/level-monotonic.js';
import levelOverlap from './rules/level-overlap.js';
import levelUnreachable from './rules/level-unreachable.js';
import resourceShortage from './rules/resource-shortage.js';
import terminationUnreachable from './rules/termination-unreachable.js';

// A plan beyond an analysis' limits gets a warning saying the analysis was cut short — never silence, never a guess.
const levels = '## 4 响应分级\n\n| 级别 | 颜色 | 启动条件 | 决策 | 时限 |\n|---|---|---|---|---|\n' +
  '| III | yellow | `leak_kg < 100 and injured == 0` | deputy | 10分钟 |\n| II | orange | `leak_kg >= 50` | commander | 15分钟 |\n| I | red | `leak_kg < 0` | commander | 15分钟 |';
const plan = miniPlan({ levels });
const steps = '## 6 响应程序\n\n| 标识 | 措施 | 负责 | 时限 | 前置 | 级别 | 资源 |\n|---|---|---|---|---|---|---|\n' +
  '| alarm | 报警 | operator | 1分钟 | — | 全部 | scba×1 |\n| isolate | 关阀 | operator | 3分钟 | alarm | 全部 | scba×2 |\n| rescue | 搜救 | operator | 15分钟 | alarm | 全部 | scba×2 |';

describe('analyses cut short by their limits', () => {
  it.each([
    [levelUnreachable, { maxStates: 2 }, 'the control-state limit (option maxStates: 2)'],
    [terminationUnreachable, { maxStates: 2 }, 'the control-state limit (option maxStates: 2)'],
    [levelUnreachable, { maxWork: 1 }, 'the work limit (option maxWork: 1)'],
    [levelCoverage, { maxWork: 1 }, 'the work limit (option maxWork: 1)'],
    // Pairwise trigger overlaps are compared only under `grading: exclusive` (highest-wins overlaps are the normal case).
    [levelOverlap, { maxWork: 1 }, 'the work limit (option maxWork: 1)', plan.replace('owner: 安全环保部\n', 'owner: 安全环保部\ngrading: exclusive\n')],
    // Small triggers are compared with exact regions (bounded on their own); big ones with the solver.
    [levelMonotonic, { maxWork: 1 }, 'the work limit (option maxWork: 1)', generateShape('facts', 20)['plan.md']],
  ] as const)('%#: says so as a warning, naming the limit', (rule, options, limit, text = plan) => {
    const { diagnostics } = lintWith(rule, { 'big.md': text }, { options });
    expect(diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([[rule.meta.id, 'warning']]);
    expect(diagnostics[0].message).toMatch(new RegExp(`^Unexpected plan too large for ${rule.meta.id}: .* was cut short at ${limit.replace(/[()]/g, '\\$&')}, so the rule draws no conclusion here`));
    expect(diagnostics[0].messageZh).toMatch(/预案超出规则 .* 的分析能力/);
    expect(diagnostics[0].place?.start.line).toBeGreaterThan(1);
  });

  it('resource-shortage: a search over its budget is reported at the resource', () => {
    const { diagnostics } = lintWith(resourceShortage, { 'big.md': miniPlan({ steps }) }, { options: { maxWork: 1 } });
    expect(diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([['resource-shortage', 'warning']]);
    expect(diagnostics[0].message).toMatch(/heaviest concurrent demands for scba was cut short at the work limit/);
    // Within the default budget the same plan gets its finding.
    expect(lintWith(resourceShortage, { 'ok.md': miniPlan({ steps }) }).lines).toEqual([expect.stringMatching(/Unexpected demand for 4 scba at every level by concurrent steps isolate \(2\) \+ rescue \(2\)/)]);
  });

  it('the same plans within the default limits get findings, not warnings (the test can fail)', () => {
    expect(lintWith(levelUnreachable, { 'p.md': plan }).diagnostics.map((d) => d.severity)).toEqual(['error']);
    expect(lintWith(levelOverlap, { 'p.md': plan }).diagnostics.every((d) => !/too large/.test(d.message))).toBe(true);
  });
});

describe('a rule that throws', () => {
  it('becomes a warning at the plan, and the other rules still run', () => {
    const broken = defineRule({ meta: { id: 'broken', description: { en: 'always throws here', zh: '总是出错' }, severity: 'error' }, check() { throw new RangeError('Maximum call stack size exceeded'); } });
    const ds = runRules([broken, levelUnreachable], plansFrom({ 'p.md': plan }), { today: '2026-11-25' });
    expect(ds.map((d) => [d.ruleId, d.severity])).toEqual([['broken', 'warning'], ['level-unreachable', 'error']]);
    expect(ds[0].message).toBe('Unexpected internal error in rule broken (Maximum call stack size exceeded), expected the rule to finish; it draws no conclusion here');
  });
});
