/**
 * The drill-log contract (演练记录格式): one JSON object per line (schemas/drill-log.schema.json), keys in a fixed
 * order so equal events give byte-identical lines, and a hash chain that links every line to the one before it.
 *
 * A line as written: `{"seq":3,"t":40,"type":"step.done",…,"chain":"9f1c0e…"}` where `chain` is the first 16 hex
 * digits of `sha256(previous chain ‖ "\n" ‖ the line without its chain member)` and the chain before the first line is
 * 16 zeros. A deleted, edited, reordered or duplicated line breaks the chain at the next line the reader checks; the
 * chain detects damage, it does not stop a forger (no key).
 */
import { createHash } from 'node:crypto';
import type { ErrorObject } from 'ajv/dist/2020.js';
import { schemaSource, schemaValidator } from '../schema-validator.js';
import type { DrillEvent, DrillEventType } from './types.js';

/** Where the drill-log JSON Schema is published (its `$id`). */
export const DRILL_LOG_SCHEMA_ID = 'https://yuan.dev/schemas/drill-log.schema.json';

/** Longest accepted log line (characters); longer lines are rejected unparsed. */
export const MAX_LOG_LINE = 1 << 20;

/** Key order of each event type in JSONL (the order of `DrillEvent` in src/drill/types.ts; `req` last, then `chain`). */
export const EVENT_KEYS: Readonly<Record<DrillEventType, readonly string[]>> = {
  'drill.start': ['seq', 't', 'type', 'scenario', 'plan', 'planHash', 'scenarioHash', 'mode', 'seed', 'req'],
  inject: ['seq', 't', 'type', 'inject', 'to', 'message', 'facts', 'source', 'req'],
  'level.warranted': ['seq', 't', 'type', 'level', 'facts', 'req'],
  'level.declared': ['seq', 't', 'type', 'level', 'role', 'source', 'req'],
  'step.done': ['seq', 't', 'type', 'step', 'role', 'text', 'match', 'source', 'req'],
  'step.overdue': ['seq', 't', 'type', 'step', 'deadline', 'req'],
  notify: ['seq', 't', 'type', 'role', 'to', 'text', 'source', 'req'],
  ack: ['seq', 't', 'type', 'role', 'inject', 'source', 'req'],
  'action.unmatched': ['seq', 't', 'type', 'role', 'text', 'source', 'req'],
  note: ['seq', 't', 'type', 'role', 'text', 'source', 'req'],
  terminate: ['seq', 't', 'type', 'role', 'source', 'req'],
  'drill.end': ['seq', 't', 'type', 'reason', 'req'],
  schedule: ['seq', 't', 'type', 'inject', 'op', 'at', 'message', 'to', 'facts', 'source', 'req'],
  clock: ['seq', 't', 'type', 'op', 'speed', 'running', 'source', 'req'],
};

/** The chain value before the first line. */
export const CHAIN_SEED = '0'.repeat(16);

/** A request id as the log stores it (`req`): 8 to 64 letters, digits, `-` or `_`. */
export const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;

type SchemaObject = Record<string, unknown>;
let cachedSchema: SchemaObject | undefined;
let cachedBranches: Map<string, { index: number; keys: Set<string> }> | undefined;

/** The drill-log JSON Schema (2020-12), read once. */
export function drillLogSchema(): SchemaObject {
  return (cachedSchema ??= JSON.parse(schemaSource('drill-log').text) as SchemaObject);
}

/** `oneOf` branch of each event type: its index (to pick its errors) and its property names. */
function branches(): Map<string, { index: number; keys: Set<string> }> {
  if (cachedBranches) return cachedBranches;
  const list = (drillLogSchema().oneOf ?? []) as { properties: Record<string, { const?: string }> }[];
  cachedBranches = new Map(list.map((b, index) => [String(b.properties.type.const), { index, keys: new Set(Object.keys(b.properties)) }] as const));
  return cachedBranches;
}

