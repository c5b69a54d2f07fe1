import type { Diagnostic } from '../diagnostics.js';
import type { Plan } from '../model/plan.js';
import { finishPlan, type FinishOptions } from './finish.js';
import type { Ctx } from './markdown-context.js';
import { internalError, parseMarkdownRaw } from './markdown-raw.js';

export { parseMarkdownRaw, parseMarkdownTree } from './markdown-raw.js';

/**
 * Reads a Markdown plan (YAML front matter, headings as sections, GFM tables as model nodes) into a Plan, then runs
 * the shared finish pass. Never throws: an internal failure becomes a `parse/syntax` diagnostic at 1:1.
 */
export function parseMarkdown(source: string, file: string, opts: FinishOptions = {}): { plan?: Plan; diagnostics: Diagnostic[] } {
  const raw = parseMarkdownRaw(source, file);
  if (!raw.plan) return raw;
  try {
    return { plan: finishPlan(raw.plan, source, raw.diagnostics, opts), diagnostics: raw.diagnostics };
  } catch (err) {
    const ctx: Ctx = { source, file, diagnostics: raw.diagnostics };
    internalError(ctx, err);
    return { diagnostics: raw.diagnostics };
  }
}
