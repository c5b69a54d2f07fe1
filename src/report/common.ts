/** What every report format shares: header facts, role labels, the improvement plan and its due dates. */
import type { DrillEvent, Scenario } from '../drill/types.js';
import type { Plan } from '../model/index.js';
import { clock, duration, type Evidence, type Finding, type Score } from '../score/index.js';
import { bandText, MODE_NAMES, T, type Lang } from './i18n.js';

/** Options shared by the report formats. */
export interface ReportOptions {
  /** ISO date of the drill (YYYY-MM-DD); due dates are counted from it. Without it the due column says "within N days". */
  date?: string;
  /** Days from the drill to the corrective actions' due date (default 30). */
  dueDays?: number;
}

/** One row of the improvement plan (整改计划): the registered finding, ready to be corrected, verified and closed. */
export interface ImprovementItem {
  id: string;
  finding: string;
  action: string;
  /** Responsible role id (absent when the finding has no single owner). */
  role?: string;
  roleLabel: string;
  /** ISO date, or a relative phrase when the drill date is unknown. */
  due: string;
  status: string;
  /** Finding id and evidence, for traceability. */
  findingId: string;
  evidence: number[];
}

export interface ReportModel {
  lang: Lang;
  plan: Plan;
  scenario?: Scenario;
  events: readonly DrillEvent[];
  score: Score;
  title: string;
  planTitle: string;
  scenarioTitle?: string;
  mode?: string;
  date?: string;
  dueDays: number;
  strengths: Finding[];
  /** What the report must say that is neither a strength nor a failure (not scored). */
  notes: Finding[];
  /** The rating band in words, and why it is not the score's when it is not. */
  band: { name: string; why?: string };
  improvements: ImprovementItem[];
  role: (id: string | undefined) => string;
  /** Localised text of a bilingual pair. */
  pick: (en: string | undefined, zh: string | undefined) => string;
  durationText: string;
}

/** Adds days to an ISO date (UTC calendar arithmetic, deterministic). Throws a RangeError for an invalid date. */
export function addDays(date: string, days: number): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`drill date must be YYYY-MM-DD, got ${JSON.stringify(date)}`);
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) throw new RangeError(`invalid drill date ${JSON.stringify(date)}`);
  return new Date(d.getTime() + days * 86400000).toISOString().slice(0, 10);
}

export function buildModel(plan: Plan, scenario: Scenario | undefined, events: readonly DrillEvent[], score: Score, lang: Lang, opts: ReportOptions = {}): ReportModel {
  const t = T[lang];
  const dueDays = opts.dueDays ?? 30;
  if (!Number.isInteger(dueDays) || dueDays < 0) throw new RangeError(`dueDays must be an integer ≥ 0, got ${String(opts.dueDays)}`);
  const due = opts.date ? addDays(opts.date, dueDays) : t.dueRelative(dueDays);
  const roles = new Map(plan.roles.map((r) => [r.id, r] as const));
  const role = (id: string | undefined) => {
    if (!id) return '—';
    const name = roles.get(id)?.name;
    return name && name !== id ? (lang === 'zh' ? `${name}（${id}）` : `${name} (${id})`) : id;
  };
  const pick = (en: string | undefined, zh: string | undefined) => (lang === 'zh' ? zh ?? en ?? '' : en ?? zh ?? '');
  const start = events.find((e): e is Extract<DrillEvent, { type: 'drill.start' }> => e.type === 'drill.start');
  const gaps = score.findings.filter((f) => f.kind === 'gap');
  const improvements = gaps.map((f, i): ImprovementItem => ({
    id: `${lang === 'zh' ? 'ZG' : 'IP'}-${String(i + 1).padStart(2, '0')}`,
    finding: pick(f.text, f.textZh),
    action: pick(f.action, f.actionZh),
    ...(f.role ? { role: f.role } : {}),
    roleLabel: role(f.role),
    due,
    status: t.open,
    findingId: f.id,
    evidence: f.evidence,
  }));
  return {
    lang, plan, scenario, events, score,
    title: t.title,
    planTitle: plan.meta.title || plan.meta.id,
    scenarioTitle: scenario ? scenario.title || scenario.id : start?.scenario,
    mode: start ? MODE_NAMES[lang][start.mode] ?? start.mode : undefined,
    date: opts.date,
    dueDays,
    strengths: score.findings.filter((f) => f.kind === 'strength'),
    notes: score.findings.filter((f) => f.kind === 'note'),
    band: bandText(score.band, lang),
    improvements,
    role, pick,
    durationText: `${duration(score.end, lang)}（${clock(0)}–${clock(score.end)}）`.replace(/（/g, lang === 'zh' ? '（' : ' (').replace(/）/g, lang === 'zh' ? '）' : ')'),
  };
}

/** `#seq mm:ss type role` descriptions of evidence events (by seq). */
export function evidenceText(events: readonly DrillEvent[], seqs: readonly number[]): string {
  const bySeq = new Map(events.map((e) => [e.seq, e] as const));
  return seqs.map((q) => {
    const e = bySeq.get(q);
    return e ? describeEvidence({ seq: e.seq, t: e.t, type: e.type, ...('role' in e && typeof e.role === 'string' ? { role: e.role } : {}), ...('step' in e && typeof e.step === 'string' ? { step: e.step } : {}) }) : `#${q}`;
  }).join('; ');
}

/** One evidence record as text: `#6 03:20 step.done isolate duty-officer`. */
export function describeEvidence(e: Evidence): string {
  return [`#${e.seq}`, clock(e.t), e.type, e.step, e.level ?? undefined, e.role].filter((x) => x !== undefined && x !== '').join(' ');
}