/**
 * True when `value` is a valid log event; otherwise the errors of the branch its `type` selects. Validation uses the
 * validator precompiled at build time (src/schema-validator.ts), so no code is generated at run time once built.
 */
export function validateEvent(value: unknown): { ok: true } | { ok: false; errors: ErrorObject[] } {
  const v = schemaValidator('drill-log');
  if (v(value)) return { ok: true };
  return { ok: false, errors: branchErrors(value, [...(v.errors ?? [])]) };
}

/** Without a discriminator ajv reports every `oneOf` branch; keep the errors of the branch the event's `type` names. */
function branchErrors(value: unknown, errors: ErrorObject[]): ErrorObject[] {
  const type = value && typeof value === 'object' && !Array.isArray(value) ? (value as { type?: unknown }).type : undefined;
  const branch = typeof type === 'string' ? branches().get(type) : undefined;
  if (!branch) {
    return [{ instancePath: '', schemaPath: '#/properties/type', keyword: 'type-unknown', params: { type }, message: 'unknown event type' } as ErrorObject];
  }
  const prefix = `#/oneOf/${branch.index}/`;
  return errors.filter((e) => e.schemaPath.startsWith(prefix)
    || (e.schemaPath.startsWith('#/$defs/') && branch.keys.has(e.instancePath.split('/')[1] ?? '')));
}

/**
 * One JSONL line for an event, newline included, without its chain: keys in the contract's order (`EVENT_KEYS`),
 * fact keys sorted, undefined fields left out, unknown fields dropped, so equal events always give byte-identical
 * lines. Throws a TypeError for an event the schema rejects (the writer never writes what the reader would skip).
 */
export function writeEvent(e: DrillEvent): string {
  const keys = EVENT_KEYS[e.type];
  if (!keys) throw new TypeError(`writeEvent: unknown event type ${JSON.stringify((e as { type?: unknown }).type)}`);
  const src = e as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = src[k];
    if (v === undefined) continue;
    out[k] = k === 'facts' && v && typeof v === 'object' ? sortKeys(v as Record<string, unknown>) : v;
  }
  const checked = validateEvent(out);
  if (!checked.ok) {
    const e0 = checked.errors[0];
    throw new TypeError(`writeEvent: invalid ${e.type} event (seq ${String(src.seq)}): ${e0.instancePath || '/'} ${e0.message ?? e0.keyword}`);
  }
  return `${JSON.stringify(out)}\n`;
}

/** The chain value of a line: 16 hex digits of sha256(previous chain, newline, the line without chain or newline). */
export function chainOf(previous: string, body: string): string {
  return createHash('sha256').update(`${previous}\n${body}`, 'utf8').digest('hex').slice(0, 16);
}

/** `writeEvent`'s line with its chain member added (last), newline included; and the new chain value. */
export function chainLine(previous: string, event: DrillEvent): { line: string; chain: string } {
  const body = writeEvent(event).slice(0, -1);
  const chain = chainOf(previous, body);
  return { line: `${body.slice(0, -1)},"chain":"${chain}"}\n`, chain };
}

const CHAIN_TAIL = /,"chain":"([0-9a-f]{16})"\}$/;

/** Splits a written line into the body the chain covers and its chain value (undefined when the line has none). */
export function splitChain(line: string): { body: string; chain?: string } {
  const m = CHAIN_TAIL.exec(line);
  return m ? { body: `${line.slice(0, m.index)}}`, chain: m[1] } : { body: line };
}

/** The whole log text for a list of events: chained lines, exactly what `DrillLog` writes for them. */
export function writeLog(events: readonly DrillEvent[]): string {
  let chain = CHAIN_SEED;
  let out = '';
  for (const e of events) {
    const c = chainLine(chain, e);
    chain = c.chain;
    out += c.line;
  }
  return out;
}

function sortKeys(o: Record<string, unknown>): Record<string, unknown> {
  // fromEntries defines own properties, so even a `__proto__` key stays data (and the schema then rejects it).
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
}
