import { isScalar, isSeq, type Document, type Node as YamlNode, type YAMLMap } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import { parseLevelId } from '../parse/fields.js';
import type { LineIndex } from '../parse/position.js';
import { MapEntries, placeOfNode, resolveNode, type NodeContext } from '../parse/yaml-nodes.js';
import { parseOffset, parseWithin, type TimeResult } from './scenario-time.js';
import type { ActionKind, DrillAction, Expectation, ExpectedAction, FactValue, Inject, Objective, Scenario } from './types.js';

/** Recipients that mean "everyone" (a facilitator broadcast). */
export const EVERYONE = /^(all|everyone|全体|所有人|全体人员|各应急小组)$/iu;

/** Action keys that say what kind an action is, when `kind` is absent. */
const KIND_KEYS: [string, ActionKind][] = [['level', 'level'], ['notify', 'notify'], ['terminate', 'terminate'], ['ack', 'ack'], ['note', 'note'], ['step', 'step']];

interface Ctx extends NodeContext {
  file: string;
  diagnostics: Diagnostic[];
}

/** One scenario map: times may be strings or numbers, and a single string is a one-item list. */
class Entries extends MapEntries {
  /** A string or a number (offsets and time limits may be either). */
  time(key: string): string | number | undefined {
    const n = this.values.get(key);
    if (isScalar(n) && typeof n.value === 'number') return n.value;
    return this.str(key);
  }

  /** A list of strings (a single string is a one-item list); item places go to `fields['key[i]']`. */
  list(key: string): string[] {
    const n = this.values.get(key);
    const out: string[] = [];
    if (isSeq(n)) {
      for (const item of n.items) {
        const v = resolveNode(item, this.ctx.doc);
        if (!isScalar(v) || typeof v.value !== 'string' || !v.value.trim()) continue;
        const place = placeOfNode((item as YamlNode).range ? (item as YamlNode) : v, this.ctx.lines);
        if (place) this.fields[`${key}[${out.length}]`] = place;
        out.push(v.value.trim());
      }
      return out;
    }
    const s = this.str(key);
    if (s !== undefined) { out.push(s); this.fields[`${key}[0]`] = this.fields[key]; }
    return out;
  }
}

/** Builds the Scenario model from a composed, schema-checked document; time texts that do not read become diagnostics. */
export function buildScenario(doc: Document, root: YAMLMap, lines: LineIndex, file: string, diagnostics: Diagnostic[]): Scenario {
  const ctx: Ctx = { doc, lines, file, diagnostics };
  const top = new Entries(ctx, root);
  const metaMap = top.map('scenario');
  const meta = metaMap ? new Entries(ctx, metaMap) : undefined;
  const type = meta?.str('type');
  const scope = meta?.str('scope');
  const scenario: Scenario = {
    file,
    id: meta?.str('id') ?? '',
    title: meta?.str('title') ?? '',
    plan: meta?.str('plan') ?? '',
    type: type === 'field' ? 'field' : 'tabletop',
    scope: scope === 'comprehensive' ? 'comprehensive' : 'single',
    objectives: top.items('objectives').map((m) => objective(ctx, m)).filter((o): o is Objective => !!o),
    injects: top.items('injects').map((m) => inject(ctx, m)).filter((i): i is Inject => !!i),
    actions: top.items('actions').map((m) => action(ctx, m)).filter((a): a is DrillAction => !!a),
    seed: meta?.num('seed') ?? 0,
    place: top.place,
    fields: { ...top.fields, ...meta?.fields },
  };
  const expectMap = top.map('expect');
  if (expectMap) scenario.expect = expectation(ctx, expectMap);
  const weightsMap = top.map('weights');
  if (weightsMap) {
    const w = new Entries(ctx, weightsMap);
    const weights: NonNullable<Scenario['weights']> = {};
    for (const k of ['time', 'coordination', 'effect'] as const) {
      const v = w.num(k);
      if (v !== undefined) weights[k] = v;
    }
    scenario.weights = weights;
  }
  return scenario;
}

/** Reads a time field: seconds, or NaN with a diagnostic at the value. A bare non-zero number is read as seconds, with a warning. */
function time(ctx: Ctx, e: Entries, key: string, read: (v: string | number) => TimeResult): number {
  const v = e.time(key)!;
  const r = read(v);
  const place = e.fields[key];
  if (!r.ok) {
    ctx.diagnostics.push({ ruleId: 'scenario/time', severity: 'error', message: r.message, messageZh: r.messageZh, file: ctx.file, place });
    return NaN;
  }
  if (r.seconds !== 0 && /^\d+(\.\d+)?$/.test(String(v).trim())) {
    ctx.diagnostics.push({ ruleId: 'scenario/bare-number', severity: 'warning', file: ctx.file, place,
      message: `Unexpected bare number \`${v}\` for \`${key}\`, expected a unit such as ${v}s or ${v}min (read as ${r.seconds} seconds)`,
      messageZh: `\`${key}\` 的值 \`${v}\` 没有单位，应写作 ${v}s 或 ${v}min 等（现按 ${r.seconds} 秒处理）` });
  }
  return r.seconds;
}

function objective(ctx: Ctx, m: YAMLMap): Objective | undefined {
  const e = new Entries(ctx, m);
  const id = e.str('id');
  const text = e.str('text');
  if (id === undefined || text === undefined) return undefined;
  const o: Objective = { id, text, steps: e.list('steps'), place: e.place, fields: e.fields };
  if (e.time('within') !== undefined) o.within = time(ctx, e, 'within', parseWithin);
  return o;
}

