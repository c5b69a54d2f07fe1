/**
 * Layout of a swimlane flowchart on a grid, in millimetres at print size: lanes are columns, rows run down the page
 * in phase order, one box per cell. Edges are routed orthogonally through the corridors between rows (channels) and
 * between lanes (gutters), which hold no boxes, so no edge crosses a box; each corridor gets as many parallel tracks
 * as the edges passing through it need. Edges leaving one box share a trunk and edges entering one box share a
 * collector (a tree, with a dot where a branch leaves or joins), so the chart reads like a hand-drawn one.
 *
 * Text is set at fixed point sizes (never below 7.5 pt) and the layout is printed at 100 %: legibility on A4 is a
 * property of the construction, not of a scale factor.
 */
import { PHASES } from './swimlane-phases.js';
import { PHASE_NAMES } from './swimlane-phases.js';
import type { FlowEdge, FlowGraph, FlowNode, ParaStyle } from './swimlane-graph.js';
import { breakText, PT_MM, textWidth } from './text-fit.js';

/** Point sizes and weights of each paragraph style. */
export const TYPE: Readonly<Record<ParaStyle | 'lane' | 'phase' | 'label' | 'note' | 'title', { pt: number; bold: boolean }>> = {
  head: { pt: 8, bold: true }, body: { pt: 8, bold: false }, time: { pt: 8, bold: true }, small: { pt: 7.5, bold: false },
  role: { pt: 7.5, bold: true }, lane: { pt: 8, bold: true }, phase: { pt: 8, bold: true }, label: { pt: 7.5, bold: true },
  note: { pt: 7.5, bold: false }, title: { pt: 11, bold: true },
};
/** Line height as a multiple of the font size. */
export const LEADING = 1.28;
const PAD_X = 1.5;
const PAD_Y = 1.2;
/** Distance between parallel tracks in a corridor, and the margin around them. */
const TRACK = 1.5;
const TRACK_MARGIN = 1.3;
const GUTTER_MIN = 3.5;
const CHANNEL_MIN = 4.5;
const LABEL_BAND = 3.6;
/** Width of the phase column: the widest word of the phase names, at least 14.5 mm. */
export function phaseColumn(lang: FlowGraph['lang'], names: FlowGraph['phaseNames'] = {}): number {
  const words = Object.values({ ...PHASE_NAMES[lang], ...names }).flatMap((n) => n.split(/[\s\n]+/));
  return Math.max(14.5, ...words.map((w) => textWidth(w, TYPE.phase.pt, true) + 2.5));
}
/** Narrowest and widest lane (box width) in mm. */
export const LANE_MIN = 23;
/** English words are longer than Chinese ones: narrower lanes would break every other word onto its own line. */
const laneMin = (lang: FlowGraph['lang']) => (lang === 'en' ? 27 : LANE_MIN);
export const LANE_MAX = 44;

/** Height in mm of one line at `pt`. */
export const lineHeight = (pt: number) => pt * PT_MM * LEADING;

/** Height (mm) of the notes under a chart `width` mm wide. */
export function notesHeight(notes: FlowGraph['notes'], width: number): number {
  const indent = textWidth('①', TYPE.note.pt) + 1;
  const lines = notes.reduce((n, x) => n + breakText(x.text, width - indent - 2, TYPE.note.pt, false, false).length, 0);
  return lines ? 2.5 + lines * lineHeight(TYPE.note.pt) : 0;
}

export interface TextLine { text: string; pt: number; bold: boolean; style: ParaStyle }
export interface PlacedNode { node: FlowNode; row: number; lane: number; x: number; y: number; w: number; h: number; lines: TextLine[] }
export interface EdgePath { edge: FlowEdge; points: [number, number][]; arrowEnd: boolean; arrowStart: boolean }
export interface EdgeLabel { x: number; y: number; text: string }
export interface LaneBox { key: string; x: number; w: number; title: { text: string; small: boolean }[] }
export interface PhaseBand { phase: number; y: number; h: number; title: string[] }
export interface NoteBlock { lines: { text: string; indent: number }[] }

