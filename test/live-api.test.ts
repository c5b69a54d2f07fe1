/**
 * The organiser's API over HTTP, in process: the situation board, changing upcoming injects (edit, skip, reorder —
 * never in a blind drill), the read-only projector token, the report before the end, and the event stream resuming
 * from `Last-Event-ID` with exactly the events missed. The drill's time is driven by the test (no ticker, a wall clock
 * it moves), never waited for.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get as httpsGet } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadLiveInput, serveDrill, type ServedDrill } from '../src/live/serve.js';

const SCENARIO = join(import.meta.dirname, '../scenarios/leak-escalation-iv-to-ii.yaml');
const ROLES = ['operator', 'duty-officer', 'deputy', 'commander'];

const open: ServedDrill[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.server.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function serve(opts: { blind?: boolean } = {}) {
  const out = mkdtempSync(join(tmpdir(), 'yuan-live-api-'));
  dirs.push(out);
  let wall = 0;
  const s = await serveDrill(loadLiveInput(SCENARIO).input!, { out, roles: ROLES, speed: 1, blind: opts.blind, tickMs: 2_000_000_000, wall: () => wall, silentAfter: 60 });
  open.push(s);
  const token = (url: string, mark: string) => url.split(mark)[1];
  const fac = token(s.server.facilitatorUrl, '/f/');
  const proj = token(s.server.projectorUrl, '/x/');
  const role = (r: string) => token(s.server.roleUrls[r], '/p/');
  const call = async (tok: string, path: string, body?: unknown) => {
    const r = await fetch(`${s.server.url}/api/${tok}/${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: r.status, json: await r.json() as Record<string, any> };
  };
  /** Moves drill time to `t` seconds and lets the engine catch up. */
  const to = async (t: number) => { wall = t * 1000; await s.drill.tick(); };
  return { s, fac, proj, role, call, to };
}

