/**
 * Live-drill load benchmark: simulated participants (HTTP clients, keep-alive, bounded concurrency) reaching the server
 * through its LAN address (LAN mode, `--host`: this machine's first non-loopback address, else 127.0.0.2)
 * each log a sequence of actions against one live drill server; every POST is acknowledged only after its events are
 * fsynced. Reports events/s and p50/p99 acknowledgement latency, against a baseline measured in the same run: the
 * same POSTs to a no-op handler on the same server (parse and answer, store nothing).
 *
 * `runLoad` is also what test/live-load.test.ts runs (with a check that every event is stored exactly once, in order).
 */
import { Agent, request } from 'node:http';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readLogFile } from '../src/drill/log.js';
import type { DrillEvent } from '../src/drill/types.js';
import { loadLiveInput, serveDrill } from '../src/live/serve.js';
import { row } from './measure.js';

/** The scenario, from bench/ (sources under vitest) or dist/bench/ (built). */
const SCENARIO = [join(import.meta.dirname, '../scenarios'), join(import.meta.dirname, '../../scenarios')]
  .map((d) => join(d, 'leak-escalation-iv-to-ii.yaml')).find((f) => existsSync(f)) ?? 'scenarios/leak-escalation-iv-to-ii.yaml';

/** What one acknowledged action was. */
export interface Ack {
  participant: number;
  index: number;
  role: string;
  kind: string;
  text?: string;
  seqs: number[];
  latencyMs: number;
}

/** Result of a load run. */
export interface LoadResult {
  acks: Ack[];
  /** Failed requests (status ≠ 200 or network errors). */
  failures: string[];
  elapsedMs: number;
  /** The log read back from disk after the server closed (empty for the no-op run). */
  logged: DrillEvent[];
  logFile: string;
  /** The server's base URL (at the address the clients used). */
  url: string;
}

/** Options of `runLoad`. */
export interface LoadOptions {
  participants?: number;
  actions?: number;
  /** Most participants with a request in flight at once (default 64). */
  concurrency?: number;
  /** POST to the no-op endpoint instead (the baseline). */
  noop?: boolean;
  /** Folder for the log (default a fresh temporary one, removed afterwards unless `keep`). */
  out?: string;
  keep?: boolean;
  /** Address the server serves and the clients connect to (default `lanAddress()`). */
  host?: string;
}

/** This machine's first non-loopback IPv4 address (what a phone in the room would use), else 127.0.0.2. */
export function lanAddress(): string {
  const outside = Object.values(networkInterfaces()).flatMap((l) => l ?? []).find((i) => i.family === 'IPv4' && !i.internal);
  return outside?.address ?? '127.0.0.2';
}

/**
 * What a load run lost or duplicated: acknowledged events missing from the log, a seq acknowledged twice, participant
 * events in the log nobody acknowledged, gaps in the log's numbering. Empty when nothing was lost.
 */
export function losses(r: LoadResult): string[] {
  const out: string[] = [];
  const logged = new Set(r.logged.map((e) => e.seq));
  const acked = new Set<number>();
  for (const a of r.acks) {
    for (const q of a.seqs) {
      if (acked.has(q)) out.push(`seq ${q} acknowledged twice`);
      acked.add(q);
      if (!logged.has(q)) out.push(`acknowledged seq ${q} (p${a.participant} a${a.index}) not in the log`);
    }
  }
  const extra = r.logged.filter((e) => (e as { source?: string }).source === 'participant' && !acked.has(e.seq));
  if (extra.length) out.push(`${extra.length} participant event(s) stored but never acknowledged`);
  r.logged.forEach((e, i) => { if (e.seq !== i + 1) out.push(`log numbering breaks at line ${i + 1} (seq ${e.seq})`); });
  return out;
}

function post(agent: Agent, url: URL, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const data = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': data.length } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        try { resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> }); } catch (err) { reject(err); }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(data);
  });
}

/** The action participant `p` logs as its `i`-th: mostly notes and steps (unique texts), some acknowledgements. */
function actionFor(p: number, i: number, ownStep: string | undefined): { kind: string; text?: string; step?: string } {
  const text = `p${p}-a${i} 负载测试记录 load test`;
  if (i % 10 === 9) return { kind: 'ack' };
  if (i % 3 === 1 && ownStep) return { kind: 'step', step: ownStep, text };
  return { kind: 'note', text };
}

