import type { Diagnostic } from '../diagnostics.js';
import type { Plan, PlanFormat } from '../model/index.js';
import type { FinishOptions } from './finish.js';
import { readGuardedFile } from './guard.js';
import { parseMarkdown } from './markdown.js';
import { parseYaml } from './yaml.js';

import { PLAN_EXTENSIONS } from './files.js';

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

/** Options of parsing: the size limit and the config's 立即 threshold (seconds). */
export interface ParseOptions extends FinishOptions { maxBytes?: number }

/** Parses plan text of the given syntax. Never throws. */
export function parsePlanText(text: string, file: string, format: PlanFormat = formatOf(file), opts: FinishOptions = {}): ParseResult {
  try {
    return format === 'markdown' ? parseMarkdown(text, file, opts) : parseYaml(text, file, opts);
  } catch (err) {
    // Parsers report their own errors; reaching here is a bug, but the user still gets a place and a message.
    const at = { line: 1, column: 1, offset: 0 };
    return { diagnostics: [{ ruleId: 'parse/internal', severity: 'error', file, place: { start: at, end: at },
      message: `Unexpected internal error while parsing: ${(err as Error).message}`, messageZh: `解析时发生内部错误：${(err as Error).message}` }] };
  }
}

/** Reads and parses one plan file, refusing other file types and over-large or binary files before parsing. Never throws. */
export function parsePlanFile(file: string, opts: ParseOptions = {}): ParseResult {
  if (!PLAN_EXTENSIONS.some((e) => file.toLowerCase().endsWith(e))) {
    const ext = /\.[^./\\]+$/.exec(file)?.[0] ?? '(none)';
    const at = { line: 1, column: 1, offset: 0 };
    return { diagnostics: [{ ruleId: 'parse/unsupported-type', severity: 'error', file, place: { start: at, end: at },
      message: `Unexpected file type \`${ext}\`, expected a plan in Markdown (.md, .markdown) or YAML (.yaml, .yml, .json)`,
      messageZh: `不支持的文件类型 \`${ext}\`，预案应为 Markdown（.md、.markdown）或 YAML（.yaml、.yml、.json）` }] };
  }
  const read = readGuardedFile(file, opts.maxBytes);
  if ('diagnostic' in read) return { diagnostics: [read.diagnostic] };
  return { ...parsePlanText(read.text, file, formatOf(file), opts), source: read.text };
}
