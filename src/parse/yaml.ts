import { isMap, isScalar } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import type { Plan } from '../model/index.js';
import { finishPlan, type FinishOptions } from './finish.js';
import { validatePlanValue } from './schema.js';
import { buildPlan, isoDate } from './yaml-build.js';
import { placeOfNode } from './yaml-nodes.js';
import { composeYaml, schemaDiagnostics, yamlDiagnostic } from './yaml-compose.js';
import { MAX_YAML_DEPTH } from './yaml-depth.js';

export { MAX_YAML_ALIASES } from './yaml-compose.js';

/** What parsing a YAML plan gives: the plan (when the file could be read as one) and every diagnostic. */
export interface YamlParseResult {
  plan?: Plan;
  diagnostics: Diagnostic[];
}

/**
 * Parses a plan in the YAML form (or JSON, which is YAML) into the Plan model. YAML syntax errors, alias bombs,
 * over-deep nesting and schema violations become diagnostics with exact places; the plan is still built from the
 * valid parts when the file is syntactically sound. Never throws.
 */
export function parseYaml(source: string, file: string, opts: FinishOptions = {}): YamlParseResult {
  const diagnostics: Diagnostic[] = [];
  try {
    const plan = parseInto(source, file, diagnostics, opts);
    return plan ? { plan, diagnostics } : { diagnostics };
  } catch (err) {
    diagnostics.push(yamlDiagnostic('parse/internal', 'error', `Unexpected internal error while reading YAML: ${(err as Error)?.message ?? String(err)}`,
      `读取 YAML 时发生内部错误：${(err as Error)?.message ?? String(err)}`, file, undefined));
    return { diagnostics };
  }
}

function parseInto(source: string, file: string, diagnostics: Diagnostic[], opts: FinishOptions): Plan | undefined {
  // 1–3. One sound document and its JS value (syntax, alias bombs and deep nesting refused).
  const composed = composeYaml(source, file, { what: { en: 'plan', zh: '预案' } });
  const { doc, lines } = composed;
  diagnostics.push(...composed.diagnostics);
  if (!doc) return undefined;
  const at1 = lines.place(0, 0);

  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) {
    diagnostics.push(yamlDiagnostic('parse/schema', 'error', 'Unexpected empty plan, expected a map with at least `plan: {id, title, kind}`',
      '预案为空，至少应包含 `plan:`（id、title、kind）', file, at1));
    return undefined;
  }
  const value = normaliseDates(composed.value);

  if (!isMap(root)) {
    diagnostics.push(yamlDiagnostic('parse/schema', 'error', 'Unexpected list or scalar at the top level, expected a map with `plan:`, `steps:` …',
      '顶层应为映射（`plan:`、`steps:` 等），不能是列表或单个值', file, placeOfNode(root, lines) ?? at1));
    return undefined;
  }

  // 4. Schema: every violation, placed at its node (the key for unexpected keys).
  diagnostics.push(...schemaDiagnostics(validatePlanValue(value), doc, lines, file));

  // 5. The model from whatever is valid, then the shared finish pass.
  const plan = buildPlan({ doc, source, lines, file }, root);
  return finishPlan(plan, source, diagnostics, opts);
}

/** YAML 1.1 timestamps (`%YAML 1.1`) come back as Dates: plans store ISO date strings. Depth is already bounded. */
function normaliseDates(value: unknown, depth = 0): unknown {
  if (value instanceof Date) return isoDate(value) ?? String(value);
  if (value === null || typeof value !== 'object' || depth > MAX_YAML_DEPTH) return value;
  if (Array.isArray(value)) return value.map((v) => normaliseDates(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = normaliseDates(v, depth + 1);
  return out;
}
