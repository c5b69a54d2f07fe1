import { describe, expect, it } from 'vitest';
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { generateShape } from '../../bench/generate.js';
import { parsePlanFile, parsePlanText, collectPlanFiles } from '../parse/index.js';
import type { Plan } from '../model/index.js';
import { createPlanMachine, type FactInput, type PlanEvent } from './machine.js';
import { readProgram, step } from './program.js';
import { controlState, reachableStates } from './reach.js';
import { sampleValuations } from './samples.js';
import { compileStatechart } from './statechart.js';

const files = collectPlanFiles(['plans/chem', 'plans/flood', 'plans/defective']).files;
const shapes: [string, Plan][] = [
  ...files.map((f) => [f, parsePlanFile(f).plan!] as [string, Plan]).filter(([, p]) => !!p),
  ...(['facts', 'levels'] as const).flatMap((shape) => [3, 6].map((n) =>
    [`${shape}-${n}`, parsePlanText(generateShape(shape, n)['plan.md'], `${shape}.md`).plan!] as [string, Plan])),
];

/**
 * Brute force, the way reachability used to be decided: from every control state the search found, xstate's own
 * `transition` on one sample valuation per cell of the partition all triggers make (inside a cell every guard is
 * constant, so the samples are complete), plus INCIDENT from standby.
 */
function bruteForce(plan: Plan, paths: Map<string, PlanEvent[]>): Map<string, Set<string>> {
  const bare = { ...plan, steps: [] };
  const machine = createPlanMachine(bare);
  const samples = sampleValuations(plan, 5000).samples;
  const out = new Map<string, Set<string>>();
  for (const [state, path] of paths) {
    let [snap] = initialTransition(machine) as [AnyMachineSnapshot, unknown];
    for (const e of path) [snap] = transition(machine, snap, e) as [AnyMachineSnapshot, unknown];
    const to = new Set<string>();
    if (state.startsWith('standby')) to.add(controlState(transition(machine, snap, { type: 'INCIDENT', values: {} })[0]));
    if (state.startsWith('standby') || state.startsWith('response.')) {
      for (const values of samples) to.add(controlState(transition(machine, snap, { type: 'FACTS', values: values as FactInput })[0]));
    }
    out.set(state, to);
  }
  return out;
}

describe('program: the compiled config read as decision lists', () => {
  it.each(shapes)('%s: one FACTS event goes where xstate goes, on every sample valuation', (_, plan) => {
    const bare = { ...plan, steps: [] };
    const machine = createPlanMachine(bare);
    const program = readProgram(plan, compileStatechart(bare));
    expect(program.unsupported).toBeUndefined();
    const r = reachableStates(plan);
    const samples = sampleValuations(plan, 5000).samples.slice(0, 60);
    for (const [state, path] of r.paths) {
      let [snap] = initialTransition(machine) as [AnyMachineSnapshot, unknown];
      for (const e of path) [snap] = transition(machine, snap, e) as [AnyMachineSnapshot, unknown];
      for (const values of samples) {
        const [next] = transition(machine, snap, { type: 'FACTS', values: values as FactInput });
        expect(step(program, plan, state, 'FACTS', values), `${state} ${JSON.stringify(values)}`).toBe(controlState(next));
      }
    }
  });

  it.each(shapes)('%s: the symbolic search finds exactly the states and successors brute force finds', (_, plan) => {
    const r = reachableStates(plan);
    expect(r.truncated).toBe(false);
    const brute = bruteForce(plan, r.paths);
    // Every successor brute force finds is a state the search found, and vice versa.
    const found = new Set([...brute.values()].flatMap((s) => [...s]));
    for (const s of found) expect(r.states.has(s), s).toBe(true);
    for (const s of r.states) if (s !== r.paths.keys().next().value) expect(found.has(s), s).toBe(true);
    // Termination: from each level brute force can end directly exactly where the search says.
    for (const id of r.levels) expect(r.terminatesAt.has(id), id).toBe(brute.get(`response.${id}`)!.has('terminated'));
  });
});
