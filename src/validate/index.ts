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
  /** Worker threads the files were linted on (absent: this thread). */
  threads?: number;
}

/** Options of a lint run. */
export interface LintFilesOptions {
  config?: LintConfig;
  today?: string;
  maxBytes?: number;
  onFile?: (file: string) => void;
}

/** One file parsed and checked on its own (everything but the 1+N system checks): what `finishLint` combines. */
export interface FileResult {
  file: string;
  /** Parse diagnostics, then per-plan rule findings, inline disables applied. */
  diagnostics: Diagnostic[];
  plan?: Plan;
  source?: string;
  disables?: Disables;
}

/** The config's threshold for 立即 (immediately), in seconds, when it gives a readable time limit. */
function immediateThreshold(config: LintConfig | undefined): number | undefined {
  const threshold = config?.immediate === undefined ? undefined : parseDuration(config.immediate);
  return threshold?.ok && threshold.kind === 'limit' ? threshold.seconds : undefined;
}

/** Parses one plan file and runs every per-plan rule on it. */
export function lintOneFile(file: string, opts: Omit<LintFilesOptions, 'onFile'> = {}): FileResult {
  const r = parsePlanFile(file, { maxBytes: opts.maxBytes, immediate: immediateThreshold(opts.config) });
  const disables = r.source !== undefined ? readDisables(r.source) : undefined;
  const parsed = r.diagnostics.filter((d) => !disables?.get(d.place?.start.line ?? 1)?.has(d.ruleId));
  const found = r.plan
    ? runRules(allRules, [r.plan], { config: opts.config, today: opts.today, disables: disables && new Map([[file, disables]]), scope: 'plan' })
    : [];
  return { file, diagnostics: [...parsed, ...found], plan: r.plan, source: r.source, disables };
}

/** Runs the 1+N system checks over the files' plans and sorts every diagnostic (the order never depends on how files were linted). */
export function finishLint(results: readonly FileResult[], opts: Omit<LintFilesOptions, 'onFile' | 'maxBytes'> = {}): LintResult {
  const plans = results.flatMap((r) => (r.plan ? [r.plan] : []));
  const sources = new Map(results.flatMap((r) => (r.source !== undefined ? [[r.file, r.source] as const] : [])));
  const disables = new Map(results.flatMap((r) => (r.disables ? [[r.file, r.disables] as const] : [])));
  const system = runRules(allRules, plans, { config: opts.config, today: opts.today, disables, scope: 'system' });
  return { diagnostics: sortDiagnostics([...results.flatMap((r) => r.diagnostics), ...system]), plans, sources };
}

/** Parses and lints plan files as one 1+N system; parse diagnostics come first, then rule findings. */
export function lintFiles(files: string[], opts: LintFilesOptions = {}): LintResult {
  return finishLint(files.map((file) => { opts.onFile?.(file); return lintOneFile(file, opts); }), opts);
}
