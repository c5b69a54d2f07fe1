/**
 * The render stage: Plan → A4 charts (swimlane flowcharts, state diagram, timelines) as SVG, printed to PDF/PNG
 * by one headless Chromium, the A4 reviewer packet, and Mermaid text for Markdown viewers.
 *
 * Importing this module loads neither playwright-core nor mermaid: the browser is started (and playwright-core
 * imported) by `Renderer.open()`, `renderBatch` or `renderPlan` when something is printed; mermaid only runs in that
 * browser for `Renderer.renderDiagram`.
 */
import type { Plan } from '../model/index.js';
import { renderBatch, type BatchOptions, type BatchProgress, type BatchResult, type DiagramFormat } from './batch.js';
import { planJobs, type PlanDiagramOptions } from './packet-diagrams.js';

export * from './mermaid.js';
export {
  CHROMIUM_ARGS, ChromiumNotFoundError, DiagramError, FONT_FAMILY, Renderer, chromiumPath, cjkFontWarning, findChromium,
  mermaidBundlePath, mermaidDiagnostic, type RenderPdfOptions, type RendererOptions,
} from './browser.js';
export {
  DIAGRAM_FORMATS, mermaidMarkdown, renderBatch, safeName, type BatchOptions, type BatchProgress, type BatchResult,
  type DiagramFormat, type JobError, type RenderJob,
} from './batch.js';
export {
  buildPacket, packetHtml, renderPacket, scrubSvg, type PacketDiagram, type PacketOptions, type PacketPlan, type RenderedDiagram,
} from './packet.js';
export { levelSubtitle, planDiagrams, planJobs, type PlanDiagram, type PlanDiagramError, type PlanDiagramOptions } from './packet-diagrams.js';
export { fitChart, swimlaneChart, type ChartOptions, type ChartPage, type SwimlaneChart } from './swimlane-chart.js';
export { flowGraph, type FlowEdge, type FlowGraph, type FlowGraphOptions, type FlowNode } from './swimlane-graph.js';
export { chartDocument, chartSections, planCharts } from './swimlane-print.js';
export { stateChart, stateGraph } from './swimlane-state.js';
export { ganttChart } from './gantt-chart.js';
export { breakText, textWidth } from './text-fit.js';
export {
  A4, MARGIN, MIN_PRINT_SCALE, contentBox, diagramPageHtml, diagramSections, escapeHtml, fitDiagram, fitSvg, planTiles,
  svgSizeOf, type Fit, type PdfLang, type Tiling,
} from './pdf.js';

/**
 * Writes every diagram of the plans (overview and per-level flowcharts, state diagram, gantt per level) to
 * `<outDir>/<plan-id>/<diagram>.<ext>` with one browser. Generator failures are reported as job errors.
 */
export async function renderPlan(plans: Plan | Plan[], outDir: string, formats: DiagramFormat[] = ['svg'],
  opts: BatchOptions & PlanDiagramOptions & { onProgress?: BatchProgress } = {}): Promise<BatchResult> {
  const jobs = [];
  const failed = [];
  for (const plan of Array.isArray(plans) ? plans : [plans]) {
    const r = planJobs(plan, formats, opts);
    jobs.push(...r.jobs);
    failed.push(...r.errors.map((e) => ({ name: `${plan.meta.id}/${e.key}`, message: e.message })));
  }
  const result = await renderBatch(jobs, outDir, opts.onProgress, opts);
  return { ...result, errors: [...failed, ...result.errors] };
}
