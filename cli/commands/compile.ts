import { existsSync, statSync } from 'node:fs';
import { createPlanMachine } from '../../src/compile/machine.js';
import { compileStatechart } from '../../src/compile/statechart.js';
import { hasErrors, isUnreadable } from '../../src/diagnostics.js';
import { parsePlanFile } from '../../src/parse/index.js';
import type { Lang } from '../i18n.js';
import { emit, EXIT, printCompact, say } from '../output.js';

/** Options of `yuan compile`. */
export interface CompileOptions { output?: string; lang: Lang }

/**
 * `yuan compile <file> [-o plan.machine.json]`: compiles a plan to its statechart, a plain xstate v5 config as JSON
 * (docs/statechart.md). Exit 0 written, 1 the plan has errors, 2 usage or I/O problem.
 */
export function runCompile(file: string, opts: CompileOptions): number {
  if (!existsSync(file) || !statSync(file).isFile()) {
    say(opts.lang, 'cli.noPlanFile', { file });
    return EXIT.usage;
  }
  const r = parsePlanFile(file);
  printCompact(r.diagnostics, opts.lang);
  // Content findings (a vague deadline, an unknown fact) are printed; only an unreadable file stops the compile.
  if (!r.plan || r.diagnostics.some(isUnreadable)) return EXIT.diagnostics;
  const config = compileStatechart(r.plan);
  try {
    createPlanMachine(r.plan, config); // the config must load; a failure here is a bug, not a plan problem
  } catch (err) {
    say(opts.lang, 'cli.compile.internal', { reason: (err as Error).message });
    return EXIT.usage;
  }
  try {
    emit(JSON.stringify(config, null, 2), opts.output);
  } catch (err) {
    say(opts.lang, 'cli.cannotWrite', { file: String(opts.output), reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message });
    return EXIT.usage;
  }
  // The machine is written either way; error findings still make the exit code say so (CI sees them).
  return hasErrors(r.diagnostics) ? EXIT.diagnostics : EXIT.ok;
}
