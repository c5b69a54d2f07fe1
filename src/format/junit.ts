import { localize, type Diagnostic } from '../diagnostics.js';
import { countSeverities, groupByFile, location, placeOrStart, reportedFiles, sortForOutput, type FormatContext } from './context.js';

/** Characters XML 1.0 forbids anywhere (C0 controls other than TAB/LF/CR, lone surrogates, U+FFFE/U+FFFF). */
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes characters that XML 1.0 cannot contain, even as character references. */
export function stripIllegalXml(s: string): string {
  return s.replace(ILLEGAL, '');
}

/** Escapes text content: `& < > " '` become entities. */
export function escapeXml(s: string): string {
  return stripIllegalXml(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Escapes an attribute value; line breaks and tabs become character references so parsers keep them. */
export function escapeAttr(s: string): string {
  return escapeXml(s).replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

const attrs = (pairs: [string, string | number][]) => pairs.map(([k, v]) => ` ${k}="${escapeAttr(String(v))}"`).join('');

/**
 * JUnit XML for GitLab's test report (and other CI dashboards): one `<testsuite>` per file, one
 * `<testcase>` per diagnostic named `rule-id line:col`. Errors and warnings are `<failure type=severity>`;
 * infos pass, with the message in `<system-out>`. A file without diagnostics gets one passing testcase.
 */
export const junit = (diagnostics: Diagnostic[], ctx: FormatContext): string => {
  const byFile = groupByFile(sortForOutput(diagnostics, ctx.cwd), ctx.cwd);
  const files = reportedFiles(diagnostics, ctx);
  const total = countSeverities(diagnostics);
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const failures = total.error + total.warning;
  const tests = files.reduce((n, f) => n + Math.max(1, byFile.get(f)?.length ?? 0), 0);
  out.push(`<testsuites${attrs([['name', ctx.tool.name], ['tests', tests], ['failures', failures], ['errors', 0]])}>`);
  for (const path of files) {
    const list = byFile.get(path) ?? [];
    const c = countSeverities(list);
    out.push(`  <testsuite${attrs([['name', path], ['tests', Math.max(1, list.length)], ['failures', c.error + c.warning], ['errors', 0], ['skipped', 0]])}>`);
    if (!list.length) out.push(`    <testcase${attrs([['classname', path], ['name', `${ctx.tool.name} lint`], ['file', path]])}/>`);
    for (const d of list) {
      const p = placeOrStart(d.place);
      const message = localize(d, ctx.lang);
      const body = [
        `${location(d.file, d.place, ctx.cwd)}${d.place ? `-${p.end.line}:${p.end.column}` : ''} ${d.severity} ${d.ruleId}`,
        message,
        ...(d.related ?? []).map((r) => `↳ ${localize(r, ctx.lang)}: ${location(r.file, r.place, ctx.cwd)}`),
        ...(d.clause ? [d.clause] : []),
        ...(d.url ? [d.url] : []),
      ].join('\n');
      out.push(`    <testcase${attrs([['classname', path], ['name', `${d.ruleId} ${p.start.line}:${p.start.column}`], ['file', path], ['line', p.start.line]])}>`);
      if (d.severity === 'info') out.push(`      <system-out>${escapeXml(body)}</system-out>`);
      else out.push(`      <failure${attrs([['message', message], ['type', d.severity]])}>${escapeXml(body)}</failure>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
};