function inject(ctx: Ctx, m: YAMLMap): Inject | undefined {
  const e = new Entries(ctx, m);
  const id = e.str('id');
  const at = e.time('at');
  const message = e.str('message');
  if (id === undefined || at === undefined || message === undefined) return undefined;
  const to = e.list('to');
  const inj: Inject = {
    id, at: time(ctx, e, 'at', parseOffset), atText: String(at), message,
    to: to.length === 1 && EVERYONE.test(to[0]) ? [] : to,
    expected: e.items('expected').map((x) => expected(ctx, x)).filter((x): x is ExpectedAction => !!x),
    place: e.place, fields: e.fields,
  };
  const from = e.str('from');
  if (from !== undefined) inj.from = from;
  const factsMap = e.map('facts');
  if (factsMap) {
    const facts: Record<string, FactValue> = {};
    for (const pair of factsMap.items) {
      const k = isScalar(pair.key) ? String(pair.key.value) : undefined;
      const v = resolveNode(pair.value, ctx.doc);
      if (k === undefined || !isScalar(v) || !['number', 'boolean', 'string'].includes(typeof v.value)) continue;
      facts[k] = v.value as FactValue;
      const vp = placeOfNode((pair.value as YamlNode | null)?.range ? (pair.value as YamlNode) : v, ctx.lines);
      const kp = placeOfNode(pair.key as YamlNode, ctx.lines);
      if (vp) inj.fields![`facts.${k}`] = vp;
      if (kp) inj.fields![`facts.${k}.key`] = kp;
    }
    inj.facts = facts;
  }
  return inj;
}

function expected(ctx: Ctx, m: YAMLMap): ExpectedAction | undefined {
  const e = new Entries(ctx, m);
  const role = e.str('role');
  if (role === undefined) return undefined;
  const x: ExpectedAction = { role, place: e.place, fields: e.fields };
  const step = e.str('step');
  const level = e.str('level');
  if (step !== undefined && level !== undefined) {
    ctx.diagnostics.push({ ruleId: 'scenario/action-kind', severity: 'error', file: ctx.file, place: e.fields.level,
      message: 'Unexpected `level` together with `step` in an expected action, expected one of them (a level declaration is `level: II`)',
      messageZh: '预期行动中同时写了 `step` 和 `level`，只能写其一（启动响应级别写作 `level: II`）' });
  }
  if (step !== undefined) x.step = step;
  else if (level !== undefined) { x.step = `level:${parseLevelId(level).id}`; x.fields!.step = e.fields.level; }
  const text = e.str('text');
  if (text !== undefined) x.text = text;
  const within = e.time('within');
  if (within !== undefined) { x.within = time(ctx, e, 'within', parseWithin); x.withinText = String(within); }
  return x;
}

function action(ctx: Ctx, m: YAMLMap): DrillAction | undefined {
  const e = new Entries(ctx, m);
  const role = e.str('role');
  const at = e.time('at');
  if (role === undefined || at === undefined) return undefined;
  const a: DrillAction = { at: time(ctx, e, 'at', parseOffset), atText: String(at), role, kind: 'step', place: e.place, fields: e.fields };
  const report = (message: string, messageZh: string, place = e.place) =>
    ctx.diagnostics.push({ ruleId: 'scenario/action-kind', severity: 'error', file: ctx.file, place, message, messageZh });

  // Which kinds do the keys say? (`ack: false` / `terminate: false` say nothing.)
  const said = KIND_KEYS.filter(([key]) => e.has(key) && !((key === 'ack' || key === 'terminate') && e.bool(key) === false));
  const explicit = KIND_KEYS.find(([, k]) => k === e.str('kind'))?.[1];
  const kind: ActionKind = explicit ?? said[0]?.[1] ?? 'step';
  const clash = said.find(([, k]) => k !== kind);
  if (clash) {
    report(`Unexpected \`${clash[0]}\` in a ${kind} action, expected one kind per action (write two actions)`,
      `\`${kind}\` 类行动中不能再写 \`${clash[0]}\`，每条行动只能是一种（请拆成两条）`, e.keys.get(clash[0]) ? placeOfNode(e.keys.get(clash[0]), ctx.lines) : e.place);
  }
  a.kind = kind;
  const step = e.str('step');
  const level = e.str('level');
  const to = e.str('notify') ?? e.str('to');
  const text = e.str('text') ?? e.str('note');
  if (step !== undefined) a.step = step;
  if (level !== undefined) a.level = parseLevelId(level).id;
  if (to !== undefined) { a.to = to; a.fields!.to = e.fields.notify ?? e.fields.to; }
  if (text !== undefined) a.text = text;
  const missing = (key: string, zh: string) => report(`Missing \`${key}\` in a ${kind} action, expected ${key === 'step' ? '`step` or `text`' : `\`${key}\``}`, `${zh}类行动缺少 \`${key}\``);
  if (kind === 'step' && step === undefined && text === undefined) missing('step', '步骤');
  if (kind === 'level' && level === undefined) missing('level', '启动响应');
  if (kind === 'notify' && to === undefined) missing('notify', '通知');
  return a;
}

function expectation(ctx: Ctx, m: YAMLMap): Expectation {
  const e = new Entries(ctx, m);
  const x: Expectation = { place: e.place, fields: e.fields };
  const level = e.str('level');
  if (level !== undefined) x.level = parseLevelId(level).id;
  const score = e.str('score');
  if (score !== undefined) x.score = score;
  if (e.has('gaps')) x.gaps = e.list('gaps');
  if (e.has('noGaps')) x.noGaps = e.list('noGaps');
  const terminated = e.bool('terminated');
  if (terminated !== undefined) x.terminated = terminated;
  return x;
}
