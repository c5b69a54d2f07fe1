/**
 * The one JUnit XML writer (GitLab's test report and other CI dashboards read it): `yuan lint --format junit` and
 * `yuan drill test --format junit` both describe their results as suites of cases and leave the XML to this.
 */
import { escapeAttr, escapeXml } from '../xml.js';

/** One `<testcase>`: passing unless it has a failure. */
export interface JUnitCase {
  classname: string;
  name: string;
  file: string;
  line?: number;
  failure?: { message: string; type: string; body: string };
  /** Text for `<system-out>` (a passing case's message). */
  output?: string;
}

/** One `<testsuite>`; a suite without cases is written with `placeholder` as its one passing case. */
export interface JUnitSuite {
  name: string;
  file?: string;
  cases: JUnitCase[];
  placeholder: JUnitCase;
}

const attrs = (pairs: [string, string | number | undefined][]) =>
  pairs.filter(([, v]) => v !== undefined).map(([k, v]) => ` ${k}="${escapeAttr(String(v))}"`).join('');

/** The XML document for `suites` under `<testsuites name=…>`; counts are computed from the cases. */
export function junitXml(name: string, suites: readonly JUnitSuite[]): string {
  const casesOf = (s: JUnitSuite) => (s.cases.length ? s.cases : [s.placeholder]);
  const failures = (cases: readonly JUnitCase[]) => cases.filter((c) => c.failure).length;
  const all = suites.flatMap(casesOf);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites${attrs([['name', name], ['tests', all.length], ['failures', failures(all)], ['errors', 0]])}>`];
  for (const s of suites) {
    const cases = casesOf(s);
    out.push(`  <testsuite${attrs([['name', s.name], ['file', s.file], ['tests', cases.length], ['failures', failures(cases)], ['errors', 0], ['skipped', 0]])}>`);
    for (const c of cases) {
      const open = `    <testcase${attrs([['classname', c.classname], ['name', c.name], ['file', c.file], ['line', c.line]])}`;
      if (!c.failure && c.output === undefined) { out.push(`${open}/>`); continue; }
      out.push(`${open}>`);
      if (c.failure) out.push(`      <failure${attrs([['message', c.failure.message], ['type', c.failure.type]])}>${escapeXml(c.failure.body)}</failure>`);
      else out.push(`      <system-out>${escapeXml(c.output!)}</system-out>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
