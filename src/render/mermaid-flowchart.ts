/**
 * The response flowchart (应急响应流程图): one swimlane per role, a node per step with its action and deadline,
 * edges for `after`, the level decision as a chain of diamonds (most severe level asked first), coloured level
 * nodes gating the level-specific branches, dashed escalation edges, and termination.
 */
import stringWidth from 'string-width';
import type { Colour, Level, Plan, Role, Step } from '../model/index.js';
import { IdMap, label, truncate } from './mermaid-escape.js';
import { flowStructure, levelsBySeverity } from './mermaid-graph.js';
import {
  COLOURS, WORDS, applicabilityText, deadlineText, formatTimeLimit, levelColour, levelTitle, planLang, readableTriggerGlued,
  roleName, roleTitle, stepNumbers, type Lang,
} from './mermaid-text.js';

export interface FlowchartOptions {
  /** Only this level's steps (a step with no levels applies at every level). */
  level?: string;
  /** Label language; default the plan's language (`en` when it says English, else `zh`). */
  lang?: Lang;
  /** Layout direction; default `TB`. */
  direction?: 'TB' | 'LR';
}

/** One diagram of {@link flowcharts}. */
export interface FlowchartDiagram {
  /** `overview` or `level-<id>`. */
  key: string;
  /** Level id for a per-level diagram. */
  level?: string;
  title: string;
  text: string;
  /** Nodes in the diagram (steps, decisions, levels, start/end). */
  nodes: number;
}

export interface FlowchartsOptions extends Omit<FlowchartOptions, 'level'> {
  /** `auto` (default): per-level diagrams only when the overview has more than `maxNodes` nodes. */
  split?: 'auto' | 'always' | 'never';
  /** Node budget of one readable diagram; default 40. */
  maxNodes?: number;
}

/** Label line width in display columns: 12 CJK characters ≈ 192 px, inside Mermaid's default 200 px wrapping width. */
const STEP_WIDTH = 24;
const DECISION_WIDTH = 24;
const EDGE_WIDTH = 24;
const LANE_WIDTH = 28;

/** Class names of level colours: `lvRed` fills a level node, `onlyRed` borders a step that only applies at that level. */
const cap = (c: string) => c[0].toUpperCase() + c.slice(1);

/** The response flowchart of a plan (all levels), or of one level with `opts.level`. */
export function flowchart(plan: Plan, opts: FlowchartOptions = {}): string {
  return buildFlowchart(plan, opts).text;
}

/**
 * The overview flowchart and, for plans too big to read in one diagram (more than `maxNodes` nodes) or with
 * `split: 'always'`, one flowchart per level (most severe first).
 */
export function flowcharts(plan: Plan, opts: FlowchartsOptions = {}): FlowchartDiagram[] {
  const lang = planLang(plan, opts.lang);
  const base = { lang, direction: opts.direction };
  const overview = buildFlowchart(plan, base);
  const out: FlowchartDiagram[] = [{
    key: 'overview', title: lang === 'zh' ? `${WORDS.zh.flowchart}（总览）` : `${WORDS.en.flowchart} (overview)`,
    text: overview.text, nodes: overview.nodes,
  }];
  const split = opts.split ?? 'auto';
  if (split === 'never' || (split === 'auto' && overview.nodes <= (opts.maxNodes ?? 40))) return out;
  for (const level of levelsBySeverity(plan)) {
    const d = buildFlowchart(plan, { ...base, level: level.id });
    out.push({
      key: `level-${level.id}`, level: level.id, nodes: d.nodes,
      title: lang === 'zh' ? `${levelTitle(level, lang)}响应流程` : `${levelTitle(level, lang)} response`,
      text: d.text,
    });
  }
  return out;
}

