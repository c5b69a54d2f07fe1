import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportPlan } from '../src/export/index.js';
import { collectPlanFiles, parseMarkdown, parsePlanFile } from '../src/parse/index.js';
import { lintFiles } from '../src/validate/index.js';
import { generatePlan } from './generate.js';
import { commandPair, measurePairTimings, timingRow, type Command } from './measure.js';
import { measureCorpus, precisionTable } from './precision.js';
import { benchReal } from './real.js';

const N = Number(process.env.YUAN_BENCH_PLANS ?? 1000);
/** Plans in the folder the worker threads are measured on. */
const FOLDER = Number(process.env.YUAN_BENCH_FOLDER ?? 200);

/**
 * Lint of N generated plans vs parse only (in process); the `yuan` command (the `bin`, dist/bin/yuan.cjs) vs
 * markdownlint-cli2, one thread vs worker threads on a folder, and its cold start vs `node -e 0`. Every pair is
 * measured alternately (baseline, subject, baseline, …) in the same run; CPU time is the whole process tree's.
 */
export function benchLint(dir: string): string[] {
  const mdDir = join(dir, 'md');
  const folder = join(dir, 'folder');
  mkdirSync(mdDir, { recursive: true });
  mkdirSync(folder, { recursive: true });
  let lines = 0;
  for (let i = 0; i < N; i++) {
    const text = generatePlan(i);
    lines += text.split('\n').length;
    if (i % 2 === 0) writeFileSync(join(mdDir, `plan-${i}.md`), text);
    else writeFileSync(join(dir, `plan-${i}.yaml`), exportPlan(parseMarkdown(text, `plan-${i}.md`).plan!, 'yaml'));
    if (i < FOLDER) writeFileSync(join(folder, `plan-${i}.md`), text);
  }
  const files = collectPlanFiles([dir]).files.filter((f) => !f.startsWith(folder));
  const mdFiles = collectPlanFiles([mdDir]).files;
  const [tParse, tLint] = measurePairTimings(() => { for (const f of files) parsePlanFile(f); }, () => { lintFiles(files, { today: '2026-11-25' }); }, 3, 0);

  const yuan = join(process.cwd(), 'dist/bin/yuan.cjs');
  const node = process.execPath;
  const mdl = join(process.cwd(), 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');
  const lint = (paths: string[], ...extra: string[]): Command => [node, [yuan, 'lint', ...paths, '--no-config', '--today', '2026-11-25', '-f', 'json', '-o', join(dir, 'out.json'), ...extra]];
  const [tMdl, tYuanMd] = commandPair([node, [mdl, `${mdDir}/*.md`]], lint([mdDir]), 3);
  const [tOne, tJobs] = commandPair(lint([folder], '--jobs', '1'), lint([folder], '--jobs', 'auto'), 3);
  const one = mdFiles[0];
  const [tNode, tCold] = commandPair([node, ['-e', '0']], lint([one]), 11);
  const [tNode2, tHelp] = commandPair([node, ['-e', '0']], [node, [yuan, '--help']], 7);
  return [
    `lint — ${files.length} generated plans (${mdFiles.length} Markdown, ${files.length - mdFiles.length} YAML), ${Math.round(lines / N)} lines each`,
    timingRow('parse only (baseline)', tParse),
    timingRow('yuan lint (parse + all rules + system checks)', tLint, { name: 'parse only', t: tParse }),
    timingRow(`markdownlint-cli2 on the ${mdFiles.length} Markdown files (baseline)`, tMdl),
    timingRow(`yuan lint CLI on the same ${mdFiles.length} Markdown files`, tYuanMd, { name: 'markdownlint-cli2', t: tMdl }),
    timingRow(`yuan lint --jobs 1 on a folder of ${FOLDER} plans (baseline)`, tOne),
    timingRow('yuan lint --jobs auto (worker threads), same folder', tJobs, { name: '--jobs 1', t: tOne }),
    `${''.padEnd(52)} worker speed-up ${(tOne.wall / tJobs.wall).toFixed(2)}× in wall time`,
    timingRow('node -e 0 (baseline)', tNode),
    timingRow('yuan lint one file, cold start', tCold, { name: 'node -e 0', t: tNode }),
    timingRow('node -e 0 (baseline)', tNode2),
    timingRow('yuan --help', tHelp, { name: 'node -e 0', t: tNode2 }),
    ...benchReal(),
    ...corpusLines(),
  ];
}

/** Precision and recall of the findings on plans/real against its golden files (test/real-precision.test.ts asserts them). */
function corpusLines(): string[] {
  const p = measureCorpus();
  return ['', 'lint — precision and recall on plans/real (golden files *.expected.yaml)', ...precisionTable(p)];
}
