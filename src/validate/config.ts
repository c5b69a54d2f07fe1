import { relative, sep } from 'node:path';
import type { Severity } from '../diagnostics.js';
import type { Regime } from '../model/index.js';
import { globToRegExp } from '../parse/index.js';
import type { Rule } from './rule.js';

/** A rule's setting in `yuan.config.yaml`: `off | warn | error`, or `[severity, options]`. */
export type RuleSettingInput = 'off' | 'warn' | 'warning' | 'error' | 'info' | [string, Record<string, unknown>?];

/** Settings for some files only (ESLint-style `overrides`): a regime and rule settings over the base config's. */
export interface ConfigOverride {
  /** Globs relative to the working folder; one without `/` matches a file name in any folder. */
  files: string[];
  regime?: Regime;
  rules?: Record<string, RuleSettingInput>;
}

/** The config file's shape (validated by schemas/config.schema.json). */
export interface LintConfig {
  extends?: 'recommended' | 'strict';
  rules?: Record<string, RuleSettingInput>;
  /** Regime of plans that do not declare one (else it is inferred per plan). */
  regime?: Regime;
  /** Per-glob regime and rule settings, applied in order (later entries win). */
  overrides?: ConfigOverride[];
  /** Globs of files not to lint. */
  ignore?: string[];
  /** ISO date used as "today" for staleness checks (reproducible CI). */
  today?: string;
  /** Base URL of the rule pages in diagnostics and SARIF (`<docsUrl><rule-id>.md`); see `docsBase`. */
  docsUrl?: string;
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

/** True when a file matches one of the globs (relative to the working folder; a glob without `/` matches the name). */
export function matchesGlobs(file: string, globs: readonly string[]): boolean {
  const rel = relative('.', file).split(sep).join('/');
  const name = rel.slice(rel.lastIndexOf('/') + 1);
  return globs.some((g) => {
    const glob = g.replace(/^\.\//, '');
    const re = globToRegExp(glob);
    return re.test(rel) || (!glob.includes('/') && re.test(name));
  });
}

/**
 * The config as it applies to one file: the base config with the matching `overrides` folded in, in order (a later
 * entry's regime and rule settings win).
 */
export function configForFile(config: LintConfig | undefined, file: string): LintConfig {
  const base = config ?? {};
  const hits = (base.overrides ?? []).filter((o) => matchesGlobs(file, o.files));
  if (!hits.length) return base;
  let out: LintConfig = { ...base, rules: { ...(base.rules ?? {}) } };
  for (const o of hits) out = { ...out, ...(o.regime ? { regime: o.regime } : {}), rules: { ...out.rules, ...(o.rules ?? {}) } };
  return out;
}

/** True for a real calendar date written YYYY-MM-DD (not 2026-13-45 or 2026-02-30). */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}
