/**
 * yuan's library API: one function per pipeline stage. Importing it loads no browser and no mermaid; rendering to
 * SVG/PNG/PDF starts Chromium only when called.
 */
export type { Diagnostic, Severity } from './diagnostics.js';
export type * from './model/index.js';
export type { DrillEvent, Scenario } from './drill/types.js';

/** Parses a plan file (Markdown or YAML) into the model, with diagnostics. Never throws. */
export { parsePlanFile as parsePlan, parsePlanText, collectPlanFiles } from './parse/index.js';
/** Parses and lints plan files as one 1+N system. */
export { lintFiles as lintPlans, allRules, loadConfig, findConfig } from './validate/index.js';
/** Compiles a plan to a serialisable xstate config and to a live machine. */
export { compileStatechart as compilePlan, createPlanMachine, reachableStates } from './compile/index.js';
/** Mermaid text for a plan (flowcharts, state diagram, gantt), and batch rendering to SVG/PNG/PDF. */
export { diagrams, flowchart, flowcharts, stateDiagram, gantt, toMarkdown, renderPlan, Renderer } from './render/index.js';
/** Runs a scenario against a plan on a simulated clock; returns the event log. */
export { runScripted as runDrill, runObserved, loadScenario, parseScenario, readLog, writeLog } from './drill/index.js';
/** Scores a drill from its log. */
export { scoreDrill } from './score/index.js';
/** Writes the after-action report (md / html / json). */
export { afterActionReport as writeReport } from './report/index.js';
/** Converts a plan between Markdown, YAML and JSON. */
export { exportPlan } from './export/index.js';
