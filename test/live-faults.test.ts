/**
 * The live drill under faults, in process: a disk that fills up or fails an fsync mid-drill (injected through the
 * log's file operations), acknowledgements strictly after the fsync that covers them, and retried requests (a lost
 * acknowledgement) stored once — also after a restart.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScriptedFs } from '../src/drill/log-fs.test-helper.js';
import { readLogFile } from '../src/drill/log.js';
import { loadDrill } from '../src/drill/scenario.js';
import { scoreDrill } from '../src/score/index.js';
import { LiveDrill } from '../src/live/drill.js';
import { loadLiveInput, serveDrill } from '../src/live/serve.js';
import { liveCleanup, ROLES, SCENARIO } from './helpers/live.js';

const { open, dirs } = liveCleanup();

const tmp = () => { const d = mkdtempSync(join(tmpdir(), 'yuan-live-faults-')); dirs.push(d); return d; };

async function serve(out: string, opts: { fs?: ScriptedFs; resume?: boolean } = {}) {
  const input = loadLiveInput(SCENARIO).input!;
  const s = await serveDrill(input, { out, roles: ROLES, speed: 1, fs: opts.fs, resume: opts.resume });
  open.push(s);
  const tok = (role: string) => s.server.roleUrls[role].split('/p/')[1];
  const fac = s.server.facilitatorUrl.split('/f/')[1];
  const call = async (token: string, path: string, body: unknown, key?: string) => {
    const r = await fetch(`${s.server.url}/api/${token}/${path}`, {
      method: 'POST', body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
    });
    return { status: r.status, json: await r.json() as Record<string, any> };
  };
  return { s, tok, fac, call };
}

describe('acknowledgements follow the fsync', () => {
  it('resolves every request only after an fsync that came after its write (the group commit cannot skip it)', async () => {
    const d = loadDrill(SCENARIO);
    const fs = new ScriptedFs();
    const drill = await LiveDrill.open({ plan: d.plan!, scenario: d.scenario!, log: join(tmp(), 'order.jsonl'), scenarioSource: d.source, fs, tickMs: 60_000 });
    await drill.start();
    const acks = Array.from({ length: 12 }, (_, i) => drill.act({ role: ROLES[i % 3], kind: 'note', text: `n${i}` }, 'participant')
      .then((events) => fs.note(`ack ${events.map((e) => e.seq).join(',')}`)));
    await Promise.all(acks);
    await drill.close();
    // Walk the journal: an ack may only name seqs written before the last fsync seen so far.
    let written = 0;
    let synced = 0;
    let seq = 0;
    for (const j of fs.journal) {
      if (j.startsWith('write ')) written = ++seq; // one write per line (no short writes here)
      else if (j === 'fsync') synced = written;
      else if (j.startsWith('ack ')) for (const s of j.slice(4).split(',').map(Number)) expect(s).toBeLessThanOrEqual(synced);
    }
    expect(fs.journal.filter((j) => j.startsWith('ack '))).toHaveLength(12);
    expect(fs.journal.filter((j) => j === 'fsync').length).toBeGreaterThan(0);
  });
});

describe('a failing disk under the live server', () => {
  it('ENOSPC in the middle of a request: 503 with the cause, the request stored not at all, every later request refused', async () => {
    const out = tmp();
    let full = false;
    const fs = new ScriptedFs({ write: () => (full ? { error: 'ENOSPC' } : undefined) });
    const { s, tok, fac, call } = await serve(out, { fs });
    expect((await call(fac, 'clock', { op: 'start' })).status).toBe(200);
    const before = await call(tok('operator'), 'action', { kind: 'step', step: 'alarm' }, 'ack-before-full');
    expect(before.status).toBe(200);
    // A manual inject with facts logs two events (inject, level.warranted): the disk fills after the first.
    let writes = 0;
    fs.faults = { write: () => (++writes === 2 ? { error: 'ENOSPC' } : undefined) };
    const r = await call(fac, 'inject', { message: '泄漏扩大', facts: { leak_kg: 900 } }, 'inject-when-full');
    expect(r.status).toBe(503);
    expect(r.json.error).toMatch(/ENOSPC/);
    expect(r.json.error).toMatch(/--resume/);
    full = true;
    fs.faults = {}; // space is back, but nothing is accepted until the operator restarts
    expect((await call(tok('commander'), 'action', { kind: 'note', text: 'later' })).status).toBe(503);
    expect((await call(fac, 'note', { text: 'later' })).status).toBe(503);
    await s.server.close();
    open.length = 0;
    const read = readLogFile(s.logFile);
    expect(read.diagnostics).toEqual([]);
    expect(read.events.filter((e) => e.type === 'level.warranted' && e.facts.leak_kg === 900)).toEqual([]);
    expect(read.events.filter((e) => e.type === 'inject' && e.message === '泄漏扩大')).toEqual([]);
    expect(read.events.filter((e) => e.req === 'ack-before-full').map((e) => e.seq)).toEqual(before.json.seqs);
    // The operator restarts with --resume; the client retries the failed request with its id: stored once, now.
    const again = await serve(out, { resume: true });
    const retried = await again.call(again.fac, 'inject', { message: '泄漏扩大', facts: { leak_kg: 900 } }, 'inject-when-full');
    expect(retried.status).toBe(200);
    expect(retried.json.replayed).toBeUndefined();
    expect(retried.json.events.map((e: { type: string }) => e.type)).toEqual(['inject', 'level.warranted']);
  });

  it('EIO on fsync: requests waiting for it get 503, and nothing they sent is acknowledged', async () => {
    const out = tmp();
    const fs = new ScriptedFs();
    const { s, tok, fac, call } = await serve(out, { fs });
    expect((await call(fac, 'clock', { op: 'start' })).status).toBe(200);
    fs.faults = { fsync: () => 'EIO' };
    const rs = await Promise.all(ROLES.map((r) => call(tok(r), 'action', { kind: 'note', text: `${r} 记录` })));
    expect(rs.map((r) => r.status)).toEqual([503, 503, 503]);
    expect(rs[0].json.error).toMatch(/fsync.*EIO/);
    expect(s.drill.stopped?.message).toMatch(/EIO/);
  });
});

describe('idempotent requests (Idempotency-Key)', () => {
  it('the organiser\'s requests too: clock and schedule retries are stored once (also after a restart), a reorder whole or not at all', async () => {
    const out = tmp();
    let writes = 0;
    const fs = new ScriptedFs();
    const { s, fac, call } = await serve(out, { fs });
    const start = await call(fac, 'clock', { op: 'start' }, 'clock-start-01');
    expect((await call(fac, 'clock', { op: 'start' }, 'clock-start-01')).json).toMatchObject({ replayed: true, seqs: start.json.seqs });
    const edit = await call(fac, 'schedule', { inject: 'i3', at: 600, message: '提前：泄漏扩大' }, 'edit-i3-0001');
    expect(edit.status).toBe(200);
    expect((await call(fac, 'schedule', { inject: 'i3', at: 600, message: '提前：泄漏扩大' }, 'edit-i3-0001')).json).toMatchObject({ replayed: true, seqs: edit.json.seqs });
    // A reorder moves three injects (three schedule events): the disk fills at the second one.
    fs.faults = { write: () => (++writes === 2 ? { error: 'ENOSPC' } : undefined) };
    const reorder = await call(fac, 'schedule', { reorder: ['i5', 'i4', 'i3', 'i2'] }, 'reorder-00001');
    expect(reorder.status).toBe(503);
    expect(reorder.json.error).toMatch(/ENOSPC/);
    await s.server.close();
    open.length = 0;
    const read = readLogFile(s.logFile);
    expect(read.diagnostics).toEqual([]);
    expect(read.events.filter((e) => e.req === 'reorder-00001')).toEqual([]); // not one of its three events
    expect(read.events.filter((e) => e.req === 'edit-i3-0001').map((e) => e.seq)).toEqual(edit.json.seqs);
    expect(read.events.filter((e) => e.req === 'clock-start-01').map((e) => e.seq)).toEqual(start.json.seqs);
    // After the restart: the edit's retry is answered from the log; the reorder, never stored, now runs once.
    const again = await serve(out, { resume: true });
    expect((await again.call(again.fac, 'schedule', { inject: 'i3', at: 600, message: '提前：泄漏扩大' }, 'edit-i3-0001')).json)
      .toMatchObject({ replayed: true, seqs: edit.json.seqs });
    const retried = await again.call(again.fac, 'schedule', { reorder: ['i5', 'i4', 'i3', 'i2'] }, 'reorder-00001');
    expect(retried.status).toBe(200);
    expect(retried.json.replayed).toBeUndefined();
    expect((await again.call(again.fac, 'schedule', { reorder: ['i5', 'i4', 'i3', 'i2'] }, 'reorder-00001')).json.replayed).toBe(true);
    await again.s.server.close();
    open.length = 0;
    const after = readLogFile(s.logFile).events;
    expect(after.filter((e) => e.type === 'schedule' && e.req === 'edit-i3-0001')).toHaveLength(1);
    expect(after.filter((e) => e.req === 'reorder-00001').map((e) => e.seq)).toEqual(retried.json.seqs);
  });

  it('a retry after a lost answer gets the original answer and stores nothing new, even after a restart', async () => {
    const out = tmp();
    const { s, tok, fac, call } = await serve(out);
    await call(fac, 'clock', { op: 'start' });
    const body = { kind: 'step', step: 'alarm', text: '报警' };
    const first = await call(tok('operator'), 'action', body, 'k-0123456789');
    const retry = await call(tok('operator'), 'action', body, 'k-0123456789');
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.json.replayed).toBe(true);
    expect(retry.json.seqs).toEqual(first.json.seqs);
    // Concurrent duplicates (a double click) share one execution.
    const [a, b] = await Promise.all([1, 2].map(() => call(tok('duty-officer'), 'action', { kind: 'step', step: 'assess' }, 'k-double-click')));
    expect(a.json.seqs).toEqual(b.json.seqs);
    // Another client presenting the id gets a conflict, not the answer; a malformed id is refused.
    expect((await call(tok('commander'), 'action', body, 'k-0123456789')).status).toBe(409);
    expect((await call(tok('operator'), 'action', body, 'bad key!')).status).toBe(400);
    await s.server.close();
    open.length = 0;
    const again = await serve(out, { resume: true });
    const late = await again.call(again.tok('operator'), 'action', body, 'k-0123456789');
    expect(late.json).toMatchObject({ replayed: true, seqs: first.json.seqs });
    await again.s.server.close();
    open.length = 0;
    const events = readLogFile(s.logFile).events;
    expect(events.filter((e) => e.type === 'step.done' && e.step === 'alarm')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'step.done' && e.step === 'assess')).toHaveLength(1);
    const d = loadDrill(SCENARIO);
    expect(scoreDrill(d.plan!, events, { scenario: d.scenario! }).gaps.map((g) => g.kind)).not.toContain('duplicated');
  });
});
