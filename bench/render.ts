import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Plan } from '../src/model/index.js';
import { collectPlanFiles, parseMarkdown, parsePlanFile } from '../src/parse/index.js';
import { CHROMIUM_ARGS, findChromium, Renderer } from '../src/render/browser.js';
import { renderBatch, type RenderJob } from '../src/render/batch.js';
import { planJobs } from '../src/render/packet-diagrams.js';
import { generatePlan } from './generate.js';
import { row } from './measure.js';

/** Generated plans rendered with the examples (a realistic plan: 24 steps, 8 teams, 10 resources). */
const N = Number(process.env.YUAN_BENCH_RENDER_PLANS ?? 50);
/** Diagrams rendered with mmdc: it starts a browser per call, so it is sampled and extrapolated. */
const SAMPLE = Number(process.env.YUAN_BENCH_MMDC_SAMPLE ?? 10);

/** Path of mmdc's CLI script (@mermaid-js/mermaid-cli does not export its package.json). */
function mmdcScript(): string {
  const require = createRequire(import.meta.url);
  try { return join(dirname(require.resolve('@mermaid-js/mermaid-cli')), 'cli.js'); } catch { return join(process.cwd(), 'node_modules/@mermaid-js/mermaid-cli/src/cli.js'); }
}

/**
 * Example plans + N generated plans, every diagram (overview and per-level flowcharts, state diagram, gantt per
 * level) to SVG and PDF: yuan's one-browser batch (1 and 2 pages; tiled and one-page PDFs) against mmdc, once per
 * diagram and format, pointed at the same Chromium with the same mermaid settings.
 */
export async function benchRender(dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const plans: Plan[] = [];
  for (const f of collectPlanFiles(['plans']).files) {
    const r = parsePlanFile(f);
    if (r.plan && !r.diagnostics.some((d) => d.severity === 'error' && d.ruleId.startsWith('parse/'))) plans.push(r.plan);
  }
  const examples = plans.length;
  for (let i = 0; i < N; i++) {
    const r = parseMarkdown(generatePlan(5000 + i, { steps: 24, roles: 8, resources: 10 }), `gen-${i}.md`);
    if (r.plan) plans.push(r.plan);
  }
  const jobs: RenderJob[] = [];
  plans.forEach((p, i) => jobs.push(...planJobs(p, ['svg', 'pdf'], { dir: `p${i}-${p.meta.id}` }).jobs));

  const executablePath = findChromium();
  // mmdc: same Chromium and flags (puppeteer config), same mermaid settings (htmlLabels off, CJK font).
  const pcfg = join(dir, 'puppeteer.json');
  writeFileSync(pcfg, JSON.stringify({ executablePath, args: CHROMIUM_ARGS }));
  const mcfg = join(dir, 'mermaid.json');
  writeFileSync(mcfg, JSON.stringify({ theme: 'default', fontFamily: '"Noto Sans CJK SC", "Noto Sans SC", sans-serif', htmlLabels: false,
    flowchart: { useMaxWidth: false, nodeSpacing: 30, rankSpacing: 40 }, gantt: { useMaxWidth: false, useWidth: 1000 }, maxTextSize: 2_000_000, maxEdges: 5000 }));
  const mmdc = mmdcScript();
  const mdir = join(dir, 'mmdc');
  mkdirSync(mdir, { recursive: true });
  const k = Math.max(1, Math.min(SAMPLE, jobs.length));
  const sample = Array.from({ length: k }, (_, i) => jobs[Math.floor((i * jobs.length) / k)]);
  let mmdcMs = 0;
  let mmdcFailed = 0;
  const runMmdc = (i: number) => {
    const input = join(mdir, `d${i}.mmd`);
    writeFileSync(input, sample[i].text);
    for (const ext of ['svg', 'pdf']) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [mmdc, '-p', pcfg, '-c', mcfg, '-i', input, '-o', join(mdir, `d${i}.${ext}`), '-q'], { stdio: 'ignore' });
      mmdcMs += performance.now() - t0;
      if (r.status !== 0 || !existsSync(join(mdir, `d${i}.${ext}`))) mmdcFailed++;
    }
  };

  // yuan's PDFs are A4 with readable tiles after a diagram too large for one page (the default); the third variant
  // writes one page per diagram, the same output as mmdc, to compare like with like. One browser per page count,
  // started once (its start is counted); the jobs run in k chunks, each chunk through every variant and then one
  // sampled mmdc diagram, so load from other processes falls on yuan and mmdc alike.
  const variants = [{ pages: 1, tiles: true }, { pages: 2, tiles: true }, { pages: 2, tiles: false }];
  const renderers = new Map<number, { r: Renderer; startMs: number }>();
  for (const pages of [1, 2]) {
    const t0 = performance.now();
    renderers.set(pages, { r: await Renderer.open({ pages, executablePath }), startMs: performance.now() - t0 });
  }
  const runs = variants.map((v) => ({ ...v, ms: renderers.get(v.pages)!.startMs, errors: 0, pdfPages: 0 }));
  try {
    for (let c = 0; c < k; c++) {
      const chunk = jobs.slice(Math.floor((c * jobs.length) / k), Math.floor(((c + 1) * jobs.length) / k));
      for (const run of runs) {
        const out = join(dir, `yuan-${run.pages}-${run.tiles ? 'tiles' : 'single'}`);
        const r = await renderBatch(chunk, out, undefined, { renderer: renderers.get(run.pages)!.r, tiles: run.tiles });
        run.ms += r.ms;
        run.errors += r.errors.length;
        for (const f of r.files.filter((x) => x.endsWith('.pdf'))) run.pdfPages += (readFileSync(f, 'latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
      }
      runMmdc(c);
    }
  } finally {
    for (const { r } of renderers.values()) await r.close();
  }

  const mmdcPer = mmdcMs / sample.length;
  const per = (ms: number) => ms / jobs.length;
  const base = { name: 'mmdc', value: mmdcPer, better: 'lower' as const };
  const label = (r: (typeof runs)[number]) => `yuan, one browser, ${r.pages} page${r.pages > 1 ? 's' : ''}, ${r.tiles ? `tiled A4 PDFs (${r.pdfPages} pages)` : 'one-page PDFs'}`
    + `${r.errors ? `, ${r.errors} errors` : ''}`;
  const like = runs.find((r) => !r.tiles)!;
  const dflt = runs.find((r) => r.tiles && r.pages === 2)!;
  const errs = runs[0].errors;
  return [
    `render — ${examples} example plans + ${N} generated plans (24 steps, 8 teams each): ${jobs.length} diagrams to SVG + PDF`,
    row(`mmdc, 2 calls per diagram (svg, pdf), ${sample.length} sampled, interleaved (baseline)`, mmdcPer, 'ms/diagram'),
    ...runs.map((r) => row(label(r), per(r.ms), 'ms/diagram', base)),
    row(`mmdc on all ${jobs.length} diagrams (extrapolated)`, (mmdcPer * jobs.length) / 1000, 's'),
    row(`yuan on all ${jobs.length} diagrams (measured, default: 2 pages, tiled, start included)`, dflt.ms / 1000, 's'),
    `throughput vs mmdc: ${(mmdcPer / per(like.ms)).toFixed(1)}× for the same output (one-page PDFs), ${(mmdcPer / per(dflt.ms)).toFixed(1)}× with yuan's tiled PDFs (target ≥ 10×)`
      + `${mmdcFailed ? `; mmdc failed ${mmdcFailed} of ${sample.length * 2} calls` : ''}`
      + `${errs ? `; ${errs} diagrams failed in mermaid's layout (dagre), in every variant` : ''}`,
  ];
}
