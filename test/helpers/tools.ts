/**
 * The one gate for tests that need an outside tool (Chromium, poppler's pdftotext / pdftoppm). On a developer machine
 * without the tool the test is skipped, with one line on stderr saying why; where the tools are required (CI=true,
 * YUAN_REQUIRE_TOOLS=1, or YUAN_REQUIRE_CHROMIUM=1 for the browser) a missing tool fails the test file instead, so CI
 * can never go green by skipping. Use it as `describe.skipIf(!requireChromium())(…)` / `it.skipIf(!requirePdftotext())`.
 *
 * `dist/` is not a tool: test/global-setup.ts builds it before every run.
 */
import { spawnSync } from 'node:child_process';
import { chromiumPath } from '../../src/render/browser.js';

type Tool = 'chromium' | 'pdftotext' | 'pdftoppm' | 'root';

const INSTALL = 'install them with scripts/setup.sh (apt-get install chromium fonts-noto-cjk poppler-utils), or set YUAN_CHROMIUM=/path/to/chrome';
/** What to do when a tool is missing (root is not installed: the tests that mount a tmpfs run as root in CI). */
const HOW: Record<Tool, string> = { chromium: INSTALL, pdftotext: INSTALL, pdftoppm: INSTALL, root: 'run these tests as root (CI does) to mount a small tmpfs' };

const truthy = (v: string | undefined) => v !== undefined && !['', '0', 'false', 'no', 'off'].includes(v.toLowerCase());

/** True when a missing `tool` must fail the tests rather than skip them. */
export function toolsRequired(tool: Tool, env: NodeJS.ProcessEnv = process.env): boolean {
  return truthy(env.CI) || env.YUAN_REQUIRE_TOOLS === '1' || (tool === 'chromium' && env.YUAN_REQUIRE_CHROMIUM === '1')
    || (tool === 'root' && env.YUAN_REQUIRE_ROOT === '1');
}

/** Error thrown when a required tool is missing. */
export class MissingToolError extends Error {
  constructor(tool: Tool, why: string) {
    super(`${tool} is required (${why}) but was not found: ${HOW[tool]}`);
  }
}

const warned = new Set<Tool>();

/** The gate: `found` when there; otherwise throws when required, else says once that the tests are skipped. */
function gate<T>(tool: Tool, found: T | undefined, env: NodeJS.ProcessEnv): T | undefined {
  if (found) return found;
  if (toolsRequired(tool, env)) {
    const why = truthy(env.CI) ? `CI=${env.CI}` : env.YUAN_REQUIRE_TOOLS === '1' ? 'YUAN_REQUIRE_TOOLS=1' : tool === 'root' ? 'YUAN_REQUIRE_ROOT=1' : 'YUAN_REQUIRE_CHROMIUM=1';
    throw new MissingToolError(tool, why);
  }
  if (env === process.env && !warned.has(tool)) { // (not for the gate's own tests, which pass made-up environments)
    warned.add(tool);
    process.stderr.write(`yuan tests: ${tool} not found — skipping the tests that need it (${HOW[tool]})\n`);
  }
  return undefined;
}

/** True when a command runs (`pdftotext -v`, …). */
export function hasTool(cmd: string, env: NodeJS.ProcessEnv = process.env): boolean {
  return !spawnSync(cmd, ['-v'], { stdio: 'ignore', env }).error;
}

/** Path of the Chromium the tests drive; undefined = skip (only where tools are not required). */
export function requireChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return gate('chromium', chromiumPath(env), env);
}

/** True when pdftotext runs; false = skip (only where tools are not required). */
export function requirePdftotext(env: NodeJS.ProcessEnv = process.env): boolean {
  return gate('pdftotext', hasTool('pdftotext', env) || undefined, env) ?? false;
}

/** True when pdftoppm runs; false = skip (only where tools are not required). */
export function requirePdftoppm(env: NodeJS.ProcessEnv = process.env): boolean {
  return gate('pdftoppm', hasTool('pdftoppm', env) || undefined, env) ?? false;
}

/** True when the tests run as root (to mount a tmpfs); false = skip (only where tools are not required). */
export function requireRoot(env: NodeJS.ProcessEnv = process.env, uid: number | undefined = process.getuid?.()): boolean {
  return gate('root', uid === 0 || undefined, env) ?? false;
}
