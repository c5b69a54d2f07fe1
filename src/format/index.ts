import type { Diagnostic } from '../diagnostics.js';
import type { FormatContext, Formatter } from './context.js';
import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

export { shouldColor, displayPath, type FormatContext, type Formatter } from './context.js';
export { codeFrame, summaryLine } from './stylish.js';
export { jsonReport, type JsonFileResult, type JsonMessage, type JsonRelated } from './json.js';
export { sarifLog, SARIF_SCHEMA, type SarifLog } from './sarif.js';
export { escapeData, escapeProperty } from './github.js';
export { escapeXml, escapeAttr, stripIllegalXml } from '../xml.js';
export { junitXml, type JUnitCase, type JUnitSuite } from './junit-xml.js';

/** Names accepted by `--format`. */
export type FormatName = 'stylish' | 'json' | 'sarif' | 'github' | 'junit';

/** Every output format by name. */
export const formatters: Record<FormatName, Formatter> = { stylish, json, sarif, github, junit };

/** The format names, for `--format` choices and help. */
export const formatNames = Object.keys(formatters) as FormatName[];

/** True when `name` is a known format. */
export function isFormatName(name: string): name is FormatName {
  return Object.prototype.hasOwnProperty.call(formatters, name);
}

/** Formats diagnostics with the named formatter; throws on an unknown name (a usage error, exit code 2). */
export function formatDiagnostics(name: FormatName | string, diagnostics: Diagnostic[], ctx: FormatContext): string {
  if (!isFormatName(name)) throw new Error(`Unknown format "${name}", expected one of: ${formatNames.join(', ')}`);
  return formatters[name](diagnostics, ctx);
}
