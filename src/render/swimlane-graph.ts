/**
 * The content of a swimlane flowchart (应急响应流程图), before any layout: lanes (one per role, plus a side lane for
 * reports to authorities), nodes with their phase and text, edges, and the numbered notes that hold the full
 * conditions. Pure functions of the Plan; `swimlane-layout.ts` places it and `swimlane-svg.ts` draws it.
 */
import type { Colour, Level, Plan, Step, Trigger } from '../model/index.js';
import type { Expr } from '../expr/ast.js';
import { factLookup } from '../expr/resolve.js';
import { entryLevel, flowStructure, isCommon, levelsBySeverity } from './mermaid-graph.js';
import {
  applicabilityText, deadlineText, levelColour, levelShort, levelTitle, formatTimeLimit, planLang, readableTriggerGlued as readableTrigger, roleName,
  stepNumbers, type Lang,
} from './mermaid-text.js';
import { PHASES, stepPhases, type Phase } from './swimlane-phases.js';
import { assignRows } from './swimlane-layout.js';
import { fromDecision, overviewMap } from './swimlane-views.js';
import { textWidth } from './text-fit.js';

/** How a paragraph of a box is set: bold title, body, bold deadline, small note, role name in a shared lane. */
export type ParaStyle = 'head' | 'body' | 'time' | 'small' | 'role';
export interface Para { text: string; style: ParaStyle }

export type NodeKind = 'start' | 'step' | 'summary' | 'decision' | 'level' | 'report' | 'handover' | 'escalate' | 'other' | 'end' | 'after'
  | 'entry' | 'connector';

export interface FlowNode {
  id: string;
  kind: NodeKind;
  lane: string;
  /** Index into PHASES. */
  phase: number;
  paras: Para[];
  /** Fill colour of a level box. */
  fill?: Colour | 'grey';
  /** Left stripe: the level a level-specific step starts at. */
  stripe?: Colour | 'grey';
  /** Dashed border: a conditional step, or a box pointing to another chart. */
  dashed?: boolean;
  /** The role's name, shown on the box when its lane holds several roles. */
  role?: string;
  /** Id of the node whose lane this one shares (a level's summary stays under its level). */
  follow?: string;
  /** Id of a node this one sits beside, in the same row (a level's box beside the diamond that asks for it). */
  beside?: string;
}

export interface FlowEdge {
  from: string;
  to: string;
  /** `escalation` edges are dashed. */
  kind: 'flow' | 'escalation';
  label?: string;
  /** Arrowheads at both ends (escalation and de-escalation between the same two levels). */
  both?: boolean;
}

/** A lane: its title (the role's name, or the names of the roles it holds) and who holds the role, if known. */
export interface FlowLane { key: string; title: string; holder?: string; roles: string[] }
export interface FlowNote { mark: string; text: string }

/** A flowchart ready for layout. */
export interface FlowGraph {
  /** `overview` or `level-<id>`. */
  key: string;
  title: string;
  lang: Lang;
  level?: string;
  lanes: FlowLane[];
  nodes: FlowNode[];
  edges: FlowEdge[];
  notes: FlowNote[];
  /** Names of the phases when they are not the response phases (the state diagram's 待命 … 恢复). */
  phaseNames?: Partial<Record<Phase, string>>;
  /** No lane titles or lane lines (the columns of a state diagram are not roles). */
  plain?: boolean;
}

export interface FlowGraphOptions {
  /** One level's chart instead of the overview. */
  level?: string;
  /**
   * `detail` (default): every step. `map`: the overview collapses each level's own steps into one box under the level
   * and a level's chart starts at the level decision, the steps before it being the overview's.
   */
  view?: 'detail' | 'map';
  lang?: Lang;
  /** Page where another level's chart starts (for "见第6页" on the boxes that lead there). */
  pageOf?: (key: string) => number | undefined;
}

export const REPORTS_LANE = '#reports';
const NO_ROLE = '#none';

