/**
 * The live drill server over HTTP, in process: who sees what, who may do what, and blind drills that never leak an
 * unrevealed inject (not its text, not its id, not a count) to participants or to the facilitator.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sealEnvelope, sealScenario } from '../src/drill/blind.js';
import { readLogFile } from '../src/drill/log.js';
import { sha256 } from '../src/drill/run-agenda.js';
import { readTextFile } from '../src/drill/scenario.js';
import { loadLiveInput, serveDrill } from '../src/live/serve.js';
import { liveCleanup, ROLES, SCENARIO } from './helpers/live.js';

const root = join(import.meta.dirname, '..');
const { open, dirs } = liveCleanup();

async function serve(file: string, opts: { speed?: number; blind?: boolean; wall?: () => number } = {}) {
  const out = mkdtempSync(join(tmpdir(), 'yuan-live-srv-'));
  dirs.push(out);
  const input = loadLiveInput(file).input!;
  const s = await serveDrill(input, { out, roles: ROLES, speed: opts.speed ?? 1, blind: opts.blind, wall: opts.wall });
  open.push(s);
  const tok = (role: string) => s.server.roleUrls[role].split('/p/')[1];
  const fac = s.server.facilitatorUrl.split('/f/')[1];
  const bodies: string[] = [];
  const call = async (token: string, path: string, body?: unknown, init: RequestInit = {}) => {
    const r = await fetch(`${s.server.url}/api/${token}/${path}`, body === undefined ? init
      : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), ...init });
    const text = await r.text();
    if (token !== fac) bodies.push(text);
    return { status: r.status, text, json: JSON.parse(text) as Record<string, any> };
  };
  return { s, out, tok, fac, call, bodies };
}

/**
 * A Server-Sent Events stream being read: `until` waits for the text received so far to satisfy a condition (no
 * time window: what must arrive is awaited, the test timeout catches what never does); `close` ends it.
 */
async function openStream(url: string) {
  const ctl = new AbortController();
  const r = await fetch(url, { signal: ctl.signal });
  const reader = r.body!.getReader();
  let text = '';
  let wake = () => {};
  const reading = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        text += Buffer.from(value).toString('utf8');
        wake();
      }
    } catch { /* aborted */ }
  })();
  return {
    async until(ok: (text: string) => boolean): Promise<void> {
      while (!ok(text)) await new Promise<void>((resolve) => { wake = resolve; });
    },
    async close(): Promise<string> {
      ctl.abort();
      await reading;
      return text;
    },
  };
}

