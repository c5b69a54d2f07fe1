import { hasErrors, sortDiagnostics, type Diagnostic } from '../../src/diagnostics.js';
import { stripPlan } from '../../src/model/strip.js';
import { collectPlanFiles, parsePlanFile } from '../../src/parse/index.js';
import type { Lang } from '../i18n.js';
import { emit, EXIT, printCompact, say } from '../output.js';

/** Options of `yuan parse`. */
export interface ParseOptions { places?: boolean; output?: string; maxBytes?: number; lang: Lang }

/** `yuan parse <paths…>`: prints the model of every plan as JSON; diagnostics go to stderr. */
export function runParse(paths: string[], opts: ParseOptions): number {
  const { files, missing } = collectPlanFiles(paths);
  for (const m of missing) say(opts.lang, 'cli.noPlanMatch', { pattern: m });
  if (missing.length && !files.length) return EXIT.usage;
  const diagnostics: Diagnostic[] = [];
  const plans = [];
  for (const file of files) {
    const r = parsePlanFile(file, { maxBytes: opts.maxBytes });
    diagnostics.push(...r.diagnostics);
    if (r.plan) plans.push(opts.places ? r.plan : { file, ...stripPlan(r.plan) });
  }
  // Nothing to print when the one file named is not a plan (its diagnostic says why).
  if (!(paths.length === 1 && files.length === 1 && !plans.length)) emit(JSON.stringify(paths.length === 1 && files.length === 1 ? plans[0] : plans, null, 2), opts.output);
  const sorted = sortDiagnostics(diagnostics);
  printCompact(sorted, opts.lang);
  say(opts.lang, 'cli.parse.summary', { files: files.length, plans: plans.length, diagnostics: sorted.length });
  return hasErrors(sorted) ? EXIT.diagnostics : EXIT.ok;
}
