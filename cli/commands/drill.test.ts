import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readLogFile } from '../../src/drill/log.js';
import { requireChromium } from '../../test/helpers/tools.js';
import { runDrillImport, runDrillReport, runDrillRun, runDrillScore, runDrillTest } from './drill.js';

const capture = () => {
  const err: string[] = [];
  const out: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => { err.push(String(s)); return true; });
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => { out.push(String(s)); return true; });
  return { err, out, text: () => out.join(''), errors: () => err.join('') };
};
afterEach(() => { vi.restoreAllMocks(); });

const tmp = () => mkdtempSync(join(tmpdir(), 'yuan-drill-cli-'));
const LEAK = 'scenarios/leak-escalation-iv-to-ii.yaml';

/** The leak escalation scenario copied to `dir` with its plan path fixed and its `expect:` block replaced. */
function withExpect(dir: string, expectBlock: string): string {
  const src = readFileSync(LEAK, 'utf8');
  const planRel = relative(dir, resolve('plans/chem/hazardous-chemical-leak.md')).split('\\').join('/');
  const body = src.replace(/plan: \.\.\/plans\/chem\/hazardous-chemical-leak\.md/, `plan: ${planRel}`).replace(/\nexpect:[\s\S]*$/, `\n${expectBlock}`);
  const file = join(dir, 'wrong.yaml');
  writeFileSync(file, body);
  return file;
}

describe('yuan drill test', () => {
  it('passes every bundled scenario (exit 0)', () => {
    const io = capture();
    expect(runDrillTest(['scenarios/'], { format: 'stylish', lang: 'en' })).toBe(0);
    vi.restoreAllMocks();
    expect(io.text()).toMatch(/PASS scenarios\/leak-escalation-iv-to-ii\.yaml/);
    expect(io.text()).toMatch(/0 failed; 0 scenario\(s\) failed/);
  });

  it('fails a scenario whose expectations are wrong, saying which and where (exit 1)', () => {
    const dir = tmp();
    const file = withExpect(dir, `expect:
  level: I
  score: ">= 101"
  gaps: [duplicated]
  noGaps: [missed-notification]
  terminated: false
`);
    const io = capture();
    expect(runDrillTest([file], { format: 'stylish', lang: 'en' })).toBe(1);
    vi.restoreAllMocks();
    const text = io.text();
    expect(text).toMatch(/^FAIL .*wrong\.yaml {2}leak-escalation-iv-to-ii {2}score 100/m);
    expect(text).toMatch(/✗ level: expected highest declared level I, got II {2}.*wrong\.yaml:\d+:\d+/);
    expect(text).toMatch(/✗ score: expected overall score >= 101, got 100/);
    expect(text).toMatch(/✗ gaps:duplicated: expected at least one duplicated gap, found none/);
    expect(text).toMatch(/✓ noGaps:missed-notification: no missed-notification gaps/);
    expect(text).toMatch(/✗ terminated: expected no termination, terminated at 2640 s/);
    expect(text).toMatch(/1 scenario\(s\), 5 assertion\(s\): 1 passed, 4 failed; 1 scenario\(s\) failed/);
  });

  it('fails a scenario whose expectation names an unknown gap kind, at its line:column (exit 1)', () => {
    const file = withExpect(tmp(), 'expect:\n  noGaps: [teleported]\n');
    const io = capture();
    expect(runDrillTest([file], { format: 'stylish', lang: 'en' })).toBe(1);
    vi.restoreAllMocks();
    expect(io.text()).toMatch(/✗ .*wrong\.yaml:\d+:12 Unexpected `teleported` for a gap kind, expected one of: wrong-role, .*\(parse\/schema\)/);
  });

  it('speaks Chinese and writes JUnit and JSON for CI', () => {
    const dir = tmp();
    const file = withExpect(dir, 'expect:\n  level: II\n  score: "< 50"\n');
    const io = capture();
    expect(runDrillTest([file], { format: 'stylish', lang: 'zh' })).toBe(1);
    expect(io.text()).toMatch(/✗ score: 总分应 < 50，实际为 100/);
    const junit = join(dir, 'out', 'junit.xml');
    expect(runDrillTest([file], { format: 'junit', lang: 'en', outputFile: junit })).toBe(1);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/<testsuites name="yuan drill test" tests="2" failures="1" errors="0">/);
    expect(xml).toMatch(/<testcase classname="leak-escalation-iv-to-ii" name="level" file="[^"]*wrong\.yaml" line="\d+"\/>/);
    expect(xml).toMatch(/<failure message="expected overall score &lt; 50, got 100" type="expectation">/);
    const jsonFile = join(dir, 'out', 'r.json');
    expect(runDrillTest([file], { format: 'json', lang: 'en', outputFile: jsonFile })).toBe(1);
    const json = JSON.parse(readFileSync(jsonFile, 'utf8'));
    expect(json.ok).toBe(false);
    expect(json.scenarios[0].assertions).toMatchObject([{ name: 'level', ok: true }, { name: 'score', ok: false, expected: '< 50', actual: '100' }]);
  });

  it('fails a scenario that does not load (exit 1) and refuses bad usage (exit 2)', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'broken.yaml'), 'scenario: { id: x, title: x, plan: ../nowhere.md }\ninjects: []\n');
    const io = capture();
    expect(runDrillTest([dir], { format: 'stylish', lang: 'en' })).toBe(1);
    expect(io.text()).toMatch(/FAIL .*broken\.yaml/);
    expect(io.text()).toMatch(/✗ .*broken\.yaml:1:\d+ Unexpected plan `\.\.\/nowhere\.md` that cannot be read .*\(scenario\/plan\)/);
    expect(runDrillTest([join(dir, 'nope')], { format: 'stylish', lang: 'en' })).toBe(2);
    expect(runDrillTest([tmp()], { format: 'stylish', lang: 'en' })).toBe(2);
    expect(runDrillTest(['scenarios/'], { format: 'tap', lang: 'en' })).toBe(2);
    expect(io.errors()).toMatch(/no such file or folder .*nope[\s\S]*no scenario files[\s\S]*unknown --format tap/);
  });
});

