import type { ErrorObject } from 'ajv/dist/2020.js';
import type { Diagnostic } from '../diagnostics.js';
import { CHAIN_SEED, chainOf, EVENT_KEYS, MAX_LOG_LINE, splitChain, validateEvent } from './log-format.js';
import { jsonErrorOffset } from './log-json.js';
import type { DrillEvent } from './types.js';

/** What reading a log gives: the valid events in order and a diagnostic for every line that was skipped or suspicious. */
export interface LogReadResult {
  events: DrillEvent[];
  diagnostics: Diagnostic[];
  /** The 1-based line of each event in `events`. */
  lines?: number[];
  /** The chain value of the last line that had one (the writer continues from it). */
  chain?: string;
}

/**
 * Reads a JSONL drill log. Each line is parsed and validated against `schemas/drill-log.schema.json` (its `chain`
 * member is checked and dropped from the event). A bad line is an error (with its line:column) and is skipped; a
 * last line that does not parse and has no final newline — a write cut short by a crash — is a warning and is
 * skipped. `seq` must grow by one per line from 1: a line that repeats or goes back is an error and is skipped, a
 * jump (a line missing) is an error and the event is kept. A line whose `chain` does not follow from the line before
 * (an edited, deleted, reordered or duplicated line) is an error and the event is kept; a log without any `chain`
 * (written before chains existed) is read without that check. `t` going backwards is a warning. Never throws.
 */
export function readLog(text: string, file: string): LogReadResult {
  const events: DrillEvent[] = [];
  const eventLines: number[] = [];
  const diagnostics: Diagnostic[] = [];
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const bom = src === text ? 0 : 1;
  const endsWithNewline = /\n$/.test(src);
  let offset = 0;
  let lineNo = 0;
  let lastSeq = 0;
  let lastT = -Infinity;
  let chain: string | undefined;
  // Lines skipped since the last event (unreadable or invalid): they explain a seq jump, and when they had no
  // readable chain the next line's chain cannot be checked (the damage is already reported).
  let skipped = 0;
  let lostChain = false;
  const seqLine = new Map<number, number>();
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
    skipped += 1;
    if (line.length > MAX_LOG_LINE) {
      lostChain = true;
      report('error', 'drill-log/line-too-long', 1, `Unexpected line of ${line.length} characters, expected at most ${MAX_LOG_LINE}`,
        `行过长（${line.length}个字符），最多${MAX_LOG_LINE}个字符`);
      return;
    }
    const { body, chain: written } = splitChain(line);
    const previous = chain;
    // A damaged line that kept its chain still links the next one, so one damaged line gives one error.
    if (written) chain = written;
    else lostChain = true;
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
    let misplaced = false;
    if (value && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, 'chain')) {
      const c = (value as { chain?: unknown }).chain;
      delete (value as { chain?: unknown }).chain;
      misplaced = !written;
      if (misplaced) {
        report('error', 'drill-log/chain', columnOfKey(line, 'chain'), `Unexpected \`chain\` ${clip(JSON.stringify(c) ?? '')}, expected 16 hex digits as the last member of the line`,
          '`chain` 应为 16 位十六进制数并位于行末');
      }
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
    if (written && !lostChain && chainOf(previous ?? CHAIN_SEED, body) !== written) {
      report('error', 'drill-log/chain', columnOfKey(line, 'chain'),
        'Unexpected chain hash: this line does not follow the one before it (a line was edited, deleted, reordered or duplicated)',
        '哈希链不连续：本行与上一行不衔接（有行被修改、删除、调换或重复）');
    } else if (!written && !misplaced && previous !== undefined) {
      report('error', 'drill-log/chain', line.length, 'Unexpected line without `chain` in a chained log (the line was written or edited by hand)',
        '本行缺少 `chain`，而日志其余各行均有（疑为手工写入或修改）');
    }
    if (!(event.seq > lastSeq)) {
      const first = seqLine.get(event.seq);
      report('error', 'drill-log/seq-order', columnOfKey(line, 'seq'),
        `Unexpected seq ${event.seq}, expected ${lastSeq + 1}${first ? ` (line ${first} has seq ${event.seq}: a duplicated line?)` : ' (the log is append-only)'}; skipped`,
        `序号 ${event.seq} 应为 ${lastSeq + 1}${first ? `（第 ${first} 行已有序号 ${event.seq}，疑为重复行）` : '（日志只能追加）'}，已跳过`);
      return;
    }
    if (event.seq > lastSeq + skipped) {
      const n = event.seq - lastSeq - 1;
      report('error', 'drill-log/seq-gap', columnOfKey(line, 'seq'),
        `Unexpected seq ${event.seq}, expected ${lastSeq + 1}: ${n} event${n === 1 ? ' is' : 's are'} missing before this line`,
        `序号 ${event.seq} 应为 ${lastSeq + 1}：此行之前缺少 ${n} 条记录`);
    }
    if (event.t < lastT) {
      report('warning', 'drill-log/time-order', columnOfKey(line, 't'),
        `Unexpected time ${event.t} s before the previous event's ${lastT} s`, `时间 ${event.t} 秒早于上一条的 ${lastT} 秒`);
    }
    skipped = 0;
    lostChain = false;
    seqLine.set(event.seq, lineNo);
    lastSeq = event.seq;
    lastT = Math.max(lastT, event.t);
    events.push(event);
    eventLines.push(lineNo);
  });
  if (events.length && events[0].type !== 'drill.start') {
    diagnostics.push({ ruleId: 'drill-log/no-start', severity: 'warning', file,
      place: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } },
      message: 'Unexpected log without a leading drill.start event', messageZh: '日志缺少开头的 drill.start 事件' });
  }
  return { events, diagnostics, lines: eventLines, ...(chain ? { chain } : {}) };
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

