import { relative } from 'node:path';
import { hasErrors, type Diagnostic } from '../../src/diagnostics.js';
import { shouldColor } from '../../src/format/context.js';
import { formatDiagnostics } from '../../src/format/index.js';
import { collectPlanFiles, globToRegExp } from '../../src/parse/index.js';
import { allRules, docsBase, isCalendarDate, resolveConfig } from '../../src/validate/index.js';
import { lintFilesParallel } from '../../src/validate/parallel.js';
import { msg } from '../../src/i18n/index.js';
import type { Lang } from '../i18n.js';
import { emit, EXIT, printCompact, say } from '../output.js';
import { progress } from '../progress.js';

/** Matches paths (relative to the working folder) against config `ignore` globs. */
function ignoreMatcher(globs: string[]): (p: string) => boolean {
  const res = globs.map((g) => globToRegExp(g.replace(/^\.\//, '')));
  return (p) => { const rel = relative('.', p).split('\\').join('/'); return res.some((re) => re.test(rel)); };
}

/** Options of `yuan lint`. */
export interface LintOptions {
  format: string;
  outputFile?: string;
  failOn: string;
  maxWarnings?: number;
  quiet?: boolean;
  config?: string | false;
  today?: string;
  maxBytes?: number;
  /** Worker threads: a number, or `auto` (one per core for a folder of plans). */
  jobs?: string;
  lang: Lang;
}

const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit'];

/** `yuan lint [paths…]`: lints every plan and the 1+N system they form; exit 0 clean, 1 problems, 2 usage. */
export async function runLint(paths: string[], opts: LintOptions): Promise<number> {
  if (!FORMATS.includes(opts.format)) { say(opts.lang, 'cli.lint.badFormat', { format: opts.format }); return EXIT.usage; }
  if (!['error', 'warning'].includes(opts.failOn)) { say(opts.lang, 'cli.lint.badFailOn'); return EXIT.usage; }
  // A value the user typed wrong is a usage error, never silently ignored (an unreadable --today would turn staleness off).
  if (opts.today !== undefined && !isCalendarDate(opts.today)) { say(opts.lang, 'cli.lint.badToday', { today: opts.today }); return EXIT.usage; }
  if (opts.maxWarnings !== undefined && !(Number.isInteger(opts.maxWarnings) && opts.maxWarnings >= 0)) { say(opts.lang, 'cli.lint.badMaxWarnings'); return EXIT.usage; }
  if (opts.maxBytes !== undefined && !(Number.isInteger(opts.maxBytes) && opts.maxBytes > 0)) { say(opts.lang, 'cli.lint.badMaxBytes'); return EXIT.usage; }

  const { config, diagnostics: configProblems } = resolveConfig(opts.config);
  if (configProblems.length) { printCompact(configProblems, opts.lang); return EXIT.usage; }
  const ignored = ignoreMatcher(config.ignore ?? []);
  // An ignore pattern hides files found by walking a folder, but never a path the user named: `yuan lint plans/`
  // skips plans/defective/**, while `yuan lint plans/defective` lints it.
  const files: string[] = [];
  const missing: string[] = [];
  for (const input of paths.length ? paths : ['.']) {
    const named = ignored(input) || ignored(`${input.replace(/\/+$/, '')}/x`);
    const r = collectPlanFiles([input], { exclude: named ? undefined : ignored });
    files.push(...r.files.filter((f) => !files.includes(f)));
    missing.push(...r.missing);
  }
  for (const m of missing) say(opts.lang, 'cli.noPlanMatch', { pattern: m });
  if (!files.length) return EXIT.usage;

  const bar = progress(files.length, msg(opts.lang, 'cli.lint.progress'));
  const jobs = opts.jobs === undefined || opts.jobs === 'auto' ? 'auto' : Number(opts.jobs);
  if (jobs !== 'auto' && !(jobs >= 0)) { say(opts.lang, 'cli.lint.badJobs'); return EXIT.usage; }
  const result = await lintFilesParallel(files, { config, today: opts.today, maxBytes: opts.maxBytes, jobs, onFile: () => bar.tick() });
  bar.done();

  const shown: Diagnostic[] = opts.quiet ? result.diagnostics.filter((d) => d.severity === 'error') : result.diagnostics;
  const stream = opts.outputFile ? undefined : process.stdout;
  const text = formatDiagnostics(opts.format as 'stylish', shown, {
    cwd: process.cwd(), lang: opts.lang, color: stream ? shouldColor(stream, process.env) : false,
    rules: allRules.map((r) => r.meta), sources: result.sources, tool: { name: 'yuan', version: '0.1.0' }, docsUrl: docsBase(config),
  });
  if (text || opts.outputFile) emit(text, opts.outputFile);

  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
  if (hasErrors(result.diagnostics)) return EXIT.diagnostics;
  if (opts.failOn === 'warning' && warnings > 0) return EXIT.diagnostics;
  if (opts.maxWarnings !== undefined && warnings > opts.maxWarnings) {
    say(opts.lang, 'cli.lint.tooManyWarnings', { warnings, max: opts.maxWarnings });
    return EXIT.diagnostics;
  }
  return errors ? EXIT.diagnostics : EXIT.ok;
}
