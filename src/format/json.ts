import { localize, type Diagnostic, type Related, type Severity } from '../diagnostics.js';
import type { Place } from '../model/place.js';
import { countSeverities, displayPath, groupByFile, placeOrStart, reportedFiles, sortForOutput, type FormatContext } from './context.js';

/** A range in the JSON output (1-based lines and UTF-16 columns; the end is exclusive, as in unist). */
export interface JsonRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A related place in the JSON output. */
export interface JsonRelated extends JsonRange {
  /** Path relative to the working directory, forward slashes. */
  file: string;
  /** In the requested language. */
  message: string;
  messageEn: string;
  messageZh?: string;
}

/** One diagnostic in the JSON output. */
export interface JsonMessage extends JsonRange {
  ruleId: string;
  severity: Severity;
  /** In the requested language (`--lang`). */
  message: string;
  messageEn: string;
  messageZh?: string;
  related?: JsonRelated[];
  url?: string;
  clause?: string;
}

/** One file in the JSON output (ESLint's `LintResult` shape, plus `infoCount`). */
export interface JsonFileResult {
  file: string;
  messages: JsonMessage[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
}

function range(place: Place | undefined): JsonRange {
  const p = placeOrStart(place);
  return { line: p.start.line, column: p.start.column, endLine: p.end.line, endColumn: p.end.column };
}

function related(r: Related, ctx: FormatContext): JsonRelated {
  return {
    file: displayPath(r.file, ctx.cwd),
    ...range(r.place),
    message: localize(r, ctx.lang),
    messageEn: r.message,
    ...(r.messageZh ? { messageZh: r.messageZh } : {}),
  };
}

/** Builds the JSON report (exported for the CLI and for tests). */
export function jsonReport(diagnostics: Diagnostic[], ctx: FormatContext): JsonFileResult[] {
  const byFile = groupByFile(sortForOutput(diagnostics, ctx.cwd), ctx.cwd);
  return reportedFiles(diagnostics, ctx).map((file) => {
    const list = byFile.get(file) ?? [];
    const counts = countSeverities(list);
    return {
      file,
      messages: list.map((d): JsonMessage => ({
        ruleId: d.ruleId,
        severity: d.severity,
        ...range(d.place),
        message: localize(d, ctx.lang),
        messageEn: d.message,
        ...(d.messageZh ? { messageZh: d.messageZh } : {}),
        ...(d.related?.length ? { related: d.related.map((r) => related(r, ctx)) } : {}),
        ...(d.url ? { url: d.url } : {}),
        ...(d.clause ? { clause: d.clause } : {}),
      })),
      errorCount: counts.error,
      warningCount: counts.warning,
      infoCount: counts.info,
    };
  });
}

/** Stable, pretty-printed JSON: an array of files (clean linted files included) with their messages. */
export const json = (diagnostics: Diagnostic[], ctx: FormatContext): string => `${JSON.stringify(jsonReport(diagnostics, ctx), null, 2)}\n`;
