/**
 * Durability: the live drill server, as a child process (`node dist/cli/yuan.js drill serve`, built by
 * test/global-setup.ts before the tests), is killed with SIGKILL mid-drill — requests in flight — and restarted with
 * `--resume`. Nothing acknowledged is lost or duplicated, numbering goes on without gaps, the links still work and
 * the drill clock resumes from where the log stopped (downtime not counted).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readLogFile } from '../src/drill/log.js';
import type { DrillEvent } from '../src/drill/types.js';

const root = join(import.meta.dirname, '..');
const ENTRY = join(root, 'dist/cli/yuan.js');
const SCENARIO = join(root, 'scenarios/leak-escalation-iv-to-ii.yaml');
const SPEED = 10;

interface Started { child: ChildProcess; info: { url: string; facilitator: string; roles: Record<string, string>; log: string; resumed: boolean; clock: { t: number; running: boolean } } }

const children: ChildProcess[] = [];
const out = mkdtempSync(join(tmpdir(), 'yuan-live-kill-'));
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmSync(out, { recursive: true, force: true });
});

function start(extra: string[] = []): Promise<Started> {
  const child = spawn(process.execPath, [ENTRY, 'drill', 'serve', SCENARIO, '--out', out, '--json', '--speed', String(SPEED), '--roles', 'operator,duty-officer,commander', '--no-qr', ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let buf = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 45_000);
    child.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      const nl = buf.indexOf('\n');
      if (nl < 0) return;
      clearTimeout(timer);
      resolve({ child, info: JSON.parse(buf.slice(0, nl)) });
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited (${code}): ${err}`)); });
  });
}

const exited = (c: ChildProcess) => (c.exitCode !== null || c.signalCode !== null ? Promise.resolve() : new Promise((r) => c.once('exit', r)));
const api = (url: string) => url.replace('/p/', '/api/').replace('/f/', '/api/');
async function post(url: string, body: unknown): Promise<{ status: number; json: Record<string, any> }> {
  const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: r.status, json: await r.json() as Record<string, any> };
}

interface Acked { seq: number; t: number; text: string; role: string }

describe('kill -9 and --resume', () => {
  it('loses nothing acknowledged and resumes the clock', async () => {
    const t0 = performance.now();
    const first = await start();
    const firstStartup = performance.now() - t0;
    expect(first.info.resumed).toBe(false);
    const fac = api(first.info.facilitator);
    expect((await post(`${fac}/clock`, { op: 'start' })).status).toBe(200);
    const acked: Acked[] = [];
    const act = async (role: string, text: string) => {
      const r = await post(`${api(first.info.roles[role])}/action`, { kind: 'note', text });
      if (r.status === 200) acked.push({ seq: r.json.seq, t: r.json.events[0].t, text, role });
      return r;
    };
    for (let i = 0; i < 30; i++) await act(i % 2 ? 'operator' : 'duty-officer', `before-${i}`);
    // A burst in flight when the server dies: whatever was acknowledged must survive.
    const burst = Array.from({ length: 40 }, (_, i) => act(['operator', 'duty-officer', 'commander'][i % 3], `burst-${i}`).catch(() => undefined));
    await new Promise((r) => setTimeout(r, 15));
    const killedAt = performance.now();
    first.child.kill('SIGKILL');
    await Promise.all(burst);
    await exited(first.child);
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(acked.length).toBeGreaterThanOrEqual(30);

    const check = (events: DrillEvent[]) => {
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      for (const a of acked) {
        const same = events.filter((e) => e.type === 'note' && e.text === a.text);
        expect(same).toHaveLength(1);
        expect(same[0]).toMatchObject({ seq: a.seq, role: a.role, source: 'participant' });
      }
    };
    const afterKill = readLogFile(first.info.log);
    expect(afterKill.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    check(afterKill.events);
    const lastT = Math.max(...afterKill.events.map((e) => e.t));
    expect(lastT).toBeGreaterThanOrEqual(Math.max(...acked.map((a) => a.t)));

    // Down for a while, longer than a startup takes here (so counting the downtime, wrongly, cannot hide in the bound
    // below): no time limit is asserted, only drill time against the wall time each process was up, as measured.
    await new Promise((r) => setTimeout(r, 1500 + 2 * firstStartup - (performance.now() - killedAt)));
    const spawnedAt = performance.now();
    const second = await start(['--resume']);
    const upTo = (at: number) => ((at - spawnedAt) / 1000) * SPEED + 0.001; // drill seconds the new process can have run
    expect(second.info.resumed).toBe(true);
    expect(second.info.roles).toEqual(Object.fromEntries(Object.entries(first.info.roles).map(([r, u]) => [r, u.replace(first.info.url, second.info.url)])));
    expect(second.info.clock.running).toBe(true);
    expect(second.info.clock.t).toBeGreaterThanOrEqual(lastT);
    expect(second.info.clock.t - lastT).toBeLessThanOrEqual(upTo(performance.now())); // its own uptime only, no downtime

    // The same links work; drill time goes on from there.
    const more: Acked[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await post(`${api(second.info.roles.operator)}/action`, { kind: 'note', text: `after-${i}` });
      expect(r.status).toBe(200);
      more.push({ seq: r.json.seq, t: r.json.events[0].t, text: `after-${i}`, role: 'operator' });
    }
    expect(more[0].t).toBeGreaterThanOrEqual(lastT);
    expect(more.at(-1)!.t - lastT).toBeLessThanOrEqual(upTo(performance.now()));
    expect(more[0].seq).toBeGreaterThan(afterKill.events.at(-1)!.seq);
    const state = await (await fetch(`${api(second.info.facilitator)}/state`)).json() as { clock: { running: boolean } };
    expect(state.clock.running).toBe(true);

    second.child.kill('SIGTERM');
    await exited(second.child);
    const final = readLogFile(first.info.log);
    acked.push(...more);
    check(final.events);
    const recover = final.events.filter((e) => e.type === 'note' && e.text.startsWith('[clock:recover'));
    expect(recover).toHaveLength(1);
    expect(recover[0].t).toBe(lastT);
  }, 60_000);
});
