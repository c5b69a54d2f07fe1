/**
 * `yuan drill test`: run every scenario scripted, score it, check its `expect:` block; report as stylish text,
 * JSON or JUnit XML (one testsuite per scenario, one testcase per assertion).
 */
import { readdirSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { hasErrors, localize, type Diagnostic } from '../diagnostics.js';
import { junitXml, type JUnitCase, type JUnitSuite } from '../format/junit-xml.js';
import { runScripted } from '../drill/engine.js';
import { loadDrill, readTextFile, resolvePlanPath } from '../drill/scenario.js';
import { checkExpectations, type AssertionResult } from './expect.js';
import { scoreDrill } from './index.js';
import type { Lang } from '../i18n/index.js';


/** The outcome of one scenario. */
export interface ScenarioTest {
  file: string;
  id?: string;
  title?: string;
  /** Overall score, when the drill ran. */
  score?: number;
  /** Errors that kept the scenario from running (its assertions are then empty). */
  errors: Diagnostic[];
  assertions: AssertionResult[];
  ok: boolean;
}

/** Scenario files under the paths: files as given, folders walked for `*.yaml` / `*.yml` (sorted). Missing paths listed. */
export function collectScenarioFiles(paths: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const p = join(dir, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (['.yaml', '.yml'].includes(extname(name).toLowerCase())) files.push(p);
    }
  };
  for (const p of paths) {
    let st;
    try { st = statSync(p); } catch { missing.push(p); continue; }
    if (st.isDirectory()) walk(p);
    else files.push(p);
  }
  return { files: [...new Set(files)], missing };
}

/** Loads, runs (scripted), scores and checks one scenario. Never throws. */
export function testScenario(file: string): ScenarioTest {
  try {
    const d = loadDrill(file);
    const errors = d.diagnostics.filter((x) => x.severity === 'error');
    if (!d.scenario || !d.plan || hasErrors(d.diagnostics)) {
      if (!errors.length) errors.push(...d.planDiagnostics.filter((x) => x.severity === 'error'));
      return { file, id: d.scenario?.id, title: d.scenario?.title, errors, assertions: [], ok: false };
    }
    const planText = readTextFile(resolvePlanPath(d.scenario));
    const events = runScripted(d.plan, d.scenario, { scenarioSource: d.source, planSource: 'text' in planText ? planText.text : undefined });
    const score = scoreDrill(d.plan, events, { scenario: d.scenario });
    const assertions = checkExpectations(d.scenario.expect, score);
    return { file, id: d.scenario.id, title: d.scenario.title, score: score.overall, errors: [], assertions, ok: assertions.every((a) => a.ok) };
  } catch (err) {
    const at = { line: 1, column: 1, offset: 0 };
    return { file, errors: [{ ruleId: 'drill/internal', severity: 'error', file, place: { start: at, end: at },
      message: `Unexpected internal error while running the drill: ${(err as Error)?.message ?? String(err)}`,
      messageZh: `运行演练时发生内部错误：${(err as Error)?.message ?? String(err)}` }], assertions: [], ok: false };
  }
}

const where = (file: string, a: { place?: { start: { line: number; column: number } } }, cwd: string) =>
  `${relative(cwd, file) || file}${a.place ? `:${a.place.start.line}:${a.place.start.column}` : ''}`;

/** Formats test results: `stylish` (text), `json` or `junit` (XML). */
export function formatTests(results: readonly ScenarioTest[], format: 'stylish' | 'json' | 'junit', lang: Lang, cwd = process.cwd()): string {
  const msg = (x: { message: string; messageZh?: string }) => localize(x, lang);
  const total = results.reduce((n, r) => n + Math.max(1, r.assertions.length + r.errors.length), 0);
  const failed = results.reduce((n, r) => n + r.errors.length + r.assertions.filter((a) => !a.ok).length, 0);
  if (format === 'json') {
    return JSON.stringify({
      ok: results.every((r) => r.ok),
      scenarios: results.map((r) => ({
        file: relative(cwd, r.file) || r.file, id: r.id, title: r.title, ok: r.ok, score: r.score,
        errors: r.errors.map((e) => ({ ruleId: e.ruleId, message: msg(e), line: e.place?.start.line, column: e.place?.start.column })),
        assertions: r.assertions.map((a) => ({ name: a.name, ok: a.ok, expected: a.expected, actual: a.actual, message: msg(a), line: a.place?.start.line, column: a.place?.start.column })),
      })),
      summary: { scenarios: results.length, failedScenarios: results.filter((r) => !r.ok).length, assertions: total, failed },
    }, null, 2);
  }
  if (format === 'junit') {
    return junitXml('yuan drill test', results.map((r): JUnitSuite => {
      const path = relative(cwd, r.file) || r.file;
      const classname = r.id ?? path;
      return {
        name: classname, file: path,
        placeholder: { classname, name: 'runs', file: path },
        cases: [
          ...r.errors.map((e): JUnitCase => ({ classname, name: `load ${e.ruleId}`, file: path, line: e.place?.start.line ?? 1,
            failure: { message: msg(e), type: e.ruleId, body: `${where(e.file || r.file, e, cwd)} ${msg(e)}` } })),
          ...r.assertions.map((a): JUnitCase => ({ classname, name: a.name, file: path, line: a.place?.start.line ?? 1,
            ...(a.ok ? {} : { failure: { message: msg(a), type: 'expectation', body: `${where(r.file, a, cwd)} ${msg(a)}\nexpected: ${a.expected}\nactual: ${a.actual}` } }) })),
        ],
      };
    }));
  }
  const tr = (en: string, zh: string) => (lang === 'zh' ? zh : en);
  const lines: string[] = [];
  for (const r of results) {
    const path = relative(cwd, r.file) || r.file;
    lines.push(`${r.ok ? tr('PASS', '通过') : tr('FAIL', '失败')} ${path}${r.id ? `  ${r.id}` : ''}${r.score !== undefined ? tr(`  score ${r.score}`, `  总分 ${r.score}`) : ''}`);
    for (const e of r.errors) lines.push(`  ✗ ${where(e.file || r.file, e, cwd)} ${msg(e)} (${e.ruleId})`);
    if (!r.errors.length && !r.assertions.length) lines.push(tr('  ✓ runs (no expect: block)', '  ✓ 可运行（无 expect: 断言）'));
    for (const a of r.assertions) lines.push(`  ${a.ok ? '✓' : '✗'} ${a.name}: ${msg(a)}${a.ok ? '' : `  ${where(r.file, a, cwd)}`}`);
  }
  const bad = results.filter((r) => !r.ok).length;
  lines.push('', tr(`${results.length} scenario(s), ${total} assertion(s): ${total - failed} passed, ${failed} failed; ${bad} scenario(s) failed`,
    `${results.length} 个演练脚本，${total} 项断言：${total - failed} 项通过，${failed} 项失败；${bad} 个脚本未通过`));
  return lines.join('\n');
}
