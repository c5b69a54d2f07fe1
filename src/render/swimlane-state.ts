/**
 * The response state diagram (响应状态图) drawn with the flowcharts' layout: standby → assessing → the levels side
 * by side (least severe on the left, escalation and de-escalation arrows between them) → terminated → recovery.
 * Conditions are numbered notes under the diagram, as on the flowcharts; the Mermaid `stateDiagram` text
 * (mermaid-state.ts) stays for GitHub and other Markdown viewers.
 */
import type { Plan } from '../model/index.js';
import { levelsBySeverity } from './mermaid-graph.js';
import { WORDS, formatTimeLimit, levelColour, levelShort, levelTitle, planLang, readableTriggerGlued, roleName, type Lang } from './mermaid-text.js';
import { fitChart, type ChartOptions, type SwimlaneChart } from './swimlane-chart.js';
import { noteMark, type FlowEdge, type FlowGraph, type FlowNode, type FlowNote } from './swimlane-graph.js';
import { PHASES } from './swimlane-phases.js';

const T = {
  zh: {
    phases: { alarm: '待命', assess: '研判', respond: '响应', end: '终止', after: '恢复' }, title: '响应状态图',
    none: '均不满足', start: (l: string) => `${l}启动条件`, esc: (a: string, b: string) => `由${a}升级为${b}`, down: (a: string, b: string) => `由${a}降级为${b}`,
    end: '响应终止条件', decides: (who: string) => `${who}决定`, declares: (who: string) => `${who}宣布`, colon: '：', cond: '条件',
  },
  en: {
    phases: { alarm: 'Standby', assess: 'Assessing', respond: 'Response', end: 'Ended', after: 'Recovery' }, title: 'Response states',
    none: 'none met', start: (l: string) => `${l} criteria`, esc: (a: string, b: string) => `escalate from ${a} to ${b}`, down: (a: string, b: string) => `de-escalate from ${a} to ${b}`,
    end: 'termination condition', decides: (who: string) => `${who} decides`, declares: (who: string) => `declared by ${who}`, colon: ': ', cond: 'condition ',
  },
} as const;

/** The state diagram of a plan as a flow graph (one column per level). */
export function stateGraph(plan: Plan, lang?: Lang): FlowGraph {
  const l = planLang(plan, lang);
  const t = T[l];
  const w = WORDS[l];
  const levels = levelsBySeverity(plan).reverse();
  const lanes = (levels.length ? levels : [{ id: '-' }]).map((x) => ({ key: `c:${x.id}`, title: '', roles: [] }));
  const mid = lanes[Math.floor((lanes.length - 1) / 2)].key;
  const ph = (p: (typeof PHASES)[number]) => PHASES.indexOf(p);
  const notes: FlowNote[] = [];
  const note = (text: string) => { const mark = noteMark(notes.length + 1); notes.push({ mark, text }); return mark; };
  const nodes: FlowNode[] = [
    { id: 'standby', kind: 'start', lane: mid, phase: ph('alarm'), paras: [{ text: w.standby, style: 'head' }] },
    { id: 'assessing', kind: 'step', lane: mid, phase: ph('assess'), paras: [{ text: w.assessing, style: 'body' }] },
  ];
  const edges: FlowEdge[] = [{ from: 'standby', to: 'assessing', kind: 'flow', label: w.alarm }];
  for (const x of levels) {
    const cond = readableTriggerGlued(x.trigger, plan, l);
    const mark = cond ? note(`${t.start(levelTitle(x, l))}${t.colon}${cond}`) : undefined;
    const who = roleName(plan, x.decidedBy);
    const paras: FlowNode['paras'] = [{ text: levelTitle(x, l), style: 'head' }];
    if (who) paras.push({ text: t.decides(who), style: 'small' });
    if (x.activation) paras.push({ text: formatTimeLimit(x.activation, l), style: 'time' });
    nodes.push({ id: `l:${x.id}`, kind: 'level', lane: `c:${x.id}`, phase: ph('respond'), paras, fill: levelColour(x) });
    edges.push({ from: 'assessing', to: `l:${x.id}`, kind: 'flow', label: mark });
  }
  if (levels.length) edges.push({ from: 'assessing', to: 'standby', kind: 'flow', label: t.none });
  const drawn = new Map<string, FlowEdge>();
  for (const e of plan.escalations) {
    const from = plan.levels.find((x) => x.id === e.from);
    const to = plan.levels.find((x) => x.id === e.to);
    if (!from || !to || from === to) continue;
    const up = to.rank < from.rank;
    const cond = readableTriggerGlued(e.when, plan, l) ?? e.when.text;
    const mark = note(`${(up ? t.esc : t.down)(levelShort(from, l), levelShort(to, l))}${t.colon}${cond}`);
    const [a, b] = up ? [from, to] : [to, from];
    const key = `${a.id}>${b.id}`;
    const seen = drawn.get(key);
    if (seen) { seen.label = up ? `${mark}${seen.label}` : `${seen.label}${mark}`; seen.both = true; continue; }
    const edge: FlowEdge = { from: `l:${a.id}`, to: `l:${b.id}`, kind: 'escalation', label: mark, both: !up };
    drawn.set(key, edge);
    edges.push(edge);
  }
  const term = plan.termination;
  const cond = readableTriggerGlued(term?.when, plan, l);
  const bits = [cond ? `${t.cond}${note(`${t.end}${t.colon}${cond}`)}` : '', roleName(plan, term?.decidedBy) ? t.declares(roleName(plan, term?.decidedBy)!) : ''].filter(Boolean);
  nodes.push({ id: 'terminated', kind: 'end', lane: mid, phase: ph('end'), paras: [{ text: w.terminated, style: 'head' }, ...(bits.length ? [{ text: bits.join(l === 'zh' ? '，' : '; '), style: 'small' as const }] : [])] });
  for (const x of levels) edges.push({ from: `l:${x.id}`, to: 'terminated', kind: 'flow' });
  if (!levels.length) edges.push({ from: 'assessing', to: 'terminated', kind: 'flow' });
  const follow = term?.followUp ? [{ text: `${w.followUp} ${formatTimeLimit(term.followUp, l)}`, style: 'time' as const }] : [];
  nodes.push({ id: 'recovery', kind: 'after', lane: mid, phase: ph('after'), paras: [{ text: w.recovery, style: 'body' }, ...follow] });
  edges.push({ from: 'terminated', to: 'recovery', kind: 'flow' });
  return { key: 'states', title: t.title, lang: l, lanes, nodes, edges, notes, phaseNames: t.phases, plain: true };
}

/** The state diagram fitted to A4 pages, like the flowcharts. */
export function stateChart(plan: Plan, opts: ChartOptions = {}): SwimlaneChart {
  return fitChart(stateGraph(plan, opts.lang), plan, opts);
}
