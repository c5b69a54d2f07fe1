import type { ErrorObject } from 'ajv/dist/2020.js';
import type { Diagnostic } from '../diagnostics.js';
import type { DrillEvent, DrillEventType } from '../drill/types.js';
import { schemaSource, schemaValidator } from '../schema-validator.js';

/** Where the drill-log JSON Schema is published (its `$id`). */
export const DRILL_LOG_SCHEMA_ID = 'https://yuan.dev/schemas/drill-log.schema.json';

/** Longest accepted log line (characters); longer lines are rejected unparsed. */
export const MAX_LOG_LINE = 1 << 20;

/** Key order of each event type in JSONL (the order of `DrillEvent` in src/drill/types.ts). */
export const EVENT_KEYS: Readonly<Record<DrillEventType, readonly string[]>> = {
  'drill.start': ['seq', 't', 'type', 'scenario', 'plan', 'planHash', 'scenarioHash', 'mode', 'seed'],
  inject: ['seq', 't', 'type', 'inject', 'to', 'message', 'facts', 'source'],
  'level.warranted': ['seq', 't', 'type', 'level', 'facts'],
  'level.declared': ['seq', 't', 'type', 'level', 'role', 'source'],
  'step.done': ['seq', 't', 'type', 'step', 'role', 'text', 'match', 'source'],
  'step.overdue': ['seq', 't', 'type', 'step', 'deadline'],
  notify: ['seq', 't', 'type', 'role', 'to', 'text', 'source'],
  ack: ['seq', 't', 'type', 'role', 'inject', 'source'],
  'action.unmatched': ['seq', 't', 'type', 'role', 'text', 'source'],
  note: ['seq', 't', 'type', 'role', 'text', 'source'],
  terminate: ['seq', 't', 'type', 'role', 'source'],
  'drill.end': ['seq', 't', 'type', 'reason'],
  schedule: ['seq', 't', 'type', 'inject', 'op', 'at', 'message', 'to', 'facts', 'source'],
  clock: ['seq', 't', 'type', 'op', 'speed', 'running', 'source'],
};

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

/** What reading a log gives: the valid events in order and a diagnostic for every line that was skipped or suspicious. */
export interface LogReadResult {
  events: DrillEvent[];
  diagnostics: Diagnostic[];
}

/**
 * Reads a JSONL drill log. Each line is parsed and validated against `schemas/drill-log.schema.json`.
 * A bad line is an error (with its line:column) and is skipped; a last line that does not parse and has no
 * final newline — a write cut short by a crash — is a warning and is skipped. `seq` must increase strictly
 * (a line that breaks it is an error and is skipped); `t` going backwards is a warning. Never throws.
 */