describe('yuan drill run', () => {
  it('writes the JSONL log and the report, prints the summary and timeline', () => {
    const dir = tmp();
    const log = join(dir, 'leak.jsonl');
    const io = capture();
    expect(runDrillRun(LEAK, { log, report: 'md', lang: 'en' })).toBe(0);
    vi.restoreAllMocks();
    const text = io.text();
    expect(text).toMatch(/Levels warranted: IV → III → II → III; declared: IV → III → II → III/);
    expect(text).toMatch(/Score: 100\.0 \(time 100\.0 · coordination 100\.0 · effect 100\.0\)/);
    expect(text).toMatch(/Gaps: none/);
    expect(text).toMatch(/ {2}12:00 level\.warranted II\n/);
    const read = readLogFile(log);
    expect(read.diagnostics).toEqual([]);
    expect(read.events[0]).toMatchObject({ type: 'drill.start', mode: 'scripted', scenario: 'leak-escalation-iv-to-ii' });
    expect(text).toContain(`Log: ${log} (${read.events.length} events)`);
    expect(readFileSync(join(dir, 'leak-escalation-iv-to-ii.report.md'), 'utf8')).toMatch(/^# /);
  });

  it('exits 2 for a missing scenario or an unknown report format, 1 for a scenario with errors', () => {
    const io = capture();
    expect(runDrillRun('scenarios/nope.yaml', { lang: 'en' })).toBe(2);
    expect(runDrillRun(LEAK, { lang: 'en', report: 'pdf' })).toBe(2);
    const dir = tmp();
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, readFileSync(LEAK, 'utf8').replace('plan: ../plans/chem/hazardous-chemical-leak.md', `plan: ${relative(dir, resolve('plans/chem/hazardous-chemical-leak.md'))}`).replace('role: operator, step: alarm, text', 'role: operatr, step: alarm, text'));
    expect(runDrillRun(bad, { lang: 'en', log: join(dir, 'x.jsonl') })).toBe(1);
    expect(io.errors()).toMatch(/bad\.yaml:\d+:\d+-\d+:\d+ error Unexpected role `operatr`/);
  });
});

