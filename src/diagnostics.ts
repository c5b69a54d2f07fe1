import { formatPlace, type Place } from './model/place.js';

export type Severity = 'error' | 'warning' | 'info';

/** Another place that explains a diagnostic ("defined here"). */
export interface Related {
  message: string;
  messageZh?: string;
  file: string;
  place?: Place;
}

/** One finding about one place in one file. */
export interface Diagnostic {
  /** Rule or parser check id, e.g. `level-overlap`, `parse/yaml-syntax`. */
  ruleId: string;
  severity: Severity;
  /** English message, remark-lint style: "Unexpected X, expected Y". */
  message: string;
  /** Chinese message (shown with --lang zh). */
  messageZh?: string;
  file: string;
  place?: Place;
  related?: Related[];
  /** Documentation URL for the rule. */
  url?: string;
  /** Standard clause the rule enforces (GB/T 29639-2020 6.3 …). */
  clause?: string;
}

/** `3:1-3:11 error message rule-id`, the compact one-line form. */
export function diagnosticToString(d: Diagnostic): string {
  return `${d.file}:${formatPlace(d.place)} ${d.severity} ${d.message} ${d.ruleId}`;
}

/** Sorts diagnostics by file, then line, then column, then rule id (stable output for CI). */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) =>
    a.file.localeCompare(b.file) ||
    (a.place?.start.line ?? 0) - (b.place?.start.line ?? 0) ||
    (a.place?.start.column ?? 0) - (b.place?.start.column ?? 0) ||
    a.ruleId.localeCompare(b.ruleId));
}

/** True when any diagnostic is an error. */
export function hasErrors(list: Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'error');
}

/** The message in the requested language (Chinese falls back to English when no translation exists). */
export function localize(d: { message: string; messageZh?: string }, lang: 'zh' | 'en'): string {
  return lang === 'zh' && d.messageZh ? d.messageZh : d.message;
}
