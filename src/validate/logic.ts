/**
 * Questions the level rules ask about trigger conditions — can these hold together? — answered on trigger formulas
 * (src/expr/formula.ts, solve.ts) under one work budget per rule and plan, so that a plan with hundreds of facts or
 * levels costs time in proportion to its conditions, and a question too hard to answer is said to be so.
 */
import { Conjunction, domainRegion, satisfy, triggerFormula, Work, type Box, type Constraint, type Coupling, type Expr, type Formula } from '../expr/index.js';
import type { Plan } from '../model/index.js';

/** Trigger formulas of one plan and a shared work budget. */
export class TriggerLogic {
  readonly work = new Work();
  /** Domain of every declared fact. */
  readonly domain: ReadonlyMap<string, Constraint>;

  constructor(private readonly plan: Plan) {
    this.domain = domainRegion(plan.facts).domain;
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

/** Names a reachability bound for a message. */
export function limitText(limit: 'states' | 'transitions' | 'work'): { en: string; zh: string } {
  switch (limit) {
    case 'states': return { en: 'the control-state limit', zh: '控制状态数上限' };
    case 'transitions': return { en: 'the transition limit', zh: '转移数上限' };
    case 'work': return { en: 'the work limit', zh: '计算量上限' };
  }
}
