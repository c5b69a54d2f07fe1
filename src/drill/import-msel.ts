import { basename, dirname, extname, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import type { Place, Plan } from '../model/index.js';
import { parseLevelId } from '../parse/fields.js';
import { parsePlanFile } from '../parse/index.js';
import { schemaFile } from '../paths.js';
import { cellPlace, readTable, reporter, roleResolver, splitRoles, inferAction, type Report, type Table, type TableRow } from './import-common.js';
import { EVERYONE } from './scenario-build.js';
import { checkScenario } from './scenario-check.js';
import { parseOffset, parseWithin } from './scenario-time.js';
import { scenarioToYaml } from './scenario-write.js';
import { readTextFile } from './scenario.js';
import type { ExpectedAction, FactValue, Inject, Objective, Scenario } from './types.js';

/** MSEL columns (HSEEP English and Chinese headers) and the headers accepted for each. */
const COLUMNS = {
  id: ['Event #', 'Event', 'Event No', 'Event No.', 'Event Number', 'Inject #', 'Inject No', 'MSEL #', 'No.', 'No', '#', '序号', '编号', '事件编号', '注入编号'],
  time: ['Time', 'Scenario Time', 'Designated Scenario Time', 'Offset', '时间', '注入时间', '演练时间', '时刻'],
  message: ['Inject', 'Inject Description', 'Event Description', 'Description', 'Message', 'Scenario', '注入内容', '情景', '情景描述', '事件描述', '注入信息', '内容'],
  from: ['From', 'Sender', 'Source', '发出', '发出方', '来源', '发送方', '注入方'],
  to: ['To', 'Recipient', 'Recipients', 'Player', 'Players', 'Receiver', '接收', '接收方', '接收人', '接收对象'],
  expected: ['Expected Action', 'Expected Actions', 'Expected Player Action', 'Expected Player Actions', 'Expected Response', '预期行动', '预期响应', '预期处置', '期望行动'],
  objective: ['Objective', 'Objectives', 'Objective/Capability', 'Capability', '目标', '演练目标', '对应目标'],
  facts: ['Facts', 'Fact', '事故信息', '事实', '情景参数', '参数'],
};
type Col = keyof typeof COLUMNS;

/** HSEEP MSEL columns yuan has no use for: ignored without a warning. */
const IGNORED = ['Event Type', 'Inject Mode', 'Mode', 'Method', 'Responsible Controller', 'Controller', 'Controller Notes', 'Notes', 'Note', 'Remarks', 'Status', 'Task', 'Core Capability',
  '注入方式', '方式', '控制员', '导调员', '备注', '说明', '状态'];

/** `# key: value` metadata lines the importer reads (before the header). */
const META_KEYS = ['id', 'scenario', 'title', 'plan', 'type', 'scope', 'seed',
  'expect.level', 'expect.score', 'expect.gaps', 'expect.noGaps', 'expect.terminated', 'weights.time', 'weights.coordination', 'weights.effect'];

/** What an MSEL import gives: the scenario, the YAML text to write, and every diagnostic (at the CSV's line:column). */
export interface MselImport {
  scenario?: Scenario;
  yaml?: string;
  diagnostics: Diagnostic[];
}

export interface MselOptions {
  /** The plan, to map `To` names and holders to role ids and to check the result (`checkScenario`). */
  plan?: Plan;
  /** `scenario.plan` to write (relative to the scenario file); overrides a `# plan:` line. */
  planPath?: string;
  /** Scenario id and title; override `# id:` / `# title:` lines (default: the file name). */
  id?: string;
  title?: string;
  /** `yaml-language-server` schema path for the YAML header. */
  schemaPath?: string;
}

/**
 * Imports an HSEEP-style Master Scenario Events List (CSV) as a Scenario, plus its YAML text.
 *
 * Columns (English or Chinese headers, any order): `Event #`/序号 (inject id; a number n becomes `in`), `Time`/时间
 * (offset: `T+00:05`, `00:05:00`, `5min`, `5分钟`; `h:mm` is hours:minutes), `Inject`/注入内容, `From`/发出,
 * `To`/接收 (role ids, names or holders, separated by `、,;/` or line breaks; empty or 全体/All = everyone),
 * `Expected Action`/预期行动, `Objective`/目标, and yuan's `Facts`/情景参数 (`leak_kg=50; fire=false`).
 *
 * An expected-action cell holds one action per line (or per `；`): `Role: text [step] (within 5 min)`. The role
 * prefix may be omitted when the row has one recipient; `[step]` names a plan step (or `[level:II]` a level
 * declaration); without it the text is kept for the engine to match. An objective cell holds `id: text [steps]
 * (within 1 h)` the first time an objective appears and just `id` after. `# key: value` lines before the header
 * set `id`, `title`, `plan`, `type`, `scope`, `seed` and `expect.*` / `weights.*`. Never throws.
 */
export function importMsel(csv: string, file: string, opts: MselOptions = {}): MselImport {
  const diagnostics: Diagnostic[] = [];
  const report = reporter(file, diagnostics);
  try {
    const table = readTable(csv, report, COLUMNS, ['time', 'message'], IGNORED);
    if (!table) return { diagnostics };
    const scenario = build(table, file, opts, report);
    if (opts.plan) diagnostics.push(...checkScenario(scenario, opts.plan));
    const yaml = scenarioToYaml(scenario, { schemaPath: opts.schemaPath, comment: `Imported by yuan from the MSEL ${basename(file)}; edit the CSV and re-import.` });
    return { scenario, yaml, diagnostics };
  } catch (err) {
    report('parse/internal', 'error', `Unexpected internal error while importing the MSEL: ${(err as Error)?.message ?? String(err)}`,
      `导入情景注入清单时发生内部错误：${(err as Error)?.message ?? String(err)}`, undefined);
    return { diagnostics };
  }
}

/**
 * Reads an MSEL CSV file (with the same size and encoding guards as plans) and imports it. The plan is `opts.plan`
 * (a path) or the CSV's `# plan:` line, resolved against the CSV's folder; the plan path written into the scenario,
 * and the schema path of its `yaml-language-server` line, are made relative to `opts.output` (the YAML file to be
 * written; default: next to the CSV).
 */
export function importMselFile(file: string, opts: { plan?: string; output?: string; id?: string; title?: string; schemaPath?: string; maxBytes?: number } = {}): MselImport {
  const read = readTextFile(file, opts.maxBytes);
  if ('diagnostic' in read) return { diagnostics: [read.diagnostic] };
  const written = metaPlan(read.text);
  const planFile = opts.plan ? resolve(opts.plan) : written ? resolve(dirname(file), written) : undefined;
  const diagnostics: Diagnostic[] = [];
  let plan: Plan | undefined;
  if (planFile) {
    const p = parsePlanFile(planFile, { maxBytes: opts.maxBytes });
    diagnostics.push(...p.diagnostics);
    plan = p.plan;
  }
  const outDir = dirname(resolve(opts.output ?? file));
  const rel = (target: string) => relative(outDir, target).split(sep).join('/');
  const planPath = planFile ? rel(planFile) : undefined;
  const schemaPath = opts.schemaPath ?? rel(schemaFile('scenario.schema.json'));
  const r = importMsel(read.text, file, { plan, planPath, id: opts.id, title: opts.title, schemaPath });
  return { ...r, diagnostics: [...diagnostics, ...r.diagnostics] };
}

/** The `# plan:` line among the `#` lines before the header. */
function metaPlan(text: string): string | undefined {
  for (const line of text.split(/\r\n|\n|\r/)) {
    if (line.trim() && !line.trimStart().startsWith('#')) return undefined;
    const m = /^\s*#\s*plan\s*[:：]\s*(.+?)\s*$/.exec(line);
    if (m) return m[1];
  }
  return undefined;
}

function build(table: Table<Col>, file: string, opts: MselOptions, report: Report): Scenario {
  const meta = new Map<string, { value: string; place: Place }>();
  for (const m of table.meta) {
    if (META_KEYS.includes(m.key)) meta.set(m.key === 'scenario' ? 'id' : m.key, m);
    else report('import/meta', 'warning', `Unexpected metadata key \`${m.key}\`, expected one of: ${META_KEYS.join(', ')}`, `无法识别的元数据 \`${m.key}\`，应为：${META_KEYS.join('、')}`, m.place);
  }
  const fallbackId = basename(file, extname(file)).replace(/[^A-Za-z0-9_.\u3400-\u9fff-]+/gu, '-').replace(/^[-.]+/, '') || 'msel';
  const scenario: Scenario = {
    file,
    id: opts.id ?? meta.get('id')?.value ?? fallbackId,
    title: opts.title ?? meta.get('title')?.value ?? meta.get('id')?.value ?? fallbackId,
    plan: opts.planPath ?? meta.get('plan')?.value ?? '',
    type: meta.get('type')?.value === 'field' ? 'field' : 'tabletop',
    scope: meta.get('scope')?.value === 'comprehensive' ? 'comprehensive' : 'single',
    objectives: [],
    injects: [],
    actions: [],
    seed: Number(meta.get('seed')?.value ?? 0) || 0,
    place: table.lines.place(0, table.lines.text.length),
    fields: Object.fromEntries([...meta].map(([k, m]) => [k, m.place])),
  };
  if (!scenario.plan) {
    report('import/no-plan', 'error', 'Missing plan: a scenario names the plan it exercises, expected `--plan <file>` or a `# plan: ../plans/x.md` line',
      '缺少预案：演练脚本须指明所演练的预案，请使用 `--plan <文件>` 或在表头前加 `# plan: ../plans/x.md`', table.lines.place(0, 0));
  }
  for (const [k, m] of meta) {
    if (k === 'type' && !['tabletop', 'field'].includes(m.value)) report('import/meta', 'error', `Unexpected type \`${m.value}\`, expected tabletop or field`, `演练类型 \`${m.value}\` 无效，应为 tabletop 或 field`, m.place);
    if (k === 'scope' && !['single', 'comprehensive'].includes(m.value)) report('import/meta', 'error', `Unexpected scope \`${m.value}\`, expected single or comprehensive`, `演练范围 \`${m.value}\` 无效，应为 single 或 comprehensive`, m.place);
  }
  expectations(scenario, meta, report);

  const roleOf = roleResolver(opts.plan);
  const objectives = new Map<string, Objective>();
  for (const row of table.rows) {
    const inj = inject(table, row, roleOf, report);
    if (inj) scenario.injects.push(inj);
    const cell = row.cells.objective;
    if (cell?.value) for (const o of objectiveItems(table, row, report)) if (!objectives.has(o.id) || (o.text && !objectives.get(o.id)!.text)) objectives.set(o.id, o);
  }
  scenario.objectives = [...objectives.values()].map((o) => (o.text ? o : { ...o, text: o.id }));
  return scenario;
}

function expectations(scenario: Scenario, meta: Map<string, { value: string; place: Place }>, report: Report): void {
  const get = (k: string) => meta.get(k);
  const list = (v: string) => v.split(/\s*[,，、;；]\s*/u).filter(Boolean);
  if ([...meta.keys()].some((k) => k.startsWith('expect.'))) {
    const ex: NonNullable<Scenario['expect']> = { fields: {} };
    const level = get('expect.level');
    if (level) { ex.level = level.value; ex.fields!.level = level.place; }
    const score = get('expect.score');
    if (score) { ex.score = score.value; ex.fields!.score = score.place; }
    const gaps = get('expect.gaps');
    if (gaps) { ex.gaps = list(gaps.value); ex.fields!.gaps = gaps.place; }
    const noGaps = get('expect.noGaps');
    if (noGaps) { ex.noGaps = list(noGaps.value); ex.fields!.noGaps = noGaps.place; }
    const term = get('expect.terminated');
    if (term) {
      if (/^(true|false)$/i.test(term.value)) ex.terminated = /^true$/i.test(term.value);
      else report('import/meta', 'error', `Unexpected \`${term.value}\` for expect.terminated, expected true or false`, `expect.terminated 的值 \`${term.value}\` 无效，应为 true 或 false`, term.place);
    }
    scenario.expect = ex;
  }
  for (const k of ['time', 'coordination', 'effect'] as const) {
    const w = get(`weights.${k}`);
    if (!w) continue;
    const n = Number(w.value);
    if (!Number.isFinite(n) || n < 0 || n > 1) { report('import/meta', 'error', `Unexpected weight \`${w.value}\`, expected a number 0–1`, `权重 \`${w.value}\` 无效，应为 0–1 之间的数`, w.place); continue; }
    scenario.weights = { ...scenario.weights, [k]: n };
  }
}

function inject(table: Table<Col>, row: TableRow<Col>, roleOf: (t: string) => string | undefined, report: Report): Inject | undefined {
  const { cells } = row;
  const message = cells.message?.value;
  const time = cells.time?.value;
  if (!message) {
    report('import/row', 'error', `Missing inject text in record ${row.record}, expected what participants are told`, `第 ${row.record} 条记录缺少注入内容`, cellPlace(table, row, 'message'));
    return undefined;
  }
  if (!time) {
    report('import/time', 'error', `Missing time in record ${row.record}, expected an offset such as T+00:05 or 5min`, `第 ${row.record} 条记录缺少时间，应为 T+00:05、5min 等`, cellPlace(table, row, 'time'));
    return undefined;
  }
  const at = parseOffset(time);
  if (!at.ok) report('import/time', 'error', at.message, at.messageZh, cellPlace(table, row, 'time'));
  const rawId = cells.id?.value;
  const id = !rawId ? `i${row.record - 1}` : /^\d+(\.\d+)*$/.test(rawId) ? `i${rawId}` : rawId.replace(/\s+/g, '-');
  const inj: Inject = { id, at: at.ok ? at.seconds : NaN, atText: time, message, to: [], expected: [], place: row.place, fields: {} };
  const f = inj.fields!;
  f.id = cells.id ? cellPlace(table, row, 'id') : row.place;
  f.at = cellPlace(table, row, 'time');
  f.message = cellPlace(table, row, 'message');
  if (cells.from?.value) { inj.from = cells.from.value; f.from = cellPlace(table, row, 'from'); }

  const toCell = cells.to;
  const rawTo = toCell?.value ? splitRoles(toCell.value) : [];
  if (!(rawTo.length === 1 && EVERYONE.test(rawTo[0]))) {
    inj.to = rawTo.map((r, i) => { f[`to[${i}]`] = cellPlace(table, row, 'to'); return roleOf(r) ?? r; });
  }
  if (cells.facts?.value) inj.facts = facts(table, row, inj, report);
  if (cells.expected?.value) inj.expected = expectedItems(table, row, inj, roleOf, report);
  return inj;
}

/** `leak_kg=50; fire=false; warning=orange` → { leak_kg: 50, fire: false, warning: 'orange' }. */
function facts(table: Table<Col>, row: TableRow<Col>, inj: Inject, report: Report): Record<string, FactValue> {
  const out: Record<string, FactValue> = {};
  const place = cellPlace(table, row, 'facts');
  for (const part of row.cells.facts!.value.split(/\s*[;；,，\n]\s*/u).filter(Boolean)) {
    const m = /^([^=:：\s]+)\s*[=:：]\s*(.+)$/u.exec(part);
    if (!m) {
      report('import/facts', 'error', `Unexpected \`${part}\` in the facts cell, expected \`fact=value\` pairs such as leak_kg=50; fire=false`,
        `事故信息单元格中的 \`${part}\` 无法识别，应为 \`要素=值\`，如 leak_kg=50; fire=false`, place);
      continue;
    }
    const v = m[2].trim();
    out[m[1]] = /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : /^(true|是)$/i.test(v) ? true : /^(false|否)$/i.test(v) ? false : v;
    inj.fields![`facts.${m[1]}`] = place;
    inj.fields![`facts.${m[1]}.key`] = place;
  }
  return out;
}

/** Splits a cell into items: one per line when it has several lines (so an item may contain `;`), else per `；`/`;`. */
function items(text: string): string[] {
  const sep = /[\r\n]/.test(text) ? /\s*[\r\n]+\s*/u : /\s*[；;]\s*/u;
  return text.split(sep).map((s) => s.trim()).filter(Boolean);
}

/** Peels `[tag]` and `(within …)` off the end of an item, in either order. */
function peel(text: string): { text: string; tag?: string; within?: string } {
  let t = text.trim();
  let tag: string | undefined;
  let within: string | undefined;
  for (let k = 0; k < 2; k++) {
    const b = /\s*[[【]\s*([^\]】]+?)\s*[\]】]$/u.exec(t);
    if (b && tag === undefined) { tag = b[1]; t = t.slice(0, b.index).trim(); continue; }
    const p = /\s*[(（]\s*(?:within|in|≤|<=|限)?\s*([^()（）]+?)\s*(?:内|以内)?\s*[)）]$/iu.exec(t);
    if (p && within === undefined && parseWithin(p[1]).ok) { within = p[1]; t = t.slice(0, p.index).trim(); continue; }
    break;
  }
  return { text: t, tag, within };
}

