/**
 * The live server's defences at the HTTP level, over raw sockets: bodies refused from their headers before a byte of
 * them is read, a cap on open connections, and deadlines that close a connection trickling its headers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HttpLimits } from '../src/live/http-guard.js';
import { loadLiveInput, serveDrill, type ServedDrill } from '../src/live/serve.js';

const SCENARIO = join(import.meta.dirname, '../scenarios/leak-escalation-iv-to-ii.yaml');
const open: ServedDrill[] = [];
const sockets: Socket[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  for (const s of open.splice(0)) await s.server.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function serve(limits: Partial<HttpLimits> = {}) {
  const out = mkdtempSync(join(tmpdir(), 'yuan-live-http-'));
  dirs.push(out);
  const s = await serveDrill(loadLiveInput(SCENARIO).input!, { out, roles: ['operator'], limits });
  open.push(s);
  return { s, fac: s.server.facilitatorUrl.split('/f/')[1] };
}

/** A raw connection: what it received, and a promise for its end (closed by the server). */
function raw(port: number): { socket: Socket; received: () => string; closed: Promise<void>; ready: Promise<void> } {
  const socket = connect(port, '127.0.0.1');
  sockets.push(socket);
  let text = '';
  socket.on('data', (d) => { text += d.toString('latin1'); });
  socket.on('error', () => { /* reset by the server */ });
  return {
    socket,
    received: () => text,
    closed: new Promise((resolve) => socket.on('close', () => resolve())),
    ready: new Promise((resolve) => socket.on('connect', () => resolve())),
  };
}

const head = (port: number, token: string, headers: Record<string, string>, what = 'note', host = `127.0.0.1:${port}`) =>
  `POST /api/${token}/${what} HTTP/1.1\r\nHost: ${host}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;

describe('live server HTTP limits', () => {
  it('refuses a body from its headers alone: too large (413) or not JSON (415), then closes without reading it', async () => {
    const { s, fac } = await serve();
    for (const [headers, status] of [
      [{ 'content-type': 'application/json', 'content-length': String(100 * 1024 * 1024) }, 413],
      [{ 'content-type': 'text/plain', 'content-length': String(100 * 1024 * 1024) }, 415],
    ] as const) {
      const c = raw(s.server.port);
      await c.ready;
      c.socket.write(head(s.server.port, fac, headers)); // and not one byte of the 100 MB body
      await c.closed;
      expect(c.received()).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
      expect(c.received()).toMatch(/connection: close/i);
    }
  });

  it('answers every refusal that comes before the body (projector, unknown token, wrong host, schedule) and closes without reading it', async () => {
    const { s, fac } = await serve();
    const projector = s.server.projectorUrl.split('/x/')[1];
    const big = { 'content-length': String(100 * 1024 * 1024) };
    const json = { 'content-type': 'application/json', ...big };
    const plain = { 'content-type': 'text/plain', ...big };
    for (const [token, what, headers, status, host] of [
      [projector, 'note', json, 403, undefined], // the projector is read-only, whatever it sends
      [projector, 'schedule', plain, 403, undefined],
      ['no-such-token-0000', 'note', plain, 404, undefined],
      [fac, 'note', json, 421, 'evil.example:80'],
      [fac, 'schedule', plain, 415, undefined],
      [fac, 'clock', json, 413, undefined],
    ] as const) {
      const c = raw(s.server.port);
      await c.ready;
      c.socket.write(head(s.server.port, token, headers, what, host)); // and not one byte of the 100 MB body
      await c.closed;
      expect(c.received(), `${what} ${status}`).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
      expect(c.received()).toMatch(/connection: close/i);
    }
  });

  it('cuts off a chunked body that grows past the limit', async () => {
    const { s, fac } = await serve({ maxBody: 1024 });
    const c = raw(s.server.port);
    await c.ready;
    c.socket.write(head(s.server.port, fac, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }));
    const chunk = `{"text":"${'x'.repeat(4000)}`;
    c.socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    await c.closed;
    expect(c.received()).toMatch(/^HTTP\/1.1 413 /);
  });

  it('caps open connections: one over the cap is closed at once, and the server serves again when they go', async () => {
    const { s, fac } = await serve({ maxConnections: 3 });
    const idle = [raw(s.server.port), raw(s.server.port), raw(s.server.port)];
    await Promise.all(idle.map((c) => c.ready));
    const extra = raw(s.server.port);
    await extra.closed;
    expect(extra.received()).toBe('');
    for (const c of idle) c.socket.destroy();
    await Promise.all(idle.map((c) => c.closed));
    const r = await fetch(`${s.server.url}/api/${fac}/state`);
    expect(r.status).toBe(200);
  });

  it('closes a connection that trickles its headers (slowloris) once the headers deadline passes', async () => {
    const { s, fac } = await serve({ headersTimeout: 200, requestTimeout: 400 });
    const c = raw(s.server.port);
    await c.ready;
    c.socket.write(`GET /api/${fac}/state HTTP/1.1\r\nHost: 127.0.0.1:${s.server.port}\r\nX-Slow: a`);
    const keepTrickling = setInterval(() => { if (!c.socket.destroyed) c.socket.write('a'); }, 50);
    await c.closed;
    clearInterval(keepTrickling);
    expect(c.received()).toMatch(/^(HTTP\/1.1 408 |)/);
  });
});