/** ①…⑳, ㉑…㊿, then (51). */
export function noteMark(n: number): string {
  if (n >= 1 && n <= 20) return String.fromCodePoint(0x245f + n);
  if (n >= 21 && n <= 35) return String.fromCodePoint(0x3251 + n - 21);
  if (n >= 36 && n <= 50) return String.fromCodePoint(0x32b1 + n - 36);
  return `(${n})`;
}

const T = {
  zh: {
    start: '事故发生\n接警', decide: '响应级别？', fits: (l: string, m: string) => `符合${l}\n条件${m}？`, yes: '是', no: '否',
    other: '否：按相应级别响应', response: '响应', cond: '条件', decides: (who: string) => `${who}决定`,
    reportTo: (to: string) => (/^向/.test(to) ? to : `向${to}报告`), end: '应急结束（响应终止）',
    declares: (who: string) => `${who}宣布`, followUp: '提交书面总结报告', aftermath: '后期处置',
    handover: (p: string, l?: string) => `衔接上级预案（${p}）${l ? `${l}级响应` : ''}`, handTo: (p: string) => `移交${p}处置`,
    up: (l: string) => `升级为${l}`, down: (l: string) => `降级为${l}`, see: (p: number) => `见第${p}页`, seeChart: '见该级流程图',
    reports: '对外报告', unassigned: '未指定角色', sep: '、', more: (n: number) => `等${n}项`,
    noteLevel: (l: string) => `${l}启动条件`, noteEsc: (a: string, b: string) => `由${a}升级为${b}`,
    noteDown: (a: string, b: string) => `由${a}降级为${b}`, noteStep: (n: number) => `第${n}步执行条件`, noteEnd: '响应终止条件',
    noneNote: '各级条件均不满足时不启动响应，继续监测。', ifCond: (c: string) => `若${c}`, colon: '：',
    overview: '应急响应流程图（总览）', levelChart: (l: string) => `${l}响应流程图`,
    should: '（宜）', may: '（可）', or: (who: string) => `或由${who}`, with: (who: string) => `会同${who}`, anyOf: '前置任一完成即可',
    manual: '决定启动（无量化条件）', orDecider: (who: string) => `（或${who}）`, oneOf: (n: number) => `（符合下列${n}项之一）`,
    reportKinds: { first: '首报', hop: '逐级上报', supplementary: '补报', 'follow-up': '续报' } as Record<string, string>,
  },
  en: {
    start: 'Incident\nalarm received', decide: 'Which level?', fits: (l: string, m: string) => `${l}\ncriteria ${m}?`, yes: 'yes', no: 'no',
    other: 'No: respond at the level that applies', response: 'response', cond: 'criteria', decides: (who: string) => `${who} decides`,
    reportTo: (to: string) => (/^report/i.test(to) ? to : `Report to ${to}`), end: 'Response terminated',
    declares: (who: string) => `declared by ${who}`, followUp: 'Written report', aftermath: 'Recovery',
    handover: (p: string, l?: string) => `Hand over to parent plan ${p}${l ? ` (level ${l})` : ''}`, handTo: (p: string) => `Hand over to ${p}`,
    up: (l: string) => `Escalate to ${l}`, down: (l: string) => `De-escalate to ${l}`, see: (p: number) => `see page ${p}`, seeChart: 'see its chart',
    reports: 'Reports to authorities', unassigned: 'Unassigned', sep: ', ', more: (n: number) => ` +${n}`,
    noteLevel: (l: string) => `${l} criteria`, noteEsc: (a: string, b: string) => `escalate from ${a} to ${b}`,
    noteDown: (a: string, b: string) => `de-escalate from ${a} to ${b}`, noteStep: (n: number) => `condition of step ${n}`, noteEnd: 'termination condition',
    noneNote: 'When no level\'s criteria are met, no response is started; monitoring continues.', ifCond: (c: string) => `if ${c}`, colon: ': ',
    overview: 'Response flowchart (overview)', levelChart: (l: string) => `${l} response flowchart`,
    should: ' (should)', may: ' (may)', or: (who: string) => `or ${who}`, with: (who: string) => `with ${who}`, anyOf: 'after any one of its inputs',
    manual: ' decides (no measurable criteria)', orDecider: (who: string) => ` (or ${who})`, oneOf: (n: number) => ` (any one of ${n})`,
    reportKinds: { first: 'First report', hop: 'Report up the chain', supplementary: 'Supplementary report', 'follow-up': 'Follow-up report' } as Record<string, string>,
  },
} as const;

