/**
 * One point of the scale bench, run in its own process by bench/scale.ts so that a runaway analysis can be killed
 * and peak memory belongs to one plan: `node scale-point.js time <shape> <n> <dir>` prints one JSON line per stage
 * as soon as it is measured; `node scale-point.js mem <parse|lint> <dir>` prints the peak RSS after parsing (and
 * linting) the plan files in `dir`.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileStatechart } from '../src/compile/index.js';
import type { Plan } from '../src/model/index.js';
import { parsePlanFile } from '../src/parse/index.js';
import { allRules, lintFiles, runRules } from '../src/validate/index.js';
import { generateShape, type Shape } from './generate.js';
import { measurePairTimings, medianTiming, timed, type Timing } from './measure.js';

/** Rules timed on their own (the analyses whose cost can grow with the plan). */
export const TIMED_RULES = [
  'level-unreachable', 'termination-unreachable', 'level-coverage', 'level-overlap', 'level-monotonic',
  'resource-shortage', 'step-cycle', 'step-deadline-chain', 'step-level-gap', 'step-dangling', 'step-unreachable',
];

const emit = (stage: string, t: Timing | { error: string }, extra: Record<string, unknown> = {}) =>
  process.stdout.write(`${JSON.stringify({ stage, ...t, ...extra })}\n`);

/** Runs `fn` `runs` times (after one unmeasured run when it is quick) and reports the median, or the error it threw. */
function stage(name: string, fn: () => void, runs: number): void {
  // Collect before each measured run (the point runs with --expose-gc): otherwise the garbage of a 400 MB parse is
  // collected during, and charged to, whichever stage runs next (compile looked like n^1.4 while it is linear).
  const clean = () => { (globalThis as { gc?: () => void }).gc?.(); return timed(fn); };
  try {
    const first = clean();
    emit(name, runs === 1 && first.wall > 1000 ? first : medianTiming(Array.from({ length: runs }, clean)));
  } catch (err) {
    emit(name, { error: (err as Error).message });
  }
}

/** Writes the shape's files into `dir` and returns their paths. */
export function writeShape(shape: Shape, n: number, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return Object.entries(generateShape(shape, n)).map(([name, text]) => { writeFileSync(join(dir, name), text); return join(dir, name); });
}

function timePoint(shape: Shape, n: number, dir: string): void {
  const files = writeShape(shape, n, dir);
  // A plan the parser refuses (an input limit) must not pass as a fast one: say so and measure nothing else.
  const refused = files.flatMap((f) => { const r = parsePlanFile(f); return r.plan ? [] : [r.diagnostics[0]]; });
  if (refused.length) {
    const d = refused[0];
    emit('parse', { error: `refused: ${d?.ruleId ?? 'no plan'} at ${d?.place?.start.line ?? 1}:${d?.place?.start.column ?? 1} (${d?.message ?? ''})` });
    return;
  }
  const parseAll = () => files.map((f) => parsePlanFile(f).plan!);
  const first = timed(parseAll);
  // Fewer repetitions for big plans: the bench must finish on a loaded 2-core machine.
  const runs = first.wall < 100 ? 5 : first.wall < 1000 ? 3 : 1;
  stage('parse', parseAll, runs);
  const plans: Plan[] = parseAll();
  // Compile is cheap next to parse: always the median of three, so one collector pause cannot set its exponent.
  stage('compile', () => { for (const p of plans) compileStatechart(p); }, Math.max(runs, 3));
  // Each rule on fresh plan objects, so no rule profits from another's cached analysis. Every rule is timed on its
  // own (the ones outside TIMED_RULES too), so a new rule that grows faster than the plan shows up by name.
  const others = allRules.filter((r) => !TIMED_RULES.includes(r.meta.id));
  for (const rule of [...TIMED_RULES.flatMap((id) => allRules.filter((r) => r.meta.id === id)), ...others]) {
    const id = rule.meta.id;
    const fresh = () => plans.map((p) => ({ ...p }));
    let found = 0;
    stage(`rule:${id}`, () => { found = runRules([rule], fresh(), { today: '2026-11-25' }).length; }, runs);
    if (found) emit(`found:${id}`, { wall: 0, cpu: 0 }, { found });
  }
  stage('rule:others', () => { runRules(others, plans.map((p) => ({ ...p })), { today: '2026-11-25' }); }, runs);
  try {
    // Parse and lint (parse + every rule) alternately, so their ratio is fair on a busy machine.
    const [tParse, tLint] = measurePairTimings(parseAll, () => { lintFiles(files, { today: '2026-11-25' }); }, runs, runs > 1 ? 1 : 0);
    emit('lint', tLint, { parse: tParse });
  } catch (err) {
    emit('lint', { error: (err as Error).message });
  }
}

function memPoint(what: string, dir: string): void {
  const files = readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => join(dir, f));
  const before = process.resourceUsage().maxRSS;
  let status = 'ok';
  try {
    if (what === 'parse') for (const f of files) parsePlanFile(f);
    else lintFiles(files, { today: '2026-11-25' });
  } catch (err) {
    status = (err as Error).message;
  }
  process.stdout.write(`${JSON.stringify({ maxRSS: process.resourceUsage().maxRSS / 1024, start: before / 1024, status })}\n`);
}

const [mode, a, b, c] = process.argv.slice(2);
if (mode === 'time') timePoint(a as Shape, Number(b), c);
else if (mode === 'mem') memPoint(a, b);
