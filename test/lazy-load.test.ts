import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// `yuan lint` and the library entry must never load mermaid or a browser: they are heavy and lint runs in CI.
const register = join(process.cwd(), 'test/fixtures/lazy/register.mjs');
const run = (args: string[]) => spawnSync(process.execPath, ['--import', register, ...args], { encoding: 'utf8' });

describe('heavy modules load lazily', () => {
  it('yuan lint loads neither mermaid nor playwright', () => {
    const r = run(['dist/cli/yuan.js', 'lint', 'plans/chem/hazardous-chemical-leak.md', '--no-config']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/HEAVY/);
  });

  it('importing the library API loads neither', () => {
    const r = run(['--input-type=module', '-e', `const y = await import(${JSON.stringify(join(process.cwd(), 'dist/src/index.js'))}); if (typeof y.lintPlans !== 'function') process.exit(3);`]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/HEAVY/);
  });

  it('the hook does see them when rendering is asked for (the test can fail)', () => {
    const r = run(['--input-type=module', '-e', "await import('playwright-core');"]);
    expect(r.stderr).toMatch(/HEAVY .*playwright-core/);
  });
});
