/** The blind-drill commands (`yuan drill draw`, `yuan drill verify`) as functions, on a temporary folder. */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runDrillDraw, runDrillVerify } from '../cli/commands/drill-blind.js';
import { loadLiveInput } from '../src/live/serve.js';

const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'yuan-live-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture() {
  let out = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => { out += String(s); return true; });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  return { get out() { return out; }, restore() { o.mockRestore(); e.mockRestore(); } };
}

describe('yuan drill draw / verify', () => {
  it('seals a drawn scenario, prints only the commitment, and verifies it afterwards', async () => {
    const file = join(dir, 'drill.sealed.json');
    const c = capture();
    const code = await runDrillDraw({ pool: join(root, 'scenarios'), seal: true, seed: 3, output: file, lang: 'en' });
    c.restore();
    expect(code).toBe(0);
    const commitment = c.out.trim();
    expect(commitment).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(`${file}.salt`).mode & 0o777).toBe(0o600);
    const sealed = loadLiveInput(file);
    expect(sealed.input?.sealed).toBe(true);
    expect(sealed.input?.commitment).toBe(commitment);
    // Afterwards: extract, publish, verify; a tampered copy fails.
    const extracted = join(dir, 'revealed.yaml');
    const v = capture();
    expect(await runDrillVerify(file, { salt: `${file}.salt`, commitment, extract: extracted, lang: 'en' })).toBe(0);
    expect(await runDrillVerify(extracted, { salt: readFileSync(`${file}.salt`, 'utf8'), commitment, lang: 'en' })).toBe(0);
    const tampered = join(dir, 'tampered.yaml');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(tampered, readFileSync(extracted, 'utf8').replace('at: 6min', 'at: 7min'));
    expect(await runDrillVerify(tampered, { salt: `${file}.salt`, commitment, lang: 'en' })).toBe(1);
    v.restore();
    expect(v.out).toContain('MISMATCH');
  });

  it('generates a scenario from the plan that a live drill can open', async () => {
    const file = join(dir, 'generated.sealed.json');
    const c = capture();
    const code = await runDrillDraw({ generate: true, plan: join(root, 'plans/chem/hazardous-chemical-leak.md'), seal: true, seed: 11, output: file, lang: 'zh' });
    c.restore();
    expect(code).toBe(0);
    const loaded = loadLiveInput(file);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(loaded.input!.scenario.injects.length).toBeGreaterThanOrEqual(2);
    const plain = capture();
    expect(await runDrillDraw({ generate: true, plan: join(root, 'plans/chem/hazardous-chemical-leak.md'), seed: 11, lang: 'zh' })).toBe(0);
    plain.restore();
    expect(plain.out).toContain('generated-11');
    expect(await runDrillDraw({ lang: 'en' })).toBe(2);
  });

  it('tells usage errors (exit 2) from a mismatch (exit 1), and checks the log against the commitment', async () => {
    const file = join(dir, 'verify.sealed.json');
    const c = capture();
    expect(await runDrillDraw({ pool: join(root, 'scenarios'), seal: true, seed: 5, output: file, lang: 'en' })).toBe(0);
    c.restore();
    const commitment = c.out.trim();
    const salt = readFileSync(`${file}.salt`, 'utf8').trim();
    const v = capture();
    // Usage: no such salt file, a short salt, a salt file without 64 hex digits, a commitment that is not hex.
    expect(await runDrillVerify(file, { salt: join(dir, 'missing.salt'), commitment, lang: 'en' })).toBe(2);
    expect(await runDrillVerify(file, { salt: salt.slice(0, 40), commitment, lang: 'en' })).toBe(2);
    writeFileSync(join(dir, 'bad.salt'), 'xyz\n');
    expect(await runDrillVerify(file, { salt: join(dir, 'bad.salt'), commitment, lang: 'en' })).toBe(2);
    expect(await runDrillVerify(file, { salt, commitment: 'not-hex', lang: 'en' })).toBe(2);
    expect(await runDrillVerify(file, { salt, commitment: commitment.slice(1), lang: 'en' })).toBe(2);
    expect(v.out).not.toContain('MISMATCH');
    // A sealed file whose base was edited: the seal does not hold (exit 1), though the scenario still matches.
    const edited = join(dir, 'edited.sealed.json');
    writeFileSync(edited, readFileSync(file, 'utf8').replace(/"base": "[^"]*"/, '"base": "/tmp"'));
    expect(await runDrillVerify(edited, { salt, commitment, lang: 'en' })).toBe(1);
    expect(v.out).toContain('changed after sealing');
    // The drill's log: served from the sealed file, it names the commitment and verifies; another log does not.
    const input = loadLiveInput(file).input!;
    const out = join(dir, 'served');
    const { serveDrill } = await import('../src/live/serve.js');
    const served = await serveDrill(input, { out });
    await served.server.close();
    expect(await runDrillVerify(file, { salt, commitment, log: served.logFile, lang: 'en' })).toBe(0);
    const plain = await serveDrill(loadLiveInput(join(root, 'scenarios/leak-escalation-iv-to-ii.yaml')).input!, { out });
    await plain.server.close();
    expect(await runDrillVerify(file, { salt, commitment, log: plain.logFile, lang: 'en' })).toBe(1);
    v.restore();
    expect(v.out).toMatch(/OK: the log .* was written for this scenario \(commit:/);
    expect(v.out).toMatch(/MISMATCH: the log .* was written for another scenario \(sha256:/);
  });

  it('refuses to resume a damaged log with the exact line and the repair command; repair makes it resumable', async () => {
    const { runDrillServe } = await import('../cli/commands/drill-serve.js');
    const { runDrillRepair } = await import('../cli/commands/drill-repair.js');
    const { serveDrill } = await import('../src/live/serve.js');
    const scenario = join(root, 'scenarios/leak-escalation-iv-to-ii.yaml');
    const out = join(dir, 'damaged');
    const served = await serveDrill(loadLiveInput(scenario).input!, { out });
    await served.drill.note('导调记录一');
    await served.drill.note('导调记录二');
    await served.server.close();
    const lines = readFileSync(served.logFile, 'utf8').split('\n');
    lines[1] = lines[1].replace('"note"', '"nope"');
    writeFileSync(served.logFile, lines.join('\n'));
    let err = '';
    const e = vi.spyOn(process.stderr, 'write').mockImplementation((x) => { err += String(x); return true; });
    const code = await runDrillServe(scenario, { out, resume: true, json: true, lang: 'en' });
    e.mockRestore();
    expect(code).toBe(1);
    expect(err).toContain(`${served.logFile}:2:`);
    expect(err).toContain(`yuan drill repair ${served.logFile}`);
    const c = capture();
    expect(await runDrillRepair(served.logFile, { lang: 'en' })).toBe(0);
    c.restore();
    expect(c.out).toMatch(new RegExp(`drop ${served.logFile.replace(/[.\\/]/g, '\\$&')}:2 `));
    expect(c.out).toContain(`original kept as ${served.logFile}.bak`);
    const again = await serveDrill(loadLiveInput(scenario).input!, { out, resume: true });
    expect(again.drill.resumed).toBe(true);
    await again.server.close();
  });
});