describe('organiser API', () => {
  it('edits, skips and reorders upcoming injects; the board follows; a blind drill refuses', async () => {
    const { s, fac, role, call, to } = await serve();
    await call(fac, 'clock', { op: 'start' });
    const ids = (r: { json: Record<string, any> }) => (r.json.upcoming as { id: string; at: number }[]).map((i) => [i.id, i.at]);
    expect(ids(await call(fac, 'board'))).toEqual([['i2', 360], ['i3', 720], ['i4', 1500], ['i5', 2400]]);
    expect((await call(fac, 'schedule', { inject: 'i2', at: 30, message: '提前：泄漏扩大', to: ['deputy'] })).status).toBe(200);
    expect((await call(fac, 'schedule', { inject: 'i4', skip: true })).status).toBe(200);
    expect((await call(fac, 'schedule', { reorder: ['i5', 'i3', 'i2'] })).status).toBe(200);
    expect(ids(await call(fac, 'board'))).toEqual([['i5', 30], ['i3', 720], ['i2', 2400]]);
    expect((await call(fac, 'schedule', { reorder: ['i3', 'i2'] })).status).toBe(400);
    expect((await call(fac, 'schedule', { inject: 'nope', at: 1 })).status).toBe(404);
    expect((await call(role('operator'), 'schedule', { inject: 'i3', skip: true })).status).toBe(403);
    await to(40);
    const board = (await call(fac, 'board')).json.board as { nextInjectAt: number; acks: { inject: string }[] };
    expect(board.acks.map((a) => a.inject)).toEqual(['i1', 'i5']);
    expect(board.nextInjectAt).toBe(720);
    expect(s.drill.events.filter((e) => e.type === 'schedule').map((e) => e.type === 'schedule' && [e.inject, e.op, e.at])).toEqual([
      ['i2', 'edit', 30], ['i4', 'skip', undefined], ['i5', 'edit', 30], ['i2', 'edit', 2400],
    ]);

    const blind = await serve({ blind: true });
    await blind.call(blind.fac, 'clock', { op: 'start' });
    expect((await blind.call(blind.fac, 'board')).json.upcoming).toBeUndefined();
    expect((await blind.call(blind.fac, 'board')).json.board.nextInjectAt).toBeUndefined();
    expect((await blind.call(blind.fac, 'schedule', { inject: 'i2', skip: true })).status).toBe(403);
  });

  it('the projector token only reads: the board and the clock, never the scenario; participants cannot read the board', async () => {
    const { s, proj, role, call, to } = await serve();
    const state = await call(proj, 'state');
    expect(Object.keys(state.json).sort()).toEqual(['board', 'clock', 'levels', 'title']);
    expect(JSON.stringify(state.json)).not.toContain(s.input.scenario.injects[1].message);
    expect((await call(proj, 'action', { kind: 'note', role: 'operator', text: 'x' })).status).toBe(403);
    expect((await call(proj, 'clock', { op: 'start' })).status).toBe(403);
    expect((await call(role('operator'), 'board')).status).toBe(403);
    expect((await call(proj, 'board')).status).toBe(200);
    await to(0);
    const page = await fetch(s.server.projectorUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).not.toContain(s.input.scenario.injects[0].message);
  });

  it('flags a told role silent on the board once it has not acted for the threshold', async () => {
    const { fac, role, call, to } = await serve();
    await call(fac, 'clock', { op: 'start' });
    await call(role('operator'), 'action', { kind: 'ack' });
    await to(59);
    const silent = async () => ((await call(fac, 'board')).json.board.roles as { id: string; silent: boolean }[]).filter((r) => r.silent).map((r) => r.id);
    expect(await silent()).toEqual([]);
    await to(61);
    expect(await silent()).toEqual(['duty-officer', 'operator']); // i1 went to both at 0; the operator acked at 0
  });

  it('a stream reconnecting with Last-Event-ID gets exactly the events it missed', async () => {
    const { s, fac, role, call, to } = await serve();
    await call(fac, 'clock', { op: 'start' });
    const seen = s.drill.events[s.drill.events.length - 1].seq;
    await call(role('duty-officer'), 'action', { kind: 'note', text: '错过的记录一' });
    await to(360); // i2 to duty-officer and deputy
    const ctl = new AbortController();
    const r = await fetch(`${s.server.url}/api/${role('duty-officer')}/stream`, { headers: { 'last-event-id': String(seen) }, signal: ctl.signal });
    const reader = r.body!.getReader();
    let text = '';
    while (!text.includes('"kind":"events"')) text += Buffer.from((await reader.read()).value!).toString('utf8');
    while (!/"kind":"events".*\n\n/s.test(text)) text += Buffer.from((await reader.read()).value!).toString('utf8');
    ctl.abort();
    const frame = text.split('\n\n').find((f) => f.includes('"kind":"events"'))!;
    const events = (JSON.parse(frame.split('\n').find((l) => l.startsWith('data: '))!.slice(6)) as { events: { seq: number; type: string; inject?: string; text?: string }[] }).events;
    expect(events.every((e) => e.seq > seen)).toBe(true);
    expect(events.map((e) => e.type === 'inject' ? `inject ${e.inject}` : `${e.type} ${e.text ?? ''}`.trim())).toEqual(['note 错过的记录一', 'inject i2']);
    expect(frame).toMatch(new RegExp(`^id: ${s.drill.events[s.drill.events.length - 1].seq}$`, 'm'));
    expect(text).not.toContain('"kind":"snapshot"');
  });

  it('the report is not there before the end', async () => {
    const { s } = await serve();
    expect((await fetch(`${s.server.facilitatorUrl}/report.pdf`)).status).toBe(409);
    expect((await fetch(`${s.server.facilitatorUrl}/report`)).status).toBe(409);
  });
});

describe('TLS (--tls-cert / --tls-key)', () => {
  it('serves https at the LAN address with the given certificate, and the links say https', async () => {
    const out = mkdtempSync(join(tmpdir(), 'yuan-live-tls-'));
    dirs.push(out);
    // A throwaway self-signed certificate for 127.0.0.2 (test/fixtures; never a secret).
    const fixtures = join(import.meta.dirname, 'fixtures');
    const s = await serveDrill(loadLiveInput(SCENARIO).input!, {
      out, roles: ROLES, host: '127.0.0.2', tlsCert: join(fixtures, 'tls-127.0.0.2.crt'), tlsKey: join(fixtures, 'tls-127.0.0.2.key'), tickMs: 2_000_000_000,
    });
    open.push(s);
    expect(s.server.url).toMatch(/^https:\/\/127\.0\.0\.2:\d+$/);
    const ca = readFileSync(join(fixtures, 'tls-127.0.0.2.crt'));
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpsGet(s.server.facilitatorUrl, { ca }, (res) => { res.resume(); resolve(res.statusCode ?? 0); });
      req.on('error', reject);
    });
    expect(status).toBe(200);
    await expect(loadTlsFails()).rejects.toThrow(/--tls-key/);
  });
});

/** serveDrill refuses half a key pair. */
async function loadTlsFails(): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), 'yuan-live-tls-'));
  dirs.push(out);
  await serveDrill(loadLiveInput(SCENARIO).input!, { out, roles: ROLES, tlsCert: 'x.crt', tickMs: 2_000_000_000 });
}
