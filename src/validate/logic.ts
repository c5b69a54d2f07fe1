/**
 * Questions the level rules ask about trigger conditions — can these hold together? — answered on trigger formulas
 * (src/expr/formula.ts, solve.ts) under one work budget per rule and plan, so that a plan with hundreds of facts or
 * levels costs time in proportion to its conditions, and a question too hard to answer is said to be so.
 */
import { Conjunction, domainRegion, satisfy, SOLVER_WORK, triggerFormula, Work, type Box, type Constraint, type Coupling, type Expr, type Formula } from '../expr/index.js';
import type { Plan } from '../model/index.js';

/** Trigger formulas of one plan and a shared work budget. */
export class TriggerLogic {
  readonly work: Work;
  /** Domain of every declared fact. */
  readonly domain: ReadonlyMap<string, Constraint>;

  constructor(private readonly plan: Plan, maxWork = SOLVER_WORK) {
    this.domain = domainRegion(plan.facts).domain;
    this.work = new Work(maxWork);
  }

  /** Where the trigger evaluates to true. */
  holds(ast: Expr): Formula {
    return triggerFormula(ast, this.plan.facts, 'holds').f;
  }

  /** Where the trigger does not evaluate to true. */
  fails(ast: Expr): Formula {
    return triggerFormula(ast, this.plan.facts, 'fails').f;
  }

  /** A box of values where every formula holds; null when there is none; undefined when the budget ran out. */
  witness(...fs: Formula[]): Box | null | undefined {
    return satisfy(fs, this.domain, this.work);
  }

  /** An empty conjunction to build up, over `domain` (default: the facts' own) and with coupled facts if given. */
  conjunction(domain: ReadonlyMap<string, Constraint> = this.domain, coupling?: Coupling): Conjunction {
    return Conjunction.over(domain, this.work, coupling);
  }

  /** True / false when the formulas can / cannot hold together; undefined when the budget ran out. */
  sat(...fs: Formula[]): boolean | undefined {
    const r = this.witness(...fs);
    return r === undefined ? undefined : r !== null;
  }
}

/** The work limits of the analyses, as rule options (a plan beyond them gets a "cut short" warning, not a guess). */
export const LIMITS = { maxStates: 1000, maxTransitions: 200_000, maxWork: SOLVER_WORK };

/** The solver's work limit alone, for rules that run no reachability search. */
export const SOLVER_LIMIT = { maxWork: SOLVER_WORK };

/** A limit option's value: the rule's option when it is a positive number, else the default. */
export function limitOption(options: Record<string, unknown>, name: keyof typeof LIMITS): number {
  const v = options[name];
  return typeof v === 'number' && v > 0 ? v : LIMITS[name];
}

/** Names a limit for a message, with the option that raises it. */
export function limitText(limit: 'states' | 'transitions' | 'work', options: Record<string, unknown>): { en: string; zh: string } {
  const [en, zh, name] = limit === 'states' ? ['the control-state limit', '控制状态数上限', 'maxStates'] as const
    : limit === 'transitions' ? ['the transition limit', '转移数上限', 'maxTransitions'] as const
    : ['the work limit', '计算量上限', 'maxWork'] as const;
  const value = limitOption(options, name);
  return { en: `${en} (option ${name}: ${value})`, zh: `${zh}（选项 ${name}：${value}）` };
}

/** Reachability options from the rule's options; empty (so the shared, cached search runs) when all are defaults. */
export function reachOptions(options: Record<string, unknown>): { maxStates?: number; maxTransitions?: number; maxWork?: number } {
  const out: Record<string, number> = {};
  for (const name of ['maxStates', 'maxTransitions', 'maxWork'] as const) if (limitOption(options, name) !== LIMITS[name]) out[name] = limitOption(options, name);
  return out;
}