/** Fact labels a condition uses, in order of first use. */
function factsOf(trigger: Trigger | undefined, plan: Plan): string[] {
  if (!trigger?.ast) return [];
  const lookup = factLookup(plan.facts);
  const out: string[] = [];
  const walk = (e: Expr | { type: string }): void => {
    const x = e as Expr & Record<string, unknown>;
    if (x.type === 'ident') {
      const f = lookup((x as { name: string }).name);
      const name = f?.label?.trim() || (x as { name: string }).name;
      if (f && !out.includes(name)) out.push(name);
      return;
    }
    for (const k of ['operands', 'operand', 'left', 'right', 'values'] as const) {
      const v = x[k];
      if (Array.isArray(v)) v.forEach((c) => walk(c as Expr));
      else if (v && typeof v === 'object') walk(v as Expr);
    }
  };
  walk(trigger.ast);
  return out;
}

/** Widest a condition may be (mm at 8 pt) to be printed in full on a box rather than as a note reference. */
const INLINE_MM = 60;

/** Builds the flowchart of a plan: the overview (every level) or one level's chart. */
export function flowGraph(plan: Plan, opts: FlowGraphOptions = {}): FlowGraph {
  const lang = planLang(plan, opts.lang);
  const t = T[lang];
  const view = opts.level === undefined ? undefined : plan.levels.find((l) => l.id === opts.level);
  if (opts.level !== undefined && !view) throw new RangeError(`Unknown level "${opts.level}" in plan ${plan.meta.id}`);
  const flow = flowStructure(plan, opts.level);
  const numbers = stepNumbers(plan);
  const nodes: FlowNode[] = [];
  const edges: FlowEdge[] = [];
  const notes: FlowNote[] = [];
  const ph = (p: Phase) => PHASES.indexOf(p);
  const note = (text: string): string => { const mark = noteMark(notes.filter((n) => n.mark).length + 1); notes.push({ mark, text }); return mark; };
  const laneOf = (role: string | undefined) => role ?? NO_ROLE;
  const gated = (s: Step) => flow.gates.has(s.id) || (!view && !isCommon(plan, s));
  const phases = stepPhases(flow, gated);

  // Levels in the order reviewers read them: least severe first (Ⅳ → Ⅰ), escalation running down the page.
  const levels = view ? [view] : levelsBySeverity(plan).reverse();
  const levelMarks = new Map<string, string>();
  for (const l of levels) {
    const criteria = (l.criteria ?? []).map((c) => readableTrigger(c, plan, lang)).filter((x): x is string => !!x);
    const readable = criteria.length > 1
      ? `${t.oneOf(criteria.length)}${criteria.map((c, i) => `(${i + 1}) ${c}`).join(lang === 'zh' ? '；' : '; ')}`
      : readableTrigger(l.trigger, plan, lang);
    if (readable) levelMarks.set(l.id, note(`${t.noteLevel(levelTitle(l, lang))}${criteria.length > 1 ? '' : t.colon}${readable}`));
  }

  // Steps.
  const stepNodes = new Map<string, FlowNode>();
  for (const s of flow.steps) {
    const duty = s.obligation === 'should' ? t.should : s.obligation === 'may' ? t.may : '';
    const paras: FlowNode['paras'] = [{ text: `${numbers.get(s.id)}. ${s.action.trim()}${duty}`, style: 'body' }];
    const d = deadlineText(s, numbers, lang);
    if (d) paras.push({ text: d, style: 'time' });
    const names = (ids: string[] | undefined) => (ids ?? []).map((id) => roleName(plan, id) ?? id).join(lang === 'zh' ? '、' : ', ');
    if (s.alternatives?.length) paras.push({ text: t.or(names(s.alternatives)), style: 'small' });
    if (s.support?.length) paras.push({ text: t.with(names(s.support)), style: 'small' });
    if (s.afterAny?.length) paras.push({ text: t.anyOf, style: 'small' });
    if (!view) {
      const a = applicabilityText(plan, s, lang);
      if (a) paras.push({ text: lang === 'zh' ? `〔${a}〕` : `[${a}]`, style: 'small' });
    }
    const c = readableTrigger(s.condition, plan, lang);
    if (c) {
      const inline = textWidth(c, 8) <= INLINE_MM;
      paras.push({ text: t.ifCond(inline ? c : `${t.cond}${note(`${t.noteStep(numbers.get(s.id)!)}${t.colon}${c}`)}`), style: 'small' });
    }
    const entry = !view && !isCommon(plan, s) ? entryLevel(plan, s) : undefined;
    const n: FlowNode = {
      id: `s:${s.id}`, kind: 'step', lane: laneOf(s.role), phase: phases.get(s.id) ?? ph('respond'), paras,
      stripe: entry ? levelColour(entry) : undefined, dashed: !!s.condition,
    };
    stepNodes.set(s.id, n);
  }

  // Where the decision sits: after the feeds (usually the assessment), in the lane of the last one.
  const firstRoot = flow.roots[0] ?? flow.steps[0];
  const decisionLane = flow.feeds.length ? laneOf(flow.feeds[flow.feeds.length - 1].role)
    : laneOf(levels.find((l) => l.decidedBy)?.decidedBy ?? firstRoot?.role);
  const start: FlowNode = { id: 'start', kind: 'start', lane: firstRoot ? laneOf(firstRoot.role) : decisionLane, phase: ph('alarm'), paras: [{ text: t.start, style: 'head' }] };
  nodes.push(start, ...stepNodes.values());
  for (const s of flow.roots) edges.push({ from: start.id, to: `s:${s.id}`, kind: 'flow' });
  // A gated step's wait for the decision's inputs is drawn once, through the decision and its level.
  const feedIds = new Set(flow.feeds.map((f) => f.id));
  for (const s of flow.steps) {
    for (const p of flow.prereqs.get(s.id)!) if (!(flow.gates.has(s.id) && feedIds.has(p.id))) edges.push({ from: `s:${p.id}`, to: `s:${s.id}`, kind: 'flow' });
  }

  // The level decision and the level boxes.
  const levelNode = (l: Level) => `l:${l.id}`;
  if (levels.length) {
    const mark = view ? levelMarks.get(view.id) ?? '' : '';
    nodes.push({
      id: 'decision', kind: 'decision', lane: decisionLane, phase: ph('assess'),
      paras: [{ text: view ? t.fits(levelShort(view, lang), mark) : t.decide, style: 'head' }],
    });
    if (flow.feeds.length) for (const f of flow.feeds) edges.push({ from: `s:${f.id}`, to: 'decision', kind: 'flow' });
    else edges.push({ from: start.id, to: 'decision', kind: 'flow' });
    for (const l of levels) {
      const facts = factsOf(l.trigger, plan);
      const readable = readableTrigger(l.trigger, plan, lang) ?? '';
      const mark = levelMarks.get(l.id);
      const summary = !mark ? '' : textWidth(readable, 8) <= INLINE_MM / 2 || facts.length === 0 ? readable
        : facts.slice(0, 2).join(t.sep) + (facts.length > 2 ? t.more(facts.length) : '');
      const title = levelTitle(l, lang);
      const paras: FlowNode['paras'] = [{ text: lang === 'zh' && !title.includes('响应') ? `${title}响应` : title, style: 'head' }];
      // A level's own chart asks for its criteria in the diamond just before: the box names the mark only.
      if (mark) paras.push({ text: view ? `${t.cond}${mark}` : `${t.cond}${mark}${t.colon}${summary}`, style: 'body' });
      const who = roleName(plan, l.decidedBy);
      const others = (l.deciderAlternatives ?? []).map((id) => roleName(plan, id) ?? id).join(lang === 'zh' ? '、' : ', ');
      if (l.manual && !mark) paras.push({ text: `${who ?? ''}${t.manual}`, style: 'body' });
      else if (who) paras.push({ text: t.decides(who) + (others ? t.orDecider(others) : ''), style: 'small' });
      if (l.activation) paras.push({ text: formatTimeLimit(l.activation, lang), style: 'time' });
      nodes.push({
        id: levelNode(l), kind: 'level', lane: laneOf(l.decidedBy ?? undefined) === NO_ROLE ? decisionLane : laneOf(l.decidedBy), phase: ph('assess'), paras,
        fill: levelColour(l), beside: view ? 'decision' : undefined,
      });
      edges.push({ from: 'decision', to: levelNode(l), kind: 'flow', label: view ? t.yes : undefined });
    }
    if (view) {
      nodes.push({ id: 'other', kind: 'other', lane: decisionLane, phase: ph('assess'), paras: [{ text: t.other, style: 'small' }], dashed: true });
      edges.push({ from: 'decision', to: 'other', kind: 'flow', label: t.no });
    } else {
      notes.push({ mark: '', text: t.noneNote });
    }
  }
  for (const [stepId, l] of flow.gates) edges.push({ from: levelNode(l), to: `s:${stepId}`, kind: 'flow' });
  if (!view) {
    // Level-specific steps the structure does not gate (a prerequisite at another level): enter from their level.
    for (const s of flow.steps) {
      if (isCommon(plan, s) || flow.gates.has(s.id) || (flow.prereqs.get(s.id) ?? []).length) continue;
      const e = entryLevel(plan, s);
      if (e) edges.push({ from: levelNode(e), to: `s:${s.id}`, kind: 'flow' });
    }
  }

  // Escalation and de-escalation.
  const escalations = plan.escalations.filter((e) => e.from !== e.to && plan.levels.some((l) => l.id === e.from) && plan.levels.some((l) => l.id === e.to));
  const lv = (id: string) => plan.levels.find((l) => l.id === id)!;
  if (!view) {
    const drawn = new Map<string, FlowEdge>();
    for (const e of escalations) {
      const [from, to] = [lv(e.from), lv(e.to)];
      const upward = to.rank < from.rank;
      const cond = readableTrigger(e.when, plan, lang) ?? e.when.text;
      const mark = note(`${upward ? t.noteEsc(levelShort(from, lang), levelShort(to, lang)) : t.noteDown(levelShort(from, lang), levelShort(to, lang))}${t.colon}${cond}`);
      // One edge per pair of levels, drawn from the less to the more severe one.
      const [a, b] = upward ? [from, to] : [to, from];
      const key = `${a.id}>${b.id}`;
      const existing = drawn.get(key);
      if (existing) {
        existing.label = upward ? `${mark}${existing.label}` : `${existing.label}${mark}`;
        existing.both = existing.both || !upward;
      } else {
        const edge: FlowEdge = { from: levelNode(a), to: levelNode(b), kind: 'escalation', label: mark, both: !upward };
        drawn.set(key, edge);
        edges.push(edge);
      }
    }
  } else {
    for (const e of escalations.filter((x) => x.from === view.id)) {
      const to = lv(e.to);
      const upward = to.rank < view.rank;
      const cond = readableTrigger(e.when, plan, lang) ?? e.when.text;
      const mark = note(`${upward ? t.noteEsc(levelShort(view, lang), levelShort(to, lang)) : t.noteDown(levelShort(view, lang), levelShort(to, lang))}${t.colon}${cond}`);
      const page = opts.pageOf?.(`level-${to.id}`);
      const id = `x:${to.id}`;
      nodes.push({
        id, kind: 'escalate', lane: to.decidedBy ? laneOf(to.decidedBy) : decisionLane, phase: ph(upward ? 'expand' : 'end'), stripe: levelColour(to), dashed: true,
        paras: [{ text: upward ? t.up(levelTitle(to, lang)) : t.down(levelTitle(to, lang)), style: 'body' },
          { text: `${t.cond}${mark}${lang === 'zh' ? '，' : '; '}${page ? t.see(page) : t.seeChart}`, style: 'small' }],
      });
      edges.push({ from: levelNode(view), to: id, kind: 'escalation' });
    }
  }

  // Hand-over to the parent plan (or the plan this one escalates to) at the most severe level shown.
  const top = levelsBySeverity(plan)[0];
  if (top && levels.includes(top) && (plan.meta.escalatesTo || (plan.meta.parent && top.parentLevel))) {
    const text = plan.meta.escalatesTo ? t.handTo(plan.meta.escalatesTo) : t.handover(plan.meta.parent!, top.parentLevel);
    nodes.push({ id: 'handover', kind: 'handover', lane: laneOf(top.decidedBy) === NO_ROLE ? decisionLane : laneOf(top.decidedBy), phase: ph('expand'), paras: [{ text, style: 'body' }], stripe: levelColour(top) });
    edges.push({ from: levelNode(top), to: 'handover', kind: 'flow' });
  }

  // Reports to authorities: a side lane, each report after the level that requires it.
  for (const [i, r] of plan.reports.entries()) {
    const known = plan.levels.filter((l) => r.levels.includes(l.id));
    if (view && r.levels.length && known.length && !known.includes(view)) continue;
    const entry = known.length ? known.reduce((a, b) => (b.rank > a.rank ? b : a)) : undefined;
    const kind = r.kind ? `${t.reportKinds[r.kind]}${t.colon}` : '';
    const paras: FlowNode['paras'] = [{ text: kind + t.reportTo(r.to.trim()), style: 'body' }];
    if (r.within) paras.push({ text: formatTimeLimit(r.within, lang), style: 'time' });
    const cond = readableTrigger(r.when, plan, lang);
    if (cond) paras.push({ text: t.ifCond(textWidth(cond, 8) <= INLINE_MM ? cond : `${t.cond}${note(`${t.reportTo(r.to.trim())}${t.colon}${cond}`)}`), style: 'small' });
    const who = roleName(plan, r.by);
    const when = !view && entry && known.length < plan.levels.length ? applicabilityText(plan, r, lang) : undefined;
    const small = [who, when].filter(Boolean).join(lang === 'zh' ? ' · ' : ' · ');
    if (small) paras.push({ text: small, style: 'small' });
    const id = `r:${i}`;
    const from = view ? levelNode(view) : entry && known.length < plan.levels.length ? levelNode(entry) : levels.length ? 'decision' : start.id;
    nodes.push({ id, kind: 'report', lane: REPORTS_LANE, phase: ph(levels.length ? 'respond' : 'alarm'), paras, stripe: entry && known.length < plan.levels.length ? levelColour(entry) : undefined });
    edges.push({ from, to: id, kind: 'flow' });
  }

  // Termination and what follows it.
  const term = plan.termination;
  const endLane = term?.decidedBy ? laneOf(term.decidedBy) : decisionLane;
  const endParas: FlowNode['paras'] = [{ text: t.end, style: 'head' }];
  const endCond = readableTrigger(term?.when, plan, lang);
  const endBits = [endCond ? `${t.cond}${note(`${t.noteEnd}${t.colon}${endCond}`)}` : '', roleName(plan, term?.decidedBy) ? t.declares(roleName(plan, term?.decidedBy)!) : ''].filter(Boolean);
  if (endBits.length) endParas.push({ text: endBits.join(lang === 'zh' ? '，' : '; '), style: 'small' });
  nodes.push({ id: 'end', kind: 'end', lane: endLane, phase: ph('end'), paras: endParas });
  // A step that feeds the level decision goes on through the decision: its own line to the end (a level whose later
  // steps do not follow it) only ran across the chart beside the real flow, unless nothing else reaches the end.
  const sinks = flow.sinks.filter((s) => (phases.get(s.id) ?? 0) < ph('end'));
  const ends = levels.length && sinks.some((s) => !feedIds.has(s.id)) ? sinks.filter((s) => !feedIds.has(s.id)) : sinks;
  for (const s of ends) edges.push({ from: `s:${s.id}`, to: 'end', kind: 'flow' });
  if (!flow.sinks.length) edges.push({ from: levels.length ? 'decision' : start.id, to: 'end', kind: 'flow' });
  if (term?.followUp) {
    nodes.push({ id: 'followup', kind: 'after', lane: endLane, phase: ph('after'), paras: [{ text: t.followUp, style: 'body' }, { text: formatTimeLimit(term.followUp, lang), style: 'time' }] });
    edges.push({ from: 'end', to: 'followup', kind: 'flow' });
  }
  const aftermath = plan.sections.find((s) => s.key === 'aftermath' && s.text.trim());
  if (aftermath && ![...stepNodes.values()].some((n) => n.phase === ph('after'))) {
    const first = aftermath.text.trim().split(/(?<=[。；.;])\s*/)[0].replace(/\s+/g, ' ');
    const short = [...first].length > 40 ? `${[...first].slice(0, 39).join('')}…` : first;
    nodes.push({ id: 'aftermath', kind: 'after', lane: endLane, phase: ph('after'), paras: [{ text: aftermath.title.replace(/^[\d.、\s]+/, '') || t.aftermath, style: 'head' }, { text: short, style: 'small' }] });
    edges.push({ from: 'end', to: 'aftermath', kind: 'flow' });
  }

  const graph: FlowGraph = {
    key: view ? `level-${view.id}` : 'overview', level: view?.id, lang, lanes: [], nodes, edges, notes,
    title: view ? t.levelChart(levelTitle(view, lang)) : t.overview,
  };
  const shown = opts.view === 'map' && plan.levels.length > 1 ? (view ? fromDecision(graph, opts) : overviewMap(graph, plan, opts)) : graph;
  return { ...shown, lanes: laneList(plan, shown.nodes, lang) };
}

