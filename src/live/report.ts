/** The after-action report of a live drill: the score and the HTML report, from the log alone (as for any drill). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { documentLang, reportHtml, type Lang } from '../report/index.js';
import { scoreDrill, type Score } from '../score/index.js';
import type { LiveDrill } from './drill.js';

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