function buildFlowchart(plan: Plan, opts: FlowchartOptions): { text: string; nodes: number } {
  const lang = planLang(plan, opts.lang);
  const w = WORDS[lang];
  const view = opts.level === undefined ? undefined : plan.levels.find((l) => l.id === opts.level);
  if (opts.level !== undefined && !view) throw new RangeError(`Unknown level "${opts.level}" in plan ${plan.meta.id}`);
  const ids = new IdMap();
  const numbers = stepNumbers(plan);
  const flow = flowStructure(plan, opts.level);
  const out: string[] = [`flowchart ${opts.direction ?? 'TB'}`];
  const edges: string[] = [];
  const classes = new Map<string, string[]>();
  const useClass = (cls: string, id: string) => classes.set(cls, [...(classes.get(cls) ?? []), id]);
  let nodes = 0;

  // Start.
  const start = 'n_start';
  out.push(`  ${start}(["${label(w.alarm)}"])`);
  useClass('startEnd', start);
  nodes++;

  // Swimlanes: one subgraph per role, in the order roles are declared; undeclared roles after, unassigned last.
  const lanes = new Map<string, Step[]>();
  const laneKey = (s: Step) => s.role ?? '\u0000';
  for (const r of plan.roles) lanes.set(r.id, []);
  for (const s of flow.steps) {
    const k = laneKey(s);
    if (!lanes.has(k)) lanes.set(k, []);
    lanes.get(k)!.push(s);
  }
  if (lanes.has('\u0000')) { const u = lanes.get('\u0000')!; lanes.delete('\u0000'); lanes.set('\u0000', u); }
  for (const [roleId, steps] of lanes) {
    if (steps.length === 0) continue;
    const role = plan.roles.find((r) => r.id === roleId);
    out.push(`  subgraph ${ids.get('r', roleId)}["${label(laneTitle(role, roleId, lang))}"]`);
    for (const s of steps) {
      out.push(`    ${ids.get('s', s.id)}["${stepLabel(plan, s, numbers, lang, !view)}"]`);
      nodes++;
    }
    out.push('  end');
  }

  // Levels: decision diamonds (most severe first) and level nodes.
  const levels = view ? [view] : levelsBySeverity(plan);
  const levelNode = (l: Level) => ids.get('lv', l.id);
  const decisionIds = levels.map((l) => ids.get('d', l.id));
  for (const [i, l] of levels.entries()) {
    const q = readableTriggerGlued(l.trigger, plan, lang) ?? levelTitle(l, lang);
    out.push(`  ${decisionIds[i]}{"${label(`${q}?`, 'flow', { width: DECISION_WIDTH })}"}`);
    useClass('decision', decisionIds[i]);
    out.push(`  ${levelNode(l)}{{"${levelNodeLabel(plan, l, lang)}"}}`);
    useClass(`lv${cap(levelColour(l))}`, levelNode(l));
    nodes += 2;
  }
  let none: string | undefined;
  if (!view && levels.length > 0) {
    none = 'n_none';
    out.push(`  ${none}("${label(w.noLevel)}")`);
    useClass('muted', none);
    nodes++;
  }

  // Level nodes of escalation targets in a per-level view.
  const escalations = plan.escalations.filter((e) => (view ? e.from === view.id : true));
  if (view) {
    for (const e of escalations) {
      const to = plan.levels.find((l) => l.id === e.to);
      if (!to || to === view || out.some((line) => line.startsWith(`  ${levelNode(to)}{{`))) continue;
      const text = lang === 'zh' ? `${levelTitle(to, lang)}\n见该级响应流程图` : `${levelTitle(to, lang)}\nsee its flowchart`;
      out.push(`  ${levelNode(to)}{{"${label(text, 'flow', { width: STEP_WIDTH })}"}}`);
      useClass(`lv${cap(levelColour(to))}`, levelNode(to));
      nodes++;
    }
  }

  // Termination.
  const term = 'n_term';
  // A rounded box rather than a stadium: the condition makes this label tall, and a tall stadium is an oval.
  out.push(`  ${term}("${terminationLabel(plan, lang)}")`);
  useClass('startEnd', term);
  nodes++;

  // Edges: alarm → first steps; after-dependencies; decision chain; gates; escalations; sinks → termination.
  for (const s of flow.roots) edges.push(`  ${start} --> ${ids.get('s', s.id)}`);
  for (const s of flow.steps) for (const p of flow.prereqs.get(s.id)!) edges.push(`  ${ids.get('s', p.id)} --> ${ids.get('s', s.id)}`);
  if (levels.length > 0) {
    if (flow.feeds.length === 0) edges.push(`  ${start} --> ${decisionIds[0]}`);
    for (const f of flow.feeds) edges.push(`  ${ids.get('s', f.id)} --> ${decisionIds[0]}`);
    for (const [i, l] of levels.entries()) {
      edges.push(`  ${decisionIds[i]} -->|"${label(w.yes)}"| ${levelNode(l)}`);
      if (i + 1 < levels.length) edges.push(`  ${decisionIds[i]} -->|"${label(w.no)}"| ${decisionIds[i + 1]}`);
      else if (none) edges.push(`  ${decisionIds[i]} -->|"${label(w.no)}"| ${none}`);
    }
  }
  for (const [stepId, l] of flow.gates) edges.push(`  ${levelNode(l)} --> ${ids.get('s', stepId)}`);
  for (const e of escalations) {
    const from = plan.levels.find((l) => l.id === e.from);
    const to = plan.levels.find((l) => l.id === e.to);
    if (!from || !to || from === to) continue;
    const verb = to.rank < from.rank ? w.escalate : w.deescalate;
    const cond = readableTriggerGlued(e.when, plan, lang) ?? '';
    const text = lang === 'zh' ? `${verb}：${cond}` : `${verb}: ${cond}`;
    edges.push(`  ${levelNode(from)} -.->|"${label(text, 'flow', { width: EDGE_WIDTH })}"| ${levelNode(to)}`);
  }
  for (const s of flow.sinks) edges.push(`  ${ids.get('s', s.id)} --> ${term}`);
  out.push(...edges);

  // Step borders for steps that apply at one level only (overview), and conditional steps.
  if (!view) {
    for (const s of flow.steps) {
      const known = plan.levels.filter((l) => s.levels.includes(l.id));
      if (known.length === 1 && plan.levels.length > 1) useClass(`only${cap(levelColour(known[0]))}`, ids.get('s', s.id));
    }
  }
  for (const s of flow.steps) if (s.condition) useClass('conditional', ids.get('s', s.id));

  out.push(...classDefs(classes));
  return { text: `${out.join('\n')}\n`, nodes };
}

