import { describe, expect, it } from 'vitest';
import { generateShape } from '../bench/generate.js';
import type { Plan, Step } from '../src/model/index.js';
import { parsePlanText } from '../src/parse/index.js';
import { allRules, runRules } from '../src/validate/index.js';
import resourceShortage from '../src/validate/rules/resource-shortage.js';
import stepCycle from '../src/validate/rules/step-cycle.js';
import stepDeadlineChain from '../src/validate/rules/step-deadline-chain.js';

// Plans far bigger than real ones get answers, never a stack overflow. Plans are built in memory from a parsed
// template (parsing 10,000 steps is the scale bench's job, not the tests').
const template = parsePlanText(generateShape('chain', 3)['plan.md'], 'big.md').plan!;

/** The template plan with `n` steps made by `make` (each step copies the template's first step, place included). */
function withSteps(n: number, make: (i: number) => Partial<Step>): Plan {
  const base = template.steps[0];
  return { ...template, steps: Array.from({ length: n }, (_, i) => ({ ...base, id: `s${i}`, after: [], resources: [], ...make(i) })) };
}
const minutes = (m: number): Step['deadline'] => ({ ...template.steps[0].deadline!, seconds: m * 60, text: `${m}分钟` } as Step['deadline']);
const lint = (rules: typeof allRules, plan: Plan) => runRules(rules, [plan], { today: '2026-11-25' });

describe('10,000 steps', () => {
  it('a chain: every step rule answers, long critical paths are shortened in the message', () => {
    const plan = withSteps(10_000, (i) => ({ after: i ? [`s${i - 1}`] : [], deadline: minutes(i === 9_000 ? 1 : 2 * i + 1) }));
    const ds = lint(allRules.filter((r) => r.meta.id.startsWith('step-') || r.meta.id.startsWith('resource-')), plan);
    expect(ds.every((d) => !/internal error|too large/.test(d.message))).toBe(true);
    const chain = ds.filter((d) => d.ruleId === 'step-deadline-chain');
    expect(chain).toHaveLength(1);
    expect(chain[0].message).toMatch(/critical path … \(8988 earlier steps\) → s8988 \(/);
    expect(chain[0].related).toHaveLength(12);
  });

  it('a cycle through all of them is one finding, named by its first steps', () => {
    const plan = withSteps(10_000, (i) => ({ after: [`s${(i + 9_999) % 10_000}`] }));
    const ds = lint([stepCycle, stepDeadlineChain], plan);
    expect(ds.map((d) => d.ruleId)).toEqual(['step-cycle']);
    expect(ds[0].message).toMatch(/^Unexpected dependency cycle s0 → s1 → .* → s19 → … \(9980\) → s0,/);
    expect(ds[0].related).toHaveLength(20);
  });

  it('all concurrent on one scarce resource: the whole demand, named by its first steps', () => {
    const plan = withSteps(10_000, () => ({ resources: [{ resource: 'res-0', quantity: 1 }] }));
    const ds = lint([resourceShortage], plan);
    expect(ds).toHaveLength(1);
    expect(ds[0].message).toMatch(/^Unexpected demand for 10000 res-0 at every level by concurrent steps s0 \(1\) \+ .* \+ s19 \(1\) \+ … \(9980 more steps\), expected at most the stock of 10$/);
  });

  it('in pairs (b after a) on one scarce resource: one of each pair at a time', () => {
    const plan = withSteps(10_000, (i) => ({ after: i % 2 ? [`s${i - 1}`] : [], resources: [{ resource: 'res-0', quantity: 1 }] }));
    const ds = lint([resourceShortage], plan);
    expect(ds[0].message).toMatch(/^Unexpected demand for 5000 res-0/);
  });
});

describe('100 levels, 200 facts', () => {
  it.each([['levels', 100], ['facts', 200]] as const)('%s %i: the reachability rules answer without being cut short', (shape, n) => {
    const plan = parsePlanText(generateShape(shape, n)['plan.md'], 'big.md').plan!;
    const ds = lint([...allRules.filter((r) => r.meta.id.startsWith('level-') || r.meta.id.startsWith('termination-'))], plan);
    expect(ds.filter((d) => /too large|internal error/.test(d.message))).toEqual([]);
  }, 120_000);
});