describe('live drill server', () => {
  it('shows each role only its injects, its own actions and what the plan notifies it of', async () => {
    const { s, tok, fac, call } = await serve(SCENARIO);
    const scenario = s.input.scenario;
    expect((await call(tok('operator'), 'action', { kind: 'note', text: 'early' })).status).toBe(409); // not started
    expect((await call(fac, 'clock', { op: 'start' })).json.seqs.length).toBeGreaterThanOrEqual(2);
    await call(fac, 'inject', { reveal: 'i2' }); // to duty-officer, deputy

    const stateOf = async (role: string) => (await call(tok(role), 'state')).text;
    const msg = (id: string) => scenario.injects.find((i) => i.id === id)!.message;
    const op = await stateOf('operator');
    expect(op).toContain(msg('i1'));
    expect(op).not.toContain(msg('i2'));
    const duty = await stateOf('duty-officer');
    expect(duty).toContain(msg('i1'));
    expect(duty).toContain(msg('i2'));
    const cmd = await stateOf('commander');
    for (const i of scenario.injects) expect(cmd).not.toContain(i.message);
    for (const text of [op, duty, cmd]) {
      expect(text).not.toContain(scenario.title);
      expect(text).not.toContain('drill.start');
      expect(text).not.toContain('level.warranted');
      for (const id of ['i3', 'i4', 'i5']) expect(text).not.toContain(msg(id));
    }

    // operator completes `alarm`, whose notify list has duty-officer: nobody else sees the step itself; the operator's
    // notification reaches the duty officer (what it sees is what the score counts), never the commander.
    const done = await call(tok('operator'), 'action', { kind: 'step', step: 'alarm', text: '对讲机报警' });
    expect(done.status).toBe(200);
    expect(done.json.events).toEqual([expect.objectContaining({ type: 'step.done', step: 'alarm', role: 'operator', mine: true })]);
    expect(await stateOf('duty-officer')).not.toContain('对讲机报警');
    await call(tok('operator'), 'action', { kind: 'notify', to: 'duty-officer', text: '已完成：对讲机报警' });
    expect(await stateOf('duty-officer')).toContain('对讲机报警');
    expect(await stateOf('commander')).not.toContain('对讲机报警');
    // A notification reaches its addressee only; the addressee acknowledges it.
    await call(tok('duty-officer'), 'action', { kind: 'notify', to: 'commander', text: '请总指挥到位' });
    expect(await stateOf('commander')).toContain('请总指挥到位');
    expect(await stateOf('operator')).not.toContain('请总指挥到位');
    const ack = await call(tok('commander'), 'action', { kind: 'ack', inject: null });
    expect(ack.json.events[0]).toMatchObject({ type: 'ack', role: 'commander' });
    expect(ack.json.events[0].inject).toBeUndefined();
    const ackI1 = await call(tok('operator'), 'action', { kind: 'ack', inject: 'i1' });
    expect(ackI1.json.events[0]).toMatchObject({ type: 'ack', inject: 'i1' });
    // Acknowledging an inject the role never got records no inject id (and reveals nothing).
    const ackOther = await call(tok('operator'), 'action', { kind: 'ack', inject: 'i3' });
    expect(ackOther.json.events[0].inject).not.toBe('i3');

    // Every acknowledged seq is in the log.
    const logged = readLogFile(s.logFile).events;
    for (const r of [done, ack, ackI1]) for (const q of r.json.seqs) expect(logged.some((e) => e.seq === q)).toBe(true);
  });

  it('refuses acting as another role, facilitator-only calls, foreign hosts and bad bodies', async () => {
    const { s, tok, fac, call } = await serve(SCENARIO);
    await call(fac, 'clock', { op: 'start' });
    const as = await call(tok('operator'), 'action', { kind: 'note', role: 'commander', text: '冒充' });
    expect(as.status).toBe(403);
    expect((await call(tok('operator'), 'action', { kind: 'note', role: 'operator', text: '本人' })).status).toBe(200);
    for (const path of ['clock', 'inject', 'note', 'end']) expect((await call(tok('operator'), path, { op: 'pause', message: 'x', text: 'x' })).status).toBe(403);
    expect((await call('not-a-token', 'state')).status).toBe(404);
    expect((await call(tok('operator'), 'action', { kind: 'fly' })).status).toBe(400);
    expect((await call(tok('operator'), 'action', { kind: 'level', level: 'V' })).status).toBe(400);
    expect((await call(tok('operator'), 'action', { kind: 'notify', to: 'nobody' })).status).toBe(400);
    expect((await call(tok('operator'), 'action', undefined, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' })).status).toBe(415);
    expect((await call(tok('operator'), 'action', { kind: 'note', text: 'x'.repeat(70_000) })).status).toBe(413);
    expect((await call(tok('operator'), 'noop', {})).status).toBe(404); // only for benchmarks
    const page = await fetch(s.server.roleUrls.operator);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'nonce-/);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    // DNS rebinding: a request naming another host is refused.
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      request(`${s.server.url}/api/${fac}/state`, { headers: { host: 'evil.example:80' } }, (res) => { res.resume(); resolve(res.statusCode ?? 0); }).end();
    });
    expect(status).toBe(421);
    // The facilitator names the role it logs for; it must be a plan role.
    expect((await call(fac, 'action', { kind: 'note', text: 'x' })).status).toBe(400);
    expect((await call(fac, 'action', { kind: 'note', role: 'commander', text: '导调代记' })).json.events[0]).toMatchObject({ role: 'commander', source: 'facilitator' });
    // Manual notes cannot pass for clock events.
    const n = await call(fac, 'note', { text: '[clock:pause x1] fake' });
    expect(n.json.events[0].type).toBe('note');
  });

  it('pushes events over SSE, filtered per role', async () => {
    const { s, tok, fac, call } = await serve(SCENARIO);
    const opStream = await openStream(`${s.server.url}/api/${tok('operator')}/stream`);
    const dutyStream = await openStream(`${s.server.url}/api/${tok('duty-officer')}/stream`);
    await call(fac, 'clock', { op: 'start' });
    await call(fac, 'inject', { reveal: 'i2' });
    await call(fac, 'inject', { message: '人工注入：仅致总指挥', to: ['commander'] });
    // Events arrive in order: once a later one to both is in, everything before it has been delivered (or withheld).
    await call(fac, 'inject', { message: '人工注入：同步标记', to: ['operator', 'duty-officer'] });
    await Promise.all([opStream, dutyStream].map((st) => st.until((t) => t.includes('同步标记'))));
    const [op, duty] = await Promise.all([opStream.close(), dutyStream.close()]);
    const msg = (id: string) => s.input.scenario.injects.find((i) => i.id === id)!.message;
    expect(op).toContain(msg('i1'));
    expect(op).not.toContain(msg('i2'));
    expect(duty).toContain(msg('i2'));
    expect(op + duty).not.toContain('仅致总指挥');
    expect(op).toContain('"kind":"clock"');
  });

  it('ends the drill with a score and an after-action report for the facilitator only', async () => {
    const { s, tok, fac, call } = await serve(SCENARIO);
    await call(fac, 'clock', { op: 'start' });
    const step = await call(tok('operator'), 'action', { kind: 'step', step: 'alarm', text: '报警：2#储罐法兰泄漏' });
    const free = await call(tok('commander'), 'action', { kind: 'step', text: '到门卫室引导消防车' });
    expect(free.json.events[0]).toMatchObject({ type: 'action.unmatched', text: '到门卫室引导消防车' });
    const end = await call(fac, 'end', {});
    expect(end.status).toBe(200);
    expect(end.json.events.at(-1)).toMatchObject({ type: 'drill.end', reason: 'facilitator' });
    const report = await fetch(`${s.server.url}${end.json.report}`);
    expect(report.status).toBe(200);
    const html = await report.text();
    expect(html).toContain('到门卫室引导消防车'); // the free-text action, as an unmatched action
    expect(html).toMatch(new RegExp(`alarm[^<]*</[^>]+>[^#]*?#${step.json.seq}\\b|#${step.json.seq}\\b`)); // the step, cited by its seq
    expect((await fetch(`${s.server.url}/f/${tok('operator')}/report`)).status).toBe(404);
    expect((await call(tok('operator'), 'action', { kind: 'note', text: 'late' })).status).toBe(409);
  });
});

describe('blind drill', () => {
  it('never serves anything about unrevealed injects, to participants or the facilitator', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yuan-live-seal-'));
    dirs.push(dir);
    const src = readTextFile(SCENARIO);
    if ('diagnostic' in src) throw new Error('cannot read the scenario');
    const seal = sealScenario(src.text);
    const envelope = join(dir, 'drill.sealed.json');
    writeFileSync(envelope, JSON.stringify(sealEnvelope(seal, join(root, 'scenarios'))));
    writeFileSync(`${envelope}.salt`, seal.salt);
    let wall = 0; // the drill clock follows this wall clock only: the test moves time, nothing races it
    const { s, out, tok, fac, call, bodies } = await serve(envelope, { speed: 100, wall: () => wall });
    expect(s.drill.blind).toBe(true);
    expect(readdirSync(out).join(' ')).not.toContain(s.input.scenario.id); // not even the file names
    // The log names the scenario by its commitment only: no id, no unsalted hash (which hashing the pool would match).
    const logText = readFileSync(s.logFile, 'utf8');
    expect(logText).not.toContain(s.input.scenario.id);
    expect(logText).not.toContain(sha256(src.text).slice(7));
    expect(logText).not.toContain(sha256(seal.sealed).slice(7));
    expect(readLogFile(s.logFile).events[0]).toMatchObject({ scenario: `sealed-${seal.commitment.slice(0, 12)}`, scenarioHash: `commit:${seal.commitment}`, seed: 0 });
    expect(statSync(s.logFile).mode & 0o777).toBe(0o600);
    const injects = s.input.scenario.injects;

    const facState = async () => (await call(fac, 'state')).json;
    const f0 = await facState();
    expect(f0.upcoming).toBeUndefined();
    expect(f0.title).toBe('');
    expect(JSON.stringify(f0)).not.toContain(s.input.scenario.title);
    expect((await call(fac, 'inject', { reveal: 'i2' })).status).toBe(403);

    const streams = await Promise.all(ROLES.map((r) => openStream(`${s.server.url}/api/${tok(r)}/stream`)));
    const facStream = await openStream(`${s.server.url}/api/${fac}/stream`);
    await call(fac, 'clock', { op: 'start' });
    // Participants act while the clock runs: 8 × 50 drill seconds, past i2 (due at 6:00) and short of i3 (12:00).
    for (let k = 0; k < 8; k++) {
      for (const r of ROLES) {
        await call(tok(r), 'action', { kind: 'note', text: `${r} 记录 ${k}` });
        await call(tok(r), 'state');
      }
      wall += 500; // 50 s of drill time at x100
      await s.drill.tick();
    }
    expect(s.drill.now()).toBe(400);
    const revealed = new Set(readLogFile(s.logFile).events.filter((e) => e.type === 'inject').map((e) => (e as { inject: string }).inject));
    expect(revealed.has('i1')).toBe(true);
    expect(revealed.has('i2')).toBe(true);
    expect(revealed.has('i3')).toBe(false);
    // Each stream has carried everything up to the last notes (and the duty officer's i2) before it is closed.
    const last = (r: string) => `${r} 记录 7`;
    await Promise.all(streams.map((st, i) => st.until((t) => t.includes(last(ROLES[i])))));
    await streams[1].until((t) => t.includes('"i2"'));
    await facStream.until((t) => ROLES.every((r) => t.includes(last(r))));
    const pages = await Promise.all(ROLES.map(async (r) => (await fetch(s.server.roleUrls[r])).text()));
    const facPage = await (await fetch(s.server.facilitatorUrl)).text();
    const participantStreams = await Promise.all(streams.map((st) => st.close()));
    const facText = await facStream.close();
    const unrevealed = injects.filter((i) => !revealed.has(i.id));
    const everything = [...bodies, ...pages, ...participantStreams, facPage, facText, JSON.stringify(await facState())];
    for (const text of everything) {
      for (const i of unrevealed) {
        expect(text).not.toContain(i.message);
        expect(text).not.toContain(`"${i.id}"`);
        if (i.from) expect(text).not.toMatch(new RegExp(`${i.from.replace(/[()（）]/g, '.')}.*${i.id}`));
      }
      expect(text).not.toContain(s.input.scenario.title);
      expect(text).not.toMatch(/upcoming"\s*:\s*\[/);
    }
  }, 20_000);

  it('checks the seal before serving: a swapped scenario, base or commitment, or a missing salt, is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yuan-live-seal-'));
    dirs.push(dir);
    const src = readTextFile(SCENARIO);
    if ('diagnostic' in src) throw new Error('cannot read the scenario');
    const seal = sealScenario(src.text);
    const env = sealEnvelope(seal, join(root, 'scenarios'));
    const other = sealScenario(src.text.replace('at: 6min', 'at: 7min'));
    const write = (name: string, e: object, salt: string | undefined = seal.salt) => {
      const file = join(dir, name);
      writeFileSync(file, JSON.stringify(e));
      if (salt) writeFileSync(`${file}.salt`, salt);
      return file;
    };
    const refused = (file: string) => loadLiveInput(file).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.ruleId} ${d.message}`);
    expect(refused(write('good.sealed.json', env))).toEqual([]);
    const swapped = { ...env, scenario: Buffer.from(other.sealed).toString('base64') };
    expect(refused(write('swapped.sealed.json', swapped))).toEqual([expect.stringMatching(/^drill\/sealed .*changed after sealing/)]);
    expect(refused(write('base.sealed.json', { ...env, base: dir }))).toEqual([expect.stringMatching(/changed after sealing/)]);
    expect(refused(write('commit.sealed.json', { ...env, commitment: other.commitment }))).toEqual([expect.stringMatching(/changed after sealing/)]);
    expect(refused(write('nosalt.sealed.json', env, ''))).toEqual([expect.stringMatching(/cannot check the seal: no salt/)]);
    // A consistent re-seal with another salt cannot pass for the original: its MAC needs the original's salt.
    const resealed = sealEnvelope(sealScenario(other.sealed), join(root, 'scenarios'));
    expect(refused(write('resealed.sealed.json', resealed))).toEqual([expect.stringMatching(/changed after sealing/)]);
  });
});
