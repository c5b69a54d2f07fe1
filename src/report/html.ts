/**
 * The after-action report as one self-contained HTML page: inline CSS, inline SVG, no script, no external asset.
 * Print CSS targets A4 so the render module can print it to PDF. Every text is escaped.
 */
import type { DrillEvent, Scenario } from '../drill/types.js';
import type { Plan } from '../model/index.js';
import { clock, duration, GAP_KINDS, type DimensionId, type Score } from '../score/index.js';
import { buildModel, describeEvidence, evidenceText, type ReportModel, type ReportOptions } from './common.js';
import { esc, escCode } from './escape.js';
import { DIMENSION_NAMES, GAP_NAMES, OBJECTIVE_STATUS_NAMES, RATING_NAMES, STATUS_NAMES, stepStatusText, T, type Lang } from './i18n.js';
import { bandColor, bandIdColor, legendSvg, scoreBarsSvg } from './score-bars-svg.js';
import { FONT, RATING_COLORS } from './svg-style.js';
import { timelineSvg } from './timeline-svg.js';

const DIMS: DimensionId[] = ['time', 'coordination', 'effect'];

export const REPORT_CSS = `
@page { size: A4; margin: 14mm 12mm 16mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: ${FONT}; color: #1f2d3d; font-size: 10.5pt; line-height: 1.55; margin: 0 auto; max-width: 190mm; padding: 8mm 0; background: #fff; }
h1 { font-size: 19pt; margin: 0 0 2mm; line-height: 1.3; }
h2 { font-size: 13.5pt; margin: 7mm 0 2.5mm; padding-bottom: 1mm; border-bottom: 2px solid #1f2d3d; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 1.5mm; break-after: avoid; page-break-after: avoid; }
p { margin: 1.5mm 0; }
.sub { color: #6b7785; margin: 0 0 4mm; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 3mm; font-size: 9pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid #cfd6de; padding: 1.2mm 1.6mm; vertical-align: top; text-align: left; }
th { background: #eef2f6; font-weight: bold; white-space: nowrap; }
td.num, th.num { text-align: right; white-space: nowrap; }
.nowrap { white-space: nowrap; }
.rid { display: block; font-size: 8pt; color: #6b7785; }
code { font-family: 'Noto Sans Mono CJK SC', 'DejaVu Sans Mono', monospace; font-size: 0.92em; background: #f1f3f5; padding: 0 0.3em; border-radius: 2px; }
.meta { display: grid; grid-template-columns: max-content 1fr max-content 1fr; gap: 0.8mm 4mm; margin: 0 0 3mm; font-size: 9.5pt; }
.meta dt { color: #6b7785; }
.meta dd { margin: 0; }
.headline { display: flex; align-items: center; gap: 6mm; margin: 2mm 0; }
.big { font-size: 30pt; font-weight: bold; line-height: 1; }
.band { display: inline-block; padding: 0.6mm 2.5mm; border-radius: 3mm; color: #fff; font-weight: bold; }
.rating { display: inline-block; min-width: 6mm; text-align: center; border-radius: 1mm; color: #fff; font-weight: bold; }
.status-late, .status-missed { color: #c62828; font-weight: bold; }
.status-on-time { color: #2e7d32; }
.status-pending { color: #6b7785; }
.wrong { color: #ef6c00; font-weight: bold; }
figure { margin: 2mm 0 3mm; break-inside: avoid; page-break-inside: avoid; }
figure.timeline-fig { break-inside: auto; page-break-inside: auto; }
figcaption { font-size: 8.5pt; color: #6b7785; margin-top: 1mm; }
svg { display: block; max-width: 100%; height: auto; }
ul { margin: 1mm 0; padding-left: 5mm; }
li { margin: 0.6mm 0; }
.ev { color: #6b7785; font-size: 8.5pt; }
.loop { background: #f7f9fb; border-left: 3px solid #3949ab; padding: 1.5mm 3mm; font-size: 9pt; }
footer { margin-top: 8mm; font-size: 8.5pt; color: #6b7785; border-top: 1px solid #cfd6de; padding-top: 2mm; }
@media screen { body { padding: 10mm 6mm; } }
@media print { body { padding: 0; max-width: none; } h2 { margin-top: 5mm; } }
`;

