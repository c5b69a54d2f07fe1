/**
 * Compiled config → runnable xstate machine: the named guards, actions and
 * delays of a statechart, implemented over the plan.
 *
 * Guards interpret trigger ASTs with yuan's `evaluate` (never JavaScript `eval`),
 * over the facts known so far merged with the values the event brings. Actions
 * are pure: `assign`s of the context, plus `raise` of the `DEADLINE` event when
 * a deadline timer fires. Delays are the deadlines in milliseconds.
 */
import { assign, raise, setup } from 'xstate';
import { evaluate, type FactValues } from '../expr/index.js';
import type { Plan } from '../model/index.js';
import { triggerResolver, type TriggerParams } from './guards.js';
import { compileStatechart, deadlineDelay, FOLLOW_UP_DELAY, deadlineMs, levelsAbove, periodDelay, periodMs, uniqueById, type FactMap, type PlanContext, type StatechartConfig } from './statechart.js';
import { appliesAtLevel, mergeFacts, stepModels, stepStatuses } from './steps.js';

/** Fact values an event reports; `null` forgets a fact. Keys are fact ids (labels are accepted too). */
export type FactInput = Record<string, number | boolean | string | null>;

/** Events the plan machine understands. */
export type PlanEvent =
  /** An incident is reported (接警): starts the response from standby, with whatever facts are known. */
  | { type: 'INCIDENT'; values?: FactInput }
  /** New or changed facts (FACTS): may start the response, change the warning or level, or terminate. */
  | { type: 'FACTS'; values: FactInput }
  /** A step is done (by `role`). */
  | { type: 'STEP_DONE'; step: string; role?: string }
  /** The deciding role declares the end of the response. */
  | { type: 'TERMINATE'; role?: string }
  /** A step's deadline has passed (raised by its timer; a drill engine on another clock may send it too). */
  | { type: 'DEADLINE'; step: string }
  /** Recovery begins (otherwise it begins when the follow-up period after termination ends). */
  | { type: 'RECOVER' }
  /** Roles were told (an inject or a notification reached them): starts their receipt-anchored deadlines. */
  | { type: 'NOTIFY'; to: string[] }
  /** A role declares a level (a level started by decision is entered when its decider declares it). */
  | { type: 'DECLARE'; level: string; role?: string };

export type { TriggerParams } from './guards.js';

/** `{ type: 'FACTS', values }`. */
export const factsEvent = (values: FactInput): PlanEvent => ({ type: 'FACTS', values });
/** `{ type: 'INCIDENT', values }`. */
export const incidentEvent = (values: FactInput = {}): PlanEvent => ({ type: 'INCIDENT', values });
/** `{ type: 'STEP_DONE', step, role }`. */
export const stepDone = (step: string, role?: string): PlanEvent => (role === undefined ? { type: 'STEP_DONE', step } : { type: 'STEP_DONE', step, role });
/** `{ type: 'TERMINATE', role }`. */
export const terminateEvent = (role?: string): PlanEvent => (role === undefined ? { type: 'TERMINATE' } : { type: 'TERMINATE', role });
/** `{ type: 'DEADLINE', step }`. */
export const deadlineEvent = (step: string): PlanEvent => ({ type: 'DEADLINE', step });
/** `{ type: 'NOTIFY', to }`. */
export const notifyEvent = (to: readonly string[]): PlanEvent => ({ type: 'NOTIFY', to: [...to] });
/** `{ type: 'DECLARE', level, role }`. */
export const declareEvent = (level: string, role?: string): PlanEvent => (role === undefined ? { type: 'DECLARE', level } : { type: 'DECLARE', level, role });

// Every guard of one transition merges the same event into the same facts: remember the last merge per event.
const MERGED = new WeakMap<object, { base: FactMap; merged: FactMap }>();

/** Facts known after `event`: the context's, merged with the values a FACTS or INCIDENT event carries. */
function factsAfter(context: PlanContext, event: { type: string }, plan: Plan): FactMap {
  if (event.type !== 'FACTS' && event.type !== 'INCIDENT') return context.facts;
  const hit = MERGED.get(event);
  if (hit && hit.base === context.facts) return hit.merged;
  const merged = mergeFacts(context.facts, (event as { values?: unknown }).values, plan.facts);
  MERGED.set(event, { base: context.facts, merged });
  return merged;
}

/**
 * Builds the runnable machine for a plan from its compiled config (by default compiled now; pass a config loaded
 * from `yuan compile` output to run exactly that). The config is not modified.
 */
