/**
 * A swimlane flowchart fitted to A4: the orientation that needs fewer pages, lanes merged (neighbours with the fewest
 * boxes first) until they fit the page width at a readable lane width, and a chart taller than a page split between
 * phases (or, for a phase taller than a page, between rows) — never through a box. An edge that crosses a page
 * boundary ends in a marker `→ 接第3页 A` and continues from `A ← 接第2页` on the page where its target is.
 */
import type { Plan } from '../model/index.js';
import { contentBox } from './pdf.js';
import { flowGraph, mergeLanes, placeLevels, type FlowEdge, type FlowGraph, type FlowGraphOptions, type FlowNode } from './swimlane-graph.js';
import { assignRows, layoutGraph, notesHeight, type Layout } from './swimlane-layout.js';
import { layoutSvg } from './swimlane-svg.js';

/** One printed page of a chart. */
export interface ChartPage {
  svg: string;
  /** Printed size in mm (the SVG's own width/height). */
  width: number;
  height: number;
  landscape: boolean;
  /** The swimlane layout behind the page (absent for a timeline). */
  layout?: Layout;
}

export interface SwimlaneChart {
  key: string;
  title: string;
  level?: string;
  /** The pages, each fitting the A4 content box minus the reserved heading. */
  pages: ChartPage[];
  /** The whole chart as one SVG with its title (for screens, `yuan render --format svg|png`). */
  whole: string;
  wholeLayout?: Layout;
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

/** A way to print a chart: an orientation, the lanes (some merged) and the pages its rows are split into. */
interface Candidate { landscape: boolean; g: FlowGraph; rows: Map<string, number>; whole: Layout; ranges: [number, number][]; merged: number; maxW: number; maxH: number }

/**
 * The flowchart of a plan (overview, or one level's with `opts.level`) on A4 pages. Candidates (portrait and
 * landscape; the fewest merged lanes that fit the width, and a few more merges, which widen the boxes but stack
 * boxes that ran side by side) are compared by their estimated page count — fewest pages, then fewest merged
 * lanes, then portrait — and only the chosen one is laid out page by page.
 */
export function swimlaneChart(plan: Plan, opts: ChartOptions = {}): SwimlaneChart {
  return fitChart(flowGraph(plan, opts), plan, opts);
}

/** Any chart made of a flow graph (a flowchart, the state diagram) fitted to A4 pages. */
export function fitChart(graph: FlowGraph, plan: Plan, opts: ChartOptions = {}): SwimlaneChart {
  let best: Candidate | undefined;
  for (const landscape of opts.landscape === undefined ? [false, true] : [opts.landscape]) {
    // One page with every role in its own lane cannot be beaten.
    if (best && best.ranges.length === 1 && best.merged === 0) break;
    for (const c of candidates(graph, plan, landscape, opts)) {
      if (!best || c.ranges.length < best.ranges.length || (c.ranges.length === best.ranges.length && c.merged < best.merged)) best = c;
    }
  }
  const c = best!;
  const layouts = paginate(c, opts.firstPage ?? 1);
  const pages = layouts.map((layout) => ({ svg: layoutSvg(layout), width: layout.width, height: layout.height, landscape: c.landscape, layout }));
  return { key: graph.key, title: graph.title, level: graph.level, pages, whole: layoutSvg(c.whole, { title: `${plan.meta.title} — ${c.g.title}` }), wholeLayout: c.whole };
}

/** The candidates of one orientation, each with its rows split by the estimate. */
function candidates(graph: FlowGraph, plan: Plan, landscape: boolean, opts: ChartOptions): Candidate[] {
  const box = contentBox(landscape);
  const maxW = box.width - 0.5;
  const maxH = box.height - (opts.reserved ?? 12) - 1;
  const out: Candidate[] = [];
  let base = graph;
  for (let max = graph.lanes.length; max >= 1 && out.length < 4; max--) {
    if (max < base.lanes.length) base = mergeLanes(base, max, plan);
    if (base.lanes.length > max) break;
    const g = placeLevels(base);
    const rows = assignRows(g);
    const whole = layoutGraph(g, { rows, maxWidth: maxW });
    if (!whole.fits && max > 1) continue;
    out.push({ landscape, g, rows, whole, ranges: split(g, rows, whole, maxH, maxH), merged: graph.lanes.length - g.lanes.length, maxW, maxH });
    // Stop at one page, or when merging more has stopped saving pages.
    const [prev, last] = [out[out.length - 2], out[out.length - 1]];
    if (last.ranges.length === 1 || (prev && last.ranges.length >= prev.ranges.length)) break;
  }
  return out;
}

/**
 * Splits the rows into pages by dynamic programming over the row boundaries: the fewest pages, then the fewest flows
 * cut (a cut inside a phase counts as three). A page's height is estimated from the whole chart's rows plus the
 * markers and notes it would get, against `budget`.
 */
function split(g: FlowGraph, rows: Map<string, number>, all: Layout, budget: number, maxH: number): [number, number][] {
  if (all.height <= maxH) return [[0, all.rowKeys.length - 1]];
  const distinct = all.rowKeys;
  const n = distinct.length;
  const index = new Map(distinct.map((r, i) => [r, i] as const));
  const rowIdx = (id: string) => index.get(rows.get(id) ?? NaN);
  const phaseOfRow = new Map<number, number>();
  for (const x of g.nodes) if (rows.has(x.id)) phaseOfRow.set(rowIdx(x.id)!, x.phase);
  const edges = g.edges.map((e) => ({ e, a: rowIdx(e.from), b: rowIdx(e.to) })).filter((x) => x.a !== undefined && x.b !== undefined) as { e: FlowEdge; a: number; b: number }[];
  // Cost of a cut after row i: the sources whose edges cross it, more inside a phase.
  const cutCost = (i: number) => new Set(edges.filter((x) => (x.a <= i && x.b > i) || (x.b <= i && x.a > i)).map((x) => x.e.from)).size
    + (phaseOfRow.get(i) === phaseOfRow.get(i + 1) ? 3 : 0);
  // The note marks each row refers to (its boxes and the labels of edges touching it).
  const rowMarks: Set<string>[] = distinct.map(() => new Set());
  const marked = g.notes.filter((x) => x.mark);
  const addMarks = (i: number, text: string) => { for (const x of marked) if (text.includes(x.mark)) rowMarks[i].add(x.mark); };
  for (const x of g.nodes) { const r = rowIdx(x.id); if (r !== undefined) addMarks(r, x.paras.map((p) => p.text).join(' ')); }
  for (const x of edges) if (x.e.label) { addMarks(x.a, x.e.label); addMarks(x.b, x.e.label); }
  const unmarked = notesHeight(g.notes.filter((x) => !x.mark), all.width);
  const notesOf = (i: number, j: number) => {
    const marks = new Set<string>();
    for (let r = i; r <= j; r++) for (const m of rowMarks[r]) marks.add(m);
    return notesHeight(marked.filter((x) => marks.has(x.mark)), all.width);
  };
  // Marker rows a page gets: the sources that enter from above / leave below, spread over the lanes.
  const markerRows = (i: number, j: number) => {
    const count = (list: typeof edges) => Math.ceil(new Set(list.map((x) => x.e.from)).size / Math.max(1, g.lanes.length));
    return [count(edges.filter((x) => x.a < i && x.b >= i && x.b <= j)), count(edges.filter((x) => x.a >= i && x.a <= j && x.b > j))];
  };
  const channelAbove = (i: number) => all.rowTop[i] - (i ? all.rowBottom[i - 1] : all.headerH);
  const channelBelow = (j: number) => (j + 1 < n ? all.rowTop[j + 1] : all.gridBottom) - all.rowBottom[j];
  const estimate = (i: number, j: number) => {
    const [top, bottom] = markerRows(i, j);
    return all.headerH + channelAbove(i) + (all.rowBottom[j] - all.rowTop[i]) + channelBelow(j) + top * 16 + bottom * 12
      + notesOf(i, j) + (j === n - 1 ? unmarked : 0);
  };
  // best[i]: [pages, cost, end of the first page] for rows i..n-1.
  const best: ([number, number, number] | undefined)[] = new Array(n + 1);
  best[n] = [0, 0, n];
  for (let i = n - 1; i >= 0; i--) {
    for (let j = i; j < n; j++) {
      if (j > i && estimate(i, j) > budget) break;
      const rest = best[j + 1];
      if (!rest) continue;
      const cand: [number, number, number] = [1 + rest[0], rest[1] + (j + 1 < n ? cutCost(j) : 0), j];
      const cur = best[i];
      if (!cur || cand[0] < cur[0] || (cand[0] === cur[0] && cand[1] < cur[1])) best[i] = cand;
    }
  }
  const ranges: [number, number][] = [];
  for (let i = 0; i < n; i = best[i]![2] + 1) ranges.push([i, best[i]![2]]);
  return ranges;
}

/**
 * Lays out each page of a candidate with its continuation markers; while a page comes out taller than the page
 * allows, splits again with a tighter budget (it ends: at worst one row a page).
 */
function paginate(c: Candidate, firstPage: number): Layout[] {
  const { g, rows, whole, maxW, maxH } = c;
  if (c.ranges.length === 1 && whole.height <= maxH) return [whole];
  const distinct = whole.rowKeys;
  let ranges = c.ranges;
  let budget = maxH;
  let layouts: Layout[] = [];
  for (let round = 0; round < 40; round++) {
    layouts = ranges.map((_, k) => pageLayout(g, rows, distinct, ranges, k, whole.laneWidth, maxW, firstPage));
    const over = Math.max(...layouts.map((l, k) => (ranges[k][0] === ranges[k][1] ? 0 : l.height - maxH)));
    if (over <= 0) break;
    budget -= over + 1;
    ranges = split(g, rows, whole, budget, maxH);
  }
  return layouts;
}

/**
 * The layout of page `k` of `ranges` (indexes into `distinct` rows). An edge that leaves the page ends in a marker
 * (`→ 接第3页 B`) and goes on from its partner (`B ← 接第2页`) on the page it reaches. Edges are grouped onto
 * markers by their target when several edges from one page meet there (the marker sits in the target's lane), else
 * by their source (in the source's lane, naming the source on the page where it goes on).
 */
function pageLayout(g: FlowGraph, rows: Map<string, number>, distinct: number[], ranges: [number, number][], k: number,
  laneWidth: number, maxW: number, firstPage: number): Layout {
  const [i, j] = ranges[k];
  const lo = distinct[i]; const hi = distinct[j];
  const pageIndex = new Map<number, number>();
  ranges.forEach(([a, b], p) => { for (let x = a; x <= b; x++) pageIndex.set(distinct[x], p); });
  const pageOf = (id: string) => pageIndex.get(rows.get(id) ?? NaN) ?? -1;
  const byId = new Map(g.nodes.map((x) => [x.id, x] as const));
  const laneIndex = new Map(g.lanes.map((l, x) => [l.key, x] as const));
  const crossing = g.edges.filter((e) => rows.has(e.from) && rows.has(e.to) && pageOf(e.from) !== pageOf(e.to));
  const meeting = new Map<string, number>();
  for (const e of crossing) meeting.set(`${e.to}:${pageOf(e.from)}`, (meeting.get(`${e.to}:${pageOf(e.from)}`) ?? 0) + 1);
  const keyOf = (e: FlowEdge) => ((meeting.get(`${e.to}:${pageOf(e.from)}`) ?? 0) > 1 ? `t:${e.to}:${pageOf(e.from)}` : `s:${e.from}`);
  const anchor = (key: string) => byId.get(key.startsWith('t:') ? key.slice(2, key.lastIndexOf(':')) : key.slice(2))!;
  // Letters in the order the markers' anchors appear in the whole chart.
  const keys = [...new Set(crossing.map(keyOf))].sort((a, b) => (rows.get(anchor(a).id)! - rows.get(anchor(b).id)!)
    || (laneIndex.get(anchor(a).lane)! - laneIndex.get(anchor(b).lane)!) || (a < b ? -1 : 1));
  const letters = new Map(keys.map((key, x) => [key, letter(x)] as const));
  const pageNo = (id: string) => firstPage + Math.max(0, pageOf(id));
  const zh = g.lang === 'zh';

  const nodes: FlowNode[] = g.nodes.filter((x) => pageOf(x.id) === k);
  const edges: FlowEdge[] = [];
  const pageRows = new Map(nodes.map((x) => [x.id, rows.get(x.id)!] as const));
  const used = new Set(nodes.map((x) => `${rows.get(x.id)}:${x.lane}`));
  // A marker goes in its lane's cell next to the page's rows, else in the nearest free lane of that row, else a row further out.
  const place = (lane: string, from: number, step: number): [string, number] => {
    const at = laneIndex.get(lane) ?? 0;
    const order = g.lanes.map((l, x) => ({ l: l.key, d: Math.abs(x - at) + (x < at ? 0.5 : 0) })).sort((a, b) => a.d - b.d).map((x) => x.l);
    for (let r = from; ; r += step) {
      const free = order.find((l) => !used.has(`${r}:${l}`));
      if (free) { used.add(`${r}:${free}`); return [free, r]; }
    }
  };
  const onward = new Map<string, Set<number>>();
  for (const e of crossing) if (pageOf(e.from) === k) onward.set(keyOf(e), (onward.get(keyOf(e)) ?? new Set()).add(pageNo(e.to)));
  const made = new Map<string, string>();
  const marker = (id: string, host: string, from: number, step: number, paras: FlowNode['paras'], phase: number) => {
    if (!made.has(id)) {
      const [lane, row] = place(host, from, step);
      nodes.push({ id, kind: 'connector', lane, phase, paras, dashed: true });
      pageRows.set(id, row);
      made.set(id, id);
    }
    return id;
  };
  const seen = new Set<string>();
  const push = (e: FlowEdge) => { const key = `${e.from}>${e.to}`; if (!seen.has(key)) { seen.add(key); edges.push(e); } };
  for (const e of g.edges) {
    const [fromIn, toIn] = [pageOf(e.from) === k, pageOf(e.to) === k];
    if (fromIn && toIn) { edges.push(e); continue; }
    if (!fromIn && !toIn) continue;
    if (!crossing.includes(e)) continue;
    const key = keyOf(e);
    const m = letters.get(key)!;
    const host = key.startsWith('t:') ? byId.get(e.to)! : byId.get(e.from)!;
    if (fromIn) {
      const down = rows.get(e.to)! > hi;
      const pages = [...onward.get(key)!].sort((a, b) => a - b).join(zh ? '、' : ', ');
      const id = marker(`c:out:${key}`, host.lane, down ? hi + 1 : lo - 1, down ? 1 : -1,
        [{ text: zh ? `→ 接第${pages}页 ${m}` : `→ p. ${pages} (${m})`, style: 'head' }], down ? 99 : -1);
      push({ ...e, to: id, label: undefined, both: false });
    } else {
      const up = rows.get(e.from)! < lo;
      const paras: FlowNode['paras'] = [{ text: zh ? `${m} ← 接第${pageNo(e.from)}页` : `(${m}) ← p. ${pageNo(e.from)}`, style: 'head' }];
      if (key.startsWith('s:')) paras.push({ text: sourceName(host), style: 'small' });
      const id = marker(`c:in:${key}`, host.lane, up ? lo - 1 : hi + 1, up ? -1 : 1, paras, up ? -1 : 99);
      push({ ...e, from: id, both: false });
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
