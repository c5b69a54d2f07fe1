import type { Diagnostic, Related } from '../diagnostics.js';
import { fill } from '../i18n/index.js';
import { placeOf, type Plan } from '../model/index.js';
import { isDisabled, type Disables } from './disable.js';
import { configForFile, matchesGlobs, resolveSettings, type LintConfig, type RuleSetting } from './config.js';
import { planProfile, type Profile } from './profile.js';
import { docsBase, ruleUrl, type Finding, type FindingText, type Rule, type Target, type Truncation } from './rule.js';

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

/** Whether a rule runs on a plan: its kinds, its regimes, and (for whole-plan rules) not on an excerpt. */
export function ruleApplies(rule: Rule, plan: Plan, profile: Profile): boolean {
  const m = rule.meta;
  if (m.kinds && !m.kinds.includes(plan.meta.kind)) return false;
  if (m.regimes && !m.regimes.includes(profile.regime)) return false;
  return !(m.wholePlan && profile.excerpt);
}

/**
 * Each file's settings and profile: the config's `overrides` that match the file are folded over the base config
 * (settings are resolved once per distinct set of matching overrides).
 */
function perFile(rules: Rule[], config: LintConfig | undefined) {
  const cache = new Map<string, Map<string, RuleSetting>>();
  const settings = (file: string) => {
    const key = (config?.overrides ?? []).map((o, i) => (matchesGlobs(file, o.files) ? i : '')).join(',');
    if (!cache.has(key)) cache.set(key, resolveSettings(rules, configForFile(config, file)));
    return cache.get(key)!;
  };
  const profiles = new Map<Plan, Profile>();
  const profile = (plan: Plan) => {
    if (!profiles.has(plan)) profiles.set(plan, planProfile(plan, configForFile(config, plan.file).regime));
    return profiles.get(plan)!;
  };
  return { settings, profile };
}

/**
 * The words of a finding in both languages: its `meta.messages` template filled with its data (keeping the id and
 * data for SARIF), or the text it wrote out. An unknown id is the rule's bug, reported as such by the guard.
 */
function findingWords(rule: Rule, f: FindingText): Pick<Diagnostic, 'message' | 'messageZh' | 'messageId' | 'data'> {
  if (f.messageId === undefined) return { message: f.message, messageZh: f.messageZh };
  const m = rule.meta.messages?.[f.messageId];
  if (!m) throw new Error(`unknown messageId ${f.messageId}`);
  return { message: fill(m.en, f.data), messageZh: fill(m.zh, f.data), messageId: f.messageId, ...(f.data ? { data: f.data } : {}) };
}

/** Runs every enabled rule over each plan and the system of plans; returns stamped diagnostics. */
export function runRules(rules: Rule[], plans: Plan[], opts: LintOptions = {}): Diagnostic[] {
  const today = opts.today ?? opts.config?.today ?? new Date().toISOString().slice(0, 10);
  const { settings, profile } = perFile(rules, opts.config);
  const byFile = new Map(plans.map((p) => [p.file, p] as const));
  const docs = docsBase(opts.config);
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    const id = rule.meta.id;
    const stamp = (defaultFile: string, setting: RuleSetting, severity = setting.severity as Diagnostic['severity']) => (f: Finding) => {
      const file = f.file ?? defaultFile;
      const related: Related[] | undefined = f.related?.map((r) => ({ ...findingWords(rule, r), file: r.file ?? file, place: placeFor(r) }));
      out.push({
        ruleId: id, severity, ...findingWords(rule, f),
        file, place: placeFor(f), ...(related?.length ? { related } : {}), url: ruleUrl(id, docs), ...(rule.meta.clause ? { clause: rule.meta.clause } : {}),
      });
    };
    // A cut-short analysis, or a rule that throws, is not a defect of the plan: at most a warning, whatever the rule's severity.
    const notice = (setting: RuleSetting) => (setting.severity === 'error' ? 'warning' : setting.severity as Diagnostic['severity']);
    const truncated = (defaultFile: string, setting: RuleSetting) => (t: Truncation) => stamp(defaultFile, setting, notice(setting))({
      ...t,
      message: `Unexpected plan too large for ${id}: ${t.what.en} was cut short${t.limit ? ` at ${t.limit.en}` : ''}, so the rule draws no conclusion here; expected a plan within the analysis limits (split it, or simplify its conditions)`,
      messageZh: `预案超出规则 ${id} 的分析能力：${t.what.zh}${t.limit ? `因达到${t.limit.zh}而` : ''}中止，本规则对此不作结论；应拆分预案或简化条件`,
    });
    // A rule that throws (a bug, or a plan beyond what it was written for) must not take the whole lint down.
    const guarded = (defaultFile: string, setting: RuleSetting, node: Target['node'], run: () => void) => {
      try {
        run();
      } catch (err) {
        stamp(defaultFile, setting, notice(setting))({
          node,
          message: `Unexpected internal error in rule ${id} (${(err as Error)?.message ?? String(err)}), expected the rule to finish; it draws no conclusion here`,
          messageZh: `规则 ${id} 内部错误（${(err as Error)?.message ?? String(err)}），本规则对此不作结论`,
        });
      }
    };
    if (rule.check && opts.scope !== 'system') {
      for (const plan of plans) {
        const setting = settings(plan.file).get(id)!;
        const p = profile(plan);
        if (setting.severity === 'off' || !ruleApplies(rule, plan, p)) continue;
        guarded(plan.file, setting, plan.meta, () => rule.check!({
          plan, options: setting.options, today, regime: p.regime, excerpt: p.excerpt, profile: p, report: stamp(plan.file, setting), truncated: truncated(plan.file, setting),
        }));
      }
    }
    if (rule.checkSystem && plans.length && opts.scope !== 'plan') {
      const base = resolveSettings([rule], opts.config).get(id)!;
      if (base.severity === 'off' && !(opts.config?.overrides ?? []).some((o) => o.rules && id in o.rules)) continue;
      // A system finding belongs to the file it points at: that file's settings and profile decide whether it is kept.
      const report = (f: Finding) => {
        const file = f.file ?? plans[0].file;
        const plan = byFile.get(file);
        const setting = plan ? settings(file).get(id)! : base;
        if (setting.severity === 'off' || (plan && !ruleApplies(rule, plan, profile(plan)))) return;
        stamp(file, setting)(f);
      };
      guarded(plans[0].file, base, plans[0].meta, () => rule.checkSystem!({ plans, options: base.options, today, profileOf: profile, report, truncated: truncated(plans[0].file, base) }));
    }
  }
  return out.filter((d) => !isDisabled(d, opts.disables?.get(d.file)));
}
