import { dueSeconds, isTimed, type Plan, type Report } from '../model/index.js';
import { absoluteDeadlines } from '../model/deadlines.js';

/**
 * One reporting duty as the plan wrote it: a reports row. A row with parallel recipients (县应急管理局、县生态环境局) is one
 * Report per recipient in the model, sharing the row's cells; rules judge the row once.
 */
export interface ReportRow {
  /** The first of the row's reports (its cells are the row's). */
  report: Report;
  /** Every recipient of the row, in order. */
  to: string[];
  reports: Report[];
}

/** The plan's report rows, in order: reports that share a row's place are one row. */
export function reportRows(plan: Plan): ReportRow[] {
  const rows: ReportRow[] = [];
  const byStart = new Map<string, ReportRow>();
  for (const r of plan.reports) {
    const key = r.place ? `${r.place.start.offset}:${r.place.end.offset}` : undefined;
    const row = key === undefined ? undefined : byStart.get(key);
    if (row) { row.to.push(r.to); row.reports.push(r); continue; }
    const fresh = { report: r, to: [r.to], reports: [r] };
    rows.push(fresh);
    if (key !== undefined) byStart.set(key, fresh);
  }
  return rows;
}

/**
 * Latest time, in seconds from the incident (or from receipt, for a receipt-anchored limit), by which a report must
 * be made over the levels it applies to: level-anchored limits add the level's activation deadline, step-anchored ones
 * the step's own latest finish. Undefined when the time limit is missing or has no due time.
 */
export function latestSeconds(plan: Plan, r: Report): number | undefined {
  const w = r.within;
  if (!isTimed(w)) return undefined;
  const levels = r.levels.length ? r.levels : plan.levels.length ? plan.levels.map((l) => l.id) : [undefined];
  let worst = w.seconds;
  for (const id of levels) {
    if (w.anchor.kind === 'level') {
      const a = dueSeconds(plan.levels.find((l) => l.id === id)?.activation);
      worst = Math.max(worst, w.seconds + (a ?? 0));
    } else if (w.anchor.kind === 'step') {
      const base = absoluteDeadlines(plan, id).get(w.anchor.step)?.seconds;
      if (base !== undefined) worst = Math.max(worst, base + w.seconds);
    }
  }
  return worst;
}
