import type { Severity } from '../diagnostics.js';
import type { Rule } from './rule.js';

/** A rule's setting in `yuan.config.yaml`: `off | warn | error`, or `[severity, options]`. */
export type RuleSettingInput = 'off' | 'warn' | 'warning' | 'error' | 'info' | [string, Record<string, unknown>?];

/** The config file's shape (validated by schemas/config.schema.json). */
export interface LintConfig {
  extends?: 'recommended' | 'strict';
  rules?: Record<string, RuleSettingInput>;
  /** Globs of files not to lint. */
  ignore?: string[];
  /** ISO date used as "today" for staleness checks (reproducible CI). */
  today?: string;
  /** What 立即 allows in plans that do not say (a plain limit such as 5分钟). */
  immediate?: string;
}

/** A rule's effective severity and options. */
export interface RuleSetting {
  severity: Severity | 'off';
  options: Record<string, unknown>;
}

const SEVERITY: Record<string, Severity | 'off'> = { off: 'off', warn: 'warning', warning: 'warning', error: 'error', info: 'info' };

/** Resolves every rule's severity and options from the preset and the user's overrides. */
export function resolveSettings(rules: Rule[], config: LintConfig = {}): Map<string, RuleSetting> {
  const out = new Map<string, RuleSetting>();
  for (const r of rules) {
    const preset = config.extends === 'strict' ? (r.meta.strict ?? (r.meta.severity === 'off' ? 'warning' : 'error')) : r.meta.severity;
    out.set(r.meta.id, { severity: preset, options: { ...(r.meta.options ?? {}) } });
  }
  for (const [id, input] of Object.entries(config.rules ?? {})) {
    const current = out.get(id);
    if (!current) continue; // unknown ids are reported by the config validator
    const [sev, opts] = Array.isArray(input) ? input : [input, undefined];
    out.set(id, { severity: SEVERITY[sev] ?? current.severity, options: { ...current.options, ...(opts ?? {}) } });
  }
  return out;
}
