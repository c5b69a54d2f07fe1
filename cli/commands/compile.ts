import { existsSync, statSync } from 'node:fs';
import { createPlanMachine } from '../../src/compile/machine.js';
import { compileStatechart } from '../../src/compile/statechart.js';
import { isUnreadable } from '../../src/diagnostics.js';
import { parsePlanFile } from '../../src/parse/index.js';
import { t, type Lang } from '../i18n.js';
import { emit, EXIT, printCompact } from '../output.js';

/** Options of `yuan compile`. */
export interface CompileOptions { output?: string; lang: Lang }

/**
 * `yuan compile <file> [-o plan.machine.json]`: compiles a plan to its statechart, a plain xstate v5 config as JSON
 * (docs/statechart.md). Exit 0 written, 1 the plan has errors, 2 usage or I/O problem.
 */
export function runCompile(file: string, opts: CompileOptions): number {
  const say = (en: string, zh: string) => process.stderr.write(`${t(opts.lang, en, zh)}\n`);
  if (!existsSync(file) || !statSync(file).isFile()) {
    say(`yuan: no plan file ${file}`, `yuan：预案文件 ${file} 不存在`);
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
    say(`yuan: internal error, the compiled statechart does not load: ${(err as Error).message}`, `yuan：内部错误，编译出的状态图无法加载：${(err as Error).message}`);
    return EXIT.usage;
  }
  try {
    emit(JSON.stringify(config, null, 2), opts.output);
  } catch (err) {
    say(`yuan: cannot write ${opts.output}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      `yuan：无法写入 ${opts.output}：${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    return EXIT.usage;
  }
  return EXIT.ok;
}