function expectedItems(table: Table<Col>, row: TableRow<Col>, inj: Inject, roleOf: (t: string) => string | undefined, report: Report): ExpectedAction[] {
  const place = cellPlace(table, row, 'expected');
  const out: ExpectedAction[] = [];
  for (const item of items(row.cells.expected!.value)) {
    // A role prefix is a plan role (id, name, holder) or one of the row's recipients as written.
    const m = /^([^:：]{1,40}?)\s*[:：]\s*(.+)$/su.exec(item);
    const prefixed = m && (roleOf(m[1]) ?? (inj.to.includes(m[1]) ? m[1] : undefined));
    const role = prefixed ?? inj.to[0];
    const { text, tag, within } = peel(prefixed ? m![2] : item);
    if (!role) {
      report('import/role', 'error', `Missing role for the expected action \`${item}\`, expected \`Role: action\` or a single recipient in \`To\``,
        `预期行动 \`${item}\` 没有执行角色，应写作 \`角色：行动\`，或在“接收”列只填一个角色`, place);
      continue;
    }
    const x: ExpectedAction = { role, place, fields: { role: place, step: place, text: place, within: place } };
    if (tag) x.step = /^level\s*[:：]/i.test(tag) ? `level:${parseLevelId(tag.replace(/^level\s*[:：]\s*/i, '')).id}` : tag;
    if (text) x.text = text;
    if (!tag && text) {
      const k = inferAction(text, roleOf);
      if (k.kind === 'level') x.step = `level:${k.level}`;
    }
    if (within !== undefined) {
      const w = parseWithin(within);
      if (w.ok) { x.within = w.seconds; x.withinText = within; }
    }
    out.push(x);
  }
  return out;
}

function objectiveItems(table: Table<Col>, row: TableRow<Col>, report: Report): Objective[] {
  const place = cellPlace(table, row, 'objective');
  const out: Objective[] = [];
  for (const item of items(row.cells.objective!.value)) {
    const m = /^([A-Za-z0-9_][\w.-]*)\s*(?:[:：]\s*(.*))?$/su.exec(item);
    if (!m) {
      report('import/objective', 'error', `Unexpected objective \`${item}\`, expected \`id: text [steps] (within …)\` or an objective id`,
        `无法识别的演练目标 \`${item}\`，应为 \`标识: 目标 [步骤] (时限)\` 或目标标识`, place);
      continue;
    }
    const o: Objective = { id: m[1], text: '', steps: [], place, fields: { id: place, text: place, steps: place, within: place } };
    if (m[2]) {
      const { text, tag, within } = peel(m[2]);
      o.text = text;
      if (tag) o.steps = tag.split(/\s*[,，、]\s*/u).filter(Boolean);
      o.steps.forEach((_, i) => { o.fields![`steps[${i}]`] = place; });
      if (within !== undefined) { const w = parseWithin(within); if (w.ok) o.within = w.seconds; }
    }
    out.push(o);
  }
  return out;
}
