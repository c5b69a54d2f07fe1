import { hasErrors, isUnreadable } from '../../src/diagnostics.js';
import { exportPlan } from '../../src/export/index.js';
import { parsePlanFile } from '../../src/parse/index.js';
import type { Lang } from '../i18n.js';
import { emit, EXIT, printCompact, say } from '../output.js';

/** Options of `yuan export`. */
export interface ExportOptions { to: string; output?: string; lang: Lang }

/** `yuan export <file> --to yaml|md|json`: converts a plan between syntaxes without losing anything. */
export function runExport(file: string, opts: ExportOptions): number {
  if (!['yaml', 'md', 'json'].includes(opts.to)) {
    say(opts.lang, 'cli.export.badTo', { to: opts.to });
    return EXIT.usage;
  }
  const r = parsePlanFile(file);
  printCompact(r.diagnostics, opts.lang);
  // Export is lossless, content defects included: only an unreadable file stops it.
  if (!r.plan || r.diagnostics.some(isUnreadable)) return EXIT.diagnostics;
  emit(exportPlan(r.plan, opts.to as 'yaml' | 'md' | 'json'), opts.output);
  return hasErrors(r.diagnostics) ? EXIT.diagnostics : EXIT.ok;
}
