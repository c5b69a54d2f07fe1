/** The after-action report as Markdown (GFM tables; every user-supplied text escaped). */
import type { DrillEvent, Scenario } from '../drill/types.js';
import type { Plan } from '../model/index.js';
import { clock, duration, GAP_KINDS, type DimensionId } from '../score/index.js';
import type { Score } from '../score/index.js';
import { buildModel, describeEvidence, evidenceText, type ReportModel, type ReportOptions } from './common.js';
import { mdCode, mdText } from './escape.js';
import { DIMENSION_NAMES, GAP_NAMES, OBJECTIVE_STATUS_NAMES, RATING_NAMES, STATUS_NAMES, stepStatusText, T, type Lang } from './i18n.js';

const DIMS: DimensionId[] = ['time', 'coordination', 'effect'];

function table(head: string[], rows: string[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map((c) => (c === '' ? ' ' : c)).join(' | ')} |`),
  ].join('\n');
}

/** Markdown after-action report. */
export function reportMarkdown(plan: Plan, scenario: Scenario | undefined, events: readonly DrillEvent[], score: Score, lang: Lang = 'zh', opts: ReportOptions = {}): string {
  return renderMarkdown(buildModel(plan, scenario, events, score, lang, opts));
}

export function renderMarkdown(m: ReportModel): string {
  const { lang, score } = m;
  const t = T[lang];
  const md = mdText;
  const code = mdCode;
  const out: string[] = [];
  const lv = (id: string | null) => (id ? t.level(id) : t.none);
  const fmtT = (s: number | undefined) => (s === undefined ? '—' : clock(s));
  const C = lang === 'zh' ? '：' : ': ';
  const comma = lang === 'zh' ? '，' : ', ';
  const semi = lang === 'zh' ? '；' : '; ';
  const paren = (x: string) => (lang === 'zh' ? `（${x}）` : ` (${x})`);

  out.push(`# ${md(t.title)}${C}${md(m.planTitle)}`);
  const meta: string[][] = [
    [t.plan, `${md(m.planTitle)} (${code(m.plan.meta.id)})`],
    ...(m.scenarioTitle ? [[t.scenario, `${md(m.scenarioTitle)}${m.scenario ? ` (${code(m.scenario.id)})` : ''}`]] : []),
    ...(m.mode ? [[t.mode, md(m.mode)]] : []),
    ...(m.date ? [[t.date, md(m.date)]] : []),
    [t.duration, md(m.durationText)],
    [t.incidentStart, clock(score.incidentStart)],
    [t.warranted, lv(score.level.warranted)],
    [t.declared, `${lv(score.level.declared)}${score.level.final && score.level.final !== score.level.declared ? paren(`${t.finalLevel} ${lv(score.level.final)}`) : ''}`],
  ];
  out.push('', table(['', ''], meta.map(([k, v]) => [`**${md(k)}**`, v])));

  // 1 summary
  out.push('', `## 1 ${t.summary}`, '');
  out.push(`**${t.overall}${C}${score.overall}**${paren(m.band.name)}`);
  if (m.band.why) out.push('', `> ${md(m.band.why)}`);
  out.push('');
  for (const d of DIMS) {
    const dim = score.dimensions[d];
    out.push(`- ${DIMENSION_NAMES[lang][d]}${C}${dim.score}${paren(dim.evaluated ? `${t.weight} ${Math.round(dim.weight * 1000) / 10}%` : t.notEvaluated)}`);
  }
  out.push(`- ${t.ratingsLabel}${C}P ${score.ratings.P} / S ${score.ratings.S} / M ${score.ratings.M} / U ${score.ratings.U}`);
  out.push('', md(t.summaryLine(score.gaps.length, m.improvements.length, m.strengths.length)));

  // 2 scores
  out.push('', `## 2 ${t.scores}`, '');
  out.push(table([t.dimension, t.score, t.weight, t.weighted], [
    ...DIMS.map((d) => {
      const dim = score.dimensions[d];
      return [DIMENSION_NAMES[lang][d], String(dim.score), dim.evaluated ? `${Math.round(dim.weight * 1000) / 10}%` : '—', dim.evaluated ? (dim.score * dim.weight).toFixed(2) : '—'];
    }),
    [`**${t.overall}**`, `**${score.overall}**`, '100%', `**${score.overall}**`],
  ]));
  DIMS.forEach((d, i) => {
    const dim = score.dimensions[d];
    out.push('', `### 2.${i + 1} ${DIMENSION_NAMES[lang][d]}${C}${dim.score}`, '');
    if (!dim.items.length) { out.push(d === 'coordination' ? md(t.noGaps) : md(t.notEvaluated)); return; }
    out.push(table([t.item, t.value, t.weight, t.points, t.evidence], dim.items.map((it) => [
      md(m.pick(it.label, it.labelZh)), String(it.value), String(it.weight), String(it.points), it.evidence.map((q) => `#${q}`).join(' '),
    ])));
  });

  // 3 key times
  out.push('', `## 3 ${t.keyTimes}`, '');
  const keyRows: string[][] = [];
  for (const a of score.level.activations) {
    keyRows.push([`${t.activation} ${lv(a.level)}`, `${fmtT(a.warrantedAt)} → ${fmtT(a.declaredAt)}${a.declaredBy ? ` ${md(m.role(a.declaredBy))}` : ''}`,
      a.allowed === undefined ? '—' : duration(a.allowed, lang), a.latency === undefined ? '—' : duration(a.latency, lang), STATUS_NAMES[lang][a.status] + (a.lateBy ? ` ${duration(a.lateBy, lang)}` : ''),
      [a.warrantedSeq, ...(a.declaredSeq !== undefined ? [a.declaredSeq] : [])].map((q) => `#${q}`).join(' ')]);
  }
  for (const ms of score.milestones) {
    keyRows.push([`${ms.id === 'first-response' ? t.firstResponse : t.initialDisposal}${paren(ms.steps.map((s) => `${code(s)}`).join(lang === 'zh' ? '、' : ', '))}`,
      fmtT(ms.doneAt), duration(ms.allowed, lang), ms.doneAt === undefined ? '—' : duration(Math.max(0, ms.doneAt - score.incidentStart), lang),
      STATUS_NAMES[lang][ms.status] + (ms.lateBy ? ` ${duration(ms.lateBy, lang)}` : ''), ms.evidence.map((q) => `#${q}`).join(' ')]);
  }
  const oc = score.outcome;
  if (oc.containmentBy) keyRows.push([t.containment, fmtT(oc.containedAt), '—', oc.timeToContainment === undefined ? '—' : duration(oc.timeToContainment, lang), oc.containedAt === undefined ? t.notReached : '✓', oc.containedSeq !== undefined ? `#${oc.containedSeq}` : '']);
  keyRows.push([t.termination, `${fmtT(oc.terminatedAt)}${oc.terminatedBy ? ` ${md(m.role(oc.terminatedBy))}` : ''}`, '—', oc.timeToTermination === undefined ? '—' : duration(oc.timeToTermination, lang), oc.terminatedAt === undefined ? t.notReached : '✓', oc.terminatedSeq !== undefined ? `#${oc.terminatedSeq}` : '']);
  out.push(table(['', t.doneAt, t.deadline, t.latency, t.status, t.evidence], keyRows));
  const injectEvents = m.events.filter((e): e is Extract<DrillEvent, { type: 'inject' }> => e.type === 'inject');
  if (injectEvents.length) {
    out.push('', `### ${t.injects}`, '');
    out.push(table([t.inject, t.time, t.to, t.message, t.facts], injectEvents.map((e) => [
      `${code(e.inject)} #${e.seq}`, clock(e.t), e.to.length ? e.to.map((r) => md(m.role(r))).join(lang === 'zh' ? '、' : ', ') : t.everyone, md(e.message),
      md(Object.entries(e.facts ?? {}).map(([k, v]) => `${k}=${String(v)}`).join(', ')) || '—',
    ])));
  }

  // 4 steps
  out.push('', `## 4 ${t.steps}`, '', md(t.ratingRules), '');
  out.push(table([t.step, t.action, t.owner, t.doneBy, t.limit, t.deadline, t.doneAt, t.status, t.rating, t.gapsCol], score.steps
    .filter((s) => s.required || s.requiredWarranted || s.advisory || s.doneAt !== undefined)
    .map((s) => [
      `${code(s.step)}`, md(s.action), md(m.role(s.role)), s.doneBy ? md(m.role(s.doneBy)) + (s.wrongRole ? ' ⚠' : '') : '—',
      s.limit ? md(m.pick(s.limit.en, s.limit.zh)) : '—', s.deadline === undefined ? '—' : clock(s.deadline), s.doneAt === undefined ? '—' : clock(s.doneAt),
      stepStatusText(s, lang), s.rating ? `**${s.rating}**` : '—', s.gaps.join(' '),
    ])));

  // 5 gaps
  out.push('', `## 5 ${t.gaps}`, '');
  if (!score.gaps.length) out.push(md(t.noGaps));
  else out.push(table([t.gapId, t.kind, t.description, t.evidence, t.penalty], score.gaps.map((g) => [
    g.id, GAP_NAMES[lang][g.kind], md(m.pick(g.message, g.messageZh)), md(g.evidence.map(describeEvidence).join('; ')) || '—', String(g.penalty),
  ])));

  // 6 objectives
  out.push('', `## 6 ${t.objectives}`, '');
  if (!score.objectives.length) out.push(md(t.noObjectives));
  else out.push(table([t.objective, t.description, t.step, t.within, t.status, t.evidence], score.objectives.map((o) => [
    `${code(o.id)}`, md(o.text), o.steps.map((s) => `${code(s)} ${o.doneAt[s] === undefined ? '—' : clock(o.doneAt[s]!)}`).join('<br>'),
    o.within === undefined ? '—' : duration(o.within, lang), OBJECTIVE_STATUS_NAMES[lang][o.status] + (o.gapIds.length ? ` (${o.gapIds.join(' ')})` : ''), o.evidence.map((q) => `#${q}`).join(' '),
  ])));

  if (score.expected.length) {
    out.push('', `### ${t.expected}`, '');
    out.push(table([t.inject, t.roles, t.expectedWhat, t.due, t.doneAt, t.status, t.evidence], score.expected.map((x) => [
      `${code(x.inject)}`, md(m.role(x.role)), x.step ? `${code(x.step)}` : md(x.text ?? '—'), x.due === undefined ? '—' : clock(x.due),
      x.doneAt === undefined ? '—' : `${clock(x.doneAt)}${x.doneBy ? ` ${md(m.role(x.doneBy))}` : ''}`,
      x.met === null ? md(x.notReached ? OBJECTIVE_STATUS_NAMES[lang]['not-reached'] : t.notChecked) : x.met ? `✓ ${t.met}` : `✗ ${t.notMet}`, x.evidence.map((q) => `#${q}`).join(' '),
    ])));
  }

  // 7 strengths
  out.push('', `## 7 ${t.strengths}`, '');
  if (!m.strengths.length) out.push(md(t.noStrengths));
  for (const s of m.strengths) out.push(`- ${md(m.pick(s.text, s.textZh))}${paren(md(evidenceText(m.events, s.evidence)) || '—')}`);
  if (m.notes.length) {
    out.push('', `### ${t.notes}`, '');
    for (const s of m.notes) out.push(`- ${md(m.pick(s.text, s.textZh))}`);
  }

  // 8 improvement plan
  out.push('', `## 8 ${t.improvement}`, '', md(t.loop), '');
  if (!m.improvements.length) out.push(md(t.noImprovement));
  else out.push(table([t.gapId, t.finding, t.corrective, t.responsible, t.due, t.status, t.verify], m.improvements.map((x) => [
    x.id, md(x.finding), md(x.action), md(x.roleLabel), md(x.due), x.status, '',
  ])));

  // method
  out.push('', `## ${t.method}`, '', md(t.methodText), '');
  const p = score.params;
  out.push(`- ${t.weight}${C}${DIMS.map((d) => `${DIMENSION_NAMES[lang][d]} ${p.weights[d]}`).join(comma)}`);
  out.push(`- ${t.handoff}${C}${duration(p.handoffThreshold, lang)}`);
  out.push(`- ${t.penalty}${C}${GAP_KINDS.map((k) => `${GAP_NAMES[lang][k]} ${p.penalties[k]}`).join(comma)}`);
  out.push(`- ${Object.values(RATING_NAMES[lang]).join(semi)}`);
  return `${out.join('\n')}\n`;
}
