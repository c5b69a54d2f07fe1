import { describe, expect, it } from 'vitest';
import { collectPlanFiles, parsePlanFile } from '../parse/index.js';
import { plansFrom, miniPlan } from '../../test/helpers/lint.js';
import type { Plan } from '../model/index.js';
import { createPlanMachine } from './machine.js';
import { compileStatechart, type NamedRef, type StateConfig, type StatechartConfig, type TransitionConfig } from './statechart.js';

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
      const resting = ['assessing', ...[...plan.levels].sort((a, b) => a.rank - b.rank).map((l) => l.id)];
      expect(Object.keys(level.states!).slice(0, resting.length)).toEqual(resting);
      expect(Object.keys(level.states!).slice(resting.length).every((k) => /^[↑↓]/.test(k))).toBe(true);
      for (const l of plan.levels) {
        const meta = level.states![l.id].meta!;
        expect(meta).toMatchObject({ level: l.id, rank: l.rank, colour: l.colour!, decidedBy: l.decidedBy! });
        expect(meta.activation).toEqual({ kind: 'limit', seconds: l.activation!.seconds, text: l.activation!.text, anchor: { kind: 'incident' } });
      }
      // Most severe first out of assessing; a level with escalation rules is entered through its `↑` state.
      const always = level.states!.assessing.always as TransitionConfig[];
      const bySeverity = [...plan.levels].sort((a, b) => a.rank - b.rank);
      const hasUp = (id: string) => plan.escalations.some((e) => e.from === id && plan.levels.find((l) => l.id === e.to)!.rank < plan.levels.find((l) => l.id === id)!.rank);
      expect(always.map((t) => t.target)).toEqual(bySeverity.map((l) => (hasUp(l.id) ? `↑${l.id}` : l.id)));
      expect(always.map((t) => t.guard)).toEqual(bySeverity.map((l) => ({ type: 'trigger', params: { level: l.id, when: l.trigger!.text } })));
    });

    it('settles the level in one event: each escalation rule is a guarded transition, and eventless chains end', () => {
      const region = config.states!.response.states!.level;
      const states = region.states!;
      const rank = (id: string) => plan.levels.find((l) => l.id === id)!.rank;
      const edge = (t: TransitionConfig) => (t.guard?.params as { escalation?: number } | undefined)?.escalation;
      const via = (to: string, dir: '↑' | '↓') => (states[`${dir}${to}`] ? `${dir}${to}` : to);
      plan.escalations.forEach((e, i) => {
        const dir = rank(e.to) < rank(e.from) ? '↑' : '↓';
        const guard = { type: 'trigger', params: { escalation: i, from: e.from, to: e.to, when: e.when.text } };
        // On FACTS at its source level: merge the facts, then go to the target (through its transient state).
        const onFacts = (states[e.from].on!.FACTS as TransitionConfig[]).filter((t) => edge(t) === i);
        expect(onFacts).toEqual([{ guard, target: via(e.to, dir), actions: [{ type: 'mergeFacts' }] }]);
        // Passing through the source level: the same rule as an eventless transition (facts already merged).
        for (const k of [`↑${e.from}`, `↓${e.from}`].filter((x) => states[x])) {
          const chained = (states[k].always as TransitionConfig[]).filter((t) => edge(t) === i);
          const follows = dir === '↑' || (k.startsWith('↓') && rank(e.to) > rank(e.from));
          expect(chained, `${k} follows escalation ${i}`).toEqual(follows ? [{ guard, target: via(e.to, dir) }] : []);
        }
      });
      // Resting states have no eventless transitions besides assessing; a transient one ends by resting in its level.
      for (const [k, s] of Object.entries(states)) {
        if (!/^[↑↓]/.test(k)) { expect(k === 'assessing' || s.always === undefined, k).toBe(true); continue; }
        const list = s.always as TransitionConfig[];
        expect(list[list.length - 1]).toEqual({ target: k.slice(1) });
        expect(s.meta).toEqual({ passing: k.slice(1), direction: k.startsWith('↑') ? 'up' : 'down' });
        expect(s.entry).toBeUndefined();
      }
      // No eventless cycle: following `always` targets from any state ends.
      const ends = (k: string, path: string[]): void => {
        expect(path, `eventless cycle ${[...path, k].join(' → ')}`).not.toContain(k);
        for (const t of [states[k]?.always ?? []].flat()) if (t.target && states[t.target]) ends(t.target, [...path, k]);
      };
      for (const k of Object.keys(states)) ends(k, []);
    });

    it('has one timer region per step with a deadline, with a named delay in ms', () => {
      const timers = config.states!.response.states!.timers.states!;
      const withDeadline = plan.steps.filter((s) => s.deadline);
      expect(Object.keys(timers)).toEqual(withDeadline.map((s) => s.id));
      const delays = config.meta.delays as Record<string, number>;
      for (const s of withDeadline) {
        expect(delays[`deadline.${s.id}`]).toBe(s.deadline!.seconds! * 1000);
        const anchor = s.deadline!.anchor;
        // Only a step of every level counted from the incident runs from the start of the response; a step bound to
        // levels waits for the first of them (then, if step-anchored, for its anchor step).
        const t = timers[s.id];
        const bound = s.levels.length > 0;
        expect(t.initial).toBe(anchor.kind === 'incident' && !bound ? 'running' : 'idle');
        const waits = anchor.kind === 'step' && bound ? ['idle', 'waiting'] : t.initial === 'idle' ? ['idle'] : [];
        expect(Object.keys(t.states!)).toEqual([...waits, 'running', 'expired', 'stopped']);
        const done = { guard: { type: 'stepDone', params: { step: s.id } }, target: 'stopped' };
        const active = { guard: { type: 'stepActive', params: { step: s.id } } };
        const anchored = anchor.kind === 'step' ? { guard: { type: 'stepDone', params: { step: anchor.step } } } : undefined;
        if (waits.length === 2) {
          expect(t.states!.idle.always).toEqual([done, { ...active, target: 'waiting' }]);
          expect(t.states!.waiting.always).toEqual([done, { ...anchored, target: 'running' }]);
        } else if (waits.length === 1) {
          expect(t.states!.idle.always).toEqual([done, { ...(anchored && !bound ? anchored : active), target: 'running' }]);
        }
        expect(Object.keys(t.states!.running.after!)).toEqual([`deadline.${s.id}`]);
      }
      expect(config.context).toEqual({
        facts: {}, level: null, steps: Object.fromEntries(plan.steps.map((s) => [s.id, 'pending'])), expired: [], received: [], counts: {}, dues: {}, missed: [],
      });
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
        { ...plan.steps[0], id: 'late', deadline: { kind: 'limit', seconds: 60, text: '1分钟', anchor: { kind: 'step', step: 'missing' } } },
        { ...plan.steps[0], id: 'self', deadline: { kind: 'limit', seconds: 60, text: '1分钟', anchor: { kind: 'step', step: 'self' } } },
        { ...plan.steps[0], id: 'inf', deadline: { kind: 'limit', seconds: Infinity, text: '∞', anchor: { kind: 'incident' } } },
      ],
    };
    const config = compileStatechart(odd);
    expect(JSON.parse(JSON.stringify(config))).toStrictEqual(config);
    // III escalates to II or II.a (and is where assessing and II's de-escalation arrive): ↑III and ↓III; II and II.a
    // have no rule out of them that a chain could follow.
    expect(Object.keys(config.states!.response.states!.level.states!)).toEqual(['assessing', 'II', 'II.a', 'III', '↑III', '↓III']);
    expect(Object.keys(config.states!.response.states!.timers.states!)).toEqual(['alarm', 'isolate', 'report']);
    const iii = config.states!.response.states!.level.states!.III.on!.FACTS as TransitionConfig[];
    // The written rules first, then (highest level met applies) II's and II.a's own criteria, then termination.
    expect(iii.map((t) => t.target)).toEqual(['II', 'II\\.a', 'II', 'II\\.a', '#mini.terminated']);
    expect(iii.map((t) => t.guard?.params)).toMatchObject([{ escalation: 0 }, { escalation: 3 }, { level: 'II' }, { level: 'II.a' }, {}]);
    expect(() => createPlanMachine(odd, config)).not.toThrow();
  });
});
