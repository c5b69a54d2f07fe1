import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Composer, isMap, isScalar, Parser, type CST, type Document } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import type { Place, Plan } from '../model/index.js';
import { guardInput, MAX_PLAN_BYTES, tooLarge } from '../parse/guard.js';
import { parsePlanFile } from '../parse/index.js';
import { LineIndex } from '../parse/position.js';
import { keyNodeAt, nodeAt, placeOfNode } from '../parse/yaml-build.js';
import { cstTooDeep, valueTooDeep } from '../parse/yaml-depth.js';
import { MAX_YAML_ALIASES, parseYaml } from '../parse/yaml.js';
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
 * Parses a scenario in its YAML form. Syntax errors, alias bombs and over-deep nesting are refused exactly as in
 * plans; schema violations and unreadable times become diagnostics at their nodes; the scenario is still built from
 * the valid parts. Every node keeps its place. Never throws. Plan references are checked by `checkScenario`.
 */
export function parseScenario(source: string, file: string): ScenarioResult {
  const diagnostics: Diagnostic[] = [];
  const lines = new LineIndex(source);
  try {
    const read = readDocument(source, file);
    diagnostics.push(...read.diagnostics);
    if (!read.doc) return { diagnostics };
    const { doc, value } = read;
    const root = doc.contents;
    if (!isMap(root)) {
      const empty = root === null || (isScalar(root) && (root.value === null || root.value === ''));
      diagnostics.push({ ruleId: 'parse/schema', severity: 'error', file, place: (empty ? undefined : placeOfNode(root, lines)) ?? AT_1,
        message: empty ? 'Unexpected empty scenario, expected a map with `scenario:` and `injects:`' : 'Unexpected list or scalar at the top level, expected a map with `scenario:`, `injects:` …',
        messageZh: empty ? '演练脚本为空，至少应包含 `scenario:` 和 `injects:`' : '顶层应为映射（`scenario:`、`injects:` 等），不能是列表或单个值' });
      return { diagnostics };
    }
    const schema = validateScenarioValue(value).map((e): Diagnostic => {
      const node = e.target === 'key' && e.property !== undefined
        ? keyNodeAt(doc, e.instancePath, e.property) ?? nodeAt(doc, e.instancePath).node
        : nodeAt(doc, e.instancePath).node;
      return { ruleId: 'parse/schema', severity: 'error', message: e.message, messageZh: e.messageZh, file, place: placeOfNode(node, lines) ?? AT_1 };
    });
    diagnostics.push(...schema.sort((a, b) => a.place!.start.offset - b.place!.start.offset));
    const scenario = buildScenario(doc, root, lines, file, diagnostics);
    return { scenario, diagnostics };
  } catch (err) {
    diagnostics.push({ ruleId: 'parse/internal', severity: 'error', file, place: AT_1,
      message: `Unexpected internal error while reading the scenario: ${(err as Error)?.message ?? String(err)}`,
      messageZh: `读取演练脚本时发生内部错误：${(err as Error)?.message ?? String(err)}` });
    return { diagnostics };
  }
}

/** Rule ids of the YAML reader's own checks (syntax, alias bombs, nesting): the same for plans and scenarios. */
const YAML_RULES = new Set(['parse/syntax', 'parse/alias-bomb', 'parse/too-deep']);

/**
 * Composes the one YAML document of a scenario and its JS value. When the YAML itself is at fault (syntax, several
 * documents, an alias bomb, nesting past the limit) the plan reader's diagnostics for it are used verbatim, so plans
 * and scenarios refuse hostile YAML with the same messages and places; that reader stops before its plan-specific
 * checks in every such case. The (rare) warnings of a sound document are taken from it the same way.
 */
function readDocument(source: string, file: string): { doc?: Document.Parsed; value?: unknown; diagnostics: Diagnostic[] } {
  const yamlProblems = (severity?: 'warning') => {
    const found = parseYaml(source, file).diagnostics.filter((d) => YAML_RULES.has(d.ruleId) && (!severity || d.severity === severity));
    return found.length || severity ? found : [{ ruleId: 'parse/syntax', severity: 'error' as const, file, place: AT_1,
      message: 'Unexpected YAML, expected one YAML document', messageZh: 'YAML 无法读取，应为一个 YAML 文档' }];
  };
  // The tokenizer and CST parser are iterative; the composer is not, so depth is checked on the CST first.
  const tokens: CST.Token[] = Array.from(new Parser().parse(source));
  if (cstTooDeep(tokens) !== undefined) return { diagnostics: yamlProblems() };
  const docs = Array.from(new Composer({ uniqueKeys: true, prettyErrors: false }).compose(tokens, true, source.length));
  const doc = docs[0];
  if (!doc) return { diagnostics: [] };
  if (docs.length > 1 || doc.errors.length) return { diagnostics: yamlProblems() };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch {
    return { diagnostics: yamlProblems() };
  }
  if (valueTooDeep(value)) return { diagnostics: yamlProblems() };
  return { doc, value, diagnostics: doc.warnings.length ? yamlProblems('warning') : [] };
}

/**
 * Reads a text file with the guards plans get: refused unread when larger than `maxBytes`, refused when binary or
 * not UTF-8 (a GBK CSV from Excel must be converted); a BOM is dropped. Never throws.
 */
export function readTextFile(file: string, maxBytes = MAX_SCENARIO_BYTES): { text: string } | { diagnostic: Diagnostic } {
  let bytes: Uint8Array;
  try {
    const fd = openSync(file, 'r');
    try {
      const size = fstatSync(fd).size;
      if (size > maxBytes) return { diagnostic: tooLarge(size, file, maxBytes) };
      const buf = Buffer.alloc(size);
      bytes = buf.subarray(0, readSync(fd, buf, 0, size, 0));
    } finally { closeSync(fd); }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    return { diagnostic: { ruleId: 'parse/unreadable', severity: 'error', file, place: AT_1,
      message: `Unexpected unreadable file: ${code}`, messageZh: `无法读取文件：${code}` } };
  }
  return guardInput(bytes, file, maxBytes);
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
