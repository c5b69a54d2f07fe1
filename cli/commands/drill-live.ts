/**
 * `yuan drill live <scenario> [--blind] [--speed n] [--resume]`: a live drill for one facilitator at a keyboard —
 * the same engine, clock and durable log (`<out>/<name>.live.jsonl`) as `yuan drill serve`, without a browser.
 * Exit codes: 0 ended or left (resumable), 1 the scenario has errors, 2 usage or I/O.
 */
import type { Readable, Writable } from 'node:stream';
import { hasErrors } from '../../src/diagnostics.js';
import { t, type Lang } from '../i18n.js';
import { EXIT, printCompact } from '../output.js';
import { documentLang } from '../../src/report/i18n.js';

/** Options of `yuan drill live`. */
export interface DrillLiveOptions {
  blind?: boolean;
  speed?: string | number;
  out?: string;
  resume?: boolean;
  /** Salt of a sealed scenario (hex or file; default the .salt file beside it). */
  salt?: string;
  lang: Lang;
  /** Document language when `--lang` was given (the report and the pages); otherwise the plan's own language. */
  reportLang?: Lang;
}

const say = (lang: Lang, en: string, zh: string) => process.stderr.write(`${t(lang, en, zh)}\n`);

/** Runs the command loop on stdin/stdout (or the given streams). Resolves with the exit code. */
export async function runDrillLive(file: string, opts: DrillLiveOptions, io: { input?: NodeJS.ReadableStream; output?: NodeJS.WritableStream } = {}): Promise<number> {
  const { lang } = opts;
  const speed = opts.speed === undefined ? undefined : Number(opts.speed);
  if (speed !== undefined && !(speed > 0 && speed <= 1000)) { say(lang, `yuan: bad --speed ${opts.speed}`, `yuan：--speed ${opts.speed} 无效`); return EXIT.usage; }
  const { existsSync } = await import('node:fs');
  const { mkdirp } = await import('../../src/drill/log-fs.js');
  const { loadLiveInput, liveFiles } = await import('../../src/live/serve.js');
  const { LiveDrill } = await import('../../src/live/drill.js');
  const { runTerminal } = await import('../../src/live/terminal.js');
  const { liveReport } = await import('../../src/live/report.js');
  const loaded = loadLiveInput(file, { salt: opts.salt });
  printCompact(loaded.diagnostics, lang);
  if (!loaded.input || hasErrors(loaded.diagnostics)) return loaded.input ? EXIT.diagnostics : EXIT.usage;
  const input = loaded.input;
  const out = opts.out ?? 'out';
  const files = liveFiles(out, input.name);
  let drill: import('../../src/live/drill.js').LiveDrill;
  try {
    mkdirp(out);
    drill = await LiveDrill.open({
      plan: input.plan, scenario: input.scenario, log: files.logFile, scenarioSource: input.source, planSource: input.planSource,
      resume: !!opts.resume && existsSync(files.logFile), blind: opts.blind || input.sealed, speed, commitment: input.commitment,
    });
  } catch (err) {
    const { reportStartFailure } = await import('./drill-repair.js');
    return reportStartFailure(err, lang);
  }
  const output = (io.output ?? process.stdout) as NodeJS.WritableStream;
  output.write(`${t(lang, `yuan drill live: ${drill.resumed ? 'resumed' : 'new'} drill${drill.blind ? ' (blind)' : ''}, log ${files.logFile}`,
    `yuan drill live：${drill.resumed ? '已从记录恢复' : '新演练'}${drill.blind ? '（双盲）' : ''}，演练记录 ${files.logFile}`)}\n`);
  try {
    await runTerminal(drill, {
      input: (io.input ?? process.stdin) as Readable,
      output: output as Writable,
      onEnd: () => {
        const { score } = liveReport(drill, documentLang(input.plan, opts.reportLang), files.reportFile);
        return [t(lang, `Score ${score.overall} / 100 · report ${files.reportFile}`, `总分 ${score.overall} / 100 · 评估报告 ${files.reportFile}`)];
      },
    });
  } finally {
    await drill.close();
  }
  return EXIT.ok;
}