export function createPlanMachine(plan: Plan, config: StatechartConfig = compileStatechart(plan)) {
  const steps = stepModels(plan);
  const stepById = new Map(steps.map((s) => [s.id, s] as const));
  const triggerAst = triggerResolver(plan);
  const aboveOf = new Map<string, string[]>();
  const above = (id: unknown): string[] => {
    if (typeof id !== 'string') return [];
    if (!aboveOf.has(id)) aboveOf.set(id, levelsAbove(plan, id));
    return aboveOf.get(id)!;
  };

  const holds = (p: TriggerParams, context: PlanContext, event: { type: string }): boolean => {
    const ast = triggerAst(p ?? {});
    return !!ast && evaluate(ast, factsAfter(context, event, plan) as FactValues, plan.facts);
  };

  // Named delays: what the config declares (its root meta.delays), else computed from the plan.
  const delays: Record<string, number> = {};
  for (const s of uniqueById(plan.steps)) {
    const ms = deadlineMs(s.deadline);
    if (ms !== undefined) delays[deadlineDelay(s.id)] = ms;
    const period = periodMs(s.deadline);
    if (period !== undefined) delays[periodDelay(s.id)] = period;
  }
  const cadences = new Set(uniqueById(plan.steps).filter((s) => periodMs(s.deadline) !== undefined).map((s) => s.id));
  const fu = deadlineMs(plan.termination?.followUp);
  if (fu !== undefined) delays[FOLLOW_UP_DELAY] = fu;
  const declared = config.meta?.delays;
  if (declared && typeof declared === 'object' && !Array.isArray(declared)) {
    for (const [k, v] of Object.entries(declared)) if (typeof v === 'number' && Number.isFinite(v) && v >= 0) delays[k] = v;
  }

  const refreshed = (context: PlanContext): PlanContext['steps'] => stepStatuses(steps, context, plan.facts);

  return setup({
    types: {} as { context: PlanContext; events: PlanEvent },
    guards: {
      trigger: ({ context, event }, params: TriggerParams) => holds(params, context, event),
      anyLevel: ({ context, event }, params: { levels: string[] }) =>
        (params?.levels ?? []).some((level) => holds({ level }, context, event)),
      moreSevere: ({ context, event }, params: { than: string }) => above(params?.than).some((level) => holds({ level }, context, event)),
      stepDone: ({ context }, params: { step: string }) => context.steps[params.step] === 'done',
      stepActive: ({ context }, params: { step: string }) => {
        const s = stepById.get(params.step);
        return !!s && appliesAtLevel(s, context.level);
      },
      stepOpen: ({ context, event }) =>
        event.type === 'STEP_DONE' && typeof event.step === 'string' && Object.hasOwn(context.steps, event.step)
        && (context.steps[event.step] !== 'done' || cadences.has(event.step)),
      received: ({ context }, params: { roles: string[] }) => (params?.roles ?? []).some((r) => context.received.includes(r)),
      mayDeclare: ({ event }, params: { level: string; roles: string[] }) =>
        event.type === 'DECLARE' && event.level === params?.level
        && (!(params.roles ?? []).length || (typeof event.role === 'string' && params.roles.includes(event.role))),
      deadlineFor: ({ event }, params: { step: string }) => event.type === 'DEADLINE' && event.step === params.step,
      decider: ({ event }, params: { roles: string[] }) =>
        event.type === 'TERMINATE' && typeof event.role === 'string' && (params?.roles ?? []).includes(event.role),
    },
    actions: {
      mergeFacts: assign({ facts: ({ context, event }) => factsAfter(context, event, plan) }),
      refreshSteps: assign({ steps: ({ context }) => refreshed(context) }),
      enterLevel: assign(({ context }, params: { level: string }) => {
        const next = { ...context, level: params.level };
        return { level: params.level, steps: refreshed(next) };
      }),
      completeStep: assign(({ context, event }) => {
        if (event.type !== 'STEP_DONE') return {};
        // Doing a step does not by itself tell the roles its row says to notify: the notification is a NOTIFY of its own
        // (src/drill/told.ts — the rule the engine, the participant pages and the scorer share).
        const next = { ...context, steps: { ...context.steps, [event.step]: 'done' as const } };
        return {
          steps: refreshed(next),
          counts: { ...context.counts, [event.step]: (context.counts[event.step] ?? 0) + 1 },
        };
      }),
      markReceived: assign(({ context, event }) => {
        if (event.type !== 'NOTIFY' || !Array.isArray(event.to)) return {};
        const told = event.to.filter((r) => typeof r === 'string' && !context.received.includes(r));
        return told.length ? { received: [...context.received, ...told] } : {};
      }),
      checkCadence: assign(({ context }, params: { step: string }) => {
        // Only a due at which the step applies counts (a cadence bound to levels is not owed at other levels).
        const due = (context.dues[params.step] ?? 0) + 1;
        const short = (context.counts[params.step] ?? 0) < due && context.steps[params.step] !== 'skipped';
        return { dues: { ...context.dues, [params.step]: due }, ...(short ? { missed: [...context.missed, { step: params.step, due }] } : {}) };
      }),
      markOverdue: assign(({ context }, params: { step: string }) => {
        if (context.expired.includes(params.step)) return {};
        const next = { ...context, expired: [...context.expired, params.step] };
        return { expired: next.expired, steps: refreshed(next) };
      }),
      raiseDeadline: raise((_, params: { step: string }) => ({ type: 'DEADLINE' as const, step: params.step })),
    },
    delays,
    // The config is plain JSON by design; its named references are checked by the tests against these implementations.
  }).createMachine(config as unknown as Parameters<ReturnType<typeof setup<PlanContext, PlanEvent>>['createMachine']>[0]);
}

/** The machine `createPlanMachine` returns. */
export type PlanMachine = ReturnType<typeof createPlanMachine>;
