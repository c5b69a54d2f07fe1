import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasErrors } from '../diagnostics.js';
import { parsePlanFile } from '../parse/index.js';
import {
  canonicalScenario, drawScenario, generateScenario, isEnvelope, openEnvelope, sealEnvelope, sealScenario, verifySeal,
} from './blind.js';
import { runScripted } from './engine.js';
import { checkScenario, parseScenario, readTextFile } from './scenario.js';

const root = join(import.meta.dirname, '../..');
const leakPlanFile = join(root, 'plans/chem/hazardous-chemical-leak.md');
const leakScenario = join(root, 'scenarios/leak-escalation-iv-to-ii.yaml');
const text = (f: string) => { const r = readTextFile(f); if ('diagnostic' in r) throw new Error(r.diagnostic.message); return r.text; };

describe('sealScenario / verifySeal', () => {
  it('commits to sha256(canonical bytes ‖ salt bytes) and verifies', () => {
    const src = text(leakScenario);
    const s = sealScenario(src);
    expect(s.salt).toMatch(/^[0-9a-f]{64}$/);
    expect(s.commitment).toMatch(/^[0-9a-f]{64}$/);
    const expected = createHash('sha256').update(Buffer.from(canonicalScenario(src), 'utf8')).update(Buffer.from(s.salt, 'hex')).digest('hex');
    expect(s.commitment).toBe(expected);
    expect(verifySeal(src, s.salt, s.commitment)).toBe(true);
    expect(verifySeal(s.sealed, s.salt, s.commitment.toUpperCase())).toBe(true);
  });

  it('fails when one byte of the scenario, the salt or the commitment changes', () => {
    const src = text(leakScenario);
    const s = sealScenario(src);
    const bytes = Buffer.from(src, 'utf8');
    for (const at of [0, Math.floor(bytes.length / 2), bytes.length - 2]) {
      const t = Buffer.from(bytes);
      t[at] ^= 0x01;
      expect(verifySeal(t.toString('latin1'), s.salt, s.commitment)).toBe(false);
      expect(verifySeal(t.toString('utf8'), s.salt, s.commitment)).toBe(false);
    }
    const salt = (s.salt[0] === '0' ? '1' : '0') + s.salt.slice(1);
    expect(verifySeal(src, salt, s.commitment)).toBe(false);
    const c = (s.commitment[5] === 'a' ? 'b' : 'a');
    expect(verifySeal(src, s.salt, s.commitment.slice(0, 5) + c + s.commitment.slice(6))).toBe(false);
    expect(verifySeal(src, 'not-hex', s.commitment)).toBe(false);
  });

  it('is stable under BOM, CRLF and trailing newlines, and deterministic for a given salt', () => {
    const src = 'scenario:\n  id: x\n';
    const salt = 'ab'.repeat(32);
    const a = sealScenario(src, salt);
    expect(sealScenario(`\ufeff${src.replace(/\n/g, '\r\n')}\n\n`, salt).commitment).toBe(a.commitment);
    expect(sealScenario(src).commitment).not.toBe(a.commitment); // fresh salt
    expect(() => sealScenario(src, 'abc')).toThrow(RangeError);
  });

  it('wraps the sealed text in an envelope the server can open', () => {
    const src = text(leakScenario);
    const s = sealScenario(src);
    const env = JSON.stringify(sealEnvelope(s, '/some/dir'));
    expect(isEnvelope(env)).toBe(true);
    expect(isEnvelope(src)).toBe(false);
    expect(env).not.toContain('液氨'); // not in plain sight
    const o = openEnvelope(env);
    expect(o).toEqual({ text: s.sealed, base: '/some/dir', commitment: s.commitment });
    expect(() => openEnvelope('{"format":"other"}')).toThrow(RangeError);
  });
});

describe('drawScenario', () => {
  const pool = ['a', 'b', 'c', 'd', 'e'].map((n) => ({ file: `${n}.yaml`, text: `scenario: { id: ${n} }\n` }));
  it('is deterministic for a seed and spreads over the pool', () => {
    for (const seed of [0, 1, 42, 2 ** 31 - 1]) expect(drawScenario(pool, seed)).toEqual(drawScenario(pool, seed));
    const picked = new Set(Array.from({ length: 50 }, (_, i) => drawScenario(pool, i).file));
    expect(picked.size).toBe(5);
  });
  it('reads a folder of scenarios in name order', () => {
    const d = drawScenario(join(root, 'scenarios'), 7);
    expect(d.file).toMatch(/\.ya?ml$/);
    expect(drawScenario(join(root, 'scenarios'), 7)).toEqual(d);
    expect(() => drawScenario([], 1)).toThrow(RangeError);
  });
});

describe('generateScenario', () => {
  const plan = parsePlanFile(leakPlanFile).plan!;
  it('is deterministic for a seed and differs across seeds', () => {
    expect(generateScenario(plan, 3).text).toBe(generateScenario(plan, 3).text);
    const texts = new Set(Array.from({ length: 8 }, (_, i) => generateScenario(plan, i).text));
    expect(texts.size).toBeGreaterThan(1);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('walks up the levels with facts the statechart accepts (seed %i)', (seed) => {
    const { text: yaml } = generateScenario(plan, seed, { planPath: '../plans/chem/hazardous-chemical-leak.md' });
    const parsed = parseScenario(yaml, join(root, 'scenarios/generated.yaml'));
    expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const scenario = parsed.scenario!;
    expect(hasErrors(checkScenario(scenario, plan))).toBe(false);
    expect(scenario.injects.length).toBeGreaterThanOrEqual(2);
    // Times increase; the first report has every fact; later injects only what changed.
    const ats = scenario.injects.map((i) => i.at);
    expect([...ats].sort((a, b) => a - b)).toEqual(ats);
    expect(Object.keys(scenario.injects[0].facts ?? {}).length).toBe(plan.facts.length);
    // Run through the engine: the warranted level climbs (ranks strictly decrease) before any termination.
    const events = runScripted(plan, scenario);
    const rank = new Map(plan.levels.map((l) => [l.id, l.rank] as const));
    const warranted = events.filter((e) => e.type === 'level.warranted').map((e) => (e as { level: string | null }).level);
    expect(warranted.length).toBeGreaterThanOrEqual(2);
    const ranks = warranted.filter((l): l is string => l !== null).map((l) => rank.get(l)!);
    for (let i = 1; i < ranks.length; i++) expect(ranks[i]).toBeLessThan(ranks[i - 1]);
    // Cumulative counts never go down.
    let prev: Record<string, unknown> = {};
    for (const i of scenario.injects) {
      for (const k of ['leak_kg', 'injured', 'deaths']) {
        if (typeof i.facts?.[k] === 'number' && typeof prev[k] === 'number') expect(i.facts[k]).toBeGreaterThanOrEqual(prev[k] as number);
      }
      prev = { ...prev, ...i.facts };
    }
  });
});
