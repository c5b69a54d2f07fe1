import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { collectPlanFiles } from '../src/parse/index.js';
import { lintFiles, lintOneFile } from '../src/validate/index.js';
import { requireChromium } from './helpers/tools.js';

// The `bin` is the bundled CLI run through V8's code cache (scripts/bundle.ts, scripts/launcher.cjs): it must say
// exactly what the unbundled CLI says. `npm test` builds first; without a build these tests fail, they do not skip.
const root = process.cwd();
const bin = join(root, 'dist/bin/yuan.cjs');
const unbundled = join(root, 'dist/cli/yuan.js');
const run = (cli: string, args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
const scratch = join(root, 'out', `bin-test-${process.pid}`);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the bundled bin', () => {
  it('is what package.json names, and was built with its code cache', () => {
    expect(JSON.parse(readFileSync('package.json', 'utf8')).bin.yuan).toBe('dist/bin/yuan.cjs');
    expect(existsSync(bin), 'run npm run build').toBe(true);
    expect(readdirSync(join(root, 'dist/bin')).some((f) => f.endsWith('.cache'))).toBe(true);
  });

  it('lints exactly like the unbundled CLI, in every format', () => {
    for (const format of ['json', 'stylish']) {
      const args = ['lint', 'plans/defective', '--today', '2026-11-25', '-f', format];
      const [a, b] = [run(bin, args), run(unbundled, args)];
      expect(a.status, a.stderr).toBe(1);
      expect(a.stdout).toBe(b.stdout);
    }
    expect(run(bin, ['--help']).stdout).toBe(run(unbundled, ['--help']).stdout);
  }, 120_000);

  it('speaks the language of --lang, else YUAN_LANG, else the locale', () => {
    const help = (args: string[], env: NodeJS.ProcessEnv) =>
      spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, YUAN_LANG: '', LC_ALL: '', LC_MESSAGES: '', LANG: '', ...env } });
    expect(help(['--help'], {}).stdout).toMatch(/^Usage: yuan \[options\] \[command\]/);
    expect(help(['--help'], { LANG: 'zh_CN.UTF-8' }).stdout).toMatch(/^用法： yuan \[选项\] \[命令\]/);
    expect(help(['lint', '--help'], { YUAN_LANG: 'zh' }).stdout).toMatch(/^用法： yuan lint/);
    expect(help(['lint', '--help', '--lang', 'en'], { LANG: 'zh_CN.UTF-8' }).stdout).toMatch(/^Usage: yuan lint/);
    const bad = help(['lint', '--bogus', '--lang', 'zh'], {});
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^错误：未知选项 --bogus\n/);
  }, 60_000);

  it('gives the same output on worker threads as on one thread', () => {
    const args = ['lint', 'plans/', '--no-config', '--today', '2026-11-25', '-f', 'json'];
    const one = run(bin, [...args, '--jobs', '1']);
    const two = run(bin, [...args, '--jobs', '2']);
    expect(one.status).toBe(1);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(one.stdout).length).toBeGreaterThan(10);
  }, 120_000);

  it('runs with a missing or corrupt code cache, and writes a good one', () => {
    mkdirSync(scratch, { recursive: true });
    for (const f of ['yuan.cjs', 'yuan-bundle.cjs']) copyFileSync(join(root, 'dist/bin', f), join(scratch, f));
    const args = ['lint', 'plans/defective/levels-gap.md', '--today', '2026-11-25', '-f', 'json'];
    const expected = run(bin, args).stdout;
    expect(run(join(scratch, 'yuan.cjs'), args).stdout).toBe(expected); // no cache: made on exit
    const [cache] = readdirSync(scratch).filter((f) => f.endsWith('.cache'));
    expect(cache).toBeDefined();
    writeFileSync(join(scratch, cache), 'not a V8 code cache');
    expect(run(join(scratch, 'yuan.cjs'), args).stdout).toBe(expected); // rejected: made again
    expect(readFileSync(join(scratch, cache)).length).toBeGreaterThan(10_000);
  }, 120_000);

  it.skipIf(!requireChromium())('draws PDFs and review packets from a cached start (the browser is loaded lazily)', () => {
    // The cache exists after the first test; a run from it once lost import() and every PDF command failed.
    mkdirSync(scratch, { recursive: true });
    for (let i = 0; i < 2; i++) {
      const r = run(bin, ['render', 'plans/chem/confined-space.yaml', '-o', join(scratch, 'pdf'), '--format', 'pdf']);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/Warning/);
    }
    expect(readdirSync(join(scratch, 'pdf'), { recursive: true }).some((f) => String(f).endsWith('.pdf'))).toBe(true);
    const r = run(bin, ['review', 'plans/chem/confined-space.yaml', '-o', join(scratch, 'packet.pdf'), '--no-config']);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(scratch, 'packet.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  }, 180_000);

  it('ships a lint worker that lints a file as this thread does', async () => {
    const file = 'plans/chem/hazardous-chemical-leak.md';
    const w = new Worker(join(root, 'dist/bin/lint-worker.js'), { workerData: { today: '2026-11-25' } });
    const result = await new Promise<{ result: ReturnType<typeof lintOneFile> }>((resolve, reject) => {
      w.once('message', resolve);
      w.once('error', reject);
      w.postMessage({ index: 0, file });
    });
    await w.terminate();
    expect(result.result.diagnostics).toEqual(lintOneFile(file, { today: '2026-11-25' }).diagnostics);
    expect(result.result.plan?.steps.length).toBeGreaterThan(5);
  });
});

describe('lintFilesParallel (built)', () => {
  it('uses the workers it is given and returns what lintFiles returns', async () => {
    const { lintFilesParallel } = await import(join(root, 'dist/src/validate/parallel.js')) as typeof import('../src/validate/parallel.js');
    const files = collectPlanFiles(['plans']).files;
    const r = await lintFilesParallel(files, { today: '2026-11-25', jobs: 2 });
    expect(r.threads).toBe(2);
    const seq = lintFiles(files, { today: '2026-11-25' });
    expect(JSON.stringify(r.diagnostics)).toBe(JSON.stringify(seq.diagnostics));
    expect(r.plans.map((p) => p.file)).toEqual(seq.plans.map((p) => p.file));
  }, 120_000);
});