/** Self-contained HTML after-action report. */
export function reportHtml(plan: Plan, scenario: Scenario | undefined, events: readonly DrillEvent[], score: Score, lang: Lang = 'zh', opts: ReportOptions = {}): string {
  return renderHtml(buildModel(plan, scenario, events, score, lang, opts));
}

export function renderHtml(m: ReportModel): string {
  const { lang, score } = m;
  const t = T[lang];
  const lv = (id: string | null) => (id ? t.level(id) : t.none);
  const fmtT = (s: number | undefined) => (s === undefined ? '—' : clock(s));
  const paren = (x: string) => (lang === 'zh' ? `（${x}）` : ` (${x})`);
  const seqs = (list: readonly number[]) => list.map((q) => `#${q}`).join(' ');
  const table = (head: string[], rows: string[][], numeric: number[] = []) =>
    `<table><thead><tr>${head.map((h, i) => `<th${numeric.includes(i) ? ' class="num"' : ''}>${esc(h)}</th>`).join('')}</tr></thead><tbody>\n${
      rows.map((r) => `<tr>${r.map((c, i) => `<td${numeric.includes(i) ? ' class="num"' : ''}>${c}</td>`).join('')}</tr>`).join('\n')}\n</tbody></table>`;
  const roleCell = (id: string | undefined, cls = '') => {
    if (!id) return '—';
    const name = m.plan.roles.find((r) => r.id === id)?.name;
    return `<span${cls ? ` class="${cls}"` : ''}>${name && name !== id ? `${esc(name)}<span class="rid">${esc(id)}</span>` : esc(id)}</span>`;
  };
  const rating = (r: string | undefined) => (r ? `<span class="rating" style="background:${RATING_COLORS[r as keyof typeof RATING_COLORS]}">${esc(r)}</span>` : '—');
  const statusCell = (s: keyof typeof STATUS_NAMES.zh, lateBy?: number) =>
    `<span class="status-${esc(s)}">${esc(STATUS_NAMES[lang][s])}${lateBy ? ` ${esc(duration(lateBy, lang))}` : ''}</span>`;

  const h: string[] = [];
  h.push('<!DOCTYPE html>');
  h.push(`<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`);
  h.push('<head>');
  h.push('<meta charset="utf-8">');
  h.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  h.push(`<meta name="generator" content="yuan">`);
  h.push(`<title>${esc(`${t.title} — ${m.planTitle}`)}</title>`);
  h.push(`<style>${REPORT_CSS}</style>`);
  h.push('</head>');
  h.push('<body>');

  // header
  h.push(`<header><h1>${esc(t.title)}</h1><p class="sub">${esc(m.planTitle)}${m.scenarioTitle ? ` · ${esc(m.scenarioTitle)}` : ''}</p>`);
  const meta: [string, string][] = [
    [t.plan, `${esc(m.planTitle)} <code>${esc(m.plan.meta.id)}</code>`],
    ...(m.scenarioTitle ? [[t.scenario, `${esc(m.scenarioTitle)}${m.scenario ? ` <code>${esc(m.scenario.id)}</code>` : ''}`] as [string, string]] : []),
    ...(m.mode ? [[t.mode, esc(m.mode)] as [string, string]] : []),
    ...(m.date ? [[t.date, esc(m.date)] as [string, string]] : []),
    [t.duration, esc(m.durationText)],
    [t.incidentStart, esc(clock(score.incidentStart))],
    [t.warranted, esc(lv(score.level.warranted))],
    [t.declared, esc(`${lv(score.level.declared)}${score.level.final && score.level.final !== score.level.declared ? paren(`${t.finalLevel} ${lv(score.level.final)}`) : ''}`)],
  ];
  h.push(`<dl class="meta">${meta.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('')}</dl></header>`);

  // 1 summary
  h.push(`<section id="summary"><h2>1 ${esc(t.summary)}</h2>`);
  h.push(`<div class="headline"><div><div class="big" style="color:${bandColor(score.overall)}">${esc(String(score.overall))}</div><div>${esc(t.overall)}</div></div>`);
  h.push(`<div><span class="band" style="background:${bandIdColor(score.band.id)}">${esc(m.band.name)}</span>${m.band.why ? `<p class="band-why">${esc(m.band.why)}</p>` : ''}<p>${esc(t.summaryLine(score.gaps.length, m.improvements.length, m.strengths.length))}</p>`);
  h.push(`<p>${DIMS.map((d) => `${esc(DIMENSION_NAMES[lang][d])} <b>${esc(String(score.dimensions[d].score))}</b>`).join(' · ')} · P ${score.ratings.P} / S ${score.ratings.S} / M ${score.ratings.M} / U ${score.ratings.U}</p></div></div>`);
  h.push(`<figure id="breakdown">${scoreBarsSvg(m)}<figcaption>${esc(t.breakdown)}</figcaption></figure>`);
  h.push('</section>');

  // 2 timeline
  h.push(`<section id="timeline"><h2>2 ${esc(t.timeline)}</h2>`);
  h.push(`<figure class="timeline-fig">${timelineSvg(m)}${legendSvg(m)}</figure>`);
  const injectEvents = m.events.filter((e): e is Extract<DrillEvent, { type: 'inject' }> => e.type === 'inject');
  if (injectEvents.length) {
    h.push(`<h3>${esc(t.injects)}</h3>`);
    h.push(table([t.inject, t.time, t.to, t.message, t.facts], injectEvents.map((e) => [
      `<code>${esc(e.inject)}</code> <span class="ev">#${e.seq}</span>`, esc(clock(e.t)),
      e.to.length ? e.to.map((r) => roleCell(r)).join(' ') : esc(t.everyone), esc(e.message),
      `<span class="ev">${esc(Object.entries(e.facts ?? {}).map(([k, v]) => `${k}=${String(v)}`).join(', ') || '—')}</span>`,
    ])));
  }
  h.push('</section>');

  // 3 key times
  h.push(`<section id="key-times"><h2>3 ${esc(t.keyTimes)}</h2>`);
  const key: string[][] = [];
  for (const a of score.level.activations) {
    key.push([esc(`${t.activation} ${lv(a.level)}`), esc(`${fmtT(a.warrantedAt)} → ${fmtT(a.declaredAt)}`) + (a.declaredBy ? ` ${esc(m.role(a.declaredBy))}` : ''),
      esc(a.allowed === undefined ? '—' : duration(a.allowed, lang)), esc(a.latency === undefined ? '—' : duration(a.latency, lang)), statusCell(a.status, a.lateBy),
      `<span class="ev">${esc(seqs([a.warrantedSeq, ...(a.declaredSeq !== undefined ? [a.declaredSeq] : [])]))}</span>`]);
  }
  for (const ms of score.milestones) {
    key.push([`${esc(ms.id === 'first-response' ? t.firstResponse : t.initialDisposal)}${esc(paren(ms.steps.join(lang === 'zh' ? '、' : ', ')))}`, esc(fmtT(ms.doneAt)),
      esc(duration(ms.allowed, lang)), esc(ms.doneAt === undefined ? '—' : duration(Math.max(0, ms.doneAt - score.incidentStart), lang)), statusCell(ms.status, ms.lateBy), `<span class="ev">${esc(seqs(ms.evidence))}</span>`]);
  }
  const oc = score.outcome;
  if (oc.containmentBy) key.push([esc(t.containment), esc(fmtT(oc.containedAt)), '—', esc(oc.timeToContainment === undefined ? '—' : duration(oc.timeToContainment, lang)), esc(oc.containedAt === undefined ? t.notReached : '✓'), `<span class="ev">${esc(oc.containedSeq !== undefined ? `#${oc.containedSeq}` : '')}</span>`]);
  key.push([esc(t.termination), esc(fmtT(oc.terminatedAt)) + (oc.terminatedBy ? ` ${esc(m.role(oc.terminatedBy))}` : ''), '—', esc(oc.timeToTermination === undefined ? '—' : duration(oc.timeToTermination, lang)), esc(oc.terminatedAt === undefined ? t.notReached : '✓'), `<span class="ev">${esc(oc.terminatedSeq !== undefined ? `#${oc.terminatedSeq}` : '')}</span>`]);
  h.push(table(['', t.doneAt, t.deadline, t.latency, t.status, t.evidence], key));
  h.push('</section>');

  // 4 steps
  h.push(`<section id="steps"><h2>4 ${esc(t.steps)}</h2><p class="ev">${esc(t.ratingRules)}</p>`);
  h.push(table([t.step, t.action, t.owner, t.doneBy, t.limit, t.deadline, t.doneAt, t.status, t.rating, t.gapsCol], score.steps
    .filter((s) => s.required || s.requiredWarranted || s.advisory || s.doneAt !== undefined)
    .map((s) => [
      `<code>${esc(s.step)}</code>`, esc(s.action), roleCell(s.role),
      s.doneBy ? roleCell(s.doneBy, s.wrongRole ? 'wrong' : '') : '—',
      esc(s.limit ? m.pick(s.limit.en, s.limit.zh) : '—'), esc(fmtT(s.deadline)), esc(fmtT(s.doneAt)),
      `<span class="status-${esc(s.status)}">${esc(stepStatusText(s, lang))}</span>`, rating(s.rating), s.gaps.map((g) => `<span class="nowrap">${esc(g)}</span>`).join(' '),
    ]), [5, 6]));
  h.push('</section>');

  // 5 gaps
  h.push(`<section id="gaps"><h2>5 ${esc(t.gaps)}</h2>`);
  if (!score.gaps.length) h.push(`<p>${esc(t.noGaps)}</p>`);
  else h.push(table([t.gapId, t.kind, t.description, t.evidence, t.penalty], score.gaps.map((g) => [
    `<span class="nowrap">${esc(g.id)}</span>`, `<span class="nowrap">${esc(GAP_NAMES[lang][g.kind])}</span>`, escCode(m.pick(g.message, g.messageZh)),
    `<span class="ev">${g.evidence.length ? g.evidence.map((e) => esc(describeEvidence(e))).join('<br>') : '—'}</span>`, esc(String(g.penalty)),
  ]), [4]));
  h.push('</section>');

  // 6 objectives
  h.push(`<section id="objectives"><h2>6 ${esc(t.objectives)}</h2>`);
  if (!score.objectives.length) h.push(`<p>${esc(t.noObjectives)}</p>`);
  else h.push(table([t.objective, t.description, t.step, t.within, t.status, t.evidence], score.objectives.map((o) => [
    `<code>${esc(o.id)}</code>`, esc(o.text), o.steps.map((s) => `<code>${esc(s)}</code> ${esc(o.doneAt[s] === undefined ? '—' : clock(o.doneAt[s]!))}`).join('<br>'),
    esc(o.within === undefined ? '—' : duration(o.within, lang)),
    `<span class="status-${o.status === 'met' ? 'on-time' : o.status === 'missed' ? 'missed' : 'pending'}">${esc(OBJECTIVE_STATUS_NAMES[lang][o.status] + (o.gapIds.length ? ` (${o.gapIds.join(' ')})` : ''))}</span>`,
    `<span class="ev">${esc(seqs(o.evidence))}</span>`,
  ])));
  if (score.expected.length) {
    h.push(`<h3>${esc(t.expected)}</h3>`);
    h.push(table([t.inject, t.roles, t.expectedWhat, t.due, t.doneAt, t.status, t.evidence], score.expected.map((x) => [
      `<code>${esc(x.inject)}</code>`, roleCell(x.role), x.step ? `<code>${esc(x.step)}</code>${x.text ? ` ${esc(x.text)}` : ''}` : esc(x.text ?? '—'),
      esc(x.due === undefined ? '—' : clock(x.due)), x.doneAt === undefined ? '—' : `${esc(clock(x.doneAt))}${x.doneBy ? ` ${roleCell(x.doneBy)}` : ''}`,
      x.met === null ? `<span class="status-pending">${esc(x.notReached ? OBJECTIVE_STATUS_NAMES[lang]['not-reached'] : t.notChecked)}</span>` : x.met ? `<span class="status-on-time">✓ ${esc(t.met)}</span>` : `<span class="status-missed">✗ ${esc(t.notMet)}</span>`,
      `<span class="ev">${esc(seqs(x.evidence))}</span>`,
    ])));
  }
  h.push('</section>');

  // 7 strengths
  h.push(`<section id="strengths"><h2>7 ${esc(t.strengths)}</h2>`);
  if (!m.strengths.length) h.push(`<p>${esc(t.noStrengths)}</p>`);
  else h.push(`<ul>${m.strengths.map((s) => `<li>${escCode(m.pick(s.text, s.textZh))} <span class="ev">${esc(evidenceText(m.events, s.evidence))}</span></li>`).join('\n')}</ul>`);
  if (m.notes.length) h.push(`<h3>${esc(t.notes)}</h3><ul>${m.notes.map((s) => `<li>${escCode(m.pick(s.text, s.textZh))}</li>`).join('\n')}</ul>`);
  h.push('</section>');

  // 8 improvement plan
  h.push(`<section id="improvement"><h2>8 ${esc(t.improvement)}</h2><p class="loop">${esc(t.loop)}</p>`);
  if (!m.improvements.length) h.push(`<p>${esc(t.noImprovement)}</p>`);
  else h.push(table([t.gapId, t.finding, t.corrective, t.responsible, t.due, t.status, t.verify], m.improvements.map((x) => [
    `<span class="nowrap">${esc(x.id)}</span>`, escCode(x.finding), escCode(x.action), roleCell(x.role), `<span class="nowrap">${esc(x.due)}</span>`, `<span class="nowrap">${esc(x.status)}</span>`, '',
  ])));
  h.push('</section>');

  // 9 score items (traceability)
  h.push(`<section id="scores"><h2>9 ${esc(t.scores)}</h2>`);
  DIMS.forEach((d, i) => {
    const dim = score.dimensions[d];
    h.push(`<h3>9.${i + 1} ${esc(DIMENSION_NAMES[lang][d])}: ${esc(String(dim.score))}${dim.evaluated ? esc(paren(`${t.weight} ${Math.round(dim.weight * 1000) / 10}%`)) : esc(paren(t.notEvaluated))}</h3>`);
    if (!dim.items.length) { h.push(`<p>${esc(d === 'coordination' ? t.noGaps : t.notEvaluated)}</p>`); return; }
    h.push(table([t.item, t.value, t.weight, t.points, t.evidence], dim.items.map((it) => [
      escCode(m.pick(it.label, it.labelZh)), esc(String(it.value)), esc(String(it.weight)), esc(String(it.points)), `<span class="ev">${esc(seqs(it.evidence))}</span>`,
    ]), [1, 2, 3]));
  });
  const p = score.params;
  h.push(`<h3>${esc(t.params)}</h3><ul>`);
  h.push(`<li>${esc(t.weight)}: ${esc(DIMS.map((d) => `${DIMENSION_NAMES[lang][d]} ${p.weights[d]}`).join(' · '))}</li>`);
  h.push(`<li>${esc(t.handoff)}: ${esc(duration(p.handoffThreshold, lang))}</li>`);
  h.push(`<li>${esc(t.penalty)}: ${esc(GAP_KINDS.map((k) => `${GAP_NAMES[lang][k]} ${p.penalties[k]}`).join(' · '))}</li>`);
  h.push(`<li>${esc(Object.values(RATING_NAMES[lang]).join(' · '))}</li></ul>`);
  h.push('</section>');

  h.push(`<footer>${esc(t.methodText)} ${esc(t.generated)}.</footer>`);
  h.push('</body>');
  h.push('</html>');
  return `${h.join('\n')}\n`;
}
