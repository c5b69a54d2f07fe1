/** The after-action report of a live drill: the score and the HTML report, from the log alone (as for any drill). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { documentLang, reportHtml, type Lang } from '../report/index.js';
import { scoreDrill, type Score } from '../score/index.js';
import { DrillError, type LiveDrill } from './drill.js';

/** Scores the drill's log and renders its report (in `lang`, else the plan's language); writes it to `file` when given. */
export function liveReport(drill: LiveDrill, lang?: Lang, file?: string): { html: string; score: Score } {
  const events = drill.events;
  const score = scoreDrill(drill.plan, events, { scenario: drill.scenario });
  const html = reportHtml(drill.plan, drill.scenario, events, score, documentLang(drill.plan, lang));
  if (file) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, html);
  }
  return { html, score };
}

/**
 * The after-action report as a PDF (A4, CJK fonts), printed by the one headless Chromium of src/render — loaded only
 * when asked for, so a drill without a browser still runs and still writes its HTML report.
 */
export async function liveReportPdf(drill: LiveDrill, lang?: Lang): Promise<Buffer> {
  const { html } = liveReport(drill, lang);
  const { Renderer, ChromiumNotFoundError } = await import('../render/browser.js');
  let renderer: Awaited<ReturnType<typeof Renderer.open>>;
  try {
    renderer = await Renderer.open();
  } catch (err) {
    if (err instanceof ChromiumNotFoundError) throw new DrillError(`no browser to print the PDF (the HTML report is at /report): ${err.message}（未找到 Chromium，无法生成 PDF，可打开 HTML 报告）`, 503);
    throw err;
  }
  try {
    return Buffer.from(await renderer.renderPdf({ html }, { lang: documentLang(drill.plan, lang), footer: true }));
  } finally {
    await renderer.close();
  }
}