/** Lanes in the order they are first used down the page (phase, then plan order); reports last. */
function laneList(plan: Plan, nodes: FlowNode[], lang: Lang): FlowLane[] {
  const order = nodes.map((n, i) => ({ n, i })).sort((a, b) => a.n.phase - b.n.phase || a.i - b.i).map((x) => x.n.lane);
  const keys = [...new Set(order)].filter((k) => k !== REPORTS_LANE);
  if (nodes.some((n) => n.lane === REPORTS_LANE)) keys.push(REPORTS_LANE);
  return keys.map((key) => {
    const role = plan.roles.find((r) => r.id === key);
    const holder = role?.holder?.trim();
    return {
      key, roles: key.startsWith('#') ? [] : [key], holder: holder && holder !== role?.name ? holder : undefined,
      title: key === REPORTS_LANE ? T[lang].reports : key === NO_ROLE ? T[lang].unassigned : role?.name ?? key,
    };
  });
}

/**
 * Merges lanes until at most `max` remain (the side lane for reports is kept). Each time the two lanes whose boxes
 * collide least (boxes in the same row would have to stack), then with the fewest boxes, are merged; the lanes of
 * the roles that decide (levels, termination) are merged last. Boxes in a shared lane name their role.
 */
export function mergeLanes(graph: FlowGraph, max: number, plan?: Plan): FlowGraph {
  type Lane = FlowLane & { keys: string[]; names: string[] };
  let lanes: Lane[] = graph.lanes.map((l) => ({ ...l, keys: [l.key], names: [l.title] }));
  const deciders = new Set(graph.nodes.filter((n) => n.kind === 'decision' || n.kind === 'level' || n.kind === 'end').map((n) => n.lane));
  while (lanes.length > Math.max(1, max)) {
    const m = lanes.filter((l) => l.key !== REPORTS_LANE);
    if (m.length < 2) break;
    const current = relane(graph, lanes, plan);
    const rows = assignRows(current);
    const rowsOf = new Map<string, Set<number>>(m.map((l) => [l.key, new Set()]));
    for (const n of current.nodes) rowsOf.get(n.lane)?.add(rows.get(n.id)!);
    const cost = (a: Lane, b: Lane) => {
      const ra = rowsOf.get(a.key)!; const rb = rowsOf.get(b.key)!;
      let clash = 0;
      for (const r of ra) if (rb.has(r)) clash++;
      const decide = a.keys.some((k) => deciders.has(k)) || b.keys.some((k) => deciders.has(k)) ? 1000 : 0;
      return decide + 10 * clash + ra.size + rb.size + (Math.abs(m.indexOf(a) - m.indexOf(b)) > 1 ? 2 : 0);
    };
    let pair: [Lane, Lane] = [m[0], m[1]];
    let best = Infinity;
    for (let i = 0; i < m.length; i++) for (let k = i + 1; k < m.length; k++) { const c = cost(m[i], m[k]); if (c < best) { best = c; pair = [m[i], m[k]]; } }
    const [a, b] = pair;
    const names = [...a.names, ...b.names];
    const merged: Lane = { key: a.key, keys: [...a.keys, ...b.keys], roles: [...a.roles, ...b.roles], names, title: names.join(graph.lang === 'zh' ? '、' : ', '), holder: undefined };
    lanes = lanes.flatMap((l) => (l === a ? [merged] : l === b ? [] : [l]));
  }
  return relane(graph, lanes, plan);
}

