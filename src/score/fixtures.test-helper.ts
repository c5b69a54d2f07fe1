/** Hand-built drill logs for the hazardous-chemical-leak plan (plans/chem/hazardous-chemical-leak.md), shared by score and report tests. */
import { fileURLToPath } from 'node:url';
import type { DrillEvent, EventSource, FactValue, Scenario } from '../drill/types.js';
import type { Plan } from '../model/index.js';
import { parsePlanFile } from '../parse/index.js';

export const LEAK_PLAN_FILE = fileURLToPath(new URL('../../plans/chem/hazardous-chemical-leak.md', import.meta.url));

let cached: Plan | undefined;
/** The canonical leak plan, parsed once. */
export function leakPlan(): Plan {
  if (cached) return cached;
  const r = parsePlanFile(LEAK_PLAN_FILE);
  if (!r.plan) throw new Error(`leak plan does not parse: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  cached = r.plan;
  return cached;
}

type Distribute<T> = T extends unknown ? Omit<T, 'seq'> : never;
/** An event without its seq (the builder numbers them). */
export type EventInput = Distribute<DrillEvent>;

/** Numbers events 1, 2, 3 … in the given order. */
export function numbered(list: EventInput[]): DrillEvent[] {
  return list.map((e, i) => ({ seq: i + 1, ...e }) as DrillEvent);
}

const src: EventSource = 'script';
export const start = (): EventInput => ({ t: 0, type: 'drill.start', scenario: 'leak-iv', plan: '../plans/chem/hazardous-chemical-leak.md', planHash: 'sha256:plan', scenarioHash: 'sha256:scn', mode: 'scripted', seed: 7 });
export const inject = (t: number, id: string, message: string, facts?: Record<string, FactValue>, to: string[] = []): EventInput =>
  ({ t, type: 'inject', inject: id, to, message, ...(facts ? { facts } : {}), source: 'facilitator' });
export const warranted = (t: number, level: string | null, facts: Record<string, FactValue> = {}): EventInput => ({ t, type: 'level.warranted', level, facts });
export const declared = (t: number, level: string, role: string): EventInput => ({ t, type: 'level.declared', level, role, source: src });
export const done = (t: number, step: string, role: string, text?: string): EventInput =>
  ({ t, type: 'step.done', step, role, ...(text ? { text } : {}), match: text ? 'text' : 'id', source: src });
export const notify = (t: number, role: string, to: string): EventInput => ({ t, type: 'notify', role, to, source: src });
export const ack = (t: number, role: string, injectId?: string): EventInput => ({ t, type: 'ack', role, ...(injectId ? { inject: injectId } : {}), source: src });
export const unmatched = (t: number, role: string, text: string): EventInput => ({ t, type: 'action.unmatched', role, text, source: src });
export const note = (t: number, text: string, role?: string): EventInput => ({ t, type: 'note', ...(role ? { role } : {}), text, source: 'observer' });
export const terminate = (t: number, role: string): EventInput => ({ t, type: 'terminate', role, source: src });
export const overdue = (t: number, step: string, deadline: number): EventInput => ({ t, type: 'step.overdue', step, deadline });
export const end = (t: number, reason: Extract<DrillEvent, { type: 'drill.end' }>['reason'] = 'script-complete'): EventInput => ({ t, type: 'drill.end', reason });

/** Facts of a small ammonia leak (level IV). */
export const SMALL_LEAK = { leak_kg: 30, injured: 0, deaths: 0, fire: false, offsite: false, gas_ppm: 5 };
/** The same leak under control, everyone accounted for. */
export const CONTAINED = { contained: true, all_accounted: true, gas_ppm: 2 };

/**
 * A clean level-IV drill: alarm at 40 s by the operator, isolation at 2:30, level IV declared at 4:00 by the duty officer,
 * assessment at 4:30 with both notifications, contained at 15:00, absorption at 25:00, terminated at 26:00.
 */
export function cleanIV(): EventInput[] {
  return [
    start(),
    inject(0, 'i1', '罐区液氨储罐法兰泄漏，现场操作工发现白色雾状气体', SMALL_LEAK),
    warranted(0, 'IV', SMALL_LEAK),
    done(40, 'alarm', 'operator'),
    notify(40, 'operator', 'duty-officer'),
    done(150, 'isolate', 'operator'),
    notify(150, 'operator', 'duty-officer'),
    declared(240, 'IV', 'duty-officer'),
    done(270, 'assess', 'duty-officer'),
    notify(275, 'duty-officer', 'deputy'),
    notify(280, 'duty-officer', 'commander'),
    inject(900, 'i2', '紧急切断阀关闭后泄漏停止，人员清点完毕', CONTAINED),
    warranted(900, 'IV', { ...SMALL_LEAK, ...CONTAINED }),
    done(1500, 'absorb', 'rescue-team'),
    terminate(1560, 'commander'),
    end(1560, 'terminated'),
  ];
}

/** A scenario around `cleanIV` with two objectives (only `objectives` and `weights` matter to the scorer). */
export function leakScenario(patch: Partial<Scenario> = {}): Scenario {
  return {
    file: 'scenarios/leak-iv.yaml', id: 'leak-iv', title: '液氨储罐法兰小量泄漏桌面推演', plan: '../plans/chem/hazardous-chemical-leak.md',
    type: 'tabletop', scope: 'single', seed: 7, actions: [],
    objectives: [
      { id: 'o1', text: '3分钟内完成报警并切断泄漏源', steps: ['alarm', 'isolate'], within: 180 },
      { id: 'o2', text: '5分钟内启动IV级响应并完成研判', steps: ['level:IV', 'assess'], within: 300 },
    ],
    injects: [
      { id: 'i1', at: 0, atText: '0', message: '罐区液氨储罐法兰泄漏，现场操作工发现白色雾状气体', to: [], facts: SMALL_LEAK, expected: [] },
      { id: 'i2', at: 900, atText: '15min', message: '紧急切断阀关闭后泄漏停止，人员清点完毕', to: [], facts: CONTAINED, expected: [] },
    ],
    ...patch,
  };
}

/** Facts after the leak grows and one worker is overcome (level III). */
export const GROWN_LEAK = { leak_kg: 300, injured: 1 };

/**
 * A messy drill that escalates to III: late alarm, isolation by the duty officer instead of the operator, III declared
 * late, a slow cordon, rescue logged twice, a missing notification of the commander and of the medical team, the
 * medical team never shows up, an unplanned call for fire-brigade support; not contained, not terminated.
 */
export function messyIII(): EventInput[] {
  return [
    start(),                                                                    // 1
    inject(0, 'i1', '罐区液氨储罐法兰泄漏，现场操作工发现白色雾状气体', SMALL_LEAK), // 2
    warranted(0, 'IV', SMALL_LEAK),                                             // 3
    done(80, 'alarm', 'operator'),                                              // 4
    notify(80, 'operator', 'duty-officer'),                                     // 5
    done(200, 'isolate', 'duty-officer', '值班长到场关闭紧急切断阀'),              // 6
    declared(240, 'IV', 'duty-officer'),                                        // 7
    inject(300, 'i2', '泄漏量增大至约300kg，一名操作工吸入中毒', GROWN_LEAK),       // 8
    warranted(300, 'III', { ...SMALL_LEAK, ...GROWN_LEAK }),                    // 9
    done(330, 'assess', 'duty-officer'),                                        // 10
    notify(335, 'duty-officer', 'deputy'),                                      // 11
    declared(1000, 'III', 'deputy'),                                            // 12
    done(1100, 'cordon', 'evacuation-team'),                                    // 13
    done(1150, 'rescue', 'rescue-team'),                                        // 14
    done(1200, 'rescue', 'rescue-team'),                                        // 15
    unmatched(1300, 'commander', '联系消防大队请求支援'),                          // 16
    done(1750, 'absorb', 'rescue-team'),                                        // 17
    end(2000),                                                                  // 18
  ];
}
