import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/** Wall and CPU time (user + system, every thread of the process) of one run, in ms. */
export interface Timing {
  wall: number;
  cpu: number;
}

/** Runs `fn` once and returns its wall and CPU time. */
export function timed(fn: () => void): Timing {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

/** Median of each field over runs. */
export function medianTiming(ts: readonly Timing[]): Timing {
  const mid = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  return { wall: mid(ts.map((t) => t.wall)), cpu: mid(ts.map((t) => t.cpu)) };
}

/** Median wall time (ms) of `fn` over `runs` runs after `warmup` unmeasured runs. */
export function measure(fn: () => void, runs = 7, warmup = 2): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(timed(fn).wall);
  return medianTiming(times.map((wall) => ({ wall, cpu: 0 }))).wall;
}

/**
 * Median timings of two functions measured alternately (a, b, a, b, …), so that load from other processes falls on
 * both alike and their ratio stays meaningful on a busy machine.
 */
export function measurePairTimings(a: () => void, b: () => void, runs = 7, warmup = 1): [Timing, Timing] {
  for (let i = 0; i < warmup; i++) { a(); b(); }
  const ta: Timing[] = [];
  const tb: Timing[] = [];
  for (let i = 0; i < runs; i++) { ta.push(timed(a)); tb.push(timed(b)); }
  return [medianTiming(ta), medianTiming(tb)];
}

/** `measurePairTimings`, wall times only. */
export function measurePair(a: () => void, b: () => void, runs = 7, warmup = 1): [number, number] {
  const [x, y] = measurePairTimings(a, b, runs, warmup);
  return [x.wall, y.wall];
}

/** A command line: executable and arguments. */
export type Command = [string, string[]];

/**
 * Runs a command to completion (output discarded) and returns its wall time and the CPU time of the whole process
 * tree, as bash's `times` reports it for its children (getrusage, millisecond resolution). Both include bash's own
 * fork/exec of the command (≈ 1 ms), alike for a baseline and a subject.
 */
export function commandTiming([cmd, args]: Command, opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Timing & { status: number | null } {
  const t0 = performance.now();
  const r = spawnSync('bash', ['-c', '"$@" >/dev/null 2>&1 </dev/null; s=$?; times; exit $s', 'bash', cmd, ...args], { encoding: 'utf8', ...opts });
  const wall = performance.now() - t0;
  // `times` prints the shell's own user/sys, then its children's: "0m0.058s 0m0.004s".
  const line = r.stdout.trim().split('\n').pop() ?? '';
  const secs = [...line.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return { wall, cpu: (secs[0] + secs[1]) * 1000, status: r.status };
}

/** Median timings of two commands run alternately (a, b, a, b, …) after one unmeasured pair. */
export function commandPair(a: Command, b: Command, runs = 7, opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): [Timing, Timing] {
  commandTiming(a, opts); commandTiming(b, opts);
  const ta: Timing[] = [];
  const tb: Timing[] = [];
  for (let i = 0; i < runs; i++) { ta.push(commandTiming(a, opts)); tb.push(commandTiming(b, opts)); }
  return [medianTiming(ta), medianTiming(tb)];
}

/** Prints one result row: name, value, unit, and ratio to the baseline measured in the same run. */
export function row(name: string, value: number, unit: string, baseline?: { name: string; value: number; better: 'lower' | 'higher' }): string {
  const ratio = baseline ? `  ${(value / baseline.value).toFixed(2)}× ${baseline.name}` : '';
  return `${name.padEnd(52)} ${value.toFixed(value < 10 ? 2 : 1).padStart(10)} ${unit}${ratio}`;
}

/** One row with wall and CPU time, and the CPU-time ratio to a baseline measured in the same run. */
export function timingRow(name: string, t: Timing, baseline?: { name: string; t: Timing }): string {
  const f = (x: number) => x.toFixed(x < 10 ? 2 : 1).padStart(9);
  const ratio = baseline ? `  ${(t.cpu / baseline.t.cpu).toFixed(2)}× ${baseline.name} (CPU; wall ${(t.wall / baseline.t.wall).toFixed(2)}×)` : '';
  return `${name.padEnd(52)} ${f(t.wall)} ms wall ${f(t.cpu)} ms CPU${ratio}`;
}
