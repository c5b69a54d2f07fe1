import { dirname, resolve } from 'node:path';
import { isMap, isScalar } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import type { Place, Plan } from '../model/index.js';
import { MAX_PLAN_BYTES, readGuardedFile } from '../parse/guard.js';
import { parsePlanFile } from '../parse/index.js';
import { placeOfNode } from '../parse/yaml-nodes.js';
import { composeYaml, schemaDiagnostics } from '../parse/yaml-compose.js';
import { buildScenario } from './scenario-build.js';
import { checkScenario } from './scenario-check.js';
import { validateScenarioValue } from './scenario-schema.js';
import type { Scenario } from './types.js';

export { checkScenario };
export { scenarioToYaml } from './scenario-write.js';
export { parseOffset, parseWithin, parseClock, formatOffset } from './scenario-time.js';

/** Largest scenario (or MSEL / observer CSV) file accepted, in bytes: the same limit as plans. */
export const MAX_SCENARIO_BYTES = MAX_PLAN_BYTES;

/** What parsing a scenario gives: the scenario (when the file could be read as one) and every diagnostic. */
export interface ScenarioResult {
  scenario?: Scenario;
  diagnostics: Diagnostic[];
  /** The decoded source text, when the file could be read (for code frames). */
  source?: string;
}

const AT_1: Place = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

/**
 * Parses a scenario in its YAML form. Syntax errors, alias bombs and over-deep nesting are refused by the reader
 * plans use (`composeYaml`); schema violations and unreadable times become diagnostics at their nodes; the scenario
 * is still built from the valid parts. Every node keeps its place. Never throws. Plan references are checked by
 * `checkScenario`.
 */
export function parseScenario(source: string, file: string): ScenarioResult {
  const diagnostics: Diagnostic[] = [];
  try {
    const composed = composeYaml(source, file, { what: { en: 'scenario', zh: '演练脚本' } });
    const { doc, value, lines } = composed;
    diagnostics.push(...composed.diagnostics);
    if (!doc) return { diagnostics };
    const root = doc.contents;
    if (!isMap(root)) {
      const empty = root === null || (isScalar(root) && (root.value === null || root.value === ''));
      diagnostics.push({ ruleId: 'parse/schema', severity: 'error', file, place: (empty ? undefined : placeOfNode(root, lines)) ?? AT_1,
        message: empty ? 'Unexpected empty scenario, expected a map with `scenario:` and `injects:`' : 'Unexpected list or scalar at the top level, expected a map with `scenario:`, `injects:` …',
        messageZh: empty ? '演练脚本为空，至少应包含 `scenario:` 和 `injects:`' : '顶层应为映射（`scenario:`、`injects:` 等），不能是列表或单个值' });
      return { diagnostics };
    }
    diagnostics.push(...schemaDiagnostics(validateScenarioValue(value), doc, lines, file));
    const scenario = buildScenario(doc, root, lines, file, diagnostics);
    return { scenario, diagnostics };
  } catch (err) {
    diagnostics.push({ ruleId: 'parse/internal', severity: 'error', file, place: AT_1,
      message: `Unexpected internal error while reading the scenario: ${(err as Error)?.message ?? String(err)}`,
      messageZh: `读取演练脚本时发生内部错误：${(err as Error)?.message ?? String(err)}` });
    return { diagnostics };
  }
}

/**
 * Reads a text file with the guards plans get: refused unread when larger than `maxBytes`, refused when binary or
 * not UTF-8 (a GBK CSV from Excel must be converted); a BOM is dropped. Never throws.
 */
export function readTextFile(file: string, maxBytes = MAX_SCENARIO_BYTES): { text: string } | { diagnostic: Diagnostic } {
  return readGuardedFile(file, maxBytes);
}

/** Reads and parses a scenario file (size, binary, alias-bomb and depth guards as for plans). Never throws. */
export function loadScenario(file: string, opts: { maxBytes?: number } = {}): ScenarioResult {
  const read = readTextFile(file, opts.maxBytes);
  if ('diagnostic' in read) return { diagnostics: [read.diagnostic] };
  return { ...parseScenario(read.text, file), source: read.text };
}

/** The plan file a scenario exercises: its `plan` path resolved against the scenario file's folder. */
export function resolvePlanPath(scenario: Pick<Scenario, 'file' | 'plan'>): string {
  return resolve(dirname(scenario.file), scenario.plan);
}

/** A scenario with its plan, both parsed and cross-checked. */
export interface LoadedDrill {
  scenario?: Scenario;
  plan?: Plan;
  /** Scenario parse diagnostics, then `checkScenario`'s (and a `scenario/plan` error when the plan cannot be read). */
  diagnostics: Diagnostic[];
  /**
   * The plan's own parse diagnostics, kept apart: a plan with defects (plans/defective/) can still be drilled, and
   * finding out what its defects do in a drill is the point of some scenarios. `yuan lint` is where they belong.
   */
  planDiagnostics: Diagnostic[];
  source?: string;
}

/**
 * Loads a scenario and the plan it names (resolved relative to the scenario file), then checks the scenario
 * against the plan (`checkScenario`, which also resolves role names and level spellings to the plan's ids).
 * A plan that cannot be read is reported at the scenario's `plan:` value. Never throws.
 */
export function loadDrill(file: string, opts: { maxBytes?: number } = {}): LoadedDrill {
  const r = loadScenario(file, opts);
  if (!r.scenario) return { ...r, planDiagnostics: [] };
  const planFile = resolvePlanPath(r.scenario);
  const p = parsePlanFile(planFile, opts);
  const diagnostics = [...r.diagnostics];
  if (!p.plan) {
    const why = p.diagnostics[0];
    diagnostics.push({ ruleId: 'scenario/plan', severity: 'error', file, place: r.scenario.fields?.plan ?? r.scenario.place,
      message: `Unexpected plan \`${r.scenario.plan}\` that cannot be read (${why?.message ?? 'unknown error'}), expected a plan file relative to the scenario`,
      messageZh: `无法读取预案 \`${r.scenario.plan}\`（${why?.messageZh ?? why?.message ?? '未知错误'}），应为相对于演练脚本的预案文件路径` });
    return { scenario: r.scenario, diagnostics, planDiagnostics: p.diagnostics, source: r.source };
  }
  diagnostics.push(...checkScenario(r.scenario, p.plan));
  return { scenario: r.scenario, plan: p.plan, diagnostics, planDiagnostics: p.diagnostics, source: r.source };
}
