import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { isUnreadable, localize } from '../../src/diagnostics.js';
import { msg, plural } from '../../src/i18n/index.js';
import type { Plan } from '../../src/model/index.js';
import { collectPlanFiles, parsePlanFile } from '../../src/parse/index.js';
import { DIAGRAM_FORMATS, renderBatch, safeName, type DiagramFormat, type RenderJob } from '../../src/render/batch.js';
import { toMarkdown } from '../../src/render/mermaid.js';
import { planJobs } from '../../src/render/packet-diagrams.js';
import type { Lang } from '../i18n.js';
import { EXIT, printCompact, say } from '../output.js';
import { progress } from '../progress.js';

/** Options of `yuan render`. */
export interface RenderOptions {
  /** Output folder (default `out`). */
  output?: string;
  /** Comma-separated formats: svg, pdf, png, md, mmd (default `svg`). */
  format?: string;
  lang: Lang;
  /** Mermaid pages working in parallel (default: 2 on two or more cores). */
  pages?: number;
  /** PNG scale (default 2). */
  scale?: number;
  /** PDFs: readable tiles after a diagram too large for one A4 page (default true; `--no-tiles`). */
  tiles?: boolean;
  /** Language of the diagrams when --lang was given; otherwise each plan's own. */
  docLang?: Lang;
}

/** Parses `svg,pdf,png` into formats; undefined (and a message) on an unknown one. */
export function parseFormats(text: string | undefined, lang: Lang): DiagramFormat[] | undefined {
  const list = (text ?? 'svg').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const bad = list.filter((f) => !DIAGRAM_FORMATS.includes(f as DiagramFormat));
  if (bad.length || !list.length) {
    say(lang, 'cli.render.badFormat', { format: bad.join(',') || msg(lang, 'cli.render.emptyFormat') });
    return undefined;
  }
  return [...new Set(list)] as DiagramFormat[];
}

/** Prints a `ChromiumNotFoundError` (or any launch failure) and returns exit 2. */
export function browserFailure(err: unknown, lang: Lang): number {
  const e = err as Error & { messageZh?: string; code?: string };
  process.stderr.write(`yuan: ${localize(e, lang)}\n`);
  return EXIT.usage;
}

/**
 * `yuan render <paths…> -o out/ --format svg,pdf,png,md,mmd`: every diagram of every plan (overview and per-level
 * flowcharts, state diagram, gantt per level) to `<out>/<plan-id>/<diagram>.<ext>`, in one browser. A plan that
 * does not parse, or a diagram that does not render, is named and skipped; exit 1 if anything failed, 2 on usage
 * errors or when no browser is available.
 */
export async function runRender(paths: string[], opts: RenderOptions): Promise<number> {
  const formats = parseFormats(opts.format, opts.lang);
  if (!formats) return EXIT.usage;
  const outDir = opts.output ?? 'out';
  const { files, missing } = collectPlanFiles(paths.length ? paths : ['.']);
  for (const m of missing) say(opts.lang, 'cli.noPlanMatch', { pattern: m });
  if (!files.length) return EXIT.usage;

  const t0 = performance.now();
  const failedPlans: string[] = [];
  const jobs: RenderJob[] = [];
  const jobPlan = new Map<string, string>();
  const used = new Map<string, string>();
  let plans = 0;
  let mdFiles = 0;
  for (const file of files) {
    const r = parsePlanFile(file);
    if (!r.plan || r.diagnostics.some(isUnreadable)) {
      printCompact(r.diagnostics.filter((d) => d.severity === 'error'), opts.lang);
      say(opts.lang, 'cli.render.skipped', { file });
      failedPlans.push(file);
      continue;
    }
    const plan: Plan = r.plan;
    // Two plans with one id would overwrite each other's files: the second gets the file name as its folder.
    let dir = plan.meta.id || file;
    if (used.has(dir)) {
      const alt = relative('.', file).replace(/\.[^.]+$/, '');
      say(opts.lang, 'cli.render.sameId', { file, id: dir, other: String(used.get(dir)), alt });
      dir = alt;
    }
    used.set(dir, file);
    // `md` is one document per plan (every diagram in ```mermaid blocks, which GitHub renders), not one per diagram.
    const jobFormats = formats.filter((f) => f !== 'md');
    if (formats.includes('md')) {
      try {
        const mdFile = join(outDir, safeName(dir), 'diagrams.md');
        mkdirSync(dirname(mdFile), { recursive: true });
        writeFileSync(mdFile, toMarkdown(plan, { lang: opts.docLang }));
        mdFiles++;
      } catch (err) {
        say(opts.lang, 'cli.render.markdownFailed', { file, reason: (err as Error).message });
        failedPlans.push(file);
      }
    }
    const { jobs: planJobList, errors } = planJobs(plan, jobFormats, { dir, lang: opts.docLang });
    for (const e of errors) say(opts.lang, 'cli.render.diagramFailed', { file, key: e.key, reason: e.message });
    if (errors.length) failedPlans.push(file);
    plans++;
    if (jobFormats.length) for (const j of planJobList) { jobs.push(j); jobPlan.set(j.name, file); }
  }

  // Progress: a bar over the diagrams on a terminal; elsewhere one line per plan as its last diagram is written.
  const bar = progress(jobs.length, msg(opts.lang, 'cli.render.progress'), { units: plans });
  const left = new Map<string, number>();
  for (const f of jobPlan.values()) left.set(f, (left.get(f) ?? 0) + 1);
  const startedAt = performance.now();
  for (const f of files) if (!failedPlans.includes(f) && !left.has(f)) bar.line(f);
  const onJob = (_done: number, _total: number, job: RenderJob) => {
    bar.tick();
    const f = jobPlan.get(job.name);
    if (!f) return;
    const n = (left.get(f) ?? 1) - 1;
    left.set(f, n);
    if (n === 0) {
      const count = [...jobPlan.values()].filter((x) => x === f).length;
      const s = ((performance.now() - startedAt) / 1000).toFixed(1);
      bar.line(msg(opts.lang, 'cli.render.planDone', { file: f, count, count_s: plural(count), seconds: s }));
    }
  };
  let result;
  try {
    result = await renderBatch(jobs, outDir, onJob, { pages: opts.pages, pngScale: opts.scale, tiles: opts.tiles });
  } catch (err) {
    bar.done();
    return browserFailure(err, opts.lang);
  }
  bar.done();
  for (const e of result.errors) {
    process.stderr.write(`yuan: ${jobPlan.get(e.name) ?? e.name}: ${localize(e, opts.lang)}\n`);
  }
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  const errors = result.errors.length + failedPlans.length;
  const markdown = mdFiles ? msg(opts.lang, 'cli.render.markdownFiles', { count: mdFiles }) : '';
  process.stdout.write(`${msg(opts.lang, 'cli.render.done', {
    diagrams: result.rendered, markdown, plans, plans_s: plural(plans), seconds: secs, errors, errors_s: plural(errors), dir: outDir,
  })}\n`);
  return errors ? EXIT.diagnostics : EXIT.ok;
}