/** A laid-out chart: every coordinate in mm from the chart's top-left corner. */
export interface Layout {
  width: number;
  height: number;
  /** Width of the phase column on the left. */
  phaseCol: number;
  /** Top of the grid (below the lane titles). */
  headerH: number;
  /** Bottom of the grid (top of the notes). */
  gridBottom: number;
  lanes: LaneBox[];
  phases: PhaseBand[];
  nodes: PlacedNode[];
  paths: EdgePath[];
  labels: EdgeLabel[];
  dots: [number, number][];
  notes: NoteBlock;
  /** False when the lanes do not fit `maxWidth` even at the narrowest lane width. */
  fits: boolean;
  /** No lane titles or lane lines. */
  plain: boolean;
  laneWidth: number;
  /** The grid rows (as given in `rows`, ascending) with the top and bottom of each (mm). */
  rowKeys: number[];
  rowTop: number[];
  rowBottom: number[];
  /** Height of the notes under the grid (mm). */
  notesH: number;
}

export interface LayoutOptions {
  /** Width available (mm). */
  maxWidth: number;
  /** Widest lane (mm): a chart's pages keep the width chosen for the whole chart when they can. */
  laneWidth?: number;
  /** Rows of the nodes (from `assignRows`, possibly a slice of them). */
  rows?: Map<string, number>;
  /** Notes printed under the grid (default: the graph's). */
  notes?: FlowGraph['notes'];
}

/**
 * Rows of the nodes: phase by phase, each node one row below its latest predecessor (the first row of its phase at
 * the earliest), moved further down while its cell is taken. Edges that would run up the page (de-escalation, a
 * cycle in a broken plan) do not push rows.
 */
export function assignRows(graph: FlowGraph): Map<string, number> {
  const lane = new Map(graph.lanes.map((l, i) => [l.key, i] as const));
  const byId = new Map(graph.nodes.map((n) => [n.id, n] as const));
  const preds = new Map<string, string[]>(graph.nodes.map((n) => [n.id, []]));
  for (const e of graph.edges) {
    const a = byId.get(e.from); const b = byId.get(e.to);
    // Levels sit side by side: the escalations between them do not push one below another.
    if (a && b && a !== b && a.phase <= b.phase && !(a.kind === 'level' && b.kind === 'level')) preds.get(b.id)!.push(a.id);
  }
  const rows = new Map<string, number>();
  const taken = new Set<string>();
  const order = new Map(graph.nodes.map((n, i) => [n.id, i] as const));
  let next = 0;
  for (let p = 0; p < PHASES.length; p++) {
    const members = graph.nodes.filter((n) => n.phase === p);
    if (!members.length) continue;
    const first = next;
    // Kahn's order inside the phase; a cycle is broken at its earliest node.
    const left = new Set(members.map((n) => n.id));
    while (left.size) {
      const ready = [...left].filter((id) => preds.get(id)!.every((q) => !left.has(q) || q === id));
      const pick = (ready.length ? ready : [...left]).sort((a, b) => order.get(a)! - order.get(b)!)[0];
      left.delete(pick);
      let r = first;
      const node = byId.get(pick)!;
      // Beside its neighbour (same row) when that one is placed and in another lane; else below its predecessors.
      const beside = node.beside !== undefined && rows.has(node.beside) && byId.get(node.beside)?.lane !== node.lane ? node.beside : undefined;
      for (const q of preds.get(pick)!) if (rows.has(q) && q !== beside) r = Math.max(r, rows.get(q)! + 1);
      if (beside) r = Math.max(r, rows.get(beside)!);
      const li = lane.get(node.lane) ?? 0;
      while (taken.has(`${r}:${li}`)) r++;
      taken.add(`${r}:${li}`);
      rows.set(pick, r);
      next = Math.max(next, r + 1);
    }
  }
  return rows;
}

/** Port of an edge on a box: where along the box's width it leaves or enters (escalations use their own port). */
const portOf = (e: FlowEdge, n: FlowNode) => (e.kind === 'escalation' && n.kind !== 'connector' ? 0.82 : 0.5);

