/**
 * A real full disk: a 64 KiB tmpfs (mounting needs root; CI runs as root and sets YUAN_REQUIRE_ROOT=1, so there the
 * test fails instead of skipping). The drill log and the live server fill it up; nothing acknowledged is lost, no
 * half line is left, nothing is accepted until the operator restarts, and after a restart the log goes on cleanly.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LogWriteError } from '../src/drill/log-fs.js';
import { DrillLog, readLogFile } from '../src/drill/log.js';
import type { EventInput } from '../src/drill/run-agenda.js';
import { loadLiveInput, serveDrill } from '../src/live/serve.js';
import { requireRoot } from './helpers/tools.js';

const root = join(import.meta.dirname, '..');
const SCENARIO = join(root, 'scenarios/leak-escalation-iv-to-ii.yaml');
const mnt = mkdtempSync(join(tmpdir(), 'yuan-tmpfs-'));
let mounted = false;
let why = '';

beforeAll(() => {
  try {
    if (process.getuid?.() !== 0) throw new Error('not root');
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k,mode=0700', 'tmpfs', mnt], { stdio: 'pipe' });
    mounted = true;
  } catch (err) {
    why = (err as Error).message;
  }
});
afterAll(() => {
  if (mounted) execFileSync('umount', [mnt]);
  rmSync(mnt, { recursive: true, force: true });
});

const asRoot = requireRoot();
const need = () => { if (!mounted) throw new Error(`cannot mount a tmpfs (${why}): this test needs root (YUAN_REQUIRE_ROOT=1)`); };
const note = (i: number, size = 1500): EventInput => ({ t: i, type: 'note', text: `记录 ${i} ${'x'.repeat(size)}`, source: 'facilitator' });

describe('a full disk (tmpfs)', () => {
  it.skipIf(!asRoot)('the drill log: cut back on ENOSPC, refuses until reopened, then goes on', () => {
    need();
    const dir = join(mnt, 'log');
    mkdirSync(dir);
    const filler = join(mnt, 'filler');
    writeFileSync(filler, Buffer.alloc(16 * 1024));
    const file = join(dir, 'drill.jsonl');
    const log = DrillLog.open(file);
    log.append({ t: 0, type: 'drill.start', scenario: 's', plan: 'p.md', planHash: 'sha256:p', scenarioHash: 'sha256:s', mode: 'live', seed: 1 });
    let stored = 1;
    let failure: unknown;
    for (let i = 0; i < 200 && !failure; i++) {
      try { log.append(note(i)); stored++; } catch (err) { failure = err; }
    }
    expect(failure).toBeInstanceOf(LogWriteError);
    expect((failure as LogWriteError).code).toBe('ENOSPC');
    rmSync(filler); // space is back: the log still refuses, an operator has to reopen it
    expect(() => log.append(note(999))).toThrow(LogWriteError);
    log.close();
    const read = readLogFile(file);
    expect(read.diagnostics).toEqual([]);
    expect(read.events.map((e) => e.seq)).toEqual(Array.from({ length: stored }, (_, i) => i + 1));
    const again = DrillLog.open(file, { resume: true });
    expect(again.append(note(stored, 10)).seq).toBe(stored + 1);
    again.close();
    expect(readLogFile(file).diagnostics).toEqual([]);
    rmSync(dir, { recursive: true });
  });

  it.skipIf(!asRoot)('the live server: every acknowledged action is on disk, then 503 until restarted; the retry is stored once', async () => {
    need();
    const out = join(mnt, 'out');
    const input = loadLiveInput(SCENARIO).input!;
    const s = await serveDrill(input, { out, roles: ['operator'], speed: 1 });
    const api = (token: string) => `${s.server.url}/api/${token}`;
    const fac = s.server.facilitatorUrl.split('/f/')[1];
    const op = s.server.roleUrls.operator.split('/p/')[1];
    const post = async (token: string, path: string, body: unknown, key: string) => {
      const r = await fetch(`${api(token)}/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body: JSON.stringify(body) });
      return { status: r.status, json: await r.json() as Record<string, any> };
    };
    expect((await post(fac, 'clock', { op: 'start' }, 'start-000001')).status).toBe(200);
    const filler = join(mnt, 'filler');
    writeFileSync(filler, Buffer.alloc(8 * 1024));
    const acked: string[] = [];
    let refused: { key: string; error: string } | undefined;
    for (let i = 0; i < 200 && !refused; i++) {
      const key = `note-${String(i).padStart(6, '0')}`;
      const r = await post(op, 'action', { kind: 'note', text: `现场记录 ${i} ${'y'.repeat(1200)}` }, key);
      if (r.status === 200) acked.push(key);
      else refused = { key, error: `${r.status} ${r.json.error}` };
    }
    expect(refused?.error).toMatch(/^503 .*ENOSPC/);
    rmSync(filler);
    expect((await post(op, 'action', { kind: 'note', text: 'after' }, 'after-000001')).status).toBe(503);
    await s.server.close();
    const before = readLogFile(s.logFile);
    expect(before.diagnostics).toEqual([]);
    expect(before.events.filter((e) => e.req?.startsWith('note-')).map((e) => e.req)).toEqual(acked);
    // The operator restarts with --resume; the refused action is retried with its id and stored once.
    const again = await serveDrill(input, { out, roles: ['operator'], speed: 1, resume: true });
    const aapi = (token: string) => `${again.server.url}/api/${token}`;
    const retry = await fetch(`${aapi(op)}/action`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': refused!.key }, body: JSON.stringify({ kind: 'note', text: 'retried' }) });
    expect(retry.status).toBe(200);
    await again.server.close();
    const after = readLogFile(s.logFile);
    expect(after.diagnostics).toEqual([]);
    expect(after.events.filter((e) => e.req?.startsWith('note-')).map((e) => e.req)).toEqual([...acked, refused!.key]);
  });

  it.skipIf(!asRoot)('a read-only file system is reported as such (EROFS), not as a missing folder', async () => {
    need();
    const ro = join(mnt, 'ro');
    mkdirSync(ro);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16k,ro', 'tmpfs', ro]);
    try {
      expect(() => DrillLog.open(join(ro, 'a', 'b', 'drill.jsonl'))).toThrow(/EROFS.*'[^']*\/ro\/a'/);
      await expect(serveDrill(loadLiveInput(SCENARIO).input!, { out: join(ro, 'out', 'x') })).rejects.toThrow(/EROFS/);
    } finally {
      execFileSync('umount', [ro]);
    }
  });
});