export function readLog(text: string, file: string): LogReadResult {
  const events: DrillEvent[] = [];
  const diagnostics: Diagnostic[] = [];
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const bom = src === text ? 0 : 1;
  const endsWithNewline = /\n$/.test(src);
  let offset = 0;
  let lineNo = 0;
  let lastSeq = -Infinity;
  let lastT = -Infinity;
  const lines = src.split('\n');
  if (endsWithNewline) lines.pop();
  lines.forEach((raw, i) => {
    lineNo += 1;
    const lineOffset = offset + bom;
    offset += raw.length + 1;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const isLast = i === lines.length - 1;
    const at = (column: number, length = 1) => ({
      start: { line: lineNo, column, offset: lineOffset + column - 1 },
      end: { line: lineNo, column: column + length, offset: lineOffset + column - 1 + length },
    });
    const report = (severity: Diagnostic['severity'], ruleId: string, column: number, message: string, messageZh: string) =>
      diagnostics.push({ ruleId, severity, file, place: at(column), message, messageZh });
    if (line.trim() === '') return;
    if (line.length > MAX_LOG_LINE) {
      report('error', 'drill-log/line-too-long', 1, `Unexpected line of ${line.length} characters, expected at most ${MAX_LOG_LINE}`,
        `行过长（${line.length}个字符），最多${MAX_LOG_LINE}个字符`);
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      const bad = jsonErrorOffset(line);
      const column = (bad < 0 ? line.length : bad) + 1;
      if (isLast && !endsWithNewline) {
        report('warning', 'drill-log/truncated', column, 'Unexpected truncated last line (the writer stopped mid-line); skipped',
          '最后一行不完整（写入中断），已跳过');
      } else if (bad >= line.length) {
        report('error', 'drill-log/json', column, 'Unexpected end of line in JSON', 'JSON 在行尾意外结束');
      } else {
        const ch = JSON.stringify(line[Math.max(0, bad)]);
        report('error', 'drill-log/json', column, `Unexpected character ${ch} in JSON`, `JSON 格式错误：意外的字符 ${ch}`);
      }
      return;
    }
    const checked = validateEvent(value);
    if (!checked.ok) {
      for (const e of dedupeErrors(checked.errors)) {
        const { message, messageZh, key } = describeError(e, value);
        report('error', 'drill-log/schema', columnOfKey(line, key), message, messageZh);
      }
      return;
    }
    const event = value as DrillEvent;
    if (!(event.seq > lastSeq)) {
      report('error', 'drill-log/seq-order', columnOfKey(line, 'seq'),
        `Unexpected seq ${event.seq}, expected more than ${lastSeq} (the log is append-only); skipped`,
        `序号 ${event.seq} 应大于上一条的 ${lastSeq}（日志只能追加），已跳过`);
      return;
    }
    if (event.t < lastT) {
      report('warning', 'drill-log/time-order', columnOfKey(line, 't'),
        `Unexpected time ${event.t} s before the previous event's ${lastT} s`, `时间 ${event.t} 秒早于上一条的 ${lastT} 秒`);
    }
    lastSeq = event.seq;
    lastT = Math.max(lastT, event.t);
    events.push(event);
  });
  if (events.length && events[0].type !== 'drill.start') {
    diagnostics.push({ ruleId: 'drill-log/no-start', severity: 'warning', file,
      place: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } },
      message: 'Unexpected log without a leading drill.start event', messageZh: '日志缺少开头的 drill.start 事件' });
  }
  return { events, diagnostics };
}

/** Drops repeats (the same error reached through several `$ref`s) and keeps the first five. */
function dedupeErrors(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const k = `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  }).slice(0, 5);
}

function describeError(e: ErrorObject, value: unknown): { message: string; messageZh: string; key?: string } {
  const path = e.instancePath.split('/').filter(Boolean);
  const key = path[0];
  const where = e.instancePath ? `\`${e.instancePath.slice(1).replace(/\//g, '.')}\`` : 'event';
  const whereZh = e.instancePath ? `\`${e.instancePath.slice(1).replace(/\//g, '.')}\`` : '事件';
  switch (e.keyword) {
    case 'type-unknown': {
      const tag = value && typeof value === 'object' && !Array.isArray(value) ? (value as { type?: unknown }).type : undefined;
      if (!value || typeof value !== 'object' || Array.isArray(value)) {
        return { message: 'Unexpected non-object line, expected an event object', messageZh: '该行不是事件对象' };
      }
      return typeof tag === 'string'
        ? { key: 'type', message: `Unexpected event type \`${clip(tag)}\`, expected one of ${Object.keys(EVENT_KEYS).join(', ')}`,
          messageZh: `未知事件类型 \`${clip(tag)}\`` }
        : { key: 'type', message: 'Unexpected event without a string `type`', messageZh: '事件缺少字符串类型的 `type`' };
    }
    case 'additionalProperties': {
      const p = String((e.params as { additionalProperty?: string }).additionalProperty);
      return { key: path.length ? key : p, message: `Unexpected property \`${clip(p)}\` in ${where}`, messageZh: `${whereZh}中有多余属性 \`${clip(p)}\`` };
    }
    case 'required': {
      const p = String((e.params as { missingProperty?: string }).missingProperty);
      return { key, message: `Unexpected missing property \`${p}\` in ${where}`, messageZh: `${whereZh}缺少属性 \`${p}\`` };
    }
    case 'type':
      return { key, message: `Unexpected type of ${where}, expected ${String((e.params as { type?: unknown }).type)}`,
        messageZh: `${whereZh}类型错误，应为 ${String((e.params as { type?: unknown }).type)}` };
    case 'enum':
    case 'const':
      return { key, message: `Unexpected value of ${where}, expected ${e.keyword === 'enum' ? `one of ${JSON.stringify((e.params as { allowedValues?: unknown }).allowedValues)}` : JSON.stringify((e.params as { allowedValue?: unknown }).allowedValue)}`,
        messageZh: `${whereZh}取值错误` };
    default:
      return { key, message: `Unexpected value of ${where}: ${e.message ?? e.keyword}`, messageZh: `${whereZh}不符合要求：${e.message ?? e.keyword}` };
  }
}

