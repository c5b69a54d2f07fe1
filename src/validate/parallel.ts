/**
 * `lintFiles` on worker threads: each worker parses and checks one file at a time (the next file goes to whichever
 * worker is free), the main thread then runs the 1+N system checks and sorts, so the output is the same, in the same
 * order, as linting in one thread. Starting a worker costs about one module load, so it pays only for folders.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { finishLint, lintFiles, type FileResult, type LintFilesOptions, type LintResult } from './index.js';

/** Fewest files for which `auto` uses workers (below it, starting them costs more than it saves). */
export const PARALLEL_MIN_FILES = 24;

/** How many workers `jobs` asks for on this machine (`auto`: one per core when there are enough files; ≤ 1: none). */
export function workerCount(jobs: number | 'auto', files: number): number {
  const n = jobs === 'auto' ? (files >= PARALLEL_MIN_FILES ? availableParallelism() : 1) : Math.floor(jobs);
  return n > 1 ? Math.min(n, files) : 0;
}

/** Lints `files` as one system on `jobs` worker threads (see the module comment); falls back to one thread. */
export async function lintFilesParallel(files: string[], opts: LintFilesOptions & { jobs?: number | 'auto' } = {}): Promise<LintResult> {
  const n = workerCount(opts.jobs ?? 'auto', files.length);
  if (n === 0) return lintFiles(files, opts);
  const { onFile, jobs: _, ...shared } = opts;
  const results: FileResult[] = new Array(files.length);
  let next = 0;
  const workers: Worker[] = [];
  try {
    await Promise.all(Array.from({ length: n }, () => new Promise<void>((resolve, reject) => {
      const w = new Worker(new URL('./lint-worker.js', import.meta.url), { workerData: shared });
      workers.push(w);
      const feed = () => {
        if (next >= files.length) { resolve(); return; }
        const index = next++;
        onFile?.(files[index]);
        w.postMessage({ index, file: files[index] });
      };
      w.on('message', (m: { index: number; result: FileResult }) => { results[m.index] = m.result; feed(); });
      w.on('error', reject);
      w.on('exit', (code) => { if (code !== 0) reject(new Error(`lint worker exited with code ${code}`)); });
      w.once('online', feed);
    })));
  } catch {
    // A worker could not start or died (e.g. run from sources without a build): lint in this thread instead.
    return lintFiles(files, { ...shared });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return { ...finishLint(results, shared), threads: n };
}
