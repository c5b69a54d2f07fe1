/** The reviewer packet's tables: roles, levels, steps, resources, reports, findings. Every cell is escaped here. */
import { localize, type Diagnostic } from '../diagnostics.js';
import { escapeHtml as esc } from '../html.js';
import type { Colour, Duration, Plan, Trigger } from '../model/index.js';
import { levelTitle, readableTrigger } from './mermaid-text.js';
import { PACKET_WORDS } from './packet-words.js';
import type { PdfLang } from './pdf.js';

/** Swatch colours of warning/response levels (printed; match the diagrams' palette). */
const SWATCH: Record<Colour, string> = { red: '#d32f2f', orange: '#f57c00', yellow: '#fbc02d', blue: '#1976d2' };
const RANK_COLOURS: Colour[] = ['red', 'orange', 'yellow', 'blue'];

/**
 * Column widths (%) of each table. Fixed layout keeps every table inside the page however long a cell is (long
 * ids and triggers wrap instead of pushing the last columns off the paper).
 */
const WIDTHS: Record<string, number[]> = {
  toc: [5, 40, 15, 14, 8, 18],
  roles: [14, 12, 13, 13, 14, 34],
  levels: [14, 9, 43, 14, 10, 10],
  steps: [4, 11, 37, 14, 12, 11, 11],
  resources: [14, 24, 8, 7, 27, 20],
  reports: [18, 9, 15, 10, 14, 34],
  findings: [8, 20, 8, 64],
  panel: [18, 34, 24, 24],
  glance: [22, 18, 14, 10, 36],
};

/** A table of plain-text cells (escaped here). */
export function table(head: readonly string[], rows: string[][], cls: string): string {
  return tableHtml(head, rows.map((r) => r.map(esc)), cls);
}

/** A table whose cells are already HTML. */
export function tableHtml(head: readonly string[], rows: string[][], cls: string): string {
  const widths = WIDTHS[cls];
  const cols = widths ? `<colgroup>${widths.map((w) => `<col style="width:${w}%">`).join('')}</colgroup>` : '';
  const th = head.map((h) => `<th>${esc(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('');
  return `<table class="${cls}">${cols}<thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

const dur = (d: Duration | undefined) => d?.text ?? '';
const none = (text: string) => `<p class="muted">${esc(text)}</p>`;

/** A trigger for reviewers: the readable form (fact names, ≥, 且/或) with the condition as written under it. */
function triggerCell(trigger: Trigger | undefined, plan: Plan, lang: PdfLang): string {
  if (!trigger) return '';
  const readable = readableTrigger(trigger, plan, lang);
  const code = `<code class="trigger">${esc(trigger.text)}</code>`;
  return readable && readable !== trigger.text.trim() ? `${esc(readable)}${code}` : code;
}

/** Two pages of tables: roles and levels; steps, resources and reports. */
export function planTables(plan: Plan, lang: PdfLang): string {
  const w = PACKET_WORDS[lang];
  const sep = lang === 'zh' ? '、' : ', ';
  const roleName = (id: string | undefined) => (id ? plan.roles.find((x) => x.id === id)?.name ?? id : '');
  const swatch = (c: Colour | undefined) => (c ? `<span class="swatch" style="background:${SWATCH[c]}"></span>${esc(w.colours[c])}` : '');
  const roles = table([w.rid, w.rname, w.holder, w.deputies, w.contact, w.duties], plan.roles.map((r) => [
    r.id, r.name, r.holder ?? '', r.deputies.map((d) => roleName(d)).join(sep), r.contact ?? '', r.duties.join(lang === 'zh' ? '；' : '; '),
  ]), 'roles');
  const levels = tableHtml([w.level, w.colour, w.trigger, w.decider, w.activation, w.parentLevel], plan.levels.map((l) => [
    esc(levelTitle(l, lang)), swatch(l.colour ?? RANK_COLOURS[l.rank - 1]), triggerCell(l.trigger, plan, lang),
    esc(roleName(l.decidedBy)), esc(dur(l.activation)), esc(l.parentLevel ?? ''),
  ]), 'levels');
  // Numbered as in the flowcharts ("3. 研判…"), so a reviewer can go from a box to its row.
  const steps = table(['#', w.sid, w.action, w.role, w.deadline, w.after, w.appliesTo], plan.steps.map((s, i) => [
    String(i + 1), s.id, s.action, roleName(s.role), dur(s.deadline), s.after.join(sep), s.levelsText ?? (s.levels.length ? s.levels.join(sep) : w.all),
  ]), 'steps');
  const resources = table([w.rid, w.resName, w.quantity, w.unit, w.location, w.keeper], plan.resources.map((r) => [
    r.id, r.name, r.quantity === undefined ? '' : String(r.quantity), r.unit ?? '', r.location ?? '', roleName(r.keeper),
  ]), 'resources');
  const reports = table([w.to, w.within, w.by, w.appliesTo, w.contact, w.content], plan.reports.map((r) => [
    r.to, dur(r.within), roleName(r.by), r.levelsText ?? (r.levels.length ? r.levels.join(sep) : w.all), r.contact ?? '', r.content ?? '',
  ]), 'reports');
  return `<section class="page"><h2>${esc(w.roles)}</h2>${plan.roles.length ? roles : none(w.none)}`
    + `<h2>${esc(w.levels)}</h2>${plan.levels.length ? levels : none(w.none)}</section>`
    + `<section class="page"><h2>${esc(w.steps)}</h2>${plan.steps.length ? steps : none(w.none)}`
    + `<h2>${esc(w.resources)}</h2>${plan.resources.length ? resources : none(w.none)}`
    + `<h2>${esc(w.reports)}</h2>${plan.reports.length ? reports : none(w.none)}</section>`;
}

/** Diagnostics most severe first, then in file order. */
export function bySeverity(diagnostics: Diagnostic[]): Diagnostic[] {
  const rank: Record<string, number> = { error: 0, warning: 1, info: 2 };
  return [...diagnostics].sort((a, b) => (rank[a.severity] ?? 3) - (rank[b.severity] ?? 3)
    || (a.place?.start.line ?? 0) - (b.place?.start.line ?? 0) || (a.place?.start.column ?? 0) - (b.place?.start.column ?? 0));
}

/** A finding's message as HTML: its `code` spans (ids, expressions) set in the code font, not as backticks on paper. */
export function messageHtml(message: string): string {
  return message.split(/`([^`\n]+)`/).map((part, i) => (i % 2 ? `<code>${esc(part)}</code>` : esc(part))).join('');
}

/** A findings table (severity, rule, line:column, message). */
export function findingsTable(diagnostics: Diagnostic[], lang: PdfLang): string {
  const w = PACKET_WORDS[lang];
  return tableHtml([w.severity, w.rule, w.place, w.message], diagnostics.map((d) => [
    `<span class="sev-${esc(d.severity)}">${esc(w.sev[d.severity] ?? d.severity)}</span>`, `<code>${esc(d.ruleId)}</code>`,
    esc(d.place ? `${d.place.start.line}:${d.place.start.column}` : ''), messageHtml(localize(d, lang)),
  ]), 'findings');
}
