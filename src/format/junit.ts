import { localize, type Diagnostic } from '../diagnostics.js';
import { groupByFile, location, placeOrStart, reportedFiles, sortForOutput, type FormatContext } from './context.js';
import { junitXml, type JUnitCase, type JUnitSuite } from './junit-xml.js';

export { escapeAttr, escapeXml, stripIllegalXml } from '../xml.js';

/**
 * JUnit XML for GitLab's test report (and other CI dashboards): one `<testsuite>` per file, one
 * `<testcase>` per diagnostic named `rule-id line:col`. Errors and warnings are `<failure type=severity>`;
 * infos pass, with the message in `<system-out>`. A file without diagnostics gets one passing testcase.
 */
export const junit = (diagnostics: Diagnostic[], ctx: FormatContext): string => {
  const byFile = groupByFile(sortForOutput(diagnostics, ctx.cwd), ctx.cwd);
  const suites = reportedFiles(diagnostics, ctx).map((path): JUnitSuite => ({
    name: path,
    placeholder: { classname: path, name: `${ctx.tool.name} lint`, file: path },
    cases: (byFile.get(path) ?? []).map((d): JUnitCase => {
      const p = placeOrStart(d.place);
      const message = localize(d, ctx.lang);
      const body = [
        `${location(d.file, d.place, ctx.cwd)}${d.place ? `-${p.end.line}:${p.end.column}` : ''} ${d.severity} ${d.ruleId}`,
        message,
        ...(d.related ?? []).map((r) => `↳ ${localize(r, ctx.lang)}: ${location(r.file, r.place, ctx.cwd)}`),
        ...(d.clause ? [d.clause] : []),
        ...(d.url ? [d.url] : []),
      ].join('\n');
      const c: JUnitCase = { classname: path, name: `${d.ruleId} ${p.start.line}:${p.start.column}`, file: path, line: p.start.line };
      return d.severity === 'info' ? { ...c, output: body } : { ...c, failure: { message, type: d.severity, body } };
    }),
  }));
  return junitXml(ctx.tool.name, suites);
};