/**
 * A lane title on one line (Mermaid neither wraps nor makes room for a long subgraph title): role name with holder
 * when that fits in a node's width, else the role name alone, cut to fit.
 */
function laneTitle(role: Role | undefined, roleId: string, lang: Lang): string {
  if (roleId === '\u0000') return WORDS[lang].unassigned;
  const full = roleTitle(role, roleId, lang);
  if (stringWidth(full) <= LANE_WIDTH) return full;
  return truncate(role?.name ?? roleId, LANE_WIDTH);
}

function stepLabel(plan: Plan, s: Step, numbers: Map<string, number>, lang: Lang, overview: boolean): string {
  const lines = [`${numbers.get(s.id)}. ${s.action}`];
  const d = deadlineText(s, numbers, lang);
  if (d) lines.push(d);
  if (overview) {
    const a = applicabilityText(plan, s, lang);
    if (a) lines.push(lang === 'zh' ? `〔${a}〕` : `[${a}]`);
  }
  const c = readableTriggerGlued(s.condition, plan, lang);
  if (c) lines.push(`${WORDS[lang].ifWord} ${c}`);
  return label(lines.join('\n'), 'flow', { width: STEP_WIDTH });
}

function levelNodeLabel(plan: Plan, l: Level, lang: Lang): string {
  const lines = [levelTitle(l, lang)];
  const who = roleName(plan, l.decidedBy);
  const when = l.activation ? formatTimeLimit(l.activation, lang) : undefined;
  if (who || when) {
    lines.push(lang === 'zh'
      ? [who ? `${who}决定` : '', when ?? ''].filter(Boolean).join(' ')
      : [who ? `${who} decides` : '', when ?? ''].filter(Boolean).join(', '));
  }
  return label(lines.join('\n'), 'flow', { width: STEP_WIDTH });
}

function terminationLabel(plan: Plan, lang: Lang): string {
  const w = WORDS[lang];
  const t = plan.termination;
  const lines: string[] = [w.terminated];
  const cond = readableTriggerGlued(t?.when, plan, lang);
  if (cond) lines.push(cond);
  const who = roleName(plan, t?.decidedBy);
  if (who) lines.push(lang === 'zh' ? `${who}${w.declaredBy}` : `${w.declaredBy} ${who}`);
  if (t?.followUp) lines.push(`${w.followUp} ${formatTimeLimit(t.followUp, lang)}`);
  return label(lines.join('\n'), 'flow', { width: STEP_WIDTH });
}

function classDefs(classes: Map<string, string[]>): string[] {
  const out: string[] = [];
  const def = (name: string, style: string) => {
    const members = classes.get(name);
    if (!members?.length) return;
    out.push(`  classDef ${name} ${style}`);
    out.push(`  class ${[...new Set(members)].join(',')} ${name}`);
  };
  def('startEnd', 'fill:#eceff1,stroke:#455a64,stroke-width:2px,color:#000000');
  def('decision', 'fill:#ffffff,stroke:#455a64,color:#000000');
  def('muted', 'fill:#f5f5f5,stroke:#9e9e9e,color:#616161');
  for (const c of ['red', 'orange', 'yellow', 'blue', 'grey'] as (Colour | 'grey')[]) {
    const k = COLOURS[c];
    def(`lv${cap(c)}`, `fill:${k.fill},stroke:${k.stroke},stroke-width:2px,color:${k.text}`);
    def(`only${cap(c)}`, `stroke:${k.fill},stroke-width:3px`);
  }
  def('conditional', 'stroke-dasharray:6 3');
  return out;
}
