/**
 * What a compiled config's `trigger` guards refer to: the plan's level, escalation, warning or termination trigger
 * its params name, else the condition text it carries (parsed, never `eval`ed). Shared by the xstate machine
 * (machine.ts) and the reachability search (reach.ts), so both read every guard the same way.
 */
import { parseExpr, type Expr } from '../expr/index.js';
import type { Plan } from '../model/index.js';
import { uniqueById } from './statechart.js';

/** Params of the `trigger` guard: which trigger of the plan (plus its text, for readers and as a fallback). */
export interface TriggerParams {
  level?: string;
  escalation?: number;
  warning?: string;
  standby?: string;
  termination?: boolean;
  when?: string;
}

/** A function from `trigger` guard params to the AST they name (undefined: no condition, which never holds). */
export function triggerResolver(plan: Plan): (p: TriggerParams) => Expr | undefined {
  const levels = uniqueById(plan.levels);
  const warnings = uniqueById(plan.warnings ?? []);
  const parsed = new Map<string, Expr | undefined>();
  return (p) => {
    let fromPlan: Expr | undefined;
    let found = false;
    if (typeof p.level === 'string') {
      const l = levels.find((x) => x.id === p.level);
      found = !!l; fromPlan = l?.trigger?.ast;
    } else if (typeof p.escalation === 'number') {
      const e = plan.escalations[p.escalation];
      found = !!e && (p.when === undefined || e.when?.text === p.when); fromPlan = found ? e.when?.ast : undefined;
    } else if (typeof p.warning === 'string') {
      const w = warnings.find((x) => x.id === p.warning);
      found = !!w; fromPlan = w?.trigger?.ast;
    } else if (typeof p.standby === 'string') {
      const s = (plan.standby ?? []).find((x) => x.id === p.standby);
      found = !!s; fromPlan = s?.trigger?.ast;
    } else if (p.termination) {
      found = !!plan.termination; fromPlan = plan.termination?.when?.ast;
    }
    if (found || typeof p.when !== 'string') return fromPlan;
    if (!parsed.has(p.when)) parsed.set(p.when, parseExpr(p.when).ast);
    return parsed.get(p.when);
  };
}
