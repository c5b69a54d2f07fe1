import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Root } from 'mdast';
import { parse as parseYamlText } from 'yaml';
import { collectPlanFiles, parsePlanText } from '../src/parse/index.js';
import { allRules, findConfig, lintFiles, loadConfig, type LintConfig } from '../src/validate/index.js';
import { commandPair, measurePairTimings, timingRow, type Command } from './measure.js';

/**
 * The floor any Markdown plan reader pays: remark (GFM tables, front matter) and a YAML parse of the front matter,
 * with no model, positions or checks.
 */
function bareParse(texts: string[]): void {
  const remark = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);
  for (const t of texts) {
    const tree = remark.parse(t) as Root;
    const front = tree.children[0];
    if (front?.type === 'yaml') parseYamlText(front.value);
  }
}

/**
 * The real-plan corpus (plans/real, issue 9): yuan's parse against the bare remark + yaml parse, lint against both,
 * and the `yuan lint` CLI on one real plan and on the folder against `node -e 0`. Every pair alternates in one run.
 */
export function benchReal(dir = 'plans/real', today = '2026-11-25'): string[] {
  const files = collectPlanFiles([dir]).files.filter((f) => f.endsWith('.md'));
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const kb = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1024;
  const configFile = findConfig();
  const config: LintConfig = configFile ? loadConfig(configFile, allRules.map((r) => r.meta.id)).config : {};
  // Repeat the small corpus so that each measurement is long enough for the CPU clock (ms resolution).
  const reps = 3;
  const bare = () => { for (let i = 0; i < reps; i++) bareParse(texts); };
  const parse = () => { for (let i = 0; i < reps; i++) files.forEach((f, j) => parsePlanText(texts[j], f)); };
  const lint = () => { for (let i = 0; i < reps; i++) lintFiles(files, { config, today }); };
  const [tBare, tParse] = measurePairTimings(bare, parse, 5, 1);
  const [tBare2, tLint] = measurePairTimings(bare, lint, 5, 1);
  const [tParse2, tLint2] = measurePairTimings(parse, lint, 5, 1);

  const node = process.execPath;
  const yuan = join(process.cwd(), 'dist/bin/yuan.cjs');
  const cli = (...paths: string[]): Command => [node, [yuan, 'lint', ...paths, '--today', today, '-f', 'json']];
  const one = files.find((f) => f.includes('cn-national-safety-production')) ?? files[0];
  const [tNode, tOne] = commandPair([node, ['-e', '0']], cli(one), 11);
  const [tNode2, tAll] = commandPair([node, ['-e', '0']], cli(dir), 7);
  return [
    '',
    `lint — plans/real: ${files.length} real plans (${kb.toFixed(0)} KB), each pass over the corpus ${reps} times, in process`,
    timingRow('remark + gfm + frontmatter + yaml (bare parse, baseline)', tBare),
    timingRow('yuan parse (model, positions, durations, triggers)', tParse, { name: 'bare parse', t: tBare }),
    timingRow('bare parse (baseline)', tBare2),
    timingRow('yuan lint (parse + all rules + system checks)', tLint, { name: 'bare parse', t: tBare2 }),
    timingRow('yuan parse (baseline)', tParse2),
    timingRow('yuan lint', tLint2, { name: 'yuan parse', t: tParse2 }),
    timingRow('node -e 0 (baseline)', tNode),
    timingRow(`yuan lint ${one.split('/').pop()}, cold start`, tOne, { name: 'node -e 0', t: tNode }),
    timingRow('node -e 0 (baseline)', tNode2),
    timingRow(`yuan lint ${dir} (${files.length} plans), cold start`, tAll, { name: 'node -e 0', t: tNode2 }),
  ];
}
