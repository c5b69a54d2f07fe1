import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { createPlanMachine, factsEvent, incidentEvent } from '../../src/compile/index.js';
import { parsePlanFile } from '../../src/parse/index.js';
import { runCompile } from './compile.js';

const capture = () => {
  const err: string[] = [];
  const out: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => { err.push(String(s)); return true; });
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => { out.push(String(s)); return true; });
  return { err, out };
};
afterEach(() => { vi.restoreAllMocks(); });

describe('yuan compile', () => {
  it('writes the statechart JSON to a file (exit 0), and xstate runs it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yuan-compile-'));
    const file = join(dir, 'leak.machine.json');
    const io = capture();
    expect(runCompile('plans/chem/hazardous-chemical-leak.md', { output: file, lang: 'en' })).toBe(0);
    vi.restoreAllMocks();
    expect(io.err).toEqual([]);
    const json = JSON.parse(readFileSync(file, 'utf8'));
    expect(json.id).toBe('chem-leak');
    const plan = parsePlanFile('plans/chem/hazardous-chemical-leak.md').plan!;
    const machine = createPlanMachine(plan, json);
    let [s] = initialTransition(machine);
    [s] = transition(machine, s, incidentEvent({ leak_kg: 50, injured: 0, deaths: 0, fire: false, offsite: false, gas_ppm: 0 }));
    [s] = transition(machine, s, factsEvent({ leak_kg: 500 }));
    expect(s.value).toMatchObject({ response: { level: 'III' } });
  });

  it('prints to stdout without -o', () => {
    const io = capture();
    expect(runCompile('plans/chem/confined-space.yaml', { lang: 'en' })).toBe(0);
    expect(JSON.parse(io.out.join('')).states.response.states.level.states).toHaveProperty('III');
  });

  it('still writes the machine for a plan with content errors, prints them and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yuan-compile-'));
    const bad = join(dir, 'bad.md');
    writeFileSync(bad, readFileSync('plans/chem/hazardous-chemical-leak.md', 'utf8').replace('`leak_kg < 100 and injured == 0', '`leak_kg <<< 100 and injured == 0'));
    const io = capture();
    expect(runCompile(bad, { output: join(dir, 'out.json'), lang: 'zh' })).toBe(1);
    expect(io.err.join('')).toMatch(/bad\.md:\d+:\d+-\d+:\d+ error .*[\u4e00-\u9fff]/);
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).id).toBe('chem-leak');
  });

  it('writes nothing for a file that cannot be read as a plan', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yuan-compile-'));
    const bad = join(dir, 'bad.md');
    writeFileSync(bad, '---\nid: [unclosed\n---\n# x\n');
    capture();
    expect(runCompile(bad, { output: join(dir, 'out.json'), lang: 'en' })).toBe(1);
    expect(existsSync(join(dir, 'out.json'))).toBe(false);
  });

  it('exits 2 for a missing plan or an unwritable output', () => {
    const io = capture();
    expect(runCompile('plans/nope.md', { lang: 'en' })).toBe(2);
    expect(io.err.join('')).toContain('no plan file plans/nope.md');
    const dir = mkdtempSync(join(tmpdir(), 'yuan-compile-'));
    writeFileSync(join(dir, 'file'), '');
    expect(runCompile('plans/chem/general.md', { output: join(dir, 'file', 'x.json'), lang: 'zh' })).toBe(2);
    expect(io.err.join('')).toContain('无法写入');
  });
});
