import { formatPlace, type Place } from './model/place.js';
import type { Lang } from './i18n/index.js';

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
  /** The rule's `meta.messages` id the message was made from, and the data that filled it (docs/i18n.md). */
  messageId?: string;
  data?: Readonly<Record<string, string | number>>;
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

/**
 * Parse checks that mean the file could not be read as a plan at all (wrong type, binary, too large or too deep,
 * broken YAML or front matter). Everything else — a vague deadline, an unknown fact, an ambiguous owner — is a content
 * finding: the plan is still built, linted, compiled, rendered and drilled, and the finding is reported.
 */
const UNREADABLE = new Set([
  'parse/unsupported-type', 'parse/unreadable', 'parse/binary', 'parse/too-large', 'parse/too-deep', 'parse/alias-bomb',
  'parse/syntax', 'parse/yaml-syntax', 'parse/front-matter', 'parse/internal',
]);

/** True for a diagnostic that means the file could not be read as a plan (see `UNREADABLE`). */
export function isUnreadable(d: Diagnostic): boolean {
  return d.severity === 'error' && (UNREADABLE.has(d.ruleId) || d.ruleId.startsWith('parse/too-'));
}

/** The message in the requested language (Chinese falls back to English when no translation exists). */
export function localize(d: { message: string; messageZh?: string }, lang: Lang): string {
  return lang === 'zh' && d.messageZh ? d.messageZh : d.message;
}
