import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createActor, initialTransition, SimulatedClock, transition } from 'xstate';
import { createPlanMachine, type PlanEvent } from '../src/compile/index.js';
import { runScripted } from '../src/drill/engine.js';
import type { DrillAction, FactValue, Inject, Scenario } from '../src/drill/types.js';
import type { Plan } from '../src/model/index.js';
import { parseMarkdown } from '../src/parse/index.js';
import { writeLog } from '../src/drill/index.js';
import { scoreDrill } from '../src/score/index.js';
import { generatePlan } from './generate.js';
import { scenarioToYaml } from '../src/drill/scenario-write.js';
import { commandPair, measure, row, timingRow } from './measure.js';
import { prng } from '../src/drill/blind.js';

const STEPS = 200;
const EVENTS = 1000;

/**
 * A generated scenario of `EVENTS` agenda items for a generated plan: 100 injects whose facts escalate the
 * leak (IV → III → II → I) and then bring it under control, and scripted actions — every step done once (most by
 * id, some by their text, a few by the wrong role or twice), level declarations, notifications, acks and notes.
 */
export function generateScenario(plan: Plan, seed = 1): Scenario {
  const rand = prng(seed);
  const injects: Inject[] = [];
  const nInjects = 100;
  const span = 6 * 3600;
  for (let i = 0; i < nInjects; i++) {
    const at = Math.round((i / nInjects) * span * 0.8);
    const phase = i / nInjects;
    const facts: Record<string, FactValue> = phase < 0.2 ? { leak_kg: 20 + i, injured: 0, deaths: 0, fire: false, offsite: false, contained: false }
      : phase < 0.4 ? { leak_kg: 150 + i, injured: 1 }
        : phase < 0.6 ? { leak_kg: 1200 + i, fire: true }
          : phase < 0.7 ? { offsite: true, deaths: 0 }
            : { offsite: false, fire: false, contained: true, leak_kg: 1500 };
    injects.push({ id: `i${i + 1}`, at, atText: String(at), message: `第${i + 1}条情景注入：泄漏量与现场情况更新`, to: [], facts, expected: [] });
  }
  const actions: DrillAction[] = [];
  const nActions = EVENTS - nInjects;
  const steps = plan.steps;
  for (let i = 0; i < nActions; i++) {
    const at = Math.round(((i + 0.5) / nActions) * span);
    const s = steps[i % steps.length];
    const r = rand();
    if (i < steps.length * 2 && i % 2 === 0) {
      const byText = r < 0.2;
      const role = r > 0.95 ? 'commander' : s.role ?? 'commander';
      actions.push({ at, role, kind: 'step', ...(byText ? { text: s.action } : { step: s.id }) });
    } else if (r < 0.35) {
      actions.push({ at, role: s.role ?? 'commander', kind: 'notify', to: 'commander' });
    } else if (r < 0.5) {
      actions.push({ at, role: s.role ?? 'commander', kind: 'ack' });
    } else if (r < 0.55) {
      actions.push({ at, role: 'commander', kind: 'level', level: ['IV', 'III', 'II', 'I'][Math.min(3, Math.floor((at / span) * 5))] });
    } else if (r < 0.75) {
      actions.push({ at, role: s.role ?? 'commander', kind: 'step', step: steps[Math.floor(rand() * steps.length)].id });
    } else {
      actions.push({ at, role: s.role ?? 'commander', kind: 'note', text: `现场记录 ${i}` });
    }
  }
  return {
    file: 'bench.yaml', id: `bench-${seed}`, title: 'generated drill', plan: 'bench.md', type: 'tabletop', scope: 'comprehensive',
    objectives: [], injects, actions, seed,
  };
}

/**
 * Drill engine: a generated 200-step plan and a 1,000-item scenario; actor vs pure `transition()`; scoring; and the
 * whole `yuan drill run` process (start-up, parsing plan and scenario, the run, writing the log, scoring), measured
 * alternately with `node -e 0`.
 */
export function benchDrill(dir: string): string[] {
  const text = generatePlan(7, { steps: STEPS });
  const plan = parseMarkdown(text, 'bench.md').plan!;
  const scenario = generateScenario(plan, 7);

  // One traced run: the machine events the engine sent (and the DEADLINEs the timers raised), in order.
  const trace: PlanEvent[] = [];
  const events = runScripted(plan, scenario, { trace, planSource: text });
  const jsonl = writeLog(events);

  const tDrill = measure(() => { runScripted(plan, scenario, { planSource: text }); }, 5, 1);
  const machine = createPlanMachine(plan);
  const viaActor = () => {
    const actor = createActor(machine, { clock: new SimulatedClock() });
    actor.start();
    for (const e of trace) actor.send(e);
    const ctx = actor.getSnapshot().context;
    actor.stop();
    return ctx;
  };
  const viaTransition = () => {
    let [snap] = initialTransition(machine);
    for (const e of trace) [snap] = transition(machine, snap, e);
    return snap.context;
  };
  const same = JSON.stringify(viaActor()) === JSON.stringify(viaTransition());
  const tActor = measure(() => { viaActor(); }, 5, 1);
  const tPure = measure(() => { viaTransition(); }, 5, 1);
  const tScore = measure(() => { scoreDrill(plan, events, { scenario }); }, 5, 1);
  const tWrite = measure(() => { writeLog(events); }, 5, 1);
  const rate = (n: number, ms: number) => (n / ms) * 1000;
  const actorRate = rate(trace.length, tActor);

  // The whole command on the same plan and scenario, as files.
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'bench.md'), text);
  writeFileSync(join(dir, 'bench.yaml'), scenarioToYaml({ ...scenario, plan: 'bench.md' }));
  const log = join(dir, 'bench.log.jsonl');
  const yuan = join(process.cwd(), 'dist/bin/yuan.cjs');
  const [tNode, tCli] = commandPair([process.execPath, ['-e', '0']], [process.execPath, [yuan, 'drill', 'run', join(dir, 'bench.yaml'), '-o', log]], 5);
  const cliEvents = readFileSync(log, 'utf8').split('\n').filter(Boolean).length;
  return [
    `drill — generated plan with ${plan.steps.length} steps; scenario of ${scenario.injects.length} injects + ${scenario.actions.length} actions → ${events.length} log events (${(jsonl.length / 1024).toFixed(0)} KiB JSONL), ${trace.length} machine events`,
    row('runScripted (actor on the simulated clock, match, log)', tDrill, 'ms'),
    row('  agenda items per second', rate(EVENTS, tDrill), 'items/s'),
    row('machine events through the actor (baseline)', actorRate, 'events/s'),
    row(`machine events through pure transition()${same ? '' : ' (CONTEXT DIFFERS)'}`, rate(trace.length, tPure), 'events/s', { name: 'actor', value: actorRate, better: 'higher' }),
    row('scoreDrill on the log', tScore, 'ms', { name: 'runScripted', value: tDrill, better: 'lower' }),
    row('writeLog (schema-checked JSONL)', tWrite, 'ms'),
    timingRow('node -e 0 (baseline)', tNode),
    timingRow(`yuan drill run, whole process (${cliEvents} log events)`, tCli, { name: 'node -e 0', t: tNode }),
    row('  log events per second, whole process (wall)', rate(cliEvents, tCli.wall), 'events/s', { name: 'runScripted in process', value: rate(events.length, tDrill), better: 'higher' }),
  ];
}
