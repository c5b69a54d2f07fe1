// Bundles the CLI for a fast cold start (run by `npm run build`, after tsc): dist/bin/yuan-bundle.cjs holds the whole
// CLI in one file (no module resolution or hundreds of file reads at start), dist/bin/yuan.cjs is the `bin` launcher
// that runs it through V8's code cache (scripts/launcher.cjs), dist/bin/lint-worker.js is the worker of a parallel
// lint. Heavy or native packages stay outside and load only when a command needs them. The cache is then made by
// linting one example plan.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { packageRoot } from '../src/paths.js';

const root = packageRoot();
const out = join(root, 'dist', 'bin');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const external = ['playwright-core', 'mermaid', '@mermaid-js/*', 'ajv', 'ajv/*'];
const common = { bundle: true, platform: 'node', target: 'node20', external, logLevel: 'warning', legalComments: 'none', minifyWhitespace: true, minifySyntax: true } as const;

await build({
  ...common,
  entryPoints: [join(root, 'cli', 'yuan.ts')],
  outfile: join(out, 'yuan-bundle.cjs'),
  format: 'cjs',
  // import() becomes require(): V8 drops the dynamic-import callback of a script compiled from a code cache (Node 20),
  // so `await import('playwright-core')` in a cached run threw "A dynamic import callback was not specified" and
  // every `yuan render --format pdf` and `yuan review` after the first failed.
  supported: { 'dynamic-import': false },
  // import.meta.url: the bundle's own URL, so paths relative to it (schemas, the lint worker) still resolve.
  define: { 'import.meta.url': '__yuan_import_meta_url' },
  banner: { js: "const __yuan_import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
});
await build({
  ...common,
  entryPoints: [join(root, 'src', 'validate', 'lint-worker.ts')],
  outfile: join(out, 'lint-worker.js'),
  format: 'esm',
  banner: { js: "import { createRequire as __yuanCreateRequire } from 'node:module'; const require = __yuanCreateRequire(import.meta.url);" },
});
copyFileSync(join(root, 'scripts', 'launcher.cjs'), join(out, 'yuan.cjs'));
chmodSync(join(out, 'yuan.cjs'), 0o755);
// Warm the code cache: one lint of an example plan (its output is not needed).
execFileSync(process.execPath, [join(out, 'yuan.cjs'), 'lint', join(root, 'plans', 'chem', 'hazardous-chemical-leak.md'), '--no-config', '-f', 'json', '-o', join(out, 'warm.json')],
  { env: { ...process.env, YUAN_CODE_CACHE: 'write' }, stdio: 'ignore' });
rmSync(join(out, 'warm.json'), { force: true });
if (!readdirSync(out).some((f) => f.endsWith('.cache'))) process.stderr.write('bundle: no code cache was written (the CLI still works, only slower to start)\n');
