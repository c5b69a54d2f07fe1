import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import type { Renderer, RendererOptions } from './browser.js';
import type { PdfLang } from './pdf.js';
import type { SwimlaneChart } from './swimlane-chart.js';
import { splitPdf } from './pdf-split.js';
import { chartDocument, chartsDocument } from './swimlane-print.js';

/** Output formats of a diagram: rendered (svg, png, pdf) or text (mmd = Mermaid source, md = a Markdown fence). */
export type DiagramFormat = 'svg' | 'png' | 'pdf' | 'mmd' | 'md';
export const DIAGRAM_FORMATS: readonly DiagramFormat[] = ['svg', 'png', 'pdf', 'mmd', 'md'];

/** One diagram to write: `name` is a relative path without extension (`chem-leak/overview`). */
export interface RenderJob {
  name: string;
  text: string;
  formats: DiagramFormat[];
  /** Human title (PDF caption, Markdown heading); defaults to the name. */
  title?: string;
  /** Language of the PDF's captions (default: the batch's, else Chinese). */
  lang?: PdfLang;
  /**
   * A flowchart drawn by yuan's swimlane layout: its SVG, PNG and PDF come from the chart (no mermaid), while `mmd`
   * and `md` stay Mermaid text for GitHub and other Markdown viewers.
   */
  chart?: SwimlaneChart;
}

/** A job that failed: its name, a one-line message, and the diagnostic when mermaid rejected the text. */
export interface JobError { name: string; message: string; messageZh?: string; diagnostic?: Diagnostic }

export interface BatchResult {
  /** Files written, in job order. */
  files: string[];
  /** Jobs that rendered every requested format. */
  rendered: number;
  errors: JobError[];
  /** Wall time of the whole batch, browser start included. */
  ms: number;
}

export interface BatchOptions extends RendererOptions {
  /** Use this renderer (left open) instead of launching one for the batch. */
  renderer?: Renderer;
  /** PNG scale (default 2: sharp on paper and screens). */
  pngScale?: number;
  /** PDFs: add readable tiles after a diagram too large for one page (default true). */
  tiles?: boolean;
  lang?: PdfLang;
}

export type BatchProgress = (done: number, total: number, job: RenderJob, error?: JobError) => void;

/**
 * Makes a job name safe as a relative path: every segment keeps letters, digits, `.`, `_`, `-`; `..` and empty
 * segments are dropped, so a plan id can never write outside the output folder.
 */
export function safeName(name: string): string {
  const parts = name.split(/[\\/]+/).map((p) => p.normalize('NFC').replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^\.+/, '_'))
    .filter((p) => p && p !== '_');
  return parts.join('/') || 'diagram';
}

/** A Markdown file holding one diagram as a ```mermaid fence (GitHub renders it). */
export function mermaidMarkdown(title: string, text: string): string {
  const fence = text.includes('```') ? '~~~~' : '```';
  return `# ${title.replace(/\n/g, ' ')}\n\n${fence}mermaid\n${text.replace(/\n+$/, '')}\n${fence}\n`;
}

/** Charts printed as one document before splitting (a plan has about ten). */
const PRINT_GROUP = 24;

const drawn = (f: DiagramFormat) => f === 'svg' || f === 'png' || f === 'pdf';
/** Whether a job needs the browser: mermaid draws every diagram but swimlane charts, which need it only to print. */
const needsBrowser = (job: RenderJob) => job.formats.some((f) => (job.chart ? f === 'png' || f === 'pdf' : drawn(f)));

/**
 * Renders many diagrams with one browser: the SVG of a job is made once and reused for its PNG and PDF. Failures
 * are collected per job (name + message) and the batch carries on. Throws only when the browser cannot start
 * (`ChromiumNotFoundError`), and only if some job needs it.
 */
