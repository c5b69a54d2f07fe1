import type { Diagnostic } from '../diagnostics.js';
import type { Plan } from '../model/index.js';
import { cellPlace, inferAction, readTable, reporter, roleResolver, type Report, type Table } from './import-common.js';
import { formatOffset, isClockTime, parseClock, parseOffset } from './scenario-time.js';
import { readTextFile } from './scenario.js';
import type { DrillAction } from './types.js';

/** Observer-log columns (English or Chinese headers). */
const COLUMNS = {
  time: ['Time', 'Timestamp', 'Clock', '时间', '时刻', '记录时间'],
  role: ['Role', 'Player', 'Who', 'Actor', '角色', '人员', '岗位', '执行人', '参演人员', '责任人'],
  action: ['Action', 'Actions', 'Activity', 'Observed Action', '行动', '动作', '处置行动', '行为', '操作'],
  note: ['Note', 'Notes', 'Remark', 'Remarks', 'Comment', '备注', '说明', '观察记录'],
};
type Col = keyof typeof COLUMNS;

/** Who runs the exercise rather than plays in it: their rows (inject delivery, "演练开始") set times but are not actions. */
const FACILITATOR = /^(导调|导调组|导调员|导演组|总导演|控制组|控制员|演练控制组|评估组|facilitator|controller|exercise control|exercise director|simcell|sim cell)$/iu;

/** What importing an observer log gives. */
export interface ObserverImport {
  /** Participant actions, in time order (stable for equal times). */
  actions: DrillAction[];
  diagnostics: Diagnostic[];
  /** Seconds since midnight the offsets count from, when the log used clock times. */
  start?: number;
}

/**
 * Imports an observer log (CSV: `time, role, action, note` / 时间, 角色, 行动, 备注) recorded during a real drill as
 * participant actions. Times are wall-clock (`09:32:10`, `9:32`) — offsets from `opts.start` or, without it, from the
 * first row — or offsets (`T+00:02:10`, `130s`, `2分钟`); a log uses one or the other. Roles are matched to the
 * plan by id, name, holder or (unique) deputy; rows by the facilitator (导调组, controller) only set the start time.
 * The kind is inferred from the action text: a level declaration ("启动III级响应"), a notification ("通知副总指挥"),
 * an acknowledgement ("收到"), a termination ("宣布响应终止"), else a step to be matched by the engine (an action
 * that is exactly a step id is that step). A note becomes a `note` action at the same time. Never throws.
 */
export function importObserverLog(csv: string, file: string, plan: Plan | undefined, opts: { start?: string } = {}): ObserverImport {
  const diagnostics: Diagnostic[] = [];
  const report = reporter(file, diagnostics);
  try {
    const table = readTable(csv, report, COLUMNS, ['time', 'role'], []);
    if (!table) return { actions: [], diagnostics };
    return { ...read(table, plan, opts, report), diagnostics };
  } catch (err) {
    report('parse/internal', 'error', `Unexpected internal error while importing the observer log: ${(err as Error)?.message ?? String(err)}`,
      `导入观察记录时发生内部错误：${(err as Error)?.message ?? String(err)}`, undefined);
    return { actions: [], diagnostics };
  }
}

/** Reads an observer-log CSV file (size and encoding guards as for plans) and imports it. */
export function importObserverLogFile(file: string, plan: Plan | undefined, opts: { start?: string; maxBytes?: number } = {}): ObserverImport {
  const r = readTextFile(file, opts.maxBytes);
  if ('diagnostic' in r) return { actions: [], diagnostics: [r.diagnostic] };
  return importObserverLog(r.text, file, plan, opts);
}

