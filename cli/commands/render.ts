import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { isUnreadable } from '../../src/diagnostics.js';
import type { Plan } from '../../src/model/index.js';
import { collectPlanFiles, parsePlanFile } from '../../src/parse/index.js';
import { DIAGRAM_FORMATS, renderBatch, safeName, type DiagramFormat, type RenderJob } from '../../src/render/batch.js';
import { toMarkdown } from '../../src/render/mermaid.js';
import { planJobs } from '../../src/render/packet-diagrams.js';
import { t, type Lang } from '../i18n.js';
import { EXIT, printCompact } from '../output.js';
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
}

/** Parses `svg,pdf,png` into formats; undefined (and a message) on an unknown one. */
export function parseFormats(text: string | undefined, lang: Lang): DiagramFormat[] | undefined {
  const list = (text ?? 'svg').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const bad = list.filter((f) => !DIAGRAM_FORMATS.includes(f as DiagramFormat));
  if (bad.length || !list.length) {
    process.stderr.write(t(lang, `yuan: unknown --format ${bad.join(',') || '(empty)'} (svg, pdf, png, md, mmd)\n`,
      `yuan：未知的输出格式 ${bad.join(',') || '（空）'}（svg、pdf、png、md、mmd）\n`));
    return undefined;
  }
  return [...new Set(list)] as DiagramFormat[];
}

/** Prints a `ChromiumNotFoundError` (or any launch failure) and returns exit 2. */
export function browserFailure(err: unknown, lang: Lang): number {
  const e = err as Error & { messageZh?: string; code?: string };
  const msg = lang === 'zh' && e.messageZh ? e.messageZh : e.message;
  process.stderr.write(`yuan: ${msg}\n`);
  return EXIT.usage;
}

/**
 * `yuan render <paths…> -o out/ --format svg,pdf,png,md,mmd`: every diagram of every plan (overview and per-level
 * flowcharts, state diagram, gantt per level) to `<out>/<plan-id>/<diagram>.<ext>`, in one browser. A plan that
 * does not parse, or a diagram that does not render, is named and skipped; exit 1 if anything failed, 2 on usage
 * errors or when no browser is available.
 */
export async function runRender(paths: string[], opts: RenderOptions): Promise<number> {
  const say = (en: string, zh: string) => process.stderr.write(`${t(opts.lang, en, zh)}\n`);
  const formats = parseFormats(opts.format, opts.lang);
  if (!formats) return EXIT.usage;
  const outDir = opts.output ?? 'out';
  const { files, missing } = collectPlanFiles(paths.length ? paths : ['.']);
  for (const m of missing) say(`yuan: no plan files match ${m}`, `yuan：没有与 ${m} 匹配的预案文件`);
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
      say(`yuan: skipped ${file}: it does not parse`, `yuan：已跳过 ${file}：无法解析`);
      failedPlans.push(file);
      continue;
    }
    const plan: Plan = r.plan;
    // Two plans with one id would overwrite each other's files: the second gets the file name as its folder.
    let dir = plan.meta.id || file;
    if (used.has(dir)) {
      const alt = relative('.', file).replace(/\.[^.]+$/, '');
      say(`yuan: ${file} has the same id "${dir}" as ${used.get(dir)}; writing it to ${alt}/`, `yuan：${file} 与 ${used.get(dir)} 的标识同为"${dir}"，改写入 ${alt}/`);
      dir = alt;
    }
    used.set(dir, file);
    // `md` is one document per plan (every diagram in ```mermaid blocks, which GitHub renders), not one per diagram.
    const jobFormats = formats.filter((f) => f !== 'md');
    if (formats.includes('md')) {
      try {
        const mdFile = join(outDir, safeName(dir), 'diagrams.md');
        mkdirSync(dirname(mdFile), { recursive: true });
        writeFileSync(mdFile, toMarkdown(plan));
        mdFiles++;
      } catch (err) {
        say(`yuan: ${file}: diagrams.md could not be written: ${(err as Error).message}`, `yuan：${file}：无法写出 diagrams.md：${(err as Error).message}`);
        failedPlans.push(file);
      }
    }
    const { jobs: planJobList, errors } = planJobs(plan, jobFormats, { dir });
    for (const e of errors) say(`yuan: ${file}: diagram ${e.key} could not be generated: ${e.message}`, `yuan：${file}：无法生成图 ${e.key}：${e.message}`);
    if (errors.length) failedPlans.push(file);
    plans++;
    if (jobFormats.length) for (const j of planJobList) { jobs.push(j); jobPlan.set(j.name, file); }
  }

  const bar = progress(jobs.length, t(opts.lang, 'rendering', '绘图中'));
  let result;
  try {
    result = await renderBatch(jobs, outDir, () => bar.tick(), { pages: opts.pages, pngScale: opts.scale, tiles: opts.tiles });
  } catch (err) {
    bar.done();
    return browserFailure(err, opts.lang);
  }
  bar.done();
  for (const e of result.errors) {
    process.stderr.write(`yuan: ${jobPlan.get(e.name) ?? e.name}: ${opts.lang === 'zh' && e.messageZh ? e.messageZh : e.message}\n`);
  }
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  const errors = result.errors.length + failedPlans.length;
  const md = mdFiles ? t(opts.lang, ` and ${mdFiles} diagrams.md`, `及 ${mdFiles} 份 diagrams.md`) : '';
  process.stdout.write(`${t(opts.lang,
    `rendered ${result.rendered} diagrams${md} from ${plans} plan${plans === 1 ? '' : 's'} in ${secs} s, ${errors} error${errors === 1 ? '' : 's'} → ${outDir}`,
    `已绘制 ${plans} 个预案的 ${result.rendered} 张图${md}，用时 ${secs} 秒，错误 ${errors} 个 → ${outDir}`)}\n`);
  return errors ? EXIT.diagnostics : EXIT.ok;
}
