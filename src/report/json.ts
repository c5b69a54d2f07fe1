/** The after-action report as JSON: the whole score plus the registered improvement plan (stable key order). */
import type { DrillEvent, Scenario } from '../drill/types.js';
import type { Plan } from '../model/index.js';
import type { Score } from '../score/index.js';
import { buildModel, type ImprovementItem, type ReportModel, type ReportOptions } from './common.js';
import type { Lang } from './i18n.js';

/** Shape of `reportJson` output. */
export interface AfterActionJson {
  kind: 'yuan.after-action-report';
  version: 1;
  lang: Lang;
  plan: { id: string; title: string; file: string };
  scenario: { id: string; title: string } | null;
  drill: { mode?: string; date?: string; incidentStart: number; end: number; events: number };
  score: Score;
  improvementPlan: ImprovementItem[];
}

export function reportJson(plan: Plan, scenario: Scenario | undefined, events: readonly DrillEvent[], score: Score, lang: Lang = 'zh', opts: ReportOptions = {}): string {
  return renderJson(buildModel(plan, scenario, events, score, lang, opts));
}

export function renderJson(m: ReportModel): string {
  const start = m.events.find((e): e is Extract<DrillEvent, { type: 'drill.start' }> => e.type === 'drill.start');
  const doc: AfterActionJson = {
    kind: 'yuan.after-action-report',
    version: 1,
    lang: m.lang,
    plan: { id: m.plan.meta.id, title: m.plan.meta.title, file: m.plan.file },
    scenario: m.scenario ? { id: m.scenario.id, title: m.scenario.title } : start ? { id: start.scenario, title: start.scenario } : null,
    drill: {
      ...(start ? { mode: start.mode } : {}),
      ...(m.date ? { date: m.date } : {}),
      incidentStart: m.score.incidentStart,
      end: m.score.end,
      events: m.events.length,
    },
    score: m.score,
    improvementPlan: m.improvements,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