/** Runs a load test against a fresh live drill server (the leak escalation scenario, every plan role). */
export async function runLoad(opts: LoadOptions = {}): Promise<LoadResult> {
  const participants = opts.participants ?? 200;
  const actions = opts.actions ?? 50;
  const concurrency = Math.max(1, Math.min(opts.concurrency ?? 64, participants));
  const out = opts.out ?? mkdtempSync(join(tmpdir(), 'yuan-live-load-'));
  const loaded = loadLiveInput(SCENARIO);
  if (!loaded.input) throw new Error('cannot load the load-test scenario');
  const served = await serveDrill(loaded.input, { out, noop: true, speed: 1, host: opts.host ?? lanAddress() });
  const { server, drill } = served;
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const tokens = Object.entries(server.roleUrls).map(([role, url]) => ({ role, token: url.split('/p/')[1] }));
  const fac = server.facilitatorUrl.split('/f/')[1];
  const acks: Ack[] = [];
  const failures: string[] = [];
  let elapsedMs: number;
  try {
    const started = await post(agent, new URL(`${server.url}/api/${fac}/clock`), { op: 'start' });
    if (started.status !== 200) throw new Error(`cannot start the clock: ${JSON.stringify(started.json)}`);
    const queue = Array.from({ length: participants }, (_, p) => p);
    const t0 = performance.now();
    const worker = async () => {
      for (;;) {
        const p = queue.shift();
        if (p === undefined) return;
        const { role, token } = tokens[p % tokens.length];
        const ownStep = drill.plan.steps.find((s) => s.role === role)?.id;
        const url = new URL(`${server.url}/api/${token}/${opts.noop ? 'noop' : 'action'}`);
        for (let i = 0; i < actions; i++) {
          const a = actionFor(p, i, ownStep);
          const s = performance.now();
          try {
            const r = await post(agent, url, a);
            const latencyMs = performance.now() - s;
            if (r.status !== 200) { failures.push(`p${p} a${i}: HTTP ${r.status} ${JSON.stringify(r.json)}`); continue; }
            acks.push({ participant: p, index: i, role, kind: a.kind, ...(a.text ? { text: a.text } : {}), seqs: r.json.seqs as number[], latencyMs });
          } catch (err) {
            failures.push(`p${p} a${i}: ${(err as Error).message}`);
          }
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    elapsedMs = performance.now() - t0;
  } finally {
    agent.destroy();
    await server.close();
  }
  const logged = opts.noop ? [] : readLogFile(served.logFile).events;
  if (!opts.out && !opts.keep) rmSync(out, { recursive: true, force: true });
  return { acks, failures, elapsedMs, logged, logFile: served.logFile, url: server.url };
}

/** The p-th percentile (0–100) of a list of numbers. */
export function percentile(xs: readonly number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** Median of a list of numbers. */
const median = (xs: readonly number[]): number => percentile(xs, 50);

/**
 * The full load test (200 participants × 50 actions): events/s and p50/p99 acknowledgement latency. The baseline and
 * the real run alternate `ROUNDS` times (load from other processes falls on both); every real run must lose nothing,
 * and each figure is the median over the rounds.
 */
export async function benchLive(): Promise<string[]> {
  const participants = 200;
  const actions = 50;
  const ROUNDS = 3;
  // Warm up (JIT, sockets, the first fsyncs).
  await runLoad({ participants: 50, actions: 10, noop: true });
  await runLoad({ participants: 50, actions: 10 });
  const bases: LoadResult[] = [];
  const lives: LoadResult[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    bases.push(await runLoad({ participants, actions, noop: true }));
    const live = await runLoad({ participants, actions });
    if (live.failures.length) throw new Error(`live load test: ${live.failures.length} failed requests, e.g. ${live.failures[0]}`);
    const lost = losses(live);
    if (live.acks.length !== participants * actions || lost.length) throw new Error(`live load test lost or duplicated actions: ${lost.slice(0, 3).join('; ')}`);
    lives.push(live);
  }
  const rate = (n: number, ms: number) => n / (ms / 1000);
  const lat = (r: LoadResult, p: number) => percentile(r.acks.map((a) => a.latencyMs), p);
  const baseRate = median(bases.map((b) => rate(b.acks.length, b.elapsedMs)));
  const baseP50 = median(bases.map((b) => lat(b, 50)));
  const baseP99 = median(bases.map((b) => lat(b, 99)));
  const events = median(lives.map((l) => rate(l.acks.reduce((n, a) => n + a.seqs.length, 0), l.elapsedMs)));
  const acked = lives.reduce((n, l) => n + l.acks.length, 0);
  const logged = lives.reduce((n, l) => n + l.logged.length, 0);
  return [
    `live drill load (${participants} participants × ${actions} actions, fsync'd group commit, through ${new URL(lives[0].url).host}; ` +
      `${ROUNDS} rounds alternating with the no-op baseline, medians; ${acked} acknowledged, ${logged} events logged, nothing lost or duplicated)`,
    row('no-op POST (baseline)', baseRate, 'req/s'),
    row('actions acknowledged', median(lives.map((l) => rate(l.acks.length, l.elapsedMs))), 'req/s', { name: 'no-op', value: baseRate, better: 'higher' }),
    row('events stored', events, 'events/s'),
    row('ack latency p50', median(lives.map((l) => lat(l, 50))), 'ms', { name: 'no-op', value: baseP50, better: 'lower' }),
    row('ack latency p99', median(lives.map((l) => lat(l, 99))), 'ms', { name: 'no-op', value: baseP99, better: 'lower' }),
    row('no-op latency p99 (baseline)', baseP99, 'ms'),
  ];
}
