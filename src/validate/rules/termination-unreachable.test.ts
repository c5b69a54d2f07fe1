import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import { parsePlanText } from '../../parse/index.js';
import { runRules } from '../runner.js';
import rule from './termination-unreachable.js';

const termination = (when: string) => `## 8 响应终止\n\n- 条件：\`${when}\`\n- 宣布：commander`;

describe('termination-unreachable', () => {
  it('accepts a termination condition that can end the response at every level', () => {
    expect(lintWith(rule, { 'ok.md': miniPlan() }).lines).toEqual([]);
  });

  it('reports a termination condition that can never hold, once, at the condition', () => {
    const { lines, diagnostics } = lintWith(rule, { 'never.md': miniPlan({ termination: termination('leak_kg < 0 and injured == 0') }) });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\d+:\d+ Unexpected termination condition `leak_kg < 0 and injured == 0` that holds for no values of the declared facts/);
    expect(diagnostics[0].messageZh).toContain('任何取值都不成立');
    expect(diagnostics[0].url).toMatch(/docs\/rules\/termination-unreachable\.md$/);
    expect(diagnostics[0].severity).toBe('warning');
  });

  it('reports a level at which every way the condition holds escalates first', () => {
    // At III, `injured >= 1` always escalates to II before termination is considered.
    const { lines, diagnostics } = lintWith(rule, { 'blocked.md': miniPlan({ termination: termination('injured >= 1 and leak_kg < 1') }) });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('can never end a response at level `III`: whenever it holds, an escalation out of `III` fires first (to `II`)');
    expect(diagnostics[0].related?.map((r) => r.message)).toEqual(['level `III`', 'escalation III → II fires first']);
  });

  it('leaves a missing or broken condition to termination-required and the parser', () => {
    expect(lintWith(rule, { 'none.md': miniPlan({ termination: '## 8 响应终止\n\n- 宣布：commander' }) }).lines).toEqual([]);
    const { plan } = parsePlanText(miniPlan({ termination: termination('leak_kg <') }), 'broken.md');
    expect(runRules([rule], [plan!], { today: '2026-11-25' })).toEqual([]);
  });
});
