/**
 * A swimlane flowchart fitted to A4: the orientation that needs fewer pages, lanes merged (neighbours with the fewest
 * boxes first) until they fit the page width at a readable lane width, and a chart taller than a page split between
 * phases (or, for a phase taller than a page, between rows) — never through a box. An edge that crosses a page
 * boundary ends in a marker `→ 接第3页 A` and continues from `A ← 接第2页` on the page where its target is.
 */
import type { Plan } from '../model/index.js';
import { contentBox } from './pdf.js';
import { flowGraph, mergeLanes, placeLevels, type FlowEdge, type FlowGraph, type FlowGraphOptions, type FlowNode } from './swimlane-graph.js';
import { assignRows, layoutGraph, type Layout } from './swimlane-layout.js';
import { layoutSvg } from './swimlane-svg.js';

/** One printed page of a chart. */
export interface ChartPage {
  svg: string;
  /** Printed size in mm (the SVG's own width/height). */
  width: number;
  height: number;
  landscape: boolean;
  layout: Layout;
}

export interface SwimlaneChart {
  key: string;
  title: string;
  level?: string;
  /** The pages, each fitting the A4 content box minus the reserved heading. */
  pages: ChartPage[];
  /** The whole chart as one SVG with its title (for screens, `yuan render --format svg|png`). */
  whole: string;
  wholeLayout: Layout;
}

export interface ChartOptions extends FlowGraphOptions {
  /** Page number of the chart's first page (default 1), for the continuation markers. */
  firstPage?: number;
  /** Height (mm) taken above the chart on each page by its heading (default 12). */
  reserved?: number;
  /** Force an orientation (default: the one with fewer pages, portrait on a tie). */
  landscape?: boolean;
}

/** Letters of continuation markers: A…Z, then AA, AB… */
const letter = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : letter(Math.floor(i / 26) - 1) + letter(i % 26));

/** The flowchart of a plan (overview, or one level's with `opts.level`) on A4 pages. */
export function swimlaneChart(plan: Plan, opts: ChartOptions = {}): SwimlaneChart {
  const graph = flowGraph(plan, opts);
  const tries = opts.landscape === undefined ? [false, true] : [opts.landscape];
  let best: ReturnType<typeof fit> | undefined;
  for (const landscape of tries) {
    const r = fit(graph, plan, landscape, opts);
    // Fewest pages; then the fewest roles sharing a lane; then portrait.
    if (!best || r.pages.length < best.pages.length || (r.pages.length === best.pages.length && r.merged < best.merged)) best = r;
  }
  const { pages, whole, g } = best!;
  return { key: graph.key, title: graph.title, level: graph.level, pages, whole: layoutSvg(whole, { title: `${plan.meta.title} — ${g.title}` }), wholeLayout: whole };
}

function fit(graph: FlowGraph, plan: Plan, landscape: boolean, opts: ChartOptions) {
  const box = contentBox(landscape);
  const maxW = box.width - 0.5;
  const maxH = box.height - (opts.reserved ?? 12) - 1;
  let g = placeLevels(graph);
  let whole = layoutGraph(g, { maxWidth: maxW });
  for (let max = graph.lanes.length - 1; !whole.fits && max >= 1; max--) {
    g = placeLevels(mergeLanes(graph, max, plan));
    whole = layoutGraph(g, { maxWidth: maxW });
  }
  const rows = assignRows(g);
  const pages = paginate(g, rows, whole.laneWidth, maxW, maxH, opts.firstPage ?? 1).map((layout) => ({
    svg: layoutSvg(layout), width: layout.width, height: layout.height, landscape, layout,
  }));
  return { pages, whole, g, merged: graph.lanes.length - g.lanes.length };
}

/**
 * Splits the rows into pages: the fewest pages, then the fewest flows cut (a cut inside a phase counts as three),
 * found by dynamic programming over the row boundaries; each page is laid out on its own with continuation markers.
 */
function paginate(g: FlowGraph, rows: Map<string, number>, laneWidth: number, maxW: number, maxH: number, firstPage: number): Layout[] {
  const all = layoutGraph(g, { rows, laneWidth, maxWidth: maxW });
  if (all.height <= maxH) return [all];
  const distinct = [...new Set(rows.values())].sort((a, b) => a - b);
  const n = distinct.length;
  const phaseOfRow = new Map<number, number>();
  for (const x of g.nodes) if (rows.has(x.id)) phaseOfRow.set(rows.get(x.id)!, x.phase);
  // Cost of a cut after row index i: the sources whose edges cross it, more inside a phase.
  const cutCost = (i: number) => {
    const r = distinct[i];
    const sources = new Set(g.edges.filter((e) => {
      const a = rows.get(e.from); const b = rows.get(e.to);
      return a !== undefined && b !== undefined && ((a <= r && b > r) || (b <= r && a > r));
    }).map((e) => e.from));
    return sources.size + (phaseOfRow.get(r) === phaseOfRow.get(distinct[i + 1]) ? 3 : 0);
  };
  // best[i]: [pages, cost, end of the first page] for rows i..n-1.
  const best: ([number, number, number] | undefined)[] = new Array(n + 1);
  best[n] = [0, 0, n];
  for (let i = n - 1; i >= 0; i--) {
    for (let j = i; j < n; j++) {
      const fits = j === i || pageLayout(g, rows, distinct, [[i, j]], 0, laneWidth, maxW, firstPage, true).height <= maxH;
      if (!fits) break;
      const rest = best[j + 1];
      if (!rest) continue;
      const cand: [number, number, number] = [1 + rest[0], rest[1] + (j + 1 < n ? cutCost(j) : 0), j];
      const cur = best[i];
      if (!cur || cand[0] < cur[0] || (cand[0] === cur[0] && cand[1] < cur[1])) best[i] = cand;
    }
  }
  const ranges: [number, number][] = [];
  for (let i = 0; i < n; i = best[i]![2] + 1) ranges.push([i, best[i]![2]]);
  return ranges.map((_, k) => pageLayout(g, rows, distinct, ranges, k, laneWidth, maxW, firstPage, false));
}