/** The graph with its nodes moved into merged lanes (`keys` are the lanes each one holds). */
function relane(graph: FlowGraph, lanes: (FlowLane & { keys: string[] })[], plan?: Plan): FlowGraph {
  const laneOfKey = new Map<string, string>();
  for (const l of lanes) for (const k of l.keys) laneOfKey.set(k, l.key);
  const shared = new Set(lanes.filter((l) => l.keys.length > 1).map((l) => l.key));
  const nodes = graph.nodes.map((n) => {
    const lane = laneOfKey.get(n.lane) ?? n.lane;
    if (!shared.has(lane) || n.lane.startsWith('#') || n.kind !== 'step' || n.role) return { ...n, lane };
    const role = plan?.roles.find((r) => r.id === n.lane)?.name ?? n.lane;
    return { ...n, lane, role, paras: [{ text: role, style: 'role' as const }, ...n.paras] };
  });
  return { ...graph, lanes: lanes.map(({ key, title, holder, roles }) => ({ key, title, holder, roles })), nodes };
}

/**
 * Puts the level boxes side by side in one row, least severe on the left, each in its decider's lane when the lanes
 * allow it (else in the lanes next to it): the escalation arrows then run straight from one level to the next. With
 * fewer lanes than levels they stay in their deciders' lanes, one under another.
 */
