import type { Plan } from '../model/index.js';
import { DEFAULT_SCHEMA_URL, planToForm } from './form.js';

/** Options of the JSON export. */
export interface JsonExportOptions {
  /** Value of the `$schema` key editors use to validate the file (default `../../schemas/plan.schema.json`). */
  schemaUrl?: string;
}

/**
 * The YAML form as JSON (2-space indent, `$schema` first so editors validate it). JSON is YAML, so `parseYaml`
 * reads it back.
 */
export function exportJson(plan: Plan, opts: JsonExportOptions = {}): string {
  return `${JSON.stringify({ $schema: opts.schemaUrl ?? DEFAULT_SCHEMA_URL, ...planToForm(plan) }, null, 2)}\n`;
}
