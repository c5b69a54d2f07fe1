import type { Plan } from '../model/index.js';
import { exportJson } from './json.js';
import { exportMarkdown } from './markdown.js';
import { exportYaml } from './yaml.js';

export { planToForm, DEFAULT_SCHEMA_URL, type FormObject, type FormValue } from './form.js';
export { exportJson, type JsonExportOptions } from './json.js';
export { escapeInline } from '../markdown.js';
export { exportMarkdown, markdownLayout, markdownView, type MarkdownSection } from './markdown.js';
export { exportYaml, type YamlExportOptions } from './yaml.js';

/** Export target: the YAML form, the Markdown form, or the YAML form as JSON. */
export type ExportFormat = 'yaml' | 'md' | 'json';

/** Options shared by the exports. */
export interface ExportOptions {
  /** Schema path or URL written into YAML (`# yaml-language-server: $schema=…`) and JSON (`"$schema"`). */
  schemaUrl?: string;
}

/** Writes a plan in the given syntax. The result parses back to the same model (see `markdownView` for what Markdown cannot say). */
export function exportPlan(plan: Plan, to: ExportFormat, opts: ExportOptions = {}): string {
  switch (to) {
    case 'yaml': return exportYaml(plan, opts);
    case 'json': return exportJson(plan, opts);
    case 'md': return exportMarkdown(plan);
    default: throw new Error(`unknown export format: ${String(to)}`);
  }
}