export async function renderBatch(jobs: RenderJob[], outDir: string, onProgress?: BatchProgress, opts: BatchOptions = {}): Promise<BatchResult> {
  const t0 = performance.now();
  const files: string[] = [];
  const errors: JobError[] = [];
  let rendered = 0;
  let done = 0;
  let renderer = opts.renderer;
  const own = !renderer && jobs.some(needsBrowser);
  if (own) {
    const { Renderer } = await import('./browser.js');
    // Two pages on two or more cores: measured 788 → 577 ms per diagram (SVG + PDF) on the 2-core reference machine.
    renderer = await Renderer.open({ ...opts, pages: opts.pages ?? Math.min(2, availableParallelism()) });
  }
  const write = (path: string, data: string | Uint8Array) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data);
    return path;
  };
  // Chart PDFs are printed a plan at a time (at most PRINT_GROUP charts) as one document and split: Chromium's cost
  // is per printed document. A group that cannot be split is printed chart by chart.
  const groupOf = new Map<RenderJob, { jobs: RenderJob[]; pdfs?: Promise<Buffer[]> }>();
  let group: { jobs: RenderJob[]; pdfs?: Promise<Buffer[]> } | undefined;
  for (const job of jobs) {
    if (!job.chart || !job.formats.includes('pdf')) continue;
    const dir = job.name.split('/')[0];
    if (!group || group.jobs.length >= PRINT_GROUP || group.jobs[0].name.split('/')[0] !== dir) group = { jobs: [] };
    group.jobs.push(job);
    groupOf.set(job, group);
  }
  const chartPdf = async (job: RenderJob, lang: PdfLang): Promise<Buffer> => {
    const c = job.chart!;
    const single = () => renderer!.htmlToPdf(chartDocument(c, lang, job.title ?? c.title), { footer: false, lang });
    const g = groupOf.get(job);
    if (!g || g.jobs.length < 2) return single();
    g.pdfs ??= renderer!.htmlToPdf(chartsDocument(g.jobs.map((j) => ({ chart: j.chart!, title: j.title })), lang), { footer: false, lang })
      .then((pdf) => splitPdf(pdf, g.jobs.map((j) => j.chart!.pages.length), g.jobs.map((j) => j.title ?? j.chart!.title)));
    try {
      return (await g.pdfs)[g.jobs.indexOf(job)];
    } catch {
      return single();
    }
  };
  const one = async (job: RenderJob): Promise<string[]> => {
    const base = join(outDir, safeName(job.name));
    const out: string[] = [];
    const formats = [...new Set(job.formats)];
    if (formats.includes('mmd')) out.push(write(`${base}.mmd`, job.text.endsWith('\n') ? job.text : `${job.text}\n`));
    if (formats.includes('md')) out.push(write(`${base}.md`, mermaidMarkdown(job.title ?? job.name, job.text)));
    if (job.chart) {
      const c = job.chart;
      if (formats.includes('svg')) out.push(write(`${base}.svg`, `<?xml version="1.0" encoding="UTF-8"?>\n${c.whole}\n`));
      if (formats.includes('png')) out.push(write(`${base}.png`, await renderer!.svgToPng(c.whole, opts.pngScale ?? 2)));
      if (formats.includes('pdf')) {
        const lang = job.lang ?? opts.lang ?? 'zh';
        out.push(write(`${base}.pdf`, await chartPdf(job, lang)));
      }
    } else if (formats.some(drawn)) {
      const rendered = await renderer!.renderDiagram(job.text, job.name);
      const svg = rendered.svg;
      if (formats.includes('svg')) out.push(write(`${base}.svg`, `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`));
      if (formats.includes('png')) out.push(write(`${base}.png`, await renderer!.svgToPng(svg, opts.pngScale ?? 2)));
      if (formats.includes('pdf')) out.push(write(`${base}.pdf`, await renderer!.svgToPdf(rendered, { title: job.title ?? job.name, lang: job.lang ?? opts.lang, tiles: opts.tiles })));
    }
    return out;
  };
  try {
    // One worker per mermaid page; with one page the jobs simply run in order.
    const queue = jobs.map((job, index) => ({ job, index }));
    const results: string[][] = new Array(jobs.length);
    const order = new Map<JobError, number>();
    const worker = async () => {
      for (let item = queue.shift(); item; item = queue.shift()) {
        let error: JobError | undefined;
        try {
          results[item.index] = await one(item.job);
          rendered++;
        } catch (err) {
          const e = err as Error & { diagnostic?: Diagnostic };
          error = e.diagnostic
            ? { name: item.job.name, message: e.diagnostic.message, messageZh: e.diagnostic.messageZh, diagnostic: e.diagnostic }
            : { name: item.job.name, message: e.message };
          errors.push(error);
          order.set(error, item.index);
          results[item.index] = [];
        }
        onProgress?.(++done, jobs.length, item.job, error);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, renderer?.pageCount ?? 1) }, worker));
    for (const r of results) files.push(...r);
    errors.sort((a, b) => order.get(a)! - order.get(b)!);
  } finally {
    if (own) await renderer!.close();
  }
  return { files, rendered, errors, ms: performance.now() - t0 };
}
