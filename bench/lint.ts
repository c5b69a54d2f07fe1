import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { exportPlan } from '../src/export/index.js';
import { collectPlanFiles, parseMarkdown, parsePlanFile } from '../src/parse/index.js';
import { lintFiles } from '../src/validate/index.js';
import { generatePlan } from './generate.js';
import { measurePair, row } from './measure.js';
import { measureCorpus, precisionTable } from './precision.js';

const N = Number(process.env.YUAN_BENCH_PLANS ?? 1000);

/** Median wall time (ms) of a whole command over `runs` runs. */
function timeCommand(cmd: string, args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    spawnSync(cmd, args, { stdio: 'ignore' });
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

/** Lint of N generated plans vs parse-only and vs markdownlint-cli2; cold start of `yuan lint` vs `node -e 0`. */
export function benchLint(dir: string): string[] {
  const mdDir = join(dir, 'md');
  mkdirSync(mdDir, { recursive: true });
  let lines = 0;
  for (let i = 0; i < N; i++) {
    const text = generatePlan(i);
    lines += text.split('\n').length;
    if (i % 2 === 0) writeFileSync(join(mdDir, `plan-${i}.md`), text);
    else writeFileSync(join(dir, `plan-${i}.yaml`), exportPlan(parseMarkdown(text, `plan-${i}.md`).plan!, 'yaml'));
  }
  const files = collectPlanFiles([dir]).files;
  const mdFiles = collectPlanFiles([mdDir]).files;
  const [tParse, tLint] = measurePair(() => { for (const f of files) parsePlanFile(f); }, () => { lintFiles(files, { today: '2026-11-25' }); }, 3, 0);

  const yuan = join(process.cwd(), 'dist/cli/yuan.js');
  const mdl = join(process.cwd(), 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');
  const tYuanMd = timeCommand(process.execPath, [yuan, 'lint', mdDir, '--no-config', '--format', 'json', '-o', join(dir, 'out.json')], 3);
  const tMdl = timeCommand(process.execPath, [mdl, `${mdDir}/*.md`], 3);
  const one = mdFiles[0];
  const tNode = timeCommand(process.execPath, ['-e', '0'], 11);
  const tCold = timeCommand(process.execPath, [yuan, 'lint', one, '--no-config', '-f', 'json', '-o', join(dir, 'one.json')], 11);
  return [
    `lint — ${files.length} generated plans (${mdFiles.length} Markdown, ${files.length - mdFiles.length} YAML), ${Math.round(lines / N)} lines each`,
    row('parse only (baseline)', tParse, 'ms'),
    row('yuan lint (parse + all rules + system checks)', tLint, 'ms', { name: 'parse only', value: tParse, better: 'lower' }),
    row(`markdownlint-cli2 on the ${mdFiles.length} Markdown files (baseline)`, tMdl, 'ms'),
    row(`yuan lint CLI on the same ${mdFiles.length} Markdown files`, tYuanMd, 'ms', { name: 'markdownlint-cli2', value: tMdl, better: 'lower' }),
    row('node -e 0 (baseline)', tNode, 'ms'),
    row('yuan lint one file, cold start', tCold, 'ms', { name: 'node -e 0', value: tNode, better: 'lower' }),
    ...corpusLines(),
  ];
}

/** Precision and recall of the findings on plans/real against its golden files (test/real-precision.test.ts asserts them). */
function corpusLines(): string[] {
  const p = measureCorpus();
  return ['', 'lint — precision and recall on plans/real (golden files *.expected.yaml)', ...precisionTable(p)];
}
