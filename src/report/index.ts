/**
 * After-action reports (复盘 / 演练评估报告): Markdown, self-contained HTML (inline CSS + SVG, print-ready A4) and JSON,
 * in Chinese (default) or English. Inputs are the plan, the scenario (optional), the log and its score.
 */
import type { DrillEvent, Scenario } from '../drill/types.js';
import type { Plan } from '../model/index.js';
import type { Score } from '../score/index.js';
import { buildModel, type ReportOptions } from './common.js';
import { renderHtml } from './html.js';
import type { Lang } from './i18n.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';

export { addDays, type ImprovementItem, type ReportOptions } from './common.js';
export { esc, mdText } from './escape.js';
export { REPORT_CSS, reportHtml } from './html.js';
export { bandText, documentLang, type Lang } from './i18n.js';
export { reportJson, type AfterActionJson } from './json.js';
export { reportMarkdown } from './markdown.js';
export { scoreBarsSvg } from './score-bars-svg.js';
export { laneRoles } from './timeline-lanes.js';
export { timelineSvg } from './timeline-svg.js';

export type ReportFormat = 'md' | 'html' | 'json';

/** The after-action report in the requested format and language (Chinese by default). Pure and deterministic. */
export function afterActionReport(
  plan: Plan, scenario: Scenario | undefined, events: readonly DrillEvent[], score: Score,
  format: ReportFormat, lang: Lang = 'zh', opts: ReportOptions = {},
): string {
  const model = buildModel(plan, scenario, events, score, lang, opts);
  switch (format) {
    case 'md': return renderMarkdown(model);
    case 'html': return renderHtml(model);
    case 'json': return renderJson(model);
    default: throw new RangeError(`unknown report format ${JSON.stringify(format)}; expected md, html or json`);
  }
}
