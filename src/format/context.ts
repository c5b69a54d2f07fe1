import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Diagnostic, Severity } from '../diagnostics.js';
import type { Place } from '../model/place.js';
import { docsBase, type RuleMeta } from '../validate/rule.js';
import type { Lang } from '../i18n/index.js';

/** Everything a formatter needs besides the diagnostics themselves. */
export interface FormatContext {
  /** Directory that paths are shown relative to (the repository root in CI). */
  cwd: string;
  lang: Lang;
  /** Emit ANSI colours (stylish only). */
  color: boolean;
  /** Metadata of the rules (descriptions, clauses, default severities) for SARIF rule descriptors. */
  rules: RuleMeta[];
  /**
   * File → source text of every linted file: code frames are cut from it, and files that appear here
   * without diagnostics are still reported as clean (JSON entries, JUnit passing testcases, SARIF artifacts).
   */
  sources: Map<string, string>;
  tool: { name: 'yuan'; version: string };
  /** Base URL of the rule pages the lint ran with (`docsBase`); the SARIF `informationUri` is its docs/ci.md. */
  docsUrl?: string;
}

/** A formatter turns diagnostics into the text of one output format. */
export type Formatter = (diagnostics: Diagnostic[], ctx: FormatContext) => string;

/** Page about the tool (SARIF `informationUri`): docs/ci.md beside the rule pages' folder. */
export function informationUri(ctx: Pick<FormatContext, 'docsUrl'>): string {
  const rules = ctx.docsUrl ?? docsBase();
  try { return new URL('../ci.md', rules).href; } catch { return rules; }
}

const truthy = (v: string | undefined) => v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';

/**
 * Whether to colour output written to `stream`: `FORCE_COLOR=0|false` and a non-empty `NO_COLOR`
 * turn colour off (no-color.org; NO_COLOR wins over FORCE_COLOR, as in picocolors), any other
 * `FORCE_COLOR` turns it on, otherwise colour only when the stream is a TTY.
 */
export function shouldColor(stream: { isTTY?: boolean } | undefined, env: Record<string, string | undefined> = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '' && !truthy(force)) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (force !== undefined) return true;
  return !!stream?.isTTY;
}

/** The path of `file` relative to `cwd`, with forward slashes (`plans/chem/leak.md`). */
export function displayPath(file: string, cwd: string): string {
  const abs = isAbsolute(file) ? file : resolve(cwd, file);
  const rel = relative(cwd, abs) || abs;
  return sep === '/' ? rel : rel.split(sep).join('/');
}

/** Code-point order: the same on every machine, unlike localeCompare. */
export const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Sorts by displayed path, then line, column and rule id, so absolute and relative spellings of a file sort together. */
export function sortForOutput(diagnostics: Diagnostic[], cwd: string): Diagnostic[] {
  const key = new Map(diagnostics.map((d) => [d.file, displayPath(d.file, cwd)]));
  return [...diagnostics].sort((a, b) =>
    compare(key.get(a.file)!, key.get(b.file)!) ||
    (a.place?.start.line ?? 0) - (b.place?.start.line ?? 0) ||
    (a.place?.start.column ?? 0) - (b.place?.start.column ?? 0) ||
    compare(a.ruleId, b.ruleId));
}

/** Every file to report on, as displayed paths: the linted sources plus any file a diagnostic names, sorted. */
export function reportedFiles(diagnostics: Diagnostic[], ctx: FormatContext): string[] {
  const set = new Set<string>();
  for (const f of ctx.sources.keys()) set.add(displayPath(f, ctx.cwd));
  for (const d of diagnostics) set.add(displayPath(d.file, ctx.cwd));
  return [...set].sort(compare);
}

/** Groups diagnostics by displayed path (keeping their order). */
export function groupByFile(diagnostics: Diagnostic[], cwd: string): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const file = displayPath(d.file, cwd);
    const list = out.get(file);
    if (list) list.push(d); else out.set(file, [d]);
  }
  return out;
}

/** The source text of a file, whichever spelling (absolute or relative) the context keys it by. */
export function sourceOf(ctx: FormatContext, file: string): string | undefined {
  const direct = ctx.sources.get(file);
  if (direct !== undefined) return direct;
  const wanted = displayPath(file, ctx.cwd);
  for (const [f, text] of ctx.sources) if (displayPath(f, ctx.cwd) === wanted) return text;
  return undefined;
}

/** Counts per severity. */
export function countSeverities(diagnostics: Diagnostic[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) out[d.severity]++;
  return out;
}

/** The place, or the first character of the file when a diagnostic has none. */
export function placeOrStart(place: Place | undefined): Place {
  return place ?? { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
}

/** `file:line:col`, the clickable form used by terminals and editors. */
export function location(file: string, place: Place | undefined, cwd: string): string {
  const p = placeOrStart(place);
  return `${displayPath(file, cwd)}:${p.start.line}:${p.start.column}`;
}

/** The rule metadata for an id, if the rule is known. */
export function findRule(ctx: FormatContext, id: string): RuleMeta | undefined {
  return ctx.rules.find((r) => r.id === id);
}
