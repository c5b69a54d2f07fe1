/**
 * `npm run bench limits`: for each shape that used to hang or exhaust the parsers, the largest input the pre-scan
 * accepts (under the 10 MB limit), parsed in a fresh process: CPU time, peak memory, the time's ratio to a baseline
 * (remark on as many bytes of plain prose, measured alternately in the same run), and the growth exponent from a
 * quarter of that size (1.0 = linear).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { largest, SHAPES } from './limits-shapes.js';
import { row } from './measure.js';

interface Run { cpuMs: number; wallMs: number; peakMB: number; startMB: number; bytes: number; refused: boolean }

const CHILD = join(import.meta.dirname, 'limits-child.js');
const REPS = Number(process.env.YUAN_BENCH_REPS ?? 2);

function child(index: number, n: number, mode: 'subject' | 'baseline'): Run {
  const r = spawnSync(process.execPath, [CHILD, String(index), String(n), mode], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`limits child failed (${SHAPES[index].name}, ${n}): ${r.stderr}`);
  return JSON.parse(r.stdout) as Run;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Subject and baseline alternately, `REPS` times: medians of CPU time, the subject's peak memory. */
function measureAt(index: number, n: number): { cpu: number; base: number; peak: number; start: number; bytes: number; refused: boolean } {
  const subject: Run[] = [];
  const baseline: Run[] = [];
  for (let k = 0; k < REPS; k++) {
    subject.push(child(index, n, 'subject'));
    baseline.push(child(index, n, 'baseline'));
  }
  return {
    cpu: median(subject.map((r) => r.cpuMs)), base: median(baseline.map((r) => r.cpuMs)), peak: Math.max(...subject.map((r) => r.peakMB)),
    start: median(subject.map((r) => r.startMB)), bytes: subject[0].bytes, refused: subject.some((r) => r.refused),
  };
}

export function benchLimits(): string[] {
  const out = ['limits — the largest accepted input of each shape (fresh process each; CPU ms, peak RSS; exponent from a quarter of the size)'];
  for (const [index, shape] of SHAPES.entries()) {
    const n = largest(shape);
    const big = measureAt(index, n);
    const small = measureAt(index, Math.max(1, Math.floor(n / 4)));
    const exponent = Math.log(big.cpu / small.cpu) / Math.log(big.bytes / small.bytes);
    out.push(`${shape.name}: n = ${n}, ${(big.bytes / 1024 / 1024).toFixed(2)} MB${big.refused ? ' (REFUSED: limits and benchmark disagree)' : ''}`);
    out.push(row('  parse (CPU)', big.cpu, 'ms', { name: 'remark on plain prose of the same size', value: big.base, better: 'lower' }));
    out.push(row('  peak RSS (process; before parsing)', big.peak, `MB (${big.start.toFixed(0)} MB)`));
    out.push(row('  growth exponent (time vs size, 1 = linear)', exponent, ''));
    // On a busy machine the whole run takes many minutes: say each shape's figures as soon as they are known.
    process.stderr.write(`${out.slice(-4).join('\n')}\n`);
  }
  return out;
}
