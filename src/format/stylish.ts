import pc from 'picocolors';
import { localize, type Diagnostic, type Severity } from '../diagnostics.js';
import { codeFrame, displayWidth, SourceLines } from './code-frame.js';
import { countSeverities, groupByFile, location, sortForOutput, sourceOf, type FormatContext } from './context.js';
import { msg, plural, type Lang } from '../i18n/index.js';

export { codeFrame, FRAME_WIDTH, SourceLines, TAB_SIZE } from './code-frame.js';

/** `3 errors` / `3 个错误`: one severity's count, from the catalogue. */
const COUNT = { error: 'format.count.error', warning: 'format.count.warning', info: 'format.count.info' } as const;
const count = (lang: Lang, severity: Severity, n: number) => msg(lang, COUNT[severity], { n, n_s: plural(n) });
const SEVERITY = { error: 'format.severity.error', warning: 'format.severity.warning', info: 'format.severity.info' } as const;

/** Pads to a display width (CJK characters count double). */
const padDisplay = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - displayWidth(s)));

/** The summary line: `✖ 5 problems (3 errors, 2 warnings)` / `✖ 5 个问题（3 个错误，2 个警告）`. */
export function summaryLine(diagnostics: Diagnostic[], lang: Lang): string {
  const c = countSeverities(diagnostics);
  const n = diagnostics.length;
  // Errors and warnings are always counted (0 too), info only when there is some.
  const counts = [count(lang, 'error', c.error), count(lang, 'warning', c.warning), ...(c.info ? [count(lang, 'info', c.info)] : [])];
  return msg(lang, 'format.summary', { problems: n, problems_s: plural(n), counts: counts.join(msg(lang, 'format.count.separator')) });
}

/**
 * The per-rule summary printed above the total: how many findings each rule gave, most first, so that one noisy rule
 * shows at a glance (and can be configured, or reported upstream).
 */
export function ruleSummary(diagnostics: Diagnostic[], lang: Lang): string[] {
  const byRule = new Map<string, Record<Severity, number>>();
  for (const d of diagnostics) {
    const c = byRule.get(d.ruleId) ?? { error: 0, warning: 0, info: 0 };
    c[d.severity]++;
    byRule.set(d.ruleId, c);
  }
  const total = (c: Record<Severity, number>) => c.error + c.warning + c.info;
  const rows = [...byRule].sort((a, b) => total(b[1]) - total(a[1]) || a[0].localeCompare(b[0]));
  const width = Math.max(...rows.map(([id]) => displayWidth(id)));
  const parts = (c: Record<Severity, number>) =>
    (['error', 'warning', 'info'] as const).filter((k) => c[k]).map((k) => count(lang, k, c[k])).join(msg(lang, 'format.count.separator'));
  return [msg(lang, 'format.byRule'), ...rows.map(([id, c]) => `  ${padDisplay(id, width)}  ${parts(c)}`)];
}

/**
 * ESLint-style human output: diagnostics grouped by file, columns aligned by display width, a code
 * frame under each diagnostic, related places, then the count per rule and the total. Empty string when there is
 * nothing to report.
 */
export const stylish = (diagnostics: Diagnostic[], ctx: FormatContext): string => {
  if (!diagnostics.length) return '';
  const colors = pc.createColors(ctx.color);
  const paint: Record<Severity, (s: string) => string> = { error: colors.red, warning: colors.yellow, info: colors.cyan };
  const labels = { error: msg(ctx.lang, SEVERITY.error), warning: msg(ctx.lang, SEVERITY.warning), info: msg(ctx.lang, SEVERITY.info) };
  const sorted = sortForOutput(diagnostics, ctx.cwd);
  const out: string[] = [];

  for (const [file, list] of groupByFile(sorted, ctx.cwd)) {
    out.push(colors.underline(file));
    const rows = list.map((d) => {
      const [first, ...rest] = localize(d, ctx.lang).split(/\r?\n/);
      const loc = d.place ? `${d.place.start.line}:${d.place.start.column}` : '1:1';
      return { d, loc, sev: labels[d.severity], first, rest };
    });
    const widest = (f: (r: (typeof rows)[number]) => string) => rows.reduce((m, r) => Math.max(m, displayWidth(f(r))), 0);
    const locW = widest((r) => r.loc);
    const sevW = widest((r) => r.sev);
    const msgW = widest((r) => r.first);
    const continuation = ' '.repeat(2 + locW + 2 + sevW + 2);
    const text = sourceOf(ctx, list[0].file);
    const source = text === undefined ? undefined : new SourceLines(text);
    for (const { d, loc, sev, first, rest } of rows) {
      out.push(`  ${colors.dim(padDisplay(loc, locW))}  ${paint[d.severity](padDisplay(sev, sevW))}  ${padDisplay(first, msgW)}  ${colors.dim(d.ruleId)}`.trimEnd());
      for (const line of rest) out.push(`${continuation}${line}`.trimEnd());
      if (source !== undefined && d.place) out.push(...codeFrame(source, d.place, colors, paint[d.severity]));
      for (const r of d.related ?? []) {
        out.push(`    ${colors.cyan('↳')} ${localize(r, ctx.lang)}: ${location(r.file, r.place, ctx.cwd)}`);
      }
    }
    out.push('');
  }

  if (diagnostics.length > 1) out.push(...ruleSummary(diagnostics, ctx.lang).map((l, i) => (i === 0 ? l : colors.dim(l))), '');
  const c = countSeverities(diagnostics);
  const summaryColor = c.error ? colors.red : c.warning ? colors.yellow : colors.cyan;
  out.push(colors.bold(summaryColor(summaryLine(diagnostics, ctx.lang))));
  return `${out.join('\n')}\n`;
};
