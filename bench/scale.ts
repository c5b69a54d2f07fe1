import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { SHAPES, type Shape } from './generate.js';
import { TIMED_RULES } from './scale-point.js';
import type { Timing } from './measure.js';

/** Sizes swept per shape (steps for step shapes, facts, levels, plans under the general plan for `system`). */
const SIZES: Record<Shape, number[]> = {
  steps: [500, 1000, 2000, 4000, 10000],
  facts: [10, 20, 50, 100, 200],
  levels: [5, 10, 20, 50, 100],
  concurrent: [500, 1000, 2000, 4000, 10000],
  pairs: [500, 1000, 2000, 4000, 10000],
  chain: [500, 1000, 2000, 4000, 10000],
  layered: [500, 1000, 2000, 4000, 10000],
  system: [5, 10, 20, 50],
};
const UNIT: Record<Shape, string> = { steps: 'steps', facts: 'facts', levels: 'levels', concurrent: 'steps', pairs: 'steps', chain: 'steps', layered: 'steps', system: 'plans' };
/** Shapes whose parse, lint and compile must grow at most like n^1.2 (the issue's done criterion). */
const GATED: Shape[] = ['steps', 'facts', 'levels'];
const LIMIT_EXPONENT = 1.2;
const LIMIT_LINT_PARSE = 3;
const LIMIT_MEMORY = 2;
/** Peak memory is compared on the largest step plan (at least this many steps) that the parser accepts. */
const MEMORY_STEPS = 4000;

type Result = (Timing & { parse?: Timing }) | { error: string };
type Point = { n: number; stages: Map<string, Result>; killed?: string; found: Map<string, number> };

const script = () => join(process.cwd(), 'dist/bench/scale-point.js');

/**
 * Runs `node args…` under a CPU-time limit (`ulimit -t`: the kernel stops it after that many CPU seconds, however
 * loaded the machine is), with a wall-clock limit of ten times that as a last resort.
 */
function limited(args: string[], cpuSeconds: number) {
  return spawnSync('bash', ['-c', `ulimit -t ${Math.ceil(cpuSeconds)}; exec "$@"`, 'bash', process.execPath, ...args], {
    encoding: 'utf8', timeout: cpuSeconds * 10_000, maxBuffer: 1 << 24, killSignal: 'SIGKILL',
  });
}

/** Runs one point in a child process; a point that outlives the CPU limit is killed, keeping the stages it finished. */
function runPoint(shape: Shape, n: number, dir: string, cpuSeconds: number): Point {
  const r = limited(['--expose-gc', script(), 'time', shape, String(n), join(dir, `${shape}-${n}`)], cpuSeconds);
  const stages = new Map<string, Result>();
  const found = new Map<string, number>();
  for (const line of r.stdout.split('\n').filter(Boolean)) {
    const x = JSON.parse(line) as { stage: string; found?: number } & Result;
    if (x.stage.startsWith('found:')) found.set(x.stage.slice(6), x.found ?? 0);
    else stages.set(x.stage, x);
  }
  const killed = r.error || r.signal ? `killed after ${cpuSeconds} s of CPU` : r.status ? `exit ${r.status}: ${r.stderr.trim().split('\n').pop()}` : undefined;
  return { n, stages, killed, found };
}

/** Least-squares slope of log(cpu) against log(n): the growth exponent (time ∝ n^k; k per 10× in n). */
export function exponent(points: { n: number; t: number }[]): number | undefined {
  const ps = points.filter((p) => p.t > 0);
  if (ps.length < 2) return undefined;
  const xs = ps.map((p) => Math.log10(p.n));
  const ys = ps.map((p) => Math.log10(p.t));
  const mx = xs.reduce((a, b) => a + b) / xs.length;
  const my = ys.reduce((a, b) => a + b) / ys.length;
  const sxy = xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0);
  const sxx = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  return sxy / sxx;
}

/** Threshold for showing a rule outside TIMED_RULES: exponent above this, or a crash, and at least NOTABLE_MS of CPU. */
const NOTABLE_EXPONENT = 1.15;
const NOTABLE_MS = 5;

