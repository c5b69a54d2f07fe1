import { sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import type { Plan } from '../model/index.js';
import { parseDuration, parsePlanFile } from '../parse/index.js';
import type { LintConfig } from './config.js';
import { findConfig, loadConfig } from './load-config.js';
import { readDisables, type Disables } from './disable.js';
import { allRules } from './rules/index.js';
import { runRules } from './runner.js';

export { allRules } from './rules/index.js';
export { runRules } from './runner.js';
export { isCalendarDate, resolveSettings, type LintConfig } from './config.js';
export { findConfig, loadConfig } from './load-config.js';
export { docsBase, ruleUrl, type Rule, type RuleMeta, type Finding, type RuleContext, type SystemContext } from './rule.js';

/**
 * The lint config a command runs with: `option` names a file, `false` means none, and by default the nearest
 * yuan.config.yaml from the working folder up. Problems with the file are diagnostics (the CLI exits 2 on them).
 */
export function resolveConfig(option?: string | false): { config: LintConfig; diagnostics: Diagnostic[] } {
  const file = option === false ? undefined : option || findConfig();
  return file ? loadConfig(file, allRules.map((r) => r.meta.id)) : { config: {}, diagnostics: [] };
}

/** What a lint run returns: diagnostics for every file, the plans that parsed, and the sources (for code frames). */
export interface LintResult {
  diagnostics: Diagnostic[];
  plans: Plan[];
  sources: Map<string, string>;
}

/** Parses and lints plan files as one 1+N system; parse diagnostics come first, then rule findings. */
export function lintFiles(files: string[], opts: { config?: LintConfig; today?: string; maxBytes?: number; onFile?: (file: string) => void } = {}): LintResult {
  const diagnostics: Diagnostic[] = [];
  const plans: Plan[] = [];
  const sources = new Map<string, string>();
  const disables = new Map<string, Disables>();
  const threshold = opts.config?.immediate === undefined ? undefined : parseDuration(opts.config.immediate);
  const immediate = threshold?.ok && threshold.kind === 'limit' ? threshold.seconds : undefined;
  for (const file of files) {
    opts.onFile?.(file);
    const r = parsePlanFile(file, { maxBytes: opts.maxBytes, immediate });
    diagnostics.push(...r.diagnostics);
    if (r.source !== undefined) { sources.set(file, r.source); disables.set(file, readDisables(r.source)); }
    if (r.plan) plans.push(r.plan);
  }
  const parseFiltered = diagnostics.filter((d) => !disables.get(d.file)?.get(d.place?.start.line ?? 1)?.has(d.ruleId));
  const found = runRules(allRules, plans, { config: opts.config, today: opts.today, disables });
  return { diagnostics: sortDiagnostics([...parseFiltered, ...found]), plans, sources };
}