function read(table: Table<Col>, plan: Plan | undefined, opts: { start?: string }, report: Report): { actions: DrillAction[]; start?: number } {
  const roleOf = roleResolver(plan);
  const stepIds = new Set(plan?.steps.map((s) => s.id) ?? []);
  let start: number | undefined;
  if (opts.start !== undefined) {
    const s = parseClock(opts.start);
    if (s.ok) start = s.seconds;
    else report('import/time', 'error', `${s.message} (--start)`, `${s.messageZh}（--start）`, undefined);
  }
  // The log's time mode is that of its first readable time (or clock, when a start time is given).
  let clock: boolean | undefined = opts.start !== undefined ? true : undefined;
  let previous = -1;
  const actions: DrillAction[] = [];

  for (const row of table.rows) {
    const { cells } = row;
    const timeText = cells.time?.value ?? '';
    const roleText = cells.role?.value ?? '';
    const actionText = cells.action?.value ?? '';
    const note = cells.note?.value ?? '';
    if (!timeText) {
      report('import/time', 'error', `Missing time in record ${row.record}, expected a clock time such as 09:32:10 or an offset such as T+00:02:10`,
        `第 ${row.record} 条记录缺少时间，应为 09:32:10 这样的时刻或 T+00:02:10 这样的偏移`, cellPlace(table, row, 'time'));
      continue;
    }
    const isClock = isClockTime(timeText);
    const t = isClock ? parseClock(timeText) : parseOffset(timeText);
    if (!t.ok) {
      report('import/time', 'error', isClock || clock === false ? t.message : `Unexpected time \`${timeText}\`, expected a clock time such as 09:32:10 or an offset such as T+00:02:10`,
        isClock || clock === false ? t.messageZh : `无法识别的时间 \`${timeText}\`，应为 09:32:10 这样的时刻或 T+00:02:10 这样的偏移`, cellPlace(table, row, 'time'));
      continue;
    }
    clock ??= isClock;
    if (isClock !== clock) {
      report('import/time', 'error',
        `Unexpected ${isClock ? 'clock time' : 'offset'} \`${timeText}\` in a log of ${clock ? 'clock times' : 'offsets'}, expected one kind of time throughout`,
        `时间 \`${timeText}\` 与本记录表的时间写法不一致（本表使用${clock ? '时刻' : '偏移'}），全表应统一`, cellPlace(table, row, 'time'));
      continue;
    }
    let at = t.seconds;
    if (isClock) {
      start ??= at;
      // A drill that runs past midnight: a clock time far before the start is the next day.
      if (at < start && start - at > 12 * 3600) at += 24 * 3600;
      if (at < start) {
        report('import/time', 'error', `Unexpected time \`${timeText}\` before the drill start ${clockText(start)}, expected a time at or after it`,
          `时间 \`${timeText}\` 早于演练开始时刻 ${clockText(start)}`, cellPlace(table, row, 'time'));
        continue;
      }
      at -= start;
    }
    if (at < previous) {
      report('import/order', 'warning', `Unexpected time \`${timeText}\` earlier than the row before it, expected rows in time order (sorted on import)`,
        `时间 \`${timeText}\` 早于上一行，记录应按时间顺序排列（导入时已排序）`, cellPlace(table, row, 'time'));
    }
    previous = Math.max(previous, at);

    if (FACILITATOR.test(roleText)) continue;
    if (!roleText) {
      report('import/role', 'error', `Missing role in record ${row.record}, expected who acted (a role id, name or holder)`,
        `第 ${row.record} 条记录缺少角色，应填写执行人（角色标识、名称或担任人）`, cellPlace(table, row, 'role'));
      continue;
    }
    const role = roleOf(roleText);
    if (plan && !role) {
      const known = plan.roles.map((r) => `${r.id}（${r.name}）`).join(', ');
      report('import/role', 'warning', `Unexpected role \`${roleText}\`, expected a role of the plan: ${known} (kept as written)`,
        `预案中没有角色 \`${roleText}\`，应为：${known.replace(/, /g, '、')}（已按原文保留）`, cellPlace(table, row, 'role'));
    }
    if (!actionText && !note) {
      report('import/row', 'error', `Missing action in record ${row.record}, expected what ${roleText} did`, `第 ${row.record} 条记录缺少行动内容`, cellPlace(table, row, 'action'));
      continue;
    }
    const base = { at, atText: isClock ? formatOffset(at) : timeText, role: role ?? roleText };
    const fields = { at: cellPlace(table, row, 'time'), role: cellPlace(table, row, 'role') };
    if (actionText) {
      const kind = inferAction(actionText, roleOf);
      const a: DrillAction = { ...base, kind: kind.kind, text: actionText, place: row.place, fields: { ...fields, text: cellPlace(table, row, 'action') } };
      if (kind.level) { a.level = kind.level; a.fields!.level = a.fields!.text; }
      if (kind.to) { a.to = kind.to; a.fields!.to = a.fields!.text; }
      if (kind.kind === 'step' && stepIds.has(actionText)) { a.step = actionText; a.fields!.step = a.fields!.text; }
      if (kind.level && plan && !plan.levels.some((l) => l.id === kind.level)) {
        report('import/level', 'warning', `Unexpected level \`${kind.level}\` in \`${actionText}\`, expected one of: ${plan.levels.map((l) => l.id).join(', ')}`,
          `\`${actionText}\` 中的响应级别 \`${kind.level}\` 在预案中未定义，应为：${plan.levels.map((l) => l.id).join('、')}`, a.fields!.text);
      }
      actions.push(a);
    }
    if (note) actions.push({ ...base, kind: 'note', text: note, place: row.place, fields: { ...fields, text: cellPlace(table, row, 'note') } });
  }
  return { actions: actions.map((a, i) => [a, i] as const).sort((x, y) => x[0].at - y[0].at || x[1] - y[1]).map(([a]) => a), start };
}

function clockText(seconds: number): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(Math.floor(seconds / 3600) % 24)}:${p(Math.floor(seconds / 60) % 60)}:${p(seconds % 60)}`;
}
