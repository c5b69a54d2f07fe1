import { checkExpr, parseExpr } from '../expr/index.js';
import type { Place, Plan, Trigger } from '../model/index.js';
import type { Reporter } from './finish.js';
import type { LineIndex } from './position.js';

/** Options of one trigger's check: constraints may compare two facts (`rain_3h <= rain_6h`). */
export interface TriggerOptions {
  allowFactComparison?: boolean;
}

/** Parses and type-checks a trigger; expression errors are mapped to exact file columns when the text offset is known. */
export function finishTrigger(t: Trigger, plan: Plan, lines: LineIndex, report: Reporter, opts: TriggerOptions = {}): void {
  // Units the plan declares are read after a space too (`5 头`); 以上/以下 follow the plan's declared convention.
  const units = plan.facts.flatMap((f) => (f.unit ? [f.unit] : []));
  const { ast, errors } = parseExpr(t.text, { units });
  t.ast = ast;
  const all = ast ? [...errors, ...checkExpr(ast, plan.facts, { bounds: plan.meta.bounds, allowFactComparisons: opts.allowFactComparison })] : errors;
  for (const e of all) {
    const mapped = t.textOffset !== undefined && lines.text.slice(t.textOffset, t.textOffset + t.text.length) === t.text;
    const place = mapped ? lines.place(t.textOffset! + e.start, t.textOffset! + Math.max(e.end, e.start + 1)) : t.place;
    report(e.code.startsWith('expr/') ? `trigger/${e.code.slice(5)}` : e.code, 'error', e.message, e.messageZh, place);
  }
}

/**
 * The OR of several criteria as one derived trigger (`(a) or (b)`), parsed from its own text so its AST is
 * consistent; undefined AST when a criterion did not parse (its own diagnostic says why).
 */
export function orOf(criteria: Trigger[], place: Place | undefined): Trigger {
  const text = criteria.map((c) => `(${c.text})`).join(' or ');
  const t: Trigger = { text, derived: true };
  if (place) t.place = place;
  if (criteria.every((c) => c.ast)) {
    const { ast, errors } = parseExpr(text);
    if (ast && !errors.length) t.ast = ast;
  }
  return t;
}
