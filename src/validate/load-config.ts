import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import { schemaValidator } from '../schema-validator.js';
import { parseDuration } from '../parse/duration.js';
import { isCalendarDate, type LintConfig } from './config.js';

/** Names looked up, in order, from the working folder upwards. */
export const CONFIG_NAMES = ['yuan.config.yaml', 'yuan.config.yml', '.yuan.yaml'];

/** Finds the nearest config file from a folder upwards. */
export function findConfig(from = process.cwd()): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    for (const n of CONFIG_NAMES) if (existsSync(join(dir, n))) return join(dir, n);
    if (dirname(dir) === dir) return undefined;
  }
}

let validator: ReturnType<typeof schemaValidator> | undefined;

/** Loads and validates a config file; problems are diagnostics at the offending key. */
export function loadConfig(file: string, knownRules: string[]): { config: LintConfig; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const lineCounter = new LineCounter();
  const src = readFileSync(file, 'utf8');
  const doc = parseDocument(src, { lineCounter });
  const at = (offset: number) => { const p = lineCounter.linePos(offset); return { line: p.line, column: p.col, offset }; };
  const placeOfNode = (node: unknown) => {
    const r = (node as { range?: [number, number] } | undefined)?.range;
    return r ? { start: at(r[0]), end: at(r[1]) } : { start: at(0), end: at(0) };
  };
  for (const e of doc.errors) {
    diagnostics.push({ ruleId: 'config/syntax', severity: 'error', file, place: { start: at(e.pos[0]), end: at(e.pos[1]) }, message: e.message, messageZh: `配置文件语法错误：${e.message}` });
  }
  if (diagnostics.length) return { config: {}, diagnostics };
  let value: unknown;
  try { value = doc.toJS({ maxAliasCount: 50 }) ?? {}; } catch (err) {
    return { config: {}, diagnostics: [{ ruleId: 'config/syntax', severity: 'error', file, place: placeOfNode(doc.contents), message: (err as Error).message, messageZh: `配置文件无法读取：${(err as Error).message}` }] };
  }
  validator ??= schemaValidator('config');
  if (!validator(value)) {
    for (const e of validator.errors ?? []) {
      const path = e.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
      const extra = (e.params as { additionalProperty?: string }).additionalProperty;
      const node = extra ? (doc.getIn(path, true) as { items?: { key: { value: unknown } }[] } | undefined)?.items?.find((p) => p.key?.value === extra)?.key : doc.getIn(path, true);
      diagnostics.push({ ruleId: 'config/schema', severity: 'error', file, place: placeOfNode(node),
        message: `Unexpected config value at /${path.join('/')}: ${e.message}${extra ? ` (\`${extra}\`)` : ''}`,
        messageZh: `配置项 /${path.join('/')} 无效：${e.message}${extra ? `（\`${extra}\`）` : ''}` });
    }
    return { config: {}, diagnostics };
  }
  const config = value as LintConfig;
  if (config.today !== undefined && !isCalendarDate(config.today)) {
    diagnostics.push({ ruleId: 'config/schema', severity: 'error', file, place: placeOfNode(doc.getIn(['today'], true)),
      message: `Unexpected \`today: ${config.today}\`, expected a real date YYYY-MM-DD such as 2026-11-25`,
      messageZh: `\`today: ${config.today}\` 不是有效日期，应为 YYYY-MM-DD，如 2026-11-25` });
  }
  if (config.immediate !== undefined) {
    const r = parseDuration(config.immediate);
    if (!r.ok || r.kind !== 'limit') {
      diagnostics.push({ ruleId: 'config/schema', severity: 'error', file, place: placeOfNode(doc.getIn(['immediate'], true)),
        message: `Unexpected \`immediate: ${config.immediate}\`, expected a plain limit such as 5分钟`,
        messageZh: `\`immediate: ${config.immediate}\` 无效，应为简单时限，如 5分钟` });
    }
  }
  const ruleMaps: (string | number)[][] = [['rules'], ...(config.overrides ?? []).map((_, i) => ['overrides', i, 'rules'])];
  for (const path of ruleMaps) {
    const map = doc.getIn(path, true) as { items?: { key: { value: unknown } }[] } | undefined;
    for (const item of map?.items ?? []) {
      const id = String(item.key?.value);
      if (knownRules.includes(id)) continue;
      diagnostics.push({ ruleId: 'config/unknown-rule', severity: 'error', file, place: placeOfNode(item.key),
        message: `Unexpected rule \`${id}\`, expected a yuan rule id (see docs/rules/)`, messageZh: `未知规则 \`${id}\`，请参见 docs/rules/ 中的规则列表` });
    }
  }
  return { config, diagnostics };
}
