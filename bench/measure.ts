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

/** Prints one result row: name, value, unit, and ratio to the baseline measured in the same run. */
export function row(name: string, value: number, unit: string, baseline?: { name: string; value: number; better: 'lower' | 'higher' }): string {
  const ratio = baseline ? `  ${(value / baseline.value).toFixed(2)}× ${baseline.name}` : '';
  return `${name.padEnd(52)} ${value.toFixed(value < 10 ? 2 : 1).padStart(10)} ${unit}${ratio}`;
}
