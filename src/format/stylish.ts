import pc from 'picocolors';
import stringWidth from 'string-width';
import { localize, type Diagnostic, type Severity } from '../diagnostics.js';
import type { Place } from '../model/place.js';
import { countSeverities, groupByFile, location, sortForOutput, sourceOf, type FormatContext } from './context.js';

type Colors = ReturnType<typeof pc.createColors>;

/** Tab stops used when expanding tabs in code frames (fixed, so output does not depend on the terminal). */
export const TAB_SIZE = 4;

const SEVERITY_LABEL: Record<'zh' | 'en', Record<Severity, string>> = {
  en: { error: 'error', warning: 'warning', info: 'info' },
  zh: { error: '错误', warning: '警告', info: '提示' },
};

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Pads to a display width (CJK characters count double). */
const padDisplay = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - stringWidth(s)));

/** A source line prepared for display: tabs expanded, control characters made visible, display column of every grapheme. */
interface DisplayLine {
  text: string;
  /** UTF-16 index in the original line → display column, at the start of each grapheme (plus the line's end). */
  stops: { index: number; column: number }[];
}

function displayLine(line: string, tabSize = TAB_SIZE): DisplayLine {
  let text = '';
  let column = 0;
  const stops: DisplayLine['stops'] = [];
  for (const { segment, index } of segmenter.segment(line)) {
    stops.push({ index, column });
    let shown: string;
    if (segment === '\t') shown = ' '.repeat(tabSize - (column % tabSize));
    else if (/^[\u0000-\u001f\u007f-\u009f]/.test(segment)) shown = '·';
    else shown = segment;
    text += shown;
    column += segment === '\t' ? shown.length : stringWidth(shown);
  }
  stops.push({ index: line.length, column });
  return { text, stops };
}

/** Display column of a UTF-16 index: the grapheme containing it (`floor`) or the next grapheme boundary (`ceil`). */
function columnAt(dl: DisplayLine, index: number, round: 'floor' | 'ceil'): number {
  let best = round === 'floor' ? dl.stops[0] : dl.stops[dl.stops.length - 1];
  for (const stop of dl.stops) {
    if (round === 'floor' ? stop.index <= index : stop.index >= index) {
      best = stop;
      if (round === 'ceil') break;
    }
  }
  return best.column;
}

/**
 * The code frame of a place: its first source line and a `^~~~` underline placed by display width
 * (CJK characters are two columns wide, tabs expand to {@link TAB_SIZE} stops). A range that runs
 * past its first line is underlined to the end of that line. Returns no lines when the line is unknown.
 */
export function codeFrame(source: string, place: Place, colors: Colors = pc.createColors(false), mark: (s: string) => string = colors.red, indent = 4): string[] {
  const lines = source.split('\n');
  const raw = lines[place.start.line - 1];
  if (raw === undefined) return [];
  const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  const dl = displayLine(line);
  const startIndex = Math.min(Math.max(place.start.column - 1, 0), line.length);
  const endIndex = place.end.line > place.start.line ? line.length : Math.min(Math.max(place.end.column - 1, startIndex), line.length);
  const startCol = columnAt(dl, startIndex, 'floor');
  let width = columnAt(dl, endIndex, 'ceil') - startCol;
  if (width < 1) width = 1;
  const num = String(place.start.line);
  const gutter = ' '.repeat(indent);
  return [
    `${gutter}${colors.dim(`${num} |`)} ${dl.text.trimEnd()}`,
    `${gutter}${colors.dim(`${' '.repeat(num.length)} |`)} ${' '.repeat(startCol)}${mark(`^${'~'.repeat(width - 1)}`)}`,
  ];
}

/** The summary line: `✖ 5 problems (3 errors, 2 warnings)` / `✖ 5 个问题（3 个错误，2 个警告）`. */
export function summaryLine(diagnostics: Diagnostic[], lang: 'zh' | 'en'): string {
  const c = countSeverities(diagnostics);
  const n = diagnostics.length;
  if (lang === 'zh') {
    return `✖ ${n} 个问题（${c.error} 个错误，${c.warning} 个警告${c.info ? `，${c.info} 个提示` : ''}）`;
  }
  const plural = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
  return `✖ ${plural(n, 'problem')} (${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}${c.info ? `, ${c.info} info` : ''})`;
}

/**
 * The per-rule summary printed above the total: how many findings each rule gave, most first, so that one noisy rule
 * shows at a glance (and can be configured, or reported upstream).
 */
export function ruleSummary(diagnostics: Diagnostic[], lang: 'zh' | 'en'): string[] {
  const byRule = new Map<string, Record<Severity, number>>();
  for (const d of diagnostics) {
    const c = byRule.get(d.ruleId) ?? { error: 0, warning: 0, info: 0 };
    c[d.severity]++;
    byRule.set(d.ruleId, c);
  }
  const total = (c: Record<Severity, number>) => c.error + c.warning + c.info;
  const rows = [...byRule].sort((a, b) => total(b[1]) - total(a[1]) || a[0].localeCompare(b[0]));
  const width = Math.max(...rows.map(([id]) => stringWidth(id)));
  const count = (n: number, en: string, zh: string) => (lang === 'zh' ? `${n} 个${zh}` : `${n} ${en}${n === 1 ? '' : 's'}`);
  const parts = (c: Record<Severity, number>) => [
    c.error ? count(c.error, 'error', '错误') : '', c.warning ? count(c.warning, 'warning', '警告') : '', c.info ? (lang === 'zh' ? `${c.info} 个提示` : `${c.info} info`) : '',
  ].filter(Boolean).join(lang === 'zh' ? '，' : ', ');
  return [lang === 'zh' ? '按规则统计：' : 'By rule:', ...rows.map(([id, c]) => `  ${padDisplay(id, width)}  ${parts(c)}`)];
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
  const labels = SEVERITY_LABEL[ctx.lang];
  const sorted = sortForOutput(diagnostics, ctx.cwd);
  const out: string[] = [];

  for (const [file, list] of groupByFile(sorted, ctx.cwd)) {
    out.push(colors.underline(file));
    const rows = list.map((d) => {
      const [first, ...rest] = localize(d, ctx.lang).split(/\r?\n/);
      const loc = d.place ? `${d.place.start.line}:${d.place.start.column}` : '1:1';
      return { d, loc, sev: labels[d.severity], first, rest };
    });
    const locW = Math.max(...rows.map((r) => stringWidth(r.loc)));
    const sevW = Math.max(...rows.map((r) => stringWidth(r.sev)));
    const msgW = Math.max(...rows.map((r) => stringWidth(r.first)));
    const continuation = ' '.repeat(2 + locW + 2 + sevW + 2);
    const source = sourceOf(ctx, list[0].file);
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
