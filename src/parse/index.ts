import type { Diagnostic } from '../diagnostics.js';
import type { Plan, PlanFormat } from '../model/index.js';
import { readGuardedFile } from './guard.js';
import { parseMarkdown } from './markdown.js';
import { parseYaml } from './yaml.js';

export { collectPlanFiles, globToRegExp, PLAN_EXTENSIONS } from './files.js';
export { parseDuration, type DurationContext } from './duration.js';
export { MAX_PLAN_BYTES } from './guard.js';
export { parseMarkdown } from './markdown.js';
export { parseYaml } from './yaml.js';

/** What parsing one file gives: the plan (when it could be built) and every diagnostic. */
export interface ParseResult {
  plan?: Plan;
  diagnostics: Diagnostic[];
  /** The decoded source text (when the file could be read), for code frames and inline disables. */
  source?: string;
}

/** Syntax of a file by its extension (.md/.markdown → markdown; .yaml/.yml/.json → yaml). */
export function formatOf(file: string): PlanFormat {
  return /\.(md|markdown)$/i.test(file) ? 'markdown' : 'yaml';
}

/** Parses plan text of the given syntax. Never throws. */
export function parsePlanText(text: string, file: string, format: PlanFormat = formatOf(file)): ParseResult {
  try {
    return format === 'markdown' ? parseMarkdown(text, file) : parseYaml(text, file);
  } catch (err) {
    // Parsers report their own errors; reaching here is a bug, but the user still gets a place and a message.
    const at = { line: 1, column: 1, offset: 0 };
    return { diagnostics: [{ ruleId: 'parse/internal', severity: 'error', file, place: { start: at, end: at },
      message: `Unexpected internal error while parsing: ${(err as Error).message}`, messageZh: `解析时发生内部错误：${(err as Error).message}` }] };
  }
}

/** Reads and parses one plan file, refusing over-large or binary files before parsing. Never throws. */
export function parsePlanFile(file: string, opts: { maxBytes?: number } = {}): ParseResult {
  const read = readGuardedFile(file, opts.maxBytes);
  if ('diagnostic' in read) return { diagnostics: [read.diagnostic] };
  return { ...parsePlanText(read.text, file), source: read.text };
}
