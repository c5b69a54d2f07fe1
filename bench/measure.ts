import { performance } from 'node:perf_hooks';

/** Median wall time (ms) of `fn` over `runs` runs after `warmup` unmeasured runs. */
export function measure(fn: () => void, runs = 7, warmup = 2): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/**
 * Median wall times (ms) of two functions measured alternately (a, b, a, b, …), so that load from other
 * processes falls on both alike and their ratio stays meaningful on a busy machine.
 */
export function measurePair(a: () => void, b: () => void, runs = 7, warmup = 1): [number, number] {
  for (let i = 0; i < warmup; i++) { a(); b(); }
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now(); a(); ta.push(performance.now() - t0);
    t0 = performance.now(); b(); tb.push(performance.now() - t0);
  }
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  return [median(ta), median(tb)];
}

/** Prints one result row: name, value, unit, and ratio to the baseline measured in the same run. */
export function row(name: string, value: number, unit: string, baseline?: { name: string; value: number; better: 'lower' | 'higher' }): string {
  const ratio = baseline ? `  ${(value / baseline.value).toFixed(2)}× ${baseline.name}` : '';
  return `${name.padEnd(52)} ${value.toFixed(value < 10 ? 2 : 1).padStart(10)} ${unit}${ratio}`;
}
