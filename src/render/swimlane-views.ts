/**
 * The two views of a plan with several levels that the reviewer packet prints: an overview that is a map (the
 * phases, the level decision, what every level does, and one box per level listing the steps that level adds), and
 * per-level charts that start at the level decision (what comes before it is the same for every level and is on
 * the overview).
 */
import type { Plan } from '../model/index.js';
import { entryLevel, isCommon } from './mermaid-graph.js';
import { levelColour, levelShort, stepNumbers } from './mermaid-text.js';
import type { FlowEdge, FlowGraph, FlowGraphOptions, FlowNode } from './swimlane-graph.js';
import { PHASES } from './swimlane-phases.js';
import { breakUnits } from './text-fit.js';

const WORDS = {
  zh: {
    adds: (l: string) => `${l}增加的处置`, more: (n: number) => `…等${n}项`, see: (p: number) => `详见第${p}页`, seeChart: '详见该级流程图',
    entry: '接警至研判', entrySee: (p: number) => `见总览第${p}页`, entryChart: '见总览',
  },
  en: {
    adds: (l: string) => `${l} adds`, more: (n: number) => `… ${n} in all`, see: (p: number) => `details on page ${p}`, seeChart: 'details in its chart',
    entry: 'Alarm to assessment', entrySee: (p: number) => `overview, p. ${p}`, entryChart: 'see the overview',
  },
} as const;

/** Items listed in a level's box before "…等n项". */
const MAX_ITEMS = 5;
/** Characters of an action kept in a level's box. */
const ITEM_CHARS = 11;

/** The first words of a text that fit in `chars` characters, with `…` when it was cut (never inside a word). */
export function shorten(text: string, chars: number): string {
  if ([...text].length <= chars) return text;
  let out = '';
  for (const u of breakUnits(text)) {
    if ([...(out + u)].length > chars - 1) break;
    out += u;
  }
  if (!out) out = [...text].slice(0, chars - 1).join('');
  return `${out.replace(/[\s，、；。,;:：]+$/u, '')}…`;
}

/** Rewrites edges onto replacement nodes (`map(id)`), dropping self-loops and duplicates. */
function remap(edges: FlowEdge[], map: (id: string) => string | undefined): FlowEdge[] {
  const out: FlowEdge[] = [];
  const seen = new Set<string>();
  for (const e of edges) {
    const from = map(e.from); const to = map(e.to);
    if (!from || !to || from === to) continue;
    const key = `${from}>${to}>${e.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...e, from, to });
  }
  return out;
}

/** The overview as a map: each level's own steps become one box under the level, listing them. */
export function overviewMap(graph: FlowGraph, plan: Plan, opts: FlowGraphOptions): FlowGraph {
  const w = WORDS[graph.lang];
  const numbers = stepNumbers(plan);
  const group = new Map<string, string>();
  const items = new Map<string, string[]>();
  for (const s of plan.steps) {
    if (isCommon(plan, s)) continue;
    const e = entryLevel(plan, s);
    if (!e || !graph.nodes.some((n) => n.id === `s:${s.id}`)) continue;
    group.set(`s:${s.id}`, `g:${e.id}`);
    items.set(e.id, [...(items.get(e.id) ?? []), `${numbers.get(s.id)}. ${shorten(s.action.trim(), ITEM_CHARS)}`]);
  }
  const nodes: FlowNode[] = graph.nodes.filter((n) => !group.has(n.id));
  for (const l of plan.levels) {
    const list = items.get(l.id);
    if (!list) continue;
    const page = opts.pageOf?.(`level-${l.id}`);
    const shown = list.length > MAX_ITEMS ? [...list.slice(0, MAX_ITEMS - 1), w.more(list.length)] : list;
    nodes.push({
      id: `g:${l.id}`, kind: 'summary', lane: graph.nodes.find((n) => n.id === `l:${l.id}`)?.lane ?? nodes[0].lane, follow: `l:${l.id}`,
      phase: PHASES.indexOf('respond'), stripe: levelColour(l),
      paras: [{ text: w.adds(levelShort(l, graph.lang)), style: 'head' }, ...shown.map((text) => ({ text, style: 'small' as const })),
        { text: page ? w.see(page) : w.seeChart, style: 'time' }],
    });
  }
  // Edges between two levels' boxes say nothing on a map.
  const edges = remap(graph.edges, (id) => group.get(id) ?? id).filter((e) => !(e.from.startsWith('g:') && e.to.startsWith('g:')));
  return { ...graph, nodes, edges };
}

/** A level's chart from the level decision on: the steps before it collapse into one marker pointing to the overview. */
export function fromDecision(graph: FlowGraph, opts: FlowGraphOptions): FlowGraph {
  const w = WORDS[graph.lang];
  const assess = PHASES.indexOf('assess');
  const before = new Set(graph.nodes.filter((n) => n.id === 'start' || (n.kind === 'step' && n.phase <= assess)).map((n) => n.id));
  if (!before.size) return graph;
  const decision = graph.nodes.find((n) => n.kind === 'decision');
  const page = opts.pageOf?.('overview');
  const entry: FlowNode = {
    id: 'entry', kind: 'entry', lane: decision?.lane ?? graph.nodes[0].lane, phase: assess, dashed: true,
    paras: [{ text: w.entry, style: 'head' }, { text: page ? w.entrySee(page) : w.entryChart, style: 'small' }],
  };
  const nodes = [entry, ...graph.nodes.filter((n) => !before.has(n.id))];
  return { ...graph, nodes, edges: remap(graph.edges, (id) => (before.has(id) ? 'entry' : id)) };
}
