import type { Diagnostic } from '../diagnostics.js';
import type { Duration, Level, Located, Place, Plan, Trigger } from '../model/index.js';
import { DEFAULT_IMMEDIATE_SECONDS } from '../model/index.js';
import { scopeFloorLevel } from '../model/query.js';
import { parseDuration, type DurationContext } from './duration.js';
import { parseLevelId, parseLevelSpec, splitList } from './fields.js';
import { finishLevels } from './finish-levels.js';
import { finishMeta } from './finish-meta.js';
import { finishOwners } from './finish-owners.js';
import { finishTrigger, orOf } from './finish-trigger.js';
import { LineIndex } from './position.js';

/** Reports one diagnostic of the plan being finished. */
export type Reporter = (ruleId: string, severity: Diagnostic['severity'], message: string, messageZh: string, place?: Place, related?: Diagnostic['related']) => void;

/** Options of the finish pass. */
export interface FinishOptions {
  /** Seconds `立即` allows when the plan does not say (config `immediate`); default 5 min. */
  immediate?: number;
}

/**
 * The pass both syntaxes share: reads meta conventions, level ids and their order, durations and triggers, owners
 * and prerequisites, resolves level specs and role names, reports duplicate ids. Parsers build the Plan with raw text
 * and call this last. Content defects (a vague deadline, an unknown fact) are diagnostics; the plan is always kept.
 */
export function finishPlan(plan: Plan, source: string, diagnostics: Diagnostic[], opts: FinishOptions = {}): Plan {
  const lines = new LineIndex(source);
  // A row with parallel recipients becomes one report per recipient sharing the row's cells: a defect of a shared cell
  // is one finding, not one per recipient.
  const said = new Set<string>();
  const report: Reporter = (ruleId, severity, message, messageZh, place, related) => {
    const key = `${ruleId}|${place?.start.offset ?? ''}|${place?.start.line}:${place?.start.column}|${message}`;
    if (said.has(key)) return;
    said.add(key);
    diagnostics.push({ ruleId, severity, message, messageZh, file: plan.file, place, ...(related ? { related } : {}) });
  };
  plan.standby ??= [];
  plan.constraints ??= [];
  // 向县应急管理局、县生态环境局报告: the same duty to each recipient, so each is checked and drilled on its own.
  plan.reports = plan.reports.flatMap((r) => {
    const to = splitList(r.to);
    return to.length > 1 ? to.map((t) => ({ ...r, to: t })) : [r];
  });

  finishMeta(plan.meta, report);
  const immediateWritten = plan.meta.immediate && finishDuration(plan.meta.immediate, { immediate: opts.immediate }, report);
  const immediate = immediateWritten?.kind === 'limit' ? immediateWritten.seconds : opts.immediate ?? DEFAULT_IMMEDIATE_SECONDS;
  if (plan.meta.immediate && immediateWritten?.kind !== 'limit' && immediateWritten?.kind !== 'invalid') {
    report('time/invalid', 'error', `Unexpected \`immediate: ${plan.meta.immediate.text}\`, expected a plain limit such as 5分钟`,
      `\`immediate: ${plan.meta.immediate.text}\` 应为简单时限，如 5分钟`, plan.meta.immediate.place);
  }

  finishLevels(plan, report);
  // The YAML form checks ids with its schema; Markdown is held to the same pattern so every plan round-trips.
  if (plan.format === 'markdown') checkIds(plan, report);
  for (const [kind, list] of [['fact', plan.facts], ['role', plan.roles], ['level', plan.levels], ['step', plan.steps], ['resource', plan.resources], ['warning', plan.warnings], ['standby', plan.standby]] as const) {
    reportDuplicates(kind, list, plan.file, report);
  }

  const stepIds = plan.steps.map((s) => s.id);
  const duration = (d: Duration | undefined, self?: string) => { if (d) finishDuration(d, { stepIds, self, immediate }, report); };
  const trigger = (t: Trigger | undefined, allowFactComparison = false) => { if (t) finishTrigger(t, plan, lines, report, { allowFactComparison }); };

  for (const w of plan.warnings) { trigger(w.trigger); duration(w.lead); duration(w.callback); }
  for (const l of plan.levels) { l.criteria.forEach((c) => trigger(c)); duration(l.activation); levelTrigger(l); }
  for (const s of plan.standby) trigger(s.trigger);
  // A scope floor that names no level is a condition on the facts: read it like a trigger, so a condition yuan cannot
  // read is an error at the field, not a floor silently ignored by the coverage rule.
  const floor = plan.meta.scope;
  if (floor && !scopeFloorLevel(plan)) trigger({ text: floor.below, place: plan.meta.fields?.scope ?? plan.meta.place });
  for (const c of plan.constraints) trigger(c, true);
  for (const s of plan.steps) { duration(s.deadline, s.id); trigger(s.condition); }
  for (const e of plan.escalations) trigger(e.when);
  if (plan.termination) { trigger(plan.termination.when); duration(plan.termination.followUp); }
  for (const r of plan.reports) { duration(r.within); trigger(r.when); }

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
  finishOwners(plan, report);
  return plan;
}