function standsOut(points: Point[], name: string): boolean {
  const rs = points.map((p) => p.stages.get(name)).filter((r): r is Result => !!r);
  if (rs.some((r) => 'error' in r)) return true;
  const ts = points.flatMap((p) => { const r = p.stages.get(name); return r && !('error' in r) ? [{ n: p.n, t: r.cpu }] : []; });
  return Math.max(...ts.map((x) => x.t)) >= NOTABLE_MS && (exponent(ts) ?? 0) > NOTABLE_EXPONENT;
}

const ms = (t: number) => (t >= 10_000 ? `${(t / 1000).toFixed(1)} s` : t >= 100 ? `${t.toFixed(0)} ms` : `${t.toFixed(1)} ms`);

/** Peak RSS (MB) of parsing only and of linting the same files, in alternate child processes (median of 3 each). */
function memory(dir: string, cpuSeconds: number): { parse: number; lint: number; status: string } {
  const one = (what: string) => {
    const r = limited([script(), 'mem', what, dir], cpuSeconds);
    try { return JSON.parse(r.stdout) as { maxRSS: number; status: string }; } catch { return { maxRSS: NaN, status: r.signal ? 'killed' : `exit ${r.status}` }; }
  };
  const parse: number[] = [];
  const lint: number[] = [];
  let status = 'ok';
  for (let i = 0; i < 3; i++) {
    parse.push(one('parse').maxRSS);
    const l = one('lint');
    lint.push(l.maxRSS);
    if (l.status !== 'ok') status = l.status;
  }
  const mid = (xs: number[]) => xs.sort((a, b) => a - b)[1];
  return { parse: mid(parse), lint: mid(lint), status };
}

/**
 * Sweeps plan size and shape (bench/generate.ts `generateShape`) and prints, per shape, the CPU time of every stage
 * at each size, its growth exponent, the worst time, the lint/parse ratio (measured alternately), and peak memory of
 * lint vs parse on the largest step plans that parse (≥ 4,000 steps). Env: YUAN_SCALE_SHAPES (comma list), YUAN_SCALE_MAX (largest size),
 * YUAN_SCALE_CPU (CPU seconds allowed per point, default 120).
 */
