/**
 * Mermaid text generation: pure functions from a Plan to Mermaid source.
 *
 * - {@link flowchart} / {@link flowcharts}: the response flowchart (swimlanes per role, decisions, levels).
 * - {@link stateDiagram}: standby → assessing → levels ⇄ escalation → terminated → recovery.
 * - {@link gantt} / {@link timeline}: the nominal timeline at one level.
 * - {@link diagrams} / {@link toMarkdown}: every diagram, as a list or as a Markdown document.
 * - {@link label} / {@link IdMap}: the escaping every label and id goes through.
 *
 * See docs/flowcharts.md.
 */
export { flowchart, flowcharts, type FlowchartDiagram, type FlowchartOptions, type FlowchartsOptions } from './mermaid-flowchart.js';
export { stateDiagram, type StateDiagramOptions } from './mermaid-state.js';
export { clock, gantt, timeline, type GanttOptions, type TimelineMilestone, type TimelineTask } from './mermaid-gantt.js';
export { diagrams, toMarkdown, type Diagram, type DiagramKind, type DiagramsOptions } from './mermaid-markdown.js';
export { IdMap, label, stripEmoji, truncate, wrapLine, type LabelContext, type LabelOptions } from './mermaid-escape.js';
export { formatDuration, readableTrigger, type Lang } from './mermaid-text.js';
