import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parsePlanFile } from '../../src/parse/index.js';
import { diagrams } from '../../src/render/mermaid.js';
import { requireChromium } from '../../test/helpers/tools.js';
import { runRender } from './render.js';

/** Runs `fn` with stdout/stderr captured. */
async function capture(fn: () => Promise<number>): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => { out += String(s); return true; });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => { err += String(s); return true; });
  try { return { code: await fn(), out, err }; } finally { o.mockRestore(); e.mockRestore(); }
}

const tmp = () => mkdtempSync(join(tmpdir(), 'yuan-render-'));
const LEAK = 'plans/chem/hazardous-chemical-leak.md';

describe('yuan render: usage and text formats', () => {
  const saved = { ...process.env };
  afterEach(() => { process.env = { ...saved }; });

  it('rejects an unknown format with exit 2', async () => {
    const r = await capture(() => runRender([LEAK], { output: tmp(), format: 'svg,gif', lang: 'en' }));
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown --format gif');
  });

  it('exits 2 when nothing matches', async () => {
    const r = await capture(() => runRender(['no/such/plans'], { output: tmp(), lang: 'zh' }));
    expect(r.code).toBe(2);
    expect(r.err).toContain('没有与 no/such/plans 匹配的预案文件');
  });

  it('writes Mermaid sources and one diagrams.md per plan without a browser', async () => {
    process.env.YUAN_CHROMIUM = '/nonexistent';
    const out = tmp();
    const r = await capture(() => runRender([LEAK], { output: out, format: 'mmd,md', lang: 'en' }));
    expect(r.code).toBe(0);
    const files = readdirSync(join(out, 'chem-leak')).sort();
    // One .mmd per diagram the generators list (overview, 4 levels, states, 4 timelines), named by its key.
    const keys = diagrams(parsePlanFile(LEAK).plan!).map((d) => `${d.key}.mmd`);
    expect(keys).toHaveLength(10);
    expect(files).toEqual(['diagrams.md', ...keys].sort());
    expect(readFileSync(join(out, 'chem-leak/diagrams.md'), 'utf8')).toContain('```mermaid');
    expect(r.out).toMatch(/^rendered 10 diagrams and 1 diagrams\.md from 1 plan in [\d.]+ s, 0 errors → /);
  });

  it('gives the actionable error and exit 2 when Chromium is missing', async () => {
    process.env.YUAN_CHROMIUM = '/nonexistent';
    process.env.PATH = '/nonexistent-bin';
    delete process.env.CHROME_PATH;
    const en = await capture(() => runRender([LEAK], { output: tmp(), format: 'svg', lang: 'en' }));
    expect(en.code).toBe(2);
    expect(en.err).toContain('Chromium not found: install it (Debian: apt-get install chromium fonts-noto-cjk) or set YUAN_CHROMIUM=/path/to/chrome');
    const zh = await capture(() => runRender([LEAK], { output: tmp(), format: 'pdf', lang: 'zh' }));
    expect(zh.code).toBe(2);
    expect(zh.err).toContain('未找到 Chromium：请安装（Debian：apt-get install chromium fonts-noto-cjk），或设置 YUAN_CHROMIUM=/path/to/chrome');
    delete process.env.YUAN_CHROMIUM;
    const noPath = await capture(() => runRender([LEAK], { output: tmp(), format: 'png', lang: 'en' }));
    expect(noPath.code).toBe(2);
    expect(noPath.err).toMatch(/^yuan: Chromium not found: install it/m);
  });

  it('loads neither playwright-core nor mermaid when the render modules are imported', () => {
    const script = [
      "import { createRequire } from 'node:module';",
      'const require = createRequire(import.meta.url);',
      "await import('./src/render/index.ts'); await import('./cli/commands/render.ts'); await import('./cli/commands/review.ts');",
      "await import('./cli/commands/lint.ts');",
      'process.stdout.write(JSON.stringify(Object.keys(require.cache).filter((k) => /playwright|mermaid[\\/\\\\]dist/.test(k))));',
    ].join('\n');
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', cwd: process.cwd() });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([]);
  });
});

describe.skipIf(!requireChromium())('yuan render (headless Chromium)', () => {
  it('renders every diagram of a plan folder, names and skips a plan that does not parse, exits 1', async () => {
    const out = tmp();
    // Only a file that cannot be read as a plan is skipped (content defects are drawn with the rest).
    const broken = join(tmp(), 'broken.yaml');
    writeFileSync(broken, 'plan: [unclosed\n');
    const r = await capture(() => runRender(['plans/chem', broken], { output: out, format: 'svg,pdf', lang: 'en' }));
    expect(r.code).toBe(1);
    expect(r.err).toContain(`yuan: skipped ${broken}: it does not parse`);
    expect(r.out).toMatch(/^rendered \d+ diagrams from 5 plans in [\d.]+ s, 1 error → /);
    const keys = diagrams(parsePlanFile(LEAK).plan!).map((d) => d.key);
    for (const k of keys) for (const ext of ['svg', 'pdf']) expect(existsSync(join(out, 'chem-leak', `${k}.${ext}`))).toBe(true);
    expect(readFileSync(join(out, 'chem-leak', `${keys[0]}.svg`), 'utf8')).toContain('应急救援队');
  }, 300_000);
});
