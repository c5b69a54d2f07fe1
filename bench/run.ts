import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchParse } from './parse.js';

// Each benchmark measures its own baseline in the same run, so ratios compare like with like on this machine.
const dir = join(tmpdir(), `yuan-bench-${process.pid}`);
const only = process.argv[2];
const suites: [string, () => Promise<string[]> | string[]][] = [
  ['parse', () => benchParse(join(dir, 'parse'))],
  ['lint', async () => (await import('./lint.js')).benchLint(join(dir, 'lint'))],
  ['render', async () => (await import('./render.js')).benchRender(join(dir, 'render'))],
  ['drill', async () => (await import('./drill.js')).benchDrill()],
  ['live', async () => (await import('./live.js')).benchLive()],
  ['hostile', async () => (await import('./hostile.js')).benchHostile()],
];
try {
  for (const [name, run] of suites) {
    if (only && only !== name) continue;
    const lines = await run();
    process.stdout.write(`\n${lines.join('\n')}\n`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
