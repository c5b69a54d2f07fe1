/**
 * Worker thread of a parallel lint (parallel.ts): lints each file it is sent on its own (`lintOneFile`) and sends the
 * result back; the main thread runs the 1+N system checks over all of them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { lintOneFile, type LintFilesOptions } from './index.js';

const opts = workerData as Omit<LintFilesOptions, 'onFile'>;
parentPort?.on('message', (msg: { index: number; file: string }) => {
  parentPort!.postMessage({ index: msg.index, result: lintOneFile(msg.file, opts) });
});
