import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScripted } from '../drill/engine.js';
import { buildAgenda, MemorySink } from '../drill/run-agenda.js';
import { loadDrill } from '../drill/scenario.js';
import { writeLog } from '../drill/log-format.js';
import { DrillSession } from './session.js';

const dir = join(import.meta.dirname, '../../scenarios');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => join(dir, f));

/** Feeds a scenario's scripted actions one at a time, as a live drill would receive them. */
function incremental(file: string) {
  const d = loadDrill(file);
  const { plan, scenario } = d;
  if (!plan || !scenario) throw new Error(`cannot load ${file}`);
  const sink = new MemorySink();
  const s = new DrillSession(plan, scenario, sink);
  s.injectSource = 'script';
  s.start({ mode: 'scripted' });
  const { items } = buildAgenda(scenario.injects, scenario.actions);
  for (const item of items) {
    if (item.kind === 'inject') s.advance(item.at);
    else s.act(item.at, item.action, 'script');
  }
  const end = items.length ? items[items.length - 1].at : 0;
  s.advance(end);
  const state = s.status().state;
  s.end(end, state === 'terminated' || state === 'recovery' ? 'terminated' : 'script-complete');
  return { plan, scenario, live: sink.events, scripted: runScripted(plan, scenario) };
}

describe('DrillSession (incremental engine)', () => {
  it.each(files)('logs what the scripted engine logs: %s', (file) => {
    const { live, scripted } = incremental(file);
    expect(writeLog(live)).toBe(writeLog(scripted));
  });

  it('replays a log and goes on exactly where it stopped', () => {
    const file = files.find((f) => f.includes('leak-escalation'))!;
    const { plan, scenario, scripted } = incremental(file);
    // Cut the log after every prefix that ends before drill.end; replay; then feed the rest of the actions.
    const cut = scripted.findIndex((e) => e.t >= 720); // i3 is at 12min
    const prefix = scripted.slice(0, cut);
    const sink = new MemorySink();
    for (const e of prefix) sink.append(e);
    const s = new DrillSession(plan, scenario, sink);
    s.injectSource = 'script';
    s.replay(prefix);
    expect(s.revealed.has('i2')).toBe(true);
    expect(s.revealed.has('i3')).toBe(false);
    const last = prefix[prefix.length - 1].t;
    const { items } = buildAgenda(scenario.injects, scenario.actions);
    for (const item of items) {
      if (item.at < last || (item.kind === 'inject' && s.revealed.has(item.inject.id))) continue;
      if (item.kind === 'action' && item.at === last) continue;
      if (item.kind === 'inject') s.advance(item.at);
      else s.act(item.at, item.action, 'script');
    }
    const end = items[items.length - 1].at;
    s.advance(end);
    s.end(end, 'terminated');
    expect(writeLog(sink.events)).toBe(writeLog(scripted));
  });

  it('logs what the log is missing after a crash cut a sequence short', () => {
    const file = files.find((f) => f.includes('leak-escalation'))!;
    const { plan, scenario, scripted } = incremental(file);
    const i2 = scripted.findIndex((e) => e.type === 'inject' && e.inject === 'i2');
    expect(scripted[i2 + 1].type).toBe('level.warranted');
    const prefix = scripted.slice(0, i2 + 1); // the crash lost the level.warranted after i2
    const sink = new MemorySink();
    for (const e of prefix) sink.append(e);
    const s = new DrillSession(plan, scenario, sink);
    s.replay(prefix);
    const added = s.advance(prefix[prefix.length - 1].t);
    expect(added.map((e) => e.type)).toEqual(['level.warranted']);
    expect(added[0]).toMatchObject({ level: (scripted[i2 + 1] as { level: string }).level });
  });

  it('does not reveal injects while the gate is closed, and refuses to act before start or after end', () => {
    const { plan, scenario } = incremental(files[0]);
    const s = new DrillSession(plan, scenario, new MemorySink());
    expect(() => s.act(0, { role: plan.roles[0].id, kind: 'note', text: 'x' }, 'participant')).toThrow(/not started/);
    s.start({ mode: 'live' });
    s.gate = false;
    expect(s.advance(10_000).filter((e) => e.type === 'inject')).toEqual([]);
    s.gate = true;
    expect(s.advance(10_000).filter((e) => e.type === 'inject').length).toBeGreaterThan(0);
    s.end(10_000);
    expect(() => s.note(10_001, 'late', 'facilitator')).toThrow(/ended/);
  });
});