export function benchScale(dir: string): { lines: string[]; ok: boolean } {
  const only = process.env.YUAN_SCALE_SHAPES?.split(',').filter(Boolean);
  const max = Number(process.env.YUAN_SCALE_MAX ?? Infinity);
  const cpuSeconds = Number(process.env.YUAN_SCALE_CPU ?? 120);
  const lines: string[] = ['scale — CPU time per stage by plan size (each point in its own process; exponent k: time ∝ n^k)'];
  const summary: string[] = [];
  let ok = true;
  for (const shape of SHAPES) {
    if (only && !only.includes(shape)) continue;
    const points: Point[] = [];
    for (const n of SIZES[shape].filter((x) => x <= max)) {
      const p = runPoint(shape, n, dir, cpuSeconds);
      points.push(p);
      process.stderr.write(`scale ${shape} ${n}: ${p.killed ?? 'ok'}\n`);
      if (p.killed) break; // a bigger plan of the same shape would only take longer
    }
    // Rules outside TIMED_RULES get a row of their own only when they stand out: super-linear and not negligible.
    const listed = ['parse', 'lint', 'compile', ...TIMED_RULES.map((r) => `rule:${r}`), 'rule:others'];
    const extra = [...new Set(points.flatMap((p) => [...p.stages.keys()]))].filter((name) => name.startsWith('rule:') && !listed.includes(name) && standsOut(points, name));
    const stageNames = [...listed, ...extra];
    const from = lines.length;
    lines.push('', `${shape} (${UNIT[shape]}: ${points.map((p) => p.n).join(', ')})`);
    lines.push(`${'stage'.padEnd(30)}${points.map((p) => String(p.n).padStart(10)).join('')}   exponent`);
    for (const name of stageNames) {
      const cells = points.map((p) => {
        const r = p.stages.get(name);
        if (!r) return p.killed ? 'killed' : p.stages.get('parse') && 'error' in p.stages.get('parse')! ? 'n/a' : '—';
        return 'error' in r ? (r.error.startsWith('refused:') ? 'refused' : 'crash') : ms(r.cpu);
      });
      if (cells.every((c) => c === '—')) continue;
      const k = exponent(points.flatMap((p) => { const r = p.stages.get(name); return r && !('error' in r) ? [{ n: p.n, t: r.cpu }] : []; }));
      const complete = points.every((p) => { const r = p.stages.get(name); return r && !('error' in r); });
      const kText = k === undefined ? '' : `${k.toFixed(2)}${complete ? '' : ' (partial)'}`;
      lines.push(`${name.padEnd(30)}${cells.map((c) => c.padStart(10)).join('')}   ${kText}`);
      if (GATED.includes(shape) && ['parse', 'lint', 'compile'].includes(name) && (!complete || (k ?? 0) > LIMIT_EXPONENT)) {
        ok = false;
        summary.push(`FAIL ${shape} ${name}: exponent ${kText || 'n/a'} (limit ${LIMIT_EXPONENT})`);
      }
    }
    for (const p of points) {
      const errs = [...p.stages].filter(([, r]) => 'error' in r).map(([s, r]) => `${s}: ${(r as { error: string }).error}`);
      if (p.killed || errs.length) lines.push(`  n=${p.n}: ${[p.killed, ...errs].filter(Boolean).join('; ')}`);
    }
    // A point the parser refused (an input limit) or a stage that crashed fails the shape: the issue asks for every size.
    for (const p of points) {
      const bad = [...p.stages].find(([, r]) => 'error' in r);
      if (bad && !p.killed) { ok = false; summary.push(`FAIL ${shape} n=${p.n}: ${bad[0]} ${(bad[1] as { error: string }).error}`); }
    }
    const finished = points.filter((p) => { const r = p.stages.get('lint'); return r && !('error' in r) && r.parse; });
    const last = finished[finished.length - 1];
    const lint = last?.stages.get('lint') as (Timing & { parse: Timing }) | undefined;
    if (last && lint) {
      const ratio = lint.cpu / lint.parse.cpu;
      lines.push(`  worst: n=${last.n} lint ${ms(lint.cpu)} CPU (${ms(lint.wall)} wall), parse ${ms(lint.parse.cpu)} CPU — lint ${ratio.toFixed(2)}× parse`);
      if (ratio > LIMIT_LINT_PARSE) { ok = false; summary.push(`FAIL ${shape}: lint ${ratio.toFixed(2)}× parse at n=${last.n} (limit ${LIMIT_LINT_PARSE}×)`); }
    }
    const end = points[points.length - 1];
    if (end && end !== last) { ok = false; summary.push(`FAIL ${shape}: lint did not finish at n=${end.n} (${end.killed ?? 'refused or crashed'})`); }
    const found = [...(last?.found ?? [])].map(([id, k]) => `${id} ${k}`).join(', ');
    if (found) lines.push(`  findings at n=${last.n}: ${found}`);
    // Peak memory on the largest step plan that parses, from MEMORY_STEPS steps up.
    const big = finished.filter((p) => p.n >= MEMORY_STEPS).pop();
    if (['steps', 'concurrent', 'pairs', 'chain', 'layered'].includes(shape) && big) {
      const m = memory(join(dir, `${shape}-${big.n}`), cpuSeconds);
      const ratio = m.lint / m.parse;
      lines.push(`  peak memory at ${big.n.toLocaleString('en')} steps: parse ${m.parse.toFixed(0)} MB, lint ${m.lint.toFixed(0)} MB — ${ratio.toFixed(2)}×${m.status === 'ok' ? '' : ` (${m.status})`}`);
      if (!(ratio <= LIMIT_MEMORY)) { ok = false; summary.push(`FAIL ${shape}: peak memory lint ${ratio.toFixed(2)}× parse (limit ${LIMIT_MEMORY}×)`); }
    }
    // The sweep takes long on a busy machine: each shape's table goes to stderr as soon as it is done.
    process.stderr.write(`${lines.slice(from).join('\n')}\n`);
  }
  lines.push('', ...(summary.length ? summary : [`PASS: exponents ≤ ${LIMIT_EXPONENT} (steps, facts, levels), lint ≤ ${LIMIT_LINT_PARSE}× parse, memory ≤ ${LIMIT_MEMORY}×`]));
  return { lines, ok };
}