const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}...` : s).replace(/[\u0000-\u001f`]/g, '?');

/** 1-based column of `"key":` in a JSON line (1 when absent). */
function columnOfKey(line: string, key: string | undefined): number {
  if (!key) return 1;
  const i = line.indexOf(`${JSON.stringify(key)}`);
  return i < 0 ? 1 : i + 1;
}

/**
 * One JSONL line for an event, newline included: keys in the contract's order (`EVENT_KEYS`), fact keys sorted,
 * undefined fields left out, unknown fields dropped, so equal events always give byte-identical lines.
 * Throws a TypeError for an event the schema rejects (the writer never writes what the reader would skip).
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

/** The whole log text for a list of events (`writeEvent` of each, concatenated). */
export function writeLog(events: readonly DrillEvent[]): string {
  return events.map(writeEvent).join('');
}

function sortKeys(o: Record<string, unknown>): Record<string, unknown> {
  // fromEntries defines own properties, so even a `__proto__` key stays data (and the schema then rejects it).
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;

/**
 * 0-based offset of the first JSON syntax error in `s` (`s.length` when the text ends too early), or -1 when it is
 * valid. Iterative, so hostile nesting cannot overflow the stack. JSON.parse on Node 20 does not always say where.
 */
export function jsonErrorOffset(s: string): number {
  let i = 0;
  const stack: string[] = [];
  const ws = () => { while (i < s.length && ' \t\n\r'.includes(s[i])) i++; };
  const str = (): boolean => {
    i++;
    while (i < s.length) {
      const c = s.charCodeAt(i);
      if (c === 34) { i++; return true; }
      if (c < 32) return false;
      if (c === 92) {
        const e = s[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) { i += 1; return false; }
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else { i += 1; return false; }
      } else i++;
    }
    return false;
  };
  const key = (): boolean => {
    ws();
    if (s[i] !== '"' || !str()) return false;
    ws();
    if (s[i] !== ':') return false;
    i++;
    return true;
  };
  let expectValue = true;
  for (;;) {
    ws();
    if (expectValue) {
      const c = s[i];
      if (c === '{') {
        i++; ws();
        if (s[i] === '}') { i++; expectValue = false; } else { stack.push('}'); if (!key()) return i; }
      } else if (c === '[') {
        i++; ws();
        if (s[i] === ']') { i++; expectValue = false; } else stack.push(']');
      } else if (c === '"') {
        if (!str()) return i;
        expectValue = false;
      } else {
        NUMBER.lastIndex = i;
        LITERAL.lastIndex = i;
        const m = NUMBER.exec(s) ?? LITERAL.exec(s);
        if (!m) return i;
        i += m[0].length;
        expectValue = false;
      }
    } else {
      if (!stack.length) return i < s.length ? i : -1;
      const close = stack[stack.length - 1];
      if (s[i] === ',') {
        i++;
        if (close === '}' && !key()) return i;
        expectValue = true;
      } else if (s[i] === close) {
        stack.pop();
        i++;
      } else return i;
    }
  }
}