interface Seg { net: string; lo: number; hi: number; track?: number }

/** Assigns tracks to intervals so that overlapping intervals of different nets never share one. Returns the count. */
function colour(segs: Seg[]): number {
  const nets = new Map<string, { lo: number; hi: number; segs: Seg[] }>();
  for (const s of segs) {
    const n = nets.get(s.net);
    if (n) { n.lo = Math.min(n.lo, s.lo); n.hi = Math.max(n.hi, s.hi); n.segs.push(s); } else nets.set(s.net, { lo: s.lo, hi: s.hi, segs: [s] });
  }
  const list = [...nets.values()].sort((a, b) => a.lo - b.lo || b.hi - a.hi);
  const ends: number[] = [];
  for (const n of list) {
    let t = ends.findIndex((end) => end < n.lo - 1e-6);
    if (t < 0) { t = ends.length; ends.push(n.hi); } else ends[t] = n.hi;
    for (const s of n.segs) s.track = t;
  }
  return ends.length;
}

interface Route {
  edge: FlowEdge;
  a: string; b: string;
  fa: number; fb: number;
  kind: 'direct' | 'adjacent' | 'gutter' | 'side';
  trunk?: Seg & { channel: number };
  gutter?: Seg & { g: number };
  collector?: Seg & { channel: number };
}