describe('yuan drill score / report / import', () => {
  it('scores an observer CSV against the scenario (mode observed), text and JSON', () => {
    const dir = tmp();
    const io = capture();
    const outLog = join(dir, 'observed.jsonl');
    expect(runDrillScore({ input: LEAK, observed: 'scenarios/observed/leak-observer-log.csv', lang: 'en', outLog: outLog })).toBe(0);
    expect(io.text()).toMatch(/Score: \d+\.\d/);
    expect(io.text()).toMatch(/action\.unmatched commander: 安排保卫人员到门卫室引导消防车和120救护车/);
    const events = readLogFile(outLog).events;
    expect(events[0]).toMatchObject({ mode: 'observed' });
    const json = join(dir, 'score.json');
    expect(runDrillScore({ plan: 'plans/chem/hazardous-chemical-leak.md', scenario: LEAK, log: 'scenarios/observed/leak-observer-log.csv', format: 'json', output: json, lang: 'en' })).toBe(0);
    const score = JSON.parse(readFileSync(json, 'utf8'));
    expect(score.overall).toBeLessThan(100);
    expect(score.steps.find((s: { step: string }) => s.step === 'isolate').status).toBe('late');
  });

  it('scores a JSONL log alone, finding its scenario by id', () => {
    const dir = tmp();
    const log = join(dir, 'run.jsonl');
    const io = capture();
    expect(runDrillRun(LEAK, { log, lang: 'en' })).toBe(0);
    io.out.length = 0;
    expect(runDrillScore({ input: log, lang: 'zh' })).toBe(0);
    expect(io.text()).toMatch(/总分：100\.0/);
    expect(runDrillScore({ lang: 'en' })).toBe(2);
    expect(runDrillScore({ input: log, format: 'xml', lang: 'en' })).toBe(2);
  });

  it('writes after-action reports (md, html, json) and refuses pdf without -o', async () => {
    const dir = tmp();
    const io = capture();
    for (const format of ['md', 'html', 'json']) {
      const out = join(dir, `aar.${format}`);
      expect(await runDrillReport({ input: LEAK, observed: 'scenarios/observed/leak-observer-log.csv', format, output: out, lang: 'zh', date: '2026-03-01' })).toBe(0);
      expect(readFileSync(out, 'utf8').length).toBeGreaterThan(500);
    }
    expect(readFileSync(join(dir, 'aar.html'), 'utf8')).toMatch(/^<!doctype html>/i);
    expect(await runDrillReport({ input: LEAK, format: 'pdf', lang: 'en' })).toBe(2);
    expect(await runDrillReport({ input: LEAK, format: 'docx', output: 'x', lang: 'en' })).toBe(2);
    expect(io.errors()).toMatch(/PDF report needs -o[\s\S]*unknown --format docx/);
  });

  it.skipIf(!requireChromium())('prints the report to PDF with headless Chromium', async () => {
    const out = join(tmp(), 'aar.pdf');
    capture();
    expect(await runDrillReport({ input: LEAK, format: 'pdf', output: out, lang: 'zh' })).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);

  it('imports an MSEL CSV as scenario YAML', () => {
    const dir = tmp();
    const out = join(dir, 'flood.yaml');
    const io = capture();
    expect(runDrillImport('scenarios/flood-msel.csv', { output: out, lang: 'en' })).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^# yaml-language-server[\s\S]*id: flood-from-msel/);
    expect(io.errors()).toMatch(/Scenario: .*flood\.yaml \(\d+ injects\)/);
    expect(runDrillImport('scenarios/nope.csv', { lang: 'en' })).toBe(2);
  });
});
