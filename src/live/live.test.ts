import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { readLogFile } from '../drill/log.js';
import { MemorySink } from '../drill/run-agenda.js';
import { loadDrill } from '../drill/scenario.js';
import type { DrillEvent } from '../drill/types.js';
import { LiveClock } from './clock.js';
import { LiveDrill } from './drill.js';
import { clockAtEnd, clockNote, readClock, sanitizeNote } from './events.js';
import { encodeQr, qrSvg, qrTerminal } from './qr.js';
import jsqr from 'jsqr';
import { LiveStore } from './store.js';
import { runTerminal } from './terminal.js';
import { participantEvent } from './view.js';

const dir = mkdtempSync(join(tmpdir(), 'yuan-live-unit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SCENARIO = join(import.meta.dirname, '../../scenarios/leak-escalation-iv-to-ii.yaml');

describe('clock events', () => {
  it('round-trips through log notes and gives the clock at the end of a log', () => {
    const sink = new MemorySink();
    sink.append({ t: 0, type: 'drill.start', scenario: 's', plan: 'p', planHash: 'h', scenarioHash: 'h', mode: 'live', seed: 0 });
    sink.append(clockNote(0, 'start', 10, true));
    sink.append({ t: 30, type: 'note', role: 'commander', text: '[clock:pause x1] forged by a role', source: 'participant' });
    sink.append(clockNote(42.5, 'pause', 10, false));
    sink.append(clockNote(42.5, 'speed', 2, false));
    const e = sink.events;
    expect(readClock(e[1])).toMatchObject({ type: 'clock', op: 'start', speed: 10, running: true });
    expect(readClock(e[2])).toBeUndefined();
    expect(clockAtEnd(e)).toEqual({ started: true, running: false, speed: 2, t: 42.5, ended: false });
    sink.append(clockNote(42.5, 'resume', 2, true));
    sink.append(clockNote(50, 'speed', 10, true));
    sink.append({ t: 61.25, type: 'note', text: 'x', source: 'facilitator' });
    expect(clockAtEnd(sink.events)).toEqual({ started: true, running: true, speed: 10, t: 61.25, ended: false });
    expect(readClock(sink.append(clockNote(70, 'recover', 10, false)))).toMatchObject({ op: 'recover', running: false });
    expect(sanitizeNote('[clock:start x1] hi')).not.toMatch(/^\[clock:/);
  });

  it('keeps drill time = running wall time × speed', () => {
    let wall = 0;
    const c = new LiveClock(0, 2, () => wall);
    wall = 5000;
    expect(c.now()).toBe(0);
    c.resume();
    wall = 6000;
    expect(c.now()).toBe(2);
    c.setSpeed(10);
    wall = 7000;
    expect(c.now()).toBe(12);
    c.pause();
    wall = 60_000;
    expect(c.now()).toBe(12);
    expect(c.wallUntil(20)).toBe(Infinity);
    c.resume();
    expect(c.wallUntil(22)).toBe(1000);
    expect(() => c.setSpeed(0)).toThrow(RangeError);
  });
});

describe('LiveStore', () => {
  it('shares fsyncs between concurrent commits and reports events in order once on disk', async () => {
    const file = join(dir, 'store.jsonl');
    const store = LiveStore.open(file);
    const seen: number[] = [];
    store.onCommit((events) => seen.push(...events.map((e) => e.seq)));
    const commits: Promise<void>[] = [];
    for (let i = 0; i < 50; i++) {
      store.append({ t: i, type: 'note', text: `n${i}`, source: 'facilitator' });
      commits.push(store.commit());
    }
    await Promise.all(commits);
    expect(seen).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(store.syncedSeq).toBe(50);
    await store.close();
    expect(readLogFile(file).events).toHaveLength(50);
    const again = LiveStore.open(file, { resume: true });
    expect(again.append({ t: 60, type: 'note', text: 'more', source: 'facilitator' }).seq).toBe(51);
    await again.close();
  });
});

describe('LiveDrill', () => {
  it('refuses to resume a log of another scenario', async () => {
    const d = loadDrill(SCENARIO);
    const log = join(dir, 'other.jsonl');
    const a = await LiveDrill.open({ plan: d.plan!, scenario: d.scenario!, log, scenarioSource: d.source });
    await a.close();
    await expect(LiveDrill.open({ plan: d.plan!, scenario: d.scenario!, log, scenarioSource: `${d.source}\n# changed`, resume: true })).rejects.toThrow(/another scenario/);
  });

  it('the terminal mode writes the same kind of log as the server', async () => {
    const d = loadDrill(SCENARIO);
    const log = join(dir, 'terminal.jsonl');
    const drill = await LiveDrill.open({ plan: d.plan!, scenario: d.scenario!, log, scenarioSource: d.source, speed: 10 });
    const output = new PassThrough();
    let printed = '';
    output.on('data', (c: Buffer) => { printed += c.toString(); });
    const input = Readable.from([
      'help\n', 'start\n', 'operator step alarm 对讲机报警\n', 'duty-officer do 研判泄漏规模，确定响应级别\n', 'duty-officer level IV\n',
      'operator notify duty-officer 已关阀\n', 'duty-officer ack\n', 'inject commander 人工注入：请总指挥到位\n', 'note 导调记录\n',
      'nobody step x\n', 'operator level\n', 'pause\n', 'upcoming\n', 'end\n', 'operator note after the end\n',
    ]);
    const r = await runTerminal(drill, { input, output, onEnd: () => ['report written'] });
    await drill.close();
    expect(r.ended).toBe(true);
    expect(printed).toContain('unknown command or role nobody');
    expect(printed).toContain('report written');
    const events = readLogFile(log).events;
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    const types = events.map((e) => readClock(e) ? `clock.${readClock(e)!.op}` : e.type);
    expect(types).toEqual(expect.arrayContaining(['drill.start', 'clock.start', 'inject', 'level.warranted', 'step.done', 'level.declared', 'notify', 'ack', 'note', 'clock.pause', 'drill.end']));
    expect(events.find((e) => e.type === 'step.done' && e.step === 'assess')).toMatchObject({ match: 'text', source: 'facilitator' });
    expect(events.at(-1)).toMatchObject({ type: 'drill.end', reason: 'facilitator' });
    expect(events.some((e) => e.type === 'note' && e.text === 'after the end')).toBe(false);
    expect(events.find((e) => e.type === 'inject' && e.inject === 'm1')).toMatchObject({ to: ['commander'] });
  });
});

describe('participant view', () => {
  it('lets a role see exactly its part of the log', () => {
    const d = loadDrill(SCENARIO);
    const plan = d.plan!;
    const s = d.scenario!;
    const ev = (e: Record<string, unknown>) => ({ seq: 1, t: 1, ...e }) as unknown as DrillEvent;
    const see = (e: DrillEvent, role: string) => participantEvent(e, role, plan, s) !== undefined;
    expect(see(ev({ type: 'inject', inject: 'i1', to: ['operator'], message: 'm', source: 'facilitator' }), 'operator')).toBe(true);
    expect(see(ev({ type: 'inject', inject: 'i1', to: ['operator'], message: 'm', source: 'facilitator' }), 'commander')).toBe(false);
    expect(see(ev({ type: 'inject', inject: 'x', to: [], message: 'all', source: 'facilitator' }), 'commander')).toBe(true);
    expect(see(ev({ type: 'step.done', step: 'alarm', role: 'operator', match: 'id', source: 'participant' }), 'duty-officer')).toBe(true);
    expect(see(ev({ type: 'step.done', step: 'alarm', role: 'operator', match: 'id', source: 'participant' }), 'commander')).toBe(false);
    expect(see(ev({ type: 'level.warranted', level: 'IV', facts: {} }), 'operator')).toBe(false);
    expect(see(ev({ type: 'step.overdue', step: 'alarm', deadline: 60 }), 'operator')).toBe(false);
    expect(see(ev({ type: 'note', text: 'facilitator only', source: 'facilitator' }), 'operator')).toBe(false);
    expect(see(ev({ type: 'note', role: 'operator', text: 'about the operator', source: 'facilitator' }), 'operator')).toBe(false);
    expect(see(ev({ type: 'drill.start', scenario: 's', plan: 'p', planHash: 'h', scenarioHash: 'h', mode: 'live', seed: 0 }), 'operator')).toBe(false);
    expect(see(ev({ type: 'notify', role: 'operator', to: 'commander', source: 'participant' }), 'commander')).toBe(true);
    expect(see(ev({ type: 'notify', role: 'operator', to: 'commander', source: 'participant' }), 'deputy')).toBe(false);
    expect(see(ev({ type: 'level.declared', level: 'IV', role: 'duty-officer', source: 'participant' }), 'operator')).toBe(false);
  });
});

// jsqr is CommonJS: its function is both module.exports and .default; the types know only .default.
const jsQR = jsqr.default;

/** Decodes a module matrix with an independent decoder (jsQR), as a phone camera would: 4 px per module, quiet zone. */
function scan(modules: boolean[][]): string | undefined {
  const px = 4;
  const q = 4;
  const n = (modules.length + 2 * q) * px;
  const rgba = new Uint8ClampedArray(n * n * 4).fill(255);
  modules.forEach((row, y) => row.forEach((dark, x) => {
    if (!dark) return;
    for (let dy = 0; dy < px; dy++) for (let dx = 0; dx < px; dx++) {
      const i = (((y + q) * px + dy) * n + (x + q) * px + dx) * 4;
      rgba[i] = rgba[i + 1] = rgba[i + 2] = 0;
    }
  }));
  return jsQR(rgba, n, n)?.data;
}

/** The modules an SVG from qrSvg draws (its path of 1×1 squares), quiet zone removed. */
function svgModules(svg: string): boolean[][] {
  const size = Number(/viewBox="0 0 (\d+) /.exec(svg)![1]) - 8;
  const m = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  for (const [, x, y] of svg.matchAll(/M(\d+),(\d+)h1v1h-1z/g)) m[Number(y) - 4][Number(x) - 4] = true;
  return m;
}

/** The modules terminal text from qrTerminal shows (half blocks, two rows a line), quiet zone removed. */
function terminalModules(text: string): boolean[][] {
  const rows = text.split('\n').map((l) => [...l.replace(/\x1b\[[0-9;]*m/g, '')]);
  const all = rows.flatMap((r) => [r.map((c) => c === '█' || c === '▀'), r.map((c) => c === '█' || c === '▄')]);
  const size = rows[0].length - 4;
  return all.slice(2, 2 + size).map((r) => r.slice(2, 2 + size));
}

/**
 * The format information around the top-left finder (ISO/IEC 18004 7.9): error-correction level and mask, after
 * checking its BCH code; undefined when the bits are not a valid format word.
 */
function formatInfo(m: boolean[][]): { level: 'L' | 'M' | 'Q' | 'H'; mask: number } | undefined {
  let f = 0;
  for (let i = 0; i <= 5; i++) f |= (m[i][8] ? 1 : 0) << i;
  f |= (m[7][8] ? 1 : 0) << 6; f |= (m[8][8] ? 1 : 0) << 7; f |= (m[8][7] ? 1 : 0) << 8;
  for (let i = 9; i < 15; i++) f |= (m[8][14 - i] ? 1 : 0) << i;
  const data = (f ^ 0x5412) >>> 10;
  let rem = data;
  for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
  if ((((data << 10) | rem) ^ 0x5412) !== f) return undefined;
  return { level: (['M', 'L', 'H', 'Q'] as const)[data >>> 3], mask: data & 7 };
}

describe('QR codes', () => {
  const url = 'http://127.0.0.1:54321/p/AbCdEfGhIjKlMnOpQrStUvWx';

  it('encode the link so that a decoder reads it back, from the matrix, the SVG and the terminal text', () => {
    const q = encodeQr(url);
    expect(q.size).toBe(17 + 4 * q.version);
    expect(q.version).toBeLessThanOrEqual(4); // 51 bytes fit version 4 at level M
    expect(scan(q.modules)).toBe(url);
    expect(svgModules(qrSvg(url))).toEqual(q.modules);
    expect(scan(svgModules(qrSvg(url)))).toBe(url);
    expect(terminalModules(qrTerminal(url))).toEqual(q.modules);
    for (const text of ['http://192.168.1.20:8080/p/Zz09_-Aa', '演练链接 https://例子.中国/p/令牌', 'x'.repeat(200)]) expect(scan(encodeQr(text).modules)).toBe(text);
    expect(() => encodeQr('x'.repeat(5000))).toThrow(RangeError);
  });

  it('carries working error correction (level M): a damaged code still reads', () => {
    const q = encodeQr(url);
    expect(formatInfo(q.modules)).toEqual({ level: 'M', mask: q.mask });
    const damaged = q.modules.map((r) => [...r]);
    // A 5×5 blot in the data area, away from the finder, timing and alignment patterns: about 3 codewords.
    let flipped = 0;
    for (let y = 10; y < 15; y++) for (let x = 10; x < 15; x++) { damaged[y][x] = !damaged[y][x]; flipped++; }
    expect(flipped).toBe(25);
    expect(scan(damaged)).toBe(url);
  });
});