/** Lays out a graph (see the module comment). */
export function layoutGraph(graph: FlowGraph, opts: LayoutOptions): Layout {
  const rows = opts.rows ?? assignRows(graph);
  const laneIndex = new Map(graph.lanes.map((l, i) => [l.key, i] as const));
  const nodes = graph.nodes.filter((n) => rows.has(n.id));
  const byId = new Map(nodes.map((n) => [n.id, n] as const));
  // Compact the rows: a slice of a chart keeps its order but not its gaps.
  const used = [...new Set(nodes.map((n) => rows.get(n.id)!))].sort((a, b) => a - b);
  const rowIndex = new Map(used.map((r, i) => [r, i] as const));
  const rowOf = (id: string) => rowIndex.get(rows.get(id)!)!;
  const laneOf = (id: string) => laneIndex.get(byId.get(id)!.lane) ?? 0;
  const nRows = used.length;
  const nLanes = graph.lanes.length;

  // Routing in abstract coordinates: lane i spans (i, i+1), gutter g sits at g, channel c is above row c.
  const ax = (id: string, f: number) => laneOf(id) + 0.1 + 0.8 * f;
  const routes: Route[] = [];
  const lanesInRow = new Map<number, Set<number>>();
  for (const n of nodes) { const r = rowOf(n.id); lanesInRow.set(r, (lanesInRow.get(r) ?? new Set()).add(laneOf(n.id))); }
  const inDegree = new Map<string, number>();
  const outDegree = new Map<string, number>();
  for (const e of graph.edges) {
    if (!byId.has(e.from) || !byId.has(e.to)) continue;
    inDegree.set(`${e.to}:${e.kind}`, (inDegree.get(`${e.to}:${e.kind}`) ?? 0) + 1);
    outDegree.set(`${e.from}:${e.kind}`, (outDegree.get(`${e.from}:${e.kind}`) ?? 0) + 1);
  }
  for (const e of graph.edges) {
    if (!byId.has(e.from) || !byId.has(e.to) || e.from === e.to) continue;
    const [ra, rb] = [rowOf(e.from), rowOf(e.to)];
    const fa = portOf(e, byId.get(e.from)!); const fb = portOf(e, byId.get(e.to)!);
    const xa = ax(e.from, fa); const xb = ax(e.to, fb);
    const style = e.kind;
    const r: Route = { edge: e, a: e.from, b: e.to, fa, fb, kind: 'gutter' };
    const [la0, lb0] = [laneOf(e.from), laneOf(e.to)];
    if (ra === rb && la0 !== lb0 && ![...(lanesInRow.get(ra) ?? [])].some((l) => l > Math.min(la0, lb0) && l < Math.max(la0, lb0))) {
      // Side by side with nothing between: straight across.
      r.kind = 'side';
    } else if (rb === ra + 1) {
      r.kind = Math.abs(xa - xb) < 1e-9 ? 'direct' : 'adjacent';
      if (r.kind === 'adjacent') r.trunk = { net: `S:${e.from}:${style}`, lo: Math.min(xa, xb), hi: Math.max(xa, xb), channel: ra + 1 };
    } else {
      const la = laneOf(e.from); const lb = laneOf(e.to);
      const cands = [lb, lb + 1, la, la + 1];
      let g = cands[0]; let best = Infinity;
      for (const c of cands) {
        const cost = Math.abs(xa - c) + Math.abs(c - xb) + (c === lb || c === lb + 1 ? 0 : 0.01);
        if (cost < best - 1e-9) { best = cost; g = c; }
      }
      r.trunk = { net: `S:${e.from}:${style}`, lo: Math.min(xa, g), hi: Math.max(xa, g), channel: ra + 1 };
      // The run down a gutter is shared by the edges of the busier end: a fan-in shares it towards its target.
      const vnet = (inDegree.get(`${e.to}:${style}`) ?? 0) > (outDegree.get(`${e.from}:${style}`) ?? 0) ? `T:${e.to}:${style}` : `S:${e.from}:${style}`;
      r.gutter = { net: vnet, lo: Math.min(ra + 1, rb), hi: Math.max(ra + 1, rb), g };
      r.collector = { net: `T:${e.to}:${style}`, lo: Math.min(g, xb), hi: Math.max(g, xb), channel: rb };
    }
    routes.push(r);
  }
  // Tracks: in each channel, trunks above collectors; in each gutter, one track per crossing net.
  const trunkCount = new Array(nRows + 1).fill(0);
  const collectorCount = new Array(nRows + 1).fill(0);
  const gutterCount = new Array(nLanes + 1).fill(0);
  const group = <T>(pick: (r: Route) => [number, T] | undefined) => {
    const m = new Map<number, T[]>();
    for (const r of routes) { const x = pick(r); if (x) m.set(x[0], [...(m.get(x[0]) ?? []), x[1]]); }
    return m;
  };
  for (const [c, segs] of group((r) => (r.trunk ? [r.trunk.channel, r.trunk] : undefined))) trunkCount[c] = colour(segs);
  for (const [c, segs] of group((r) => (r.collector ? [r.collector.channel, r.collector] : undefined))) collectorCount[c] = colour(segs);
  for (const [g, segs] of group((r) => (r.gutter ? [r.gutter.g, r.gutter] : undefined))) gutterCount[g] = colour(segs);
  const labelled = new Array(nRows + 1).fill(false);
  for (const r of routes) if (r.edge.label && r.kind !== 'side') labelled[rowOf(r.b)] = true;

  // Widths: gutters from their tracks, lanes share what is left.
  const gutterW = gutterCount.map((n) => Math.max(GUTTER_MIN, n * TRACK + 2 * TRACK_MARGIN));
  // A label on a straight arrow between neighbouring lanes needs the gutter between them.
  for (const r of routes) {
    if (r.kind !== 'side' || !r.edge.label) continue;
    const [la, lb] = [laneOf(r.a), laneOf(r.b)];
    if (Math.abs(la - lb) === 1) { const g = Math.max(la, lb); gutterW[g] = Math.max(gutterW[g], textWidth(r.edge.label, TYPE.label.pt, true) + 2.4); }
  }
  const PHASE_COL = phaseColumn(graph.lang, graph.phaseNames);
  const fixed = PHASE_COL + gutterW.reduce((a, b) => a + b, 0);
  const room = (opts.maxWidth - fixed) / Math.max(1, nLanes);
  // A page of a chart keeps the chart's lane width unless its own corridors need the room.
  // Quarter-millimetre steps: the charts of one plan then share line breaks (breakText caches by width).
  const laneW = Math.min(opts.laneWidth ?? LANE_MAX, Math.max(laneMin(graph.lang), Math.floor(room * 4) / 4));
  const fits = room >= laneMin(graph.lang) - 1e-9;
  const laneX: number[] = [];
  let x = PHASE_COL;
  for (let i = 0; i < nLanes; i++) { x += gutterW[i]; laneX.push(x); x += laneW; }
  const width = x + gutterW[nLanes];
  const gutterX = (g: number) => (g === 0 ? PHASE_COL : laneX[g - 1] + laneW);

  // Boxes: text broken to the lane width, sizes from the lines.
  const placed = new Map<string, PlacedNode>();
  for (const n of nodes) {
    const { w, h, lines } = boxSize(n, laneW);
    placed.set(n.id, { node: n, row: rowOf(n.id), lane: laneOf(n.id), x: 0, y: 0, w, h, lines });
  }
  const rowH = new Array(nRows).fill(0);
  for (const p of placed.values()) rowH[p.row] = Math.max(rowH[p.row], p.h);

  // Lane titles.
  // Lane titles: the role's name, then who holds it in smaller type, unless that makes the header deeper than 4 lines.
  const laneTitles = graph.lanes.map((l) => {
    const name = l.title.split('\n').flatMap((part) => breakText(part, laneW + GUTTER_MIN - 1, TYPE.lane.pt, true)).map((text) => ({ text, small: false }));
    const holder = l.holder ? breakText(graph.lang === 'zh' ? `（${l.holder}）` : `(${l.holder})`, laneW + GUTTER_MIN - 1, TYPE.small.pt).map((text) => ({ text, small: true })) : [];
    return name.length + holder.length <= 4 ? [...name, ...holder] : name;
  });
  const titleH = (t: { small: boolean }[]) => t.reduce((h, x) => h + lineHeight(x.small ? TYPE.small.pt : TYPE.lane.pt), 0);
  const headerH = graph.plain ? 2 : Math.max(2 * lineHeight(TYPE.lane.pt), ...laneTitles.map(titleH)) + 2 * PAD_Y + 1;

  // Heights: channels from their tracks (and a band for labels above the boxes they lead to).
  const channelH = new Array(nRows + 1).fill(0).map((_, c) => Math.max(CHANNEL_MIN,
    (trunkCount[c] + collectorCount[c]) * TRACK + 2 * TRACK_MARGIN + (c < nRows && labelled[c] ? LABEL_BAND : 0)));
  const channelY: number[] = [];
  const rowY: number[] = [];
  let y = headerH;
  for (let c = 0; c <= nRows; c++) {
    channelY.push(y); y += channelH[c];
    if (c < nRows) { rowY.push(y); y += rowH[c]; }
  }
  const gridBottom = y;
  for (const p of placed.values()) {
    p.x = laneX[p.lane] + (laneW - p.w) / 2;
    p.y = rowY[p.row] + (rowH[p.row] - p.h) / 2;
  }
  const trackY = (channel: number, i: number) => channelY[channel] + TRACK_MARGIN + i * TRACK + TRACK / 2;
  const gutterTrackX = (g: number, i: number) => {
    const n = gutterCount[g];
    const mid = gutterX(g) + gutterW[g] / 2;
    return mid + (i - (n - 1) / 2) * TRACK;
  };
  const portX = (p: PlacedNode, f: number) => p.x + f * p.w;

  // Paths in mm.
  const paths: EdgePath[] = [];
  const labels: EdgeLabel[] = [];
  const dots: [number, number][] = [];
  const junction = new Map<string, { xs: number[]; lo: number; hi: number; at: number; vertical: boolean }>();
  const addJunction = (key: string, at: number, pos: number, vertical: boolean) => {
    const j = junction.get(key) ?? { xs: [], lo: Infinity, hi: -Infinity, at, vertical };
    j.xs.push(pos); j.lo = Math.min(j.lo, pos); j.hi = Math.max(j.hi, pos);
    junction.set(key, j);
  };
  for (const r of routes) {
    const A = placed.get(r.a)!; const B = placed.get(r.b)!;
    const x0 = portX(A, r.fa); const y0 = A.y + A.h;
    const x1 = portX(B, r.fb); const y1 = B.y;
    let pts: [number, number][];
    if (r.kind === 'side') {
      const yc = rowY[A.row] + rowH[A.row] / 2;
      const right = B.x > A.x;
      const xa = right ? A.x + A.w : A.x; const xb = right ? B.x : B.x + B.w;
      paths.push({ edge: r.edge, points: [[xa, yc], [xb, yc]], arrowEnd: true, arrowStart: !!r.edge.both });
      if (r.edge.label) {
        const lw = textWidth(r.edge.label, TYPE.label.pt, true);
        labels.push({ x: (xa + xb) / 2 - lw / 2, y: yc - 1.2, text: r.edge.label });
      }
      continue;
    }
    if (r.kind === 'direct') pts = [[x0, y0], [x0, y1]];
    else if (r.kind === 'adjacent') {
      const ty = trackY(r.trunk!.channel, r.trunk!.track!);
      pts = [[x0, y0], [x0, ty], [x1, ty], [x1, y1]];
      addJunction(`${r.trunk!.net}@${r.trunk!.channel}`, ty, x0, false);
      addJunction(`${r.trunk!.net}@${r.trunk!.channel}`, ty, x1, false);
    } else {
      const ty = trackY(r.trunk!.channel, r.trunk!.track!);
      const gx = gutterTrackX(r.gutter!.g, r.gutter!.track!);
      const cy = trackY(r.collector!.channel, trunkCount[r.collector!.channel] + r.collector!.track!);
      pts = [[x0, y0], [x0, ty], [gx, ty], [gx, cy], [x1, cy], [x1, y1]];
      addJunction(`${r.trunk!.net}@${r.trunk!.channel}`, ty, x0, false);
      addJunction(`${r.trunk!.net}@${r.trunk!.channel}`, ty, gx, false);
      addJunction(`${r.gutter!.net}@g${r.gutter!.g}`, gx, ty, true);
      addJunction(`${r.gutter!.net}@g${r.gutter!.g}`, gx, cy, true);
      addJunction(`${r.collector!.net}@${r.collector!.channel}`, cy, gx, false);
      addJunction(`${r.collector!.net}@${r.collector!.channel}`, cy, x1, false);
    }
    paths.push({ edge: r.edge, points: simplify(pts), arrowEnd: true, arrowStart: !!r.edge.both });
    if (r.edge.label) labels.push({ x: x1 + 0.9, y: y1 - 0.9, text: r.edge.label });
  }
  // A dot where a branch leaves or joins a shared trunk, gutter run or collector (not at its ends).
  for (const j of junction.values()) {
    const seen = new Set<string>();
    for (const p of j.xs) {
      const k = p.toFixed(2);
      if (seen.has(k)) continue;
      seen.add(k);
      if (p > j.lo + 0.01 && p < j.hi - 0.01) dots.push(j.vertical ? [j.at, p] : [p, j.at]);
    }
  }

  // Phase bands: from the middle of the channel above a phase's first row to the middle of the one below its last.
  const phases: PhaseBand[] = [];
  const span = new Map<number, [number, number]>();
  for (const n of placed.values()) {
    if (n.node.phase < 0 || n.node.phase >= PHASES.length) continue;
    const x = span.get(n.node.phase);
    span.set(n.node.phase, x ? [Math.min(x[0], n.row), Math.max(x[1], n.row)] : [n.row, n.row]);
  }
  for (const [p, [lo, hi]] of span) phases.push({ phase: p, y: lo, h: hi, title: [] });
  phases.sort((a, b) => a.y - b.y);
  for (let i = 0; i < phases.length; i++) {
    const lo = phases[i].y; const hi = phases[i].h;
    const top = i === 0 ? headerH : channelY[lo] + channelH[lo] / 2;
    const bottom = i === phases.length - 1 ? gridBottom : channelY[hi + 1] + channelH[hi + 1] / 2;
    const name = graph.phaseNames?.[PHASES[phases[i].phase]] ?? PHASE_NAMES[graph.lang][PHASES[phases[i].phase]];
    phases[i] = { phase: phases[i].phase, y: top, h: bottom - top, title: name.split('\n').flatMap((s) => breakText(s, PHASE_COL - 2, TYPE.phase.pt, true)) };
  }

  // Notes under the grid.
  const noteLines: NoteBlock['lines'] = [];
  const indent = textWidth('①', TYPE.note.pt) + 1;
  for (const n of opts.notes ?? graph.notes) {
    const body = breakText(n.text, width - indent - 2, TYPE.note.pt, false, false);
    body.forEach((line, i) => noteLines.push({ text: i === 0 && n.mark ? `${n.mark}\u2002${line}` : line, indent: i === 0 && n.mark ? 0 : (n.mark ? indent : 0) }));
  }
  const notesH = noteLines.length ? 2.5 + noteLines.length * lineHeight(TYPE.note.pt) : 0;

  return {
    width, height: gridBottom + notesH, phaseCol: PHASE_COL, headerH, plain: !!graph.plain, gridBottom, laneWidth: laneW, fits, notesH,
    rowKeys: used, rowTop: rowY, rowBottom: rowY.map((y, i) => y + rowH[i]),
    lanes: graph.lanes.map((l, i) => ({ key: l.key, x: gutterX(i) + gutterW[i] / 2, w: gutterW[i] / 2 + laneW + gutterW[i + 1] / 2, title: laneTitles[i] })),
    phases, nodes: [...placed.values()], paths, labels, dots, notes: { lines: noteLines },
  };
}

