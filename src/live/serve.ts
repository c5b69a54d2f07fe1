/**
 * Opening a live drill from a file: a scenario YAML, or a sealed envelope (`yuan drill draw --seal`) that only the
 * server opens. Files in `<out>/`:
 *
 * - `<name>.live.jsonl` — the durable log (`<name>` is the scenario id; `sealed-<commitment prefix>` when sealed, so
 *   not even the file name tells the scenario);
 * - `<name>.live.tokens.json` — the access tokens (mode 0600), kept so that links stay valid across `--resume`;
 * - `<name>.live.report.html` — the after-action report, written when the drill ends.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { hasErrors, type Diagnostic } from '../diagnostics.js';
import { isEnvelope, openEnvelope } from '../drill/blind.js';
import { checkScenario, parseScenario, readTextFile, resolvePlanPath } from '../drill/scenario.js';
import type { Scenario } from '../drill/types.js';
import type { Plan } from '../model/index.js';
import { parsePlanFile } from '../parse/index.js';
import type { Lang } from '../report/index.js';
import { LiveDrill } from './drill.js';
import { newTokens, startServer, type LiveServer, type Tokens } from './server.js';

/** A scenario ready for a live drill. */
export interface LiveInput {
  plan: Plan;
  scenario: Scenario;
  /** The scenario text (canonical text when sealed). */
  source: string;
  planSource?: string;
  /** True when the file was a sealed envelope. */
  sealed: boolean;
  commitment?: string;
  /** Base name of the files in `<out>/`. */
  name: string;
  diagnostics: Diagnostic[];
}

/** Reads a scenario (or sealed envelope) and its plan. Diagnostics with errors mean: cannot drill. Never throws. */
export function loadLiveInput(file: string): { input?: LiveInput; diagnostics: Diagnostic[] } {
  const read = readTextFile(file);
  if ('diagnostic' in read) return { diagnostics: [read.diagnostic] };
  let text = read.text;
  let scenarioFile = file;
  let sealed = false;
  let commitment: string | undefined;
  if (isEnvelope(text)) {
    try {
      const env = openEnvelope(text);
      text = env.text;
      commitment = env.commitment;
      sealed = true;
      // The virtual file the scenario came from: its plan path resolves against the envelope's base.
      scenarioFile = join(resolve(env.base), 'sealed-scenario.yaml');
    } catch (err) {
      const at = { line: 1, column: 1, offset: 0 };
      return { diagnostics: [{ ruleId: 'drill/sealed', severity: 'error', file, place: { start: at, end: at }, message: (err as Error).message, messageZh: `不是有效的密封演练脚本：${(err as Error).message}` }] };
    }
  }
  const parsed = parseScenario(text, scenarioFile);
  const diagnostics = [...parsed.diagnostics];
  if (!parsed.scenario) return { diagnostics };
  const scenario = parsed.scenario;
  const planFile = resolvePlanPath(scenario);
  const p = parsePlanFile(planFile);
  if (!p.plan) {
    const at = { line: 1, column: 1, offset: 0 };
    diagnostics.push({ ruleId: 'scenario/plan', severity: 'error', file, place: scenario.fields?.plan ?? scenario.place ?? { start: at, end: at },
      message: `Unexpected plan \`${scenario.plan}\` that cannot be read`, messageZh: `无法读取预案 \`${scenario.plan}\`` });
    return { diagnostics };
  }
  // Sealed: a diagnostic quoting the scenario would unseal it; say only where, not what.
  diagnostics.push(...checkScenario(scenario, p.plan));
  if (sealed) for (const d of diagnostics) Object.assign(d, { file, message: `sealed scenario: ${d.ruleId}`, messageZh: `密封脚本：${d.ruleId}`, related: undefined });
  const planText = readTextFile(planFile);
  const name = sealed ? `sealed-${commitment!.slice(0, 12)}` : (scenario.id || 'scenario').replace(/[^\p{L}\p{N}._-]+/gu, '-');
  return {
    diagnostics,
    input: { plan: p.plan, scenario, source: text, planSource: 'text' in planText ? planText.text : undefined, sealed, commitment, name, diagnostics },
  };
}

/** Options of `serveDrill`. */
export interface ServeDrillOptions {
  /** Output folder (default `out`). */
  out?: string;
  blind?: boolean;
  speed?: number;
  port?: number;
  resume?: boolean;
  lang?: Lang;
  /** Roles that get a link (default: every role of the plan). */
  roles?: string[];
  /** Enable the benchmark's no-op endpoint. */
  noop?: boolean;
  tickMs?: number;
  /** Wall clock in milliseconds (tests drive it; default `performance.now`). */
  wall?: () => number;
}

/** A served drill. */
export interface ServedDrill {
  server: LiveServer;
  drill: LiveDrill;
  input: LiveInput;
  logFile: string;
  tokensFile: string;
  reportFile: string;
}

/** Paths of a drill's files in `out`. */
export function liveFiles(out: string, name: string): { logFile: string; tokensFile: string; reportFile: string } {
  return { logFile: join(out, `${name}.live.jsonl`), tokensFile: join(out, `${name}.live.tokens.json`), reportFile: join(out, `${name}.live.report.html`) };
}

/** Reads saved tokens (resume), or makes and saves new ones (mode 0600). */
export function loadTokens(file: string, roles: readonly string[], reuse: boolean): Tokens {
  if (reuse && existsSync(file)) {
    const t = JSON.parse(readFileSync(file, 'utf8')) as Tokens;
    if (typeof t.facilitator === 'string' && t.roles && typeof t.roles === 'object') return t;
  }
  const t = newTokens(roles);
  writeFileSync(file, `${JSON.stringify(t, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return t;
}

/** Opens (or resumes) the drill and starts the server. Throws on errors (the CLI reports them). */
export async function serveDrill(input: LiveInput, opts: ServeDrillOptions = {}): Promise<ServedDrill> {
  const out = opts.out ?? 'out';
  mkdirSync(out, { recursive: true });
  const files = liveFiles(out, input.name);
  const roles = opts.roles?.length ? opts.roles : input.plan.roles.map((r) => r.id);
  for (const r of roles) if (!input.plan.roles.some((x) => x.id === r)) throw new RangeError(`unknown role ${r}`);
  const resume = !!opts.resume && existsSync(files.logFile);
  const drill = await LiveDrill.open({
    plan: input.plan, scenario: input.scenario, log: files.logFile, scenarioSource: input.source, planSource: input.planSource,
    resume, blind: opts.blind || input.sealed, speed: opts.speed, tickMs: opts.tickMs, wall: opts.wall,
  });
  try {
    const tokens = loadTokens(files.tokensFile, roles, resume);
    const server = await startServer({ drill, tokens, port: opts.port, reportFile: files.reportFile, lang: opts.lang, noop: opts.noop });
    return { server, drill, input, ...files };
  } catch (err) {
    await drill.close();
    throw err;
  }
}

export { hasErrors };
