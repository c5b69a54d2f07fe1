import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { lintWith, miniPlan, plansFrom } from '../../test/helpers/lint.js';
import { domainRegion, regionContains } from '../expr/index.js';
import type { Plan } from '../model/index.js';
import { collectPlanFiles, parsePlanFile } from '../parse/index.js';
import levelUnreachable from '../validate/rules/level-unreachable.js';
import { createPlanMachine } from './machine.js';
import { controlState, reachableStates, sampleValuations } from './reach.js';

const files = collectPlanFiles(['plans/chem', 'plans/flood']).files;
const load = (file: string): Plan => parsePlanFile(file).plan!;

describe('reachableStates', () => {
  it.each(files)('%s: every level is reachable and can terminate', (file) => {
    const plan = load(file);
    const r = reachableStates(plan);
    expect(r.truncated).toBe(false);
    const ids = plan.levels.map((l) => l.id).sort();
    expect([...r.levels].sort()).toEqual(ids);
    expect(r.terminated).toBe(true);
    expect([...r.terminatesFrom].sort()).toEqual(ids);
    expect([...r.terminatesAt].sort()).toEqual(ids);
    expect(r.samples).toBeGreaterThan(1);
  });

  it.each(files)('%s: every recorded path replays to its state with the pure transition function', (file) => {
    const plan = load(file);
    const r = reachableStates(plan);
    const machine = createPlanMachine(plan);
    for (const [state, path] of r.paths) {
      let [s] = initialTransition(machine);
      for (const e of path) [s] = transition(machine, s, e);
      expect(controlState(s), state).toBe(state);
    }
  });

  it('samples one complete valuation per cell, inside the facts\' domains', () => {
    const plan = load('plans/chem/hazardous-chemical-leak.md');
    const { samples, truncated } = sampleValuations(plan);
    expect(truncated).toBe(false);
    const domain = domainRegion(plan.facts);
    for (const s of samples) {
      expect(Object.keys(s).sort()).toEqual(plan.facts.map((f) => f.id).sort());
      expect(regionContains(domain, s)).toBe(true);
    }
  });

  it('finds a level with an unsatisfiable trigger unreachable, and level-unreachable reports it', () => {
    const levels = '## 4 响应分级\n\n| 级别 | 颜色 | 启动条件 | 决策 | 时限 |\n|---|---|---|---|---|\n' +
      '| III | yellow | `leak_kg < 100 and injured == 0` | deputy | 10分钟 |\n' +
      '| II | orange | `leak_kg >= 100 or injured >= 1` | commander | 15分钟 |\n' +
      '| I | red | `leak_kg < 0` | commander | 15分钟 |';
    const source = miniPlan({ levels });
    const [plan] = plansFrom({ 'unsat.md': source });
    const r = reachableStates(plan);
    expect(r.truncated).toBe(false);
    expect([...r.levels].sort()).toEqual(['II', 'III']);
    expect(r.terminated).toBe(true);
    const { lines } = lintWith(levelUnreachable, { 'unsat.md': source });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('Unexpected level `I`');
    expect(lines[0]).toContain('`leak_kg < 0` holds for no values');
  });

  it('samples the escalation rules one event passes through: a level reached only by a chain is one FACTS away', () => {
    // I's trigger never holds; I is reached by II → I, which the machine follows in the same event that starts II.
    const levels = '## 4 响应分级\n\n| 级别 | 颜色 | 启动条件 | 决策 | 时限 |\n|---|---|---|---|---|\n' +
      '| III | yellow | `leak_kg < 100 and injured == 0` | deputy | 10分钟 |\n' +
      '| II | orange | `leak_kg >= 100 or injured >= 1` | commander | 15分钟 |\n' +
      '| I | red | `leak_kg < 0` | commander | 15分钟 |';
    const escalation = '## 5 响应升级与降级\n\n| 从 | 到 | 条件 |\n|---|---|---|\n| III | II | `leak_kg >= 100 or injured >= 1` |\n| II | I | `injured >= 5` |';
    const [plan] = plansFrom({ 'chain.md': miniPlan({ levels, escalation }) });
    const r = reachableStates(plan);
    expect(r.truncated).toBe(false);
    expect([...r.levels].sort()).toEqual(['I', 'II', 'III']);
    const path = r.paths.get('response.I')!;
    expect(path).toHaveLength(1);
    expect(path[0]).toMatchObject({ type: 'FACTS', values: { injured: expect.any(Number) } });
    expect((path[0] as unknown as { values: { injured: number } }).values.injured).toBeGreaterThanOrEqual(5);
  });

  it('reports truncation when a bound is hit', () => {
    const plan = load('plans/chem/hazardous-chemical-leak.md');
    const r = reachableStates(plan, { maxTransitions: 5 });
    expect(r.truncated).toBe(true);
    expect(r.transitions).toBe(5);
    expect(reachableStates(plan, { maxStates: 2 }).truncated).toBe(true);
    expect(sampleValuations(plan, 3).truncated).toBe(true);
  });

  it('caches the default search per plan object', () => {
    const plan = load('plans/chem/tank-farm-leak.md');
    expect(reachableStates(plan)).toBe(reachableStates(plan));
  });
});
