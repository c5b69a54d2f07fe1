import type { Diagnostic, Related } from '../diagnostics.js';
import { placeOf, type Plan } from '../model/index.js';
import { isDisabled, type Disables } from './disable.js';
import { resolveSettings, type LintConfig } from './config.js';
import { docsBase, ruleUrl, type Finding, type Rule, type Target } from './rule.js';

/** Inputs of a lint run beyond the plans themselves. */
export interface LintOptions {
  config?: LintConfig;
  /** ISO date for "today" (defaults to config.today, then the real date). */
  today?: string;
  /** Inline disables per file. */
  disables?: Map<string, Disables>;
}

const placeFor = (t: Target) => t.place ?? placeOf(t.node, t.field);

/** Runs every enabled rule over each plan and the system of plans; returns stamped diagnostics. */
export function runRules(rules: Rule[], plans: Plan[], opts: LintOptions = {}): Diagnostic[] {
  const settings = resolveSettings(rules, opts.config);
  const today = opts.today ?? opts.config?.today ?? new Date().toISOString().slice(0, 10);
  const docs = docsBase(opts.config);
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    const setting = settings.get(rule.meta.id)!;
    if (setting.severity === 'off') continue;
    const stamp = (defaultFile: string) => (f: Finding) => {
      const file = f.file ?? defaultFile;
      const related: Related[] | undefined = f.related?.map((r) => ({ message: r.message, messageZh: r.messageZh, file: r.file ?? file, place: placeFor(r) }));
      out.push({
        ruleId: rule.meta.id, severity: setting.severity as Diagnostic['severity'], message: f.message, messageZh: f.messageZh,
        file, place: placeFor(f), ...(related?.length ? { related } : {}), url: ruleUrl(rule.meta.id, docs), ...(rule.meta.clause ? { clause: rule.meta.clause } : {}),
      });
    };
    if (rule.check) {
      for (const plan of plans) {
        if (rule.meta.kinds && !rule.meta.kinds.includes(plan.meta.kind)) continue;
        rule.check({ plan, options: setting.options, today, report: stamp(plan.file) });
      }
    }
    if (rule.checkSystem && plans.length) {
      rule.checkSystem({ plans, options: setting.options, today, report: stamp(plans[0].file) });
    }
  }
  return out.filter((d) => !isDisabled(d, opts.disables?.get(d.file)));
}