/** Drops repeated and collinear points. */
function simplify(pts: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const p of pts) {
    const last = out[out.length - 1];
    if (last && Math.abs(last[0] - p[0]) < 1e-6 && Math.abs(last[1] - p[1]) < 1e-6) continue;
    if (out.length >= 2) {
      const a = out[out.length - 2];
      const b = out[out.length - 1];
      if ((Math.abs(a[0] - b[0]) < 1e-6 && Math.abs(b[0] - p[0]) < 1e-6) || (Math.abs(a[1] - b[1]) < 1e-6 && Math.abs(b[1] - p[1]) < 1e-6)) out.pop();
    }
    out.push(p);
  }
  return out;
}

/** Size of a box and its lines: boxes fill the lane; a diamond is as tall as its text needs inside the diagonal. */
export function boxSize(n: FlowNode, laneW: number): { w: number; h: number; lines: TextLine[] } {
  const inner = n.kind === 'decision' ? laneW * 0.62 : laneW - 2 * PAD_X - (n.stripe ? 1.2 : 0);
  const lines: TextLine[] = [];
  for (const p of n.paras) {
    const t = TYPE[p.style];
    for (const part of p.text.split('\n')) for (const text of breakText(part, inner, t.pt, t.bold)) lines.push({ text, pt: t.pt, bold: t.bold, style: p.style });
  }
  const textH = lines.reduce((s, l) => s + lineHeight(l.pt), 0);
  if (n.kind === 'decision') {
    const tw = Math.max(...lines.map((l) => textWidth(l.text, l.pt, l.bold)), 1);
    // The text's box (tw × textH) fits inside a diamond of half-diagonals a, b when tw/2a + textH/2b ≤ 1.
    const a = laneW / 2;
    const b = (textH / 2 + 0.8) / Math.max(0.2, 1 - (tw / 2 + 0.8) / a);
    return { w: laneW, h: Math.max(2 * b, textH + 6), lines };
  }
  const w = n.kind === 'connector' ? Math.min(laneW, Math.max(...lines.map((l) => textWidth(l.text, l.pt, l.bold))) + 2 * PAD_X + 1) : laneW;
  return { w, h: textH + 2 * PAD_Y + (n.kind === 'start' || n.kind === 'end' ? 1 : 0), lines };
}
