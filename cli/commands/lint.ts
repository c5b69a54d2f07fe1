import { relative } from 'node:path';
import { hasErrors, type Diagnostic } from '../../src/diagnostics.js';
import { shouldColor } from '../../src/format/context.js';
import { formatDiagnostics } from '../../src/format/index.js';
import { collectPlanFiles, globToRegExp } from '../../src/parse/index.js';
import { allRules, docsBase, isCalendarDate, resolveConfig } from '../../src/validate/index.js';
import { lintFilesParallel } from '../../src/validate/parallel.js';
import { t, type Lang } from '../i18n.js';
import { emit, EXIT, printCompact } from '../output.js';
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
  const say = (en: string, zh: string) => process.stderr.write(`${t(opts.lang, en, zh)}\n`);
  if (!FORMATS.includes(opts.format)) { say(`yuan: unknown --format ${opts.format} (stylish, json, sarif, github, junit)`, `yuan：未知的输出格式 ${opts.format}（stylish、json、sarif、github、junit）`); return EXIT.usage; }
  if (!['error', 'warning'].includes(opts.failOn)) { say(`yuan: --fail-on must be error or warning`, `yuan：--fail-on 只能是 error 或 warning`); return EXIT.usage; }
  // A value the user typed wrong is a usage error, never silently ignored (an unreadable --today would turn staleness off).
  if (opts.today !== undefined && !isCalendarDate(opts.today)) { say(`yuan: --today ${opts.today} is not a date, expected YYYY-MM-DD such as 2026-11-25`, `yuan：--today ${opts.today} 不是有效日期，应为 YYYY-MM-DD，如 2026-11-25`); return EXIT.usage; }
  if (opts.maxWarnings !== undefined && !(Number.isInteger(opts.maxWarnings) && opts.maxWarnings >= 0)) { say(`yuan: --max-warnings must be a whole number of at least 0`, `yuan：--max-warnings 应为不小于 0 的整数`); return EXIT.usage; }
  if (opts.maxBytes !== undefined && !(Number.isInteger(opts.maxBytes) && opts.maxBytes > 0)) { say(`yuan: --max-bytes must be a whole number of bytes above 0`, `yuan：--max-bytes 应为大于 0 的整数（字节）`); return EXIT.usage; }

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
  for (const m of missing) say(`yuan: no plan files match ${m}`, `yuan：没有与 ${m} 匹配的预案文件`);
  if (!files.length) return EXIT.usage;

  const bar = progress(files.length, t(opts.lang, 'linting', '检查中'));
  const jobs = opts.jobs === undefined || opts.jobs === 'auto' ? 'auto' : Number(opts.jobs);
  if (jobs !== 'auto' && !(jobs >= 0)) { say(`yuan: --jobs must be a number or auto`, `yuan：--jobs 应为数字或 auto`); return EXIT.usage; }
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
    say(`yuan: ${warnings} warnings, more than --max-warnings ${opts.maxWarnings}`, `yuan：警告 ${warnings} 条，超过 --max-warnings ${opts.maxWarnings}`);
    return EXIT.diagnostics;
  }
  return errors ? EXIT.diagnostics : EXIT.ok;
}