/**
 * The layout of page `k` of `ranges` (indexes into `distinct` rows). An edge that leaves the page ends in a marker
 * under its source (`→ 接第3页 B`, one per source); on the page where it goes on, a marker in the source's lane
 * (`B ← 接第2页`) starts it again.
 */
function pageLayout(g: FlowGraph, rows: Map<string, number>, distinct: number[], ranges: [number, number][], k: number,
  laneWidth: number, maxW: number, firstPage: number, trial: boolean): Layout {
  const [i, j] = ranges[k];
  const lo = distinct[i]; const hi = distinct[j];
  const pageOfRow = (r: number) => ranges.findIndex(([a, b]) => r >= distinct[a] && r <= distinct[b]);
  const inPage = (id: string) => { const r = rows.get(id); return r !== undefined && r >= lo && r <= hi; };
  const byId = new Map(g.nodes.map((x) => [x.id, x] as const));
  // Markers are lettered by source, in the order the sources appear in the whole chart.
  const sources = trial ? [] : [...new Set(g.edges.filter((e) => pageOfRow(rows.get(e.from) ?? -1) !== pageOfRow(rows.get(e.to) ?? -1)).map((e) => e.from))]
    .sort((a, b) => (rows.get(a)! - rows.get(b)!) || g.lanes.findIndex((l) => l.key === byId.get(a)!.lane) - g.lanes.findIndex((l) => l.key === byId.get(b)!.lane));
  const mark = new Map(sources.map((t, x) => [t, letter(x)] as const));
  const pageNo = (r: number) => (trial ? 99 : firstPage + Math.max(0, pageOfRow(r)));
  const zh = g.lang === 'zh';

  const nodes: FlowNode[] = g.nodes.filter((x) => inPage(x.id));
  const edges: FlowEdge[] = [];
  const pageRows = new Map(nodes.map((x) => [x.id, rows.get(x.id)!] as const));
  const used = new Set(nodes.map((x) => `${rows.get(x.id)}:${x.lane}`));
  const stack = (lane: string, from: number, step: number) => { let r = from; while (used.has(`${r}:${lane}`)) r += step; used.add(`${r}:${lane}`); return r; };
  // Pages each source's edges go on to, for the outgoing marker's text.
  const onward = new Map<string, Set<number>>();
  for (const e of g.edges) {
    if (inPage(e.from) && !inPage(e.to) && rows.has(e.to)) onward.set(e.from, (onward.get(e.from) ?? new Set()).add(pageNo(rows.get(e.to)!)));
  }
  const connectors = new Map<string, string>();
  const connector = (key: string, lane: string, row: number, paras: FlowNode['paras'], phase: number) => {
    if (connectors.has(key)) return connectors.get(key)!;
    const id = `c:${key}`;
    nodes.push({ id, kind: 'connector', lane, phase, paras, dashed: true });
    pageRows.set(id, row);
    connectors.set(key, id);
    return id;
  };
  for (const e of g.edges) {
    const [fromIn, toIn] = [inPage(e.from), inPage(e.to)];
    if (fromIn && toIn) { edges.push(e); continue; }
    if ((!fromIn && !toIn) || !rows.has(e.from) || !rows.has(e.to)) continue;
    const source = byId.get(e.from)!;
    const m = mark.get(e.from) ?? 'A';
    if (fromIn) {
      const down = rows.get(e.to)! > hi;
      const pages = [...onward.get(e.from)!].sort((a, b) => a - b).join(zh ? '、' : ', ');
      const id = connector(`out:${e.from}`, source.lane, stack(source.lane, down ? hi + 1 : lo - 1, down ? 1 : -1),
        [{ text: zh ? `→ 接第${pages}页 ${m}` : `→ p. ${pages} (${m})`, style: 'head' }], down ? 99 : -1);
      if (!edges.some((x) => x.from === e.from && x.to === id)) edges.push({ ...e, to: id, label: undefined, both: false });
    } else {
      const from = rows.get(e.from)!;
      const p = pageNo(from);
      const id = connector(`in:${e.from}`, source.lane, stack(source.lane, from < lo ? lo - 1 : hi + 1, from < lo ? -1 : 1),
        [{ text: zh ? `${m} ← 接第${p}页` : `(${m}) ← p. ${p}`, style: 'head' }, { text: sourceName(source), style: 'small' }], from < lo ? -1 : 99);
      edges.push({ ...e, from: id, both: false });
    }
  }
  // Only the notes this page refers to (a mark in a box or on an edge); notes without a mark on the last page.
  const texts = [...nodes.flatMap((x) => x.paras.map((p) => p.text)), ...edges.map((e) => e.label ?? '')].join(' ');
  const notes = g.notes.filter((x) => (x.mark ? texts.includes(x.mark) : k === ranges.length - 1));
  return layoutGraph({ ...g, nodes, edges }, { rows: pageRows, laneWidth, maxWidth: maxW, notes });
}

/** What a continuation marker says it continues from: the box's first line, cut short. */
function sourceName(n: FlowNode): string {
  const p = n.paras.find((x) => x.style !== 'role') ?? n.paras[0];
  const first = (p?.text ?? '').split('\n').join('');
  return [...first].length > 12 ? `${[...first].slice(0, 11).join('')}…` : first;
}
