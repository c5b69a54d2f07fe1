import { describe, expect, it } from 'vitest';
import { collectPlanFiles, parsePlanFile } from '../parse/index.js';
import { plansFrom, miniPlan } from '../../test/helpers/lint.js';
import type { Plan } from '../model/index.js';
import { createPlanMachine } from './machine.js';
import { compileStatechart, escapeKey, type NamedRef, type StateConfig, type StatechartConfig, type TransitionConfig } from './statechart.js';

const files = collectPlanFiles(['plans/chem', 'plans/flood']).files;
const load = (file: string): Plan => {
  const r = parsePlanFile(file);
  if (!r.plan) throw new Error(`${file} does not parse`);
  return r.plan;
};

/** Every state node with its path. */
function nodes(config: StateConfig, path: string[] = []): [string[], StateConfig][] {
  return [[path, config], ...Object.entries(config.states ?? {}).flatMap(([k, s]) => nodes(s, [...path, k]))];
}
const transitionsOf = (s: StateConfig): TransitionConfig[] => [
  ...Object.values(s.on ?? {}), ...Object.values(s.after ?? {}), ...(s.always ? [s.always] : []),
].flat();

describe('compileStatechart', () => {
  it('finds the example plans', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
  });

  describe.each(files)('%s', (file) => {
    const plan = load(file);
    const config = compileStatechart(plan);

    it('is plain JSON: a round trip gives the same config', () => {
      const json = JSON.parse(JSON.stringify(config)) as StatechartConfig;
      expect(json).toStrictEqual(config);
    });

    it('has standby → response (level + timers) → terminated → recovery', () => {
      expect(Object.keys(config.states!)).toEqual(['standby', 'response', 'terminated', 'recovery']);
      expect(config.initial).toBe('standby');
      expect(config.states!.recovery.type).toBe('final');
      const response = config.states!.response;
      expect(response.type).toBe('parallel');
      const level = response.states!.level;
      expect(Object.keys(level.states!)).toEqual(['assessing', ...[...plan.levels].sort((a, b) => a.rank - b.rank).map((l) => l.id)]);
      for (const l of plan.levels) {
        const meta = level.states![l.id].meta!;
        expect(meta).toMatchObject({ level: l.id, rank: l.rank, colour: l.colour!, decidedBy: l.decidedBy! });
        expect(meta.activation).toEqual({ seconds: l.activation!.seconds, text: l.activation!.text, anchor: { kind: 'incident' } });
      }
      // Most severe first out of assessing.
      const always = level.states!.assessing.always as TransitionConfig[];
      expect(always.map((t) => t.target)).toEqual([...plan.levels].sort((a, b) => a.rank - b.rank).map((l) => escapeKey(l.id)));
      expect(always[0].guard).toEqual({ type: 'trigger', params: { level: always[0].target!, when: plan.levels.find((l) => l.id === always[0].target)!.trigger!.text } });
    });

    it('has one timer region per step with a deadline, with a named delay in ms', () => {
      const timers = config.states!.response.states!.timers.states!;
      const withDeadline = plan.steps.filter((s) => s.deadline);
      expect(Object.keys(timers)).toEqual(withDeadline.map((s) => s.id));
      const delays = config.meta.delays as Record<string, number>;
      for (const s of withDeadline) {
        expect(delays[`deadline.${s.id}`]).toBe(s.deadline!.seconds * 1000);
        expect(timers[s.id].initial).toBe(s.deadline!.anchor.kind === 'incident' ? 'running' : 'idle');
        expect(Object.keys(timers[s.id].states!.running.after!)).toEqual([`deadline.${s.id}`]);
      }
      expect(config.context).toEqual({ facts: {}, level: null, steps: Object.fromEntries(plan.steps.map((s) => [s.id, 'pending'])), expired: [] });
    });

    it('has warning states in standby exactly when the plan has warnings', () => {
      const standby = config.states!.standby;
      if (plan.warnings.length) expect(Object.keys(standby.states!)).toEqual(['normal', ...plan.warnings.map((w) => w.id)]);
      else expect(standby.states).toBeUndefined();
    });

    it('references only guards, actions and delays the machine implements', () => {
      const machine = createPlanMachine(plan, JSON.parse(JSON.stringify(config)));
      const impl = machine.implementations as { guards: Record<string, unknown>; actions: Record<string, unknown>; delays: Record<string, unknown> };
      const refs: { guards: NamedRef[]; actions: NamedRef[]; delays: string[] } = { guards: [], actions: [], delays: [] };
      for (const [, s] of nodes(config)) {
        refs.actions.push(...(s.entry ?? []));
        refs.delays.push(...Object.keys(s.after ?? {}));
        for (const t of transitionsOf(s)) {
          if (t.guard) refs.guards.push(t.guard);
          refs.actions.push(...(t.actions ?? []));
        }
      }
      expect(refs.guards.length).toBeGreaterThan(0);
      for (const g of refs.guards) expect(impl.guards, g.type).toHaveProperty([g.type]);
      for (const a of refs.actions) expect(impl.actions, a.type).toHaveProperty([a.type]);
      for (const d of refs.delays) expect(impl.delays, d).toHaveProperty([d]);
    });
  });

  it('is total on odd plans: duplicate ids, unknown escalation levels, dangling anchors, dotted ids', () => {
    const [plan] = plansFrom({ 'mini.md': miniPlan() });
    const odd: Plan = {
      ...plan,
      levels: [...plan.levels, { ...plan.levels[0] }, { ...plan.levels[1], id: 'II.a', rank: 2 }],
      escalations: [...plan.escalations, { from: 'III', to: 'nowhere', when: plan.escalations[0].when }, { from: 'III', to: 'II.a', when: plan.escalations[0].when }],
      steps: [
        ...plan.steps,
        { ...plan.steps[0], id: 'late', deadline: { seconds: 60, text: '1分钟', anchor: { kind: 'step', step: 'missing' } } },
        { ...plan.steps[0], id: 'self', deadline: { seconds: 60, text: '1分钟', anchor: { kind: 'step', step: 'self' } } },
        { ...plan.steps[0], id: 'inf', deadline: { seconds: Infinity, text: '∞', anchor: { kind: 'incident' } } },
      ],
    };
    const config = compileStatechart(odd);
    expect(JSON.parse(JSON.stringify(config))).toStrictEqual(config);
    expect(Object.keys(config.states!.response.states!.level.states!)).toEqual(['assessing', 'II', 'II.a', 'III']);
    expect(Object.keys(config.states!.response.states!.timers.states!)).toEqual(['alarm', 'isolate', 'report']);
    const iii = config.states!.response.states!.level.states!.III.on!.FACTS as TransitionConfig[];
    expect(iii.map((t) => t.target)).toEqual(['II', 'II\\.a', '#mini.terminated']);
    expect(() => createPlanMachine(odd, config)).not.toThrow();
  });
});