/**
 * A level's condition: its one criterion, or (several criteria, 符合下列条件之一) their OR, marked `derived` so
 * export writes the criteria rather than the joined text.
 */
function levelTrigger(level: Level): void {
  if (level.criteria.length === 0) { delete level.trigger; return; }
  if (level.criteria.length === 1) { level.trigger = level.criteria[0]; return; }
  level.trigger = orOf(level.criteria, level.place);
}

function reportDuplicates(kind: string, list: readonly (Located & { id: string })[], file: string, report: Reporter): void {
  const seen = new Map<string, Located>();
  for (const node of list) {
    const first = seen.get(node.id);
    if (!first) { seen.set(node.id, node); continue; }
    report('parse/duplicate-id', 'error', `Unexpected duplicate ${kind} id \`${node.id}\`, expected each id once`,
      `重复的${KIND_ZH[kind] ?? kind}标识 \`${node.id}\`，每个标识只能定义一次`, node.fields?.id ?? node.place,
      [{ message: 'first defined here', messageZh: '首次定义于此', file, place: first.fields?.id ?? first.place }]);
  }
}

/** Ids of the YAML form's schema (`$defs/id`, `$defs/levelId`): what both syntaxes accept. */
const ID = /^[A-Za-z0-9_\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff][A-Za-z0-9_.\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff-]*$/u;
const LEVEL_ID = /^[^\s](?:[^\s]| (?! ))*$/u;

function checkIds(plan: Plan, report: Reporter): void {
  const lists = [['fact', plan.facts], ['role', plan.roles], ['step', plan.steps], ['resource', plan.resources], ['standby', plan.standby]] as const;
  for (const [kind, list] of lists) {
    for (const node of list as readonly (Located & { id: string })[]) {
      if (ID.test(node.id)) continue;
      report('parse/schema', 'error', `Unexpected ${kind} id \`${node.id}\`, expected letters (ASCII or CJK), digits, \`_\`, \`.\` and \`-\`, starting with a letter, digit or \`_\``,
        `${KIND_ZH[kind] ?? kind}标识 \`${node.id}\` 无效，只能包含字母（含汉字）、数字、\`_\`、\`.\`、\`-\`，且以字母、数字或 \`_\` 开头`, node.fields?.id ?? node.place);
    }
  }
  for (const l of plan.levels) {
    if (LEVEL_ID.test(l.id) && l.id.length <= 64) continue;
    report('parse/schema', 'error', `Unexpected level id \`${l.id}\`, expected at most 64 characters without line breaks or double spaces`,
      `级别标识 \`${l.id}\` 无效，应不超过64个字符，且不含换行或连续空格`, l.fields?.id ?? l.place);
  }
}

const KIND_ZH: Record<string, string> = { fact: '要素', role: '角色', level: '级别', step: '步骤', resource: '物资', warning: '预警', standby: '准备状态' };

/**
 * Reads a duration in place. A vague text (`及时`) or one that cannot be read exactly stays in the model (so export
 * is lossless and the plan is still linted and rendered) with a `time/vague` or `time/invalid` finding.
 */
function finishDuration(d: Duration, ctx: DurationContext, report: Reporter): Duration {
  const r = parseDuration(d.text, ctx);
  const out = d as unknown as Record<string, unknown>;
  for (const k of ['seconds', 'earliest', 'every', 'times', 'calendar']) delete out[k];
  d.kind = r.kind;
  d.anchor = r.anchor;
  if (r.ok) {
    for (const k of ['seconds', 'earliest', 'every', 'times', 'calendar'] as const) if (r[k] !== undefined) out[k] = r[k];
    return d;
  }
  report(r.kind === 'vague' ? 'time/vague' : 'time/invalid', 'error', r.message, r.messageZh, d.place);
  return d;
}
