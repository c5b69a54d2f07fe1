/**
 * Test helper: runs generated diagrams through Mermaid's own parser (mermaid 11, `mermaid.parse` and the diagram's
 * database) in plain Node.
 *
 * Mermaid sanitises every label with DOMPurify, which needs a DOM; without one (no jsdom/happy-dom in this repo)
 * DOMPurify's default instance has no `sanitize`/`addHook` and parsing throws. When DOMPurify reports that it is
 * unsupported we give that shared instance pass-through methods. This only skips Mermaid's own HTML sanitising; the
 * grammar, the lexer and the databases are Mermaid's real ones. Our escaping is asserted separately (labels decoded
 * back from the parsed database must equal the intended text). With a DOM environment the shim is not installed.
 */
import DOMPurify from 'dompurify';
import mermaid from 'mermaid';

let prepared = false;

function prepare(): void {
  if (prepared) return;
  prepared = true;
  if (DOMPurify.isSupported) return;
  const d = DOMPurify as unknown as Record<string, unknown>;
  d.sanitize = (dirty: unknown) => String(dirty);
  for (const k of ['addHook', 'removeHook', 'removeHooks', 'removeAllHooks', 'setConfig', 'clearConfig']) d[k] = () => undefined;
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
}

/** True when the DOMPurify pass-through shim is in use (no DOM in this environment). */
export function usingDomPurifyShim(): boolean {
  prepare();
  return !DOMPurify.isSupported;
}

/** Parses with `mermaid.parse` (throws on a syntax error) and returns the diagram type. */
export async function mermaidParse(text: string): Promise<string> {
  prepare();
  const r = await mermaid.parse(text);
  if (!r) throw new Error('mermaid.parse returned false');
  return r.diagramType;
}

/** Parses and returns Mermaid's database for the diagram (flowchart, state or gantt). */
export async function mermaidDb(text: string): Promise<{ type: string; db: Record<string, (...args: unknown[]) => unknown> }> {
  prepare();
  await mermaid.parse(text);
  const d = await mermaid.mermaidAPI.getDiagramFromText(text);
  return { type: d.type, db: d.db as unknown as Record<string, (...args: unknown[]) => unknown> };
}

/**
 * A label as Mermaid holds it after parsing, decoded back to what the reader sees: Mermaid's entity placeholders
 * become characters (`ﬂ°°35¶ß` → `#`, `ﬂ°lt¶ß` → `<`), `<br/>` becomes a newline.
 */
export function shownText(raw: string): string {
  const named: Record<string, string> = { quot: '"', lt: '<', gt: '>', amp: '&', apos: "'" };
  return raw
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/\uFB02\u00B0\u00B0(\d+)\u00B6\u00DF/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/\uFB02\u00B0(\w+)\u00B6\u00DF/g, (m, n: string) => named[n] ?? m);
}

export interface FlowDbView {
  vertices: Map<string, { id: string; text?: string; type?: string; classes: string[] }>;
  edges: { start: string; end: string; text: string; stroke?: string }[];
  subgraphs: { id: string; title: string; nodes: string[] }[];
  classes: Map<string, { styles: string[] }>;
}

/** Parses a flowchart and returns its vertices, edges, subgraphs and classDefs as Mermaid understood them. */
export async function flowDb(text: string): Promise<FlowDbView> {
  const { type, db } = await mermaidDb(text);
  if (!type.startsWith('flowchart')) throw new Error(`not a flowchart: ${type}`);
  return {
    vertices: db.getVertices() as FlowDbView['vertices'],
    edges: db.getEdges() as FlowDbView['edges'],
    subgraphs: db.getSubGraphs() as FlowDbView['subgraphs'],
    classes: db.getClasses() as FlowDbView['classes'],
  };
}

export interface StateDbView {
  states: Map<string, { id: string; descriptions?: string[]; classes?: string[]; note?: { text: string } }>;
  relations: { id1: string; id2: string; relationTitle?: string }[];
}

/** Parses a state diagram and returns its states and transitions. */
export async function stateDb(text: string): Promise<StateDbView> {
  const { type, db } = await mermaidDb(text);
  if (!type.startsWith('state')) throw new Error(`not a state diagram: ${type}`);
  db.extract(db.getRootDocV2());
  return { states: db.getStates() as StateDbView['states'], relations: db.getRelations() as StateDbView['relations'] };
}

export interface GanttTaskView {
  id: string;
  task: string;
  section: string;
  startTime: Date;
  endTime: Date;
  milestone?: boolean;
  crit?: boolean;
}

/** Parses a gantt chart and returns its tasks with the start/end dates Mermaid computed. */
export async function ganttDb(text: string): Promise<{ tasks: GanttTaskView[]; sections: string[]; title: string }> {
  const { type, db } = await mermaidDb(text);
  if (type !== 'gantt') throw new Error(`not a gantt chart: ${type}`);
  return {
    tasks: db.getTasks() as GanttTaskView[],
    sections: db.getSections() as string[],
    title: db.getDiagramTitle() as string,
  };
}
