import type { Diagnostic } from '../diagnostics.js';
import { checkExpr, parseExpr } from '../expr/index.js';
import type { Duration, Located, Place, Plan, Trigger } from '../model/index.js';
import { parseDuration } from './duration.js';
import { levelRank, parseLevelId, parseLevelSpec } from './fields.js';
import { LineIndex } from './position.js';

/**
 * The pass both syntaxes share: parses durations and triggers, resolves level specs and role names,
 * reports duplicate ids. Parsers build the Plan with raw text and call this last.
 */
export function finishPlan(plan: Plan, source: string, diagnostics: Diagnostic[]): Plan {
  const lines = new LineIndex(source);
  const report = (ruleId: string, severity: Diagnostic['severity'], message: string, messageZh: string, place?: Place, related?: Diagnostic['related']) =>
    diagnostics.push({ ruleId, severity, message, messageZh, file: plan.file, place, ...(related ? { related } : {}) });

  rankLevels(plan);
  for (const [kind, list] of [['fact', plan.facts], ['role', plan.roles], ['level', plan.levels], ['step', plan.steps], ['resource', plan.resources], ['warning', plan.warnings]] as const) {
    reportDuplicates(kind, list, plan.file, report);
  }

  const stepIds = plan.steps.map((s) => s.id);
  const duration = (d: Duration | undefined) => d && finishDuration(d, stepIds, report);
  const trigger = (t: Trigger | undefined) => t && finishTrigger(t, plan, lines, report);

  for (const w of plan.warnings) { trigger(w.trigger); duration(w.lead); }
  for (const l of plan.levels) { trigger(l.trigger); duration(l.activation); }
  for (const s of plan.steps) { duration(s.deadline); trigger(s.condition); }
  for (const e of plan.escalations) trigger(e.when);
  if (plan.termination) { trigger(plan.termination.when); duration(plan.termination.followUp); }
  for (const r of plan.reports) duration(r.within);

  for (const node of [...plan.steps, ...plan.reports]) {
    // A text spec ("III+") is resolved here; a YAML list ([Ⅳ级, II]) is normalised and checked the same way.
    const spec = node.levelsText ?? (node.levels.length ? node.levels.join(', ') : undefined);
    if (spec === undefined) continue;
    const { ids, unknown } = parseLevelSpec(spec, plan.levels);
    // Unknown levels stay in the list (they match no level) so the step is not mistaken for "every level".
    node.levels = [...ids, ...unknown.map((u) => parseLevelId(u).id)];
    for (const u of unknown) {
      report('parse/unknown-level', 'error', `Unexpected level \`${u}\`, expected one of: ${plan.levels.map((l) => l.id).join(', ') || '(no levels declared)'}`,
        `未定义的响应级别 \`${u}\`，应为：${plan.levels.map((l) => l.id).join('、') || '（未声明响应级别）'}`, node.fields?.levels ?? node.place);
    }
  }
  resolveRoles(plan);
  return plan;
}

/** Ranks levels: roman ids by numeral (I = 1 most severe); custom ids keep the order they were written in. */
function rankLevels(plan: Plan): void {
  plan.levels.forEach((l, i) => { l.rank = levelRank(l.id) ?? l.rank ?? i + 1; });
}

type Reporter = (ruleId: string, severity: Diagnostic['severity'], message: string, messageZh: string, place?: Place, related?: Diagnostic['related']) => void;

function reportDuplicates(kind: string, list: readonly (Located & { id: string })[], file: string, report: Reporter): void {
  const seen = new Map<string, Located>();
  for (const node of list) {
    const first = seen.get(node.id);
    if (!first) { seen.set(node.id, node); continue; }
    report('parse/duplicate-id', 'error', `Unexpected duplicate ${kind} id \`${node.id}\`, expected each id once`,
      `重复的${kindZh(kind)}标识 \`${node.id}\`，每个标识只能定义一次`, node.fields?.id ?? node.place,
      [{ message: 'first defined here', messageZh: '首次定义于此', file, place: first.fields?.id ?? first.place }]);
  }
}

const KIND_ZH: Record<string, string> = { fact: '要素', role: '角色', level: '级别', step: '步骤', resource: '物资', warning: '预警' };
const kindZh = (k: string) => KIND_ZH[k] ?? k;

function finishDuration(d: Duration, stepIds: string[], report: Reporter): void {
  const r = parseDuration(d.text, stepIds);
  if (r.ok) { d.seconds = r.seconds; d.anchor = r.anchor; return; }
  d.seconds = NaN;
  report('parse/duration', 'error', r.message, r.messageZh, d.place);
}

/** Parses and type-checks a trigger; expression errors are mapped to exact file columns when the text offset is known. */
function finishTrigger(t: Trigger, plan: Plan, lines: LineIndex, report: Reporter): void {
  const { ast, errors } = parseExpr(t.text);
  t.ast = ast;
  const all = ast ? [...errors, ...checkExpr(ast, plan.facts)] : errors;
  for (const e of all) {
    const mapped = t.textOffset !== undefined && lines.text.slice(t.textOffset, t.textOffset + t.text.length) === t.text;
    const place = mapped ? lines.place(t.textOffset! + e.start, t.textOffset! + Math.max(e.end, e.start + 1)) : t.place;
    report(e.code.startsWith('expr/') ? `trigger/${e.code.slice(5)}` : e.code, 'error', e.message, e.messageZh, place);
  }
}

/** Maps role names (总指挥) to ids (commander) wherever a role is referenced, so both spellings mean the same role. */
function resolveRoles(plan: Plan): void {
  const byName = new Map<string, string>();
  for (const r of plan.roles) { byName.set(r.name, r.id); if (r.holder) byName.set(r.holder, r.id); }
  const ids = new Set(plan.roles.map((r) => r.id));
  const one = (ref: string | undefined) => (ref === undefined || ids.has(ref) ? ref : byName.get(ref) ?? ref);
  for (const s of plan.steps) { s.role = one(s.role); s.notify = s.notify.map((n) => one(n)!); }
  for (const l of plan.levels) l.decidedBy = one(l.decidedBy);
  if (plan.termination) plan.termination.decidedBy = one(plan.termination.decidedBy);
  for (const r of plan.reports) r.by = one(r.by);
  for (const r of plan.resources) r.keeper = one(r.keeper);
  for (const r of plan.roles) r.memberOf = one(r.memberOf);
}
