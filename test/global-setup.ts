/**
 * Vitest global setup: builds `dist/` (tsc, incremental, plus the precompiled schema validators) once before any test
 * runs, so the tests that run the CLI or the library from dist/ never test a stale build, and `vitest run` alone works.
 */
import { spawnSync } from 'node:child_process';

export default function setup(): void {
  const t0 = performance.now();
  const r = spawnSync('npm', ['run', '--silent', 'build'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.error || r.status !== 0) {
    throw new Error(`npm run build failed (the tests run against dist/):\n${r.stdout ?? ''}${r.stderr ?? ''}${r.error?.message ?? ''}`);
  }
  process.stderr.write(`yuan tests: built dist/ in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}
