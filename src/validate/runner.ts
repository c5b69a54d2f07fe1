import type { Diagnostic, Related } from '../diagnostics.js';
import { placeOf, type Plan } from '../model/index.js';
import { isDisabled, type Disables } from './disable.js';
import { resolveSettings, type LintConfig } from './config.js';
import { docsBase, ruleUrl, type Finding, type Rule, type Target, type Truncation } from './rule.js';

/** Inputs of a lint run beyond the plans themselves. */
export interface LintOptions {
  config?: LintConfig;
  /** ISO date for "today" (defaults to config.today, then the real date). */
  today?: string;
  /** Inline disables per file. */
  disables?: Map<string, Disables>;
  /** Run only the per-plan checks (`plan`) or only the 1+N system checks (`system`); default both. */
  scope?: 'plan' | 'system';
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
    const id = rule.meta.id;
    const stamp = (defaultFile: string, severity = setting.severity as Diagnostic['severity']) => (f: Finding) => {
      const file = f.file ?? defaultFile;
      const related: Related[] | undefined = f.related?.map((r) => ({ message: r.message, messageZh: r.messageZh, file: r.file ?? file, place: placeFor(r) }));
      out.push({
        ruleId: id, severity, message: f.message, messageZh: f.messageZh,
        file, place: placeFor(f), ...(related?.length ? { related } : {}), url: ruleUrl(id, docs), ...(rule.meta.clause ? { clause: rule.meta.clause } : {}),
      });
    };
    // A cut-short analysis is not a defect of the plan: at most a warning, whatever the rule's severity.
    const notice = setting.severity === 'error' ? 'warning' : setting.severity as Diagnostic['severity'];
    const truncated = (defaultFile: string) => (t: Truncation) => stamp(defaultFile, notice)({
      ...t,
      message: `Unexpected plan too large for ${id}: ${t.what.en} was cut short${t.limit ? ` at ${t.limit.en}` : ''}, so the rule draws no conclusion here; expected a plan within the analysis limits (split it, or simplify its conditions)`,
      messageZh: `预案超出规则 ${id} 的分析能力：${t.what.zh}${t.limit ? `因达到${t.limit.zh}而` : ''}中止，本规则对此不作结论；应拆分预案或简化条件`,
    });
    // A rule that throws (a bug, or a plan beyond what it was written for) must not take the whole lint down.
    const guarded = (defaultFile: string, node: Target['node'], run: () => void) => {
      try {
        run();
      } catch (err) {
        stamp(defaultFile, notice)({
          node,
          message: `Unexpected internal error in rule ${id} (${(err as Error)?.message ?? String(err)}), expected the rule to finish; it draws no conclusion here`,
          messageZh: `规则 ${id} 内部错误（${(err as Error)?.message ?? String(err)}），本规则对此不作结论`,
        });
      }
    };
    if (rule.check && opts.scope !== 'system') {
      for (const plan of plans) {
        if (rule.meta.kinds && !rule.meta.kinds.includes(plan.meta.kind)) continue;
        guarded(plan.file, plan.meta, () => rule.check!({ plan, options: setting.options, today, report: stamp(plan.file), truncated: truncated(plan.file) }));
      }
    }
    if (rule.checkSystem && plans.length && opts.scope !== 'plan') {
      guarded(plans[0].file, plans[0].meta, () => rule.checkSystem!({ plans, options: setting.options, today, report: stamp(plans[0].file), truncated: truncated(plans[0].file) }));
    }
  }
  return out.filter((d) => !isDisabled(d, opts.disables?.get(d.file)));
}