export function placeLevels(graph: FlowGraph): FlowGraph {
  const levels = graph.nodes.filter((n) => n.kind === 'level');
  const k = levels.length;
  const n = graph.lanes.filter((l) => l.key !== REPORTS_LANE).length;
  const other = graph.nodes.find((x) => x.kind === 'other');
  if (k === 1 && other && other.lane === levels[0].lane && n > 1) {
    // A level's chart: the "no" branch beside the level box rather than under it.
    const i = graph.lanes.findIndex((l) => l.key === other.lane);
    const side = i + 1 < n ? i + 1 : i - 1;
    return { ...graph, nodes: graph.nodes.map((x) => (x === other ? { ...x, lane: graph.lanes[side].key } : x)) };
  }
  if (k < 2 || n < k) return graph;
  const index = new Map(graph.lanes.map((l, i) => [l.key, i] as const));
  let best = 0;
  let bestScore = -Infinity;
  for (let s = 0; s + k <= n; s++) {
    // Most deciders in their own lane, then closest to where the deciders are.
    const score = levels.reduce((acc, l, i) => acc + (index.get(l.lane) === s + i ? 100 : 0) - Math.abs((index.get(l.lane) ?? s + i) - (s + i)), 0);
    if (score > bestScore) { bestScore = score; best = s; }
  }
  const lane = new Map(levels.map((l, i) => [l.id, graph.lanes[best + i].key] as const));
  const moved = (x: FlowNode) => lane.get(x.id) ?? (x.follow ? lane.get(x.follow) : undefined);
  return { ...graph, nodes: graph.nodes.map((x) => (moved(x) ? { ...x, lane: moved(x)! } : x)) };
}

