import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Plan } from '../src/model/index.js';
import { collectPlanFiles, parseMarkdown, parsePlanFile } from '../src/parse/index.js';
import { CHROMIUM_ARGS, findChromium } from '../src/render/browser.js';
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
 * level) to SVG and PDF: yuan's one-browser batch (1 and 2 pages) against mmdc, once per diagram and format,
 * pointed at the same Chromium with the same mermaid settings.
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
  const runs: { pages: number; ms: number; errors: number }[] = [];
  for (const pages of [1, 2]) {
    const r = await renderBatch(jobs, join(dir, `yuan-${pages}`), undefined, { pages, executablePath });
    runs.push({ pages, ms: r.ms, errors: r.errors.length });
  }

  // mmdc: same Chromium and flags (puppeteer config), same mermaid settings (htmlLabels off, CJK font).
  const pcfg = join(dir, 'puppeteer.json');
  writeFileSync(pcfg, JSON.stringify({ executablePath, args: CHROMIUM_ARGS }));
  const mcfg = join(dir, 'mermaid.json');
  writeFileSync(mcfg, JSON.stringify({ theme: 'default', fontFamily: '"Noto Sans CJK SC", "Noto Sans SC", sans-serif', htmlLabels: false,
    flowchart: { useMaxWidth: false, nodeSpacing: 30, rankSpacing: 40 }, gantt: { useMaxWidth: false, useWidth: 1000 }, maxTextSize: 2_000_000, maxEdges: 5000 }));
  const mmdc = mmdcScript();
  const sample = Array.from({ length: Math.min(SAMPLE, jobs.length) }, (_, i) => jobs[Math.floor((i * jobs.length) / Math.min(SAMPLE, jobs.length))]);
  let mmdcMs = 0;
  let mmdcFailed = 0;
  const mdir = join(dir, 'mmdc');
  mkdirSync(mdir, { recursive: true });
  for (const [i, job] of sample.entries()) {
    const input = join(mdir, `d${i}.mmd`);
    writeFileSync(input, job.text);
    for (const ext of ['svg', 'pdf']) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [mmdc, '-p', pcfg, '-c', mcfg, '-i', input, '-o', join(mdir, `d${i}.${ext}`), '-q'], { stdio: 'ignore' });
      mmdcMs += performance.now() - t0;
      if (r.status !== 0 || !existsSync(join(mdir, `d${i}.${ext}`))) mmdcFailed++;
    }
  }
  const mmdcPer = mmdcMs / sample.length;
  const best = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
  const per = (ms: number) => ms / jobs.length;
  const base = { name: 'mmdc', value: mmdcPer, better: 'lower' as const };
  return [
    `render — ${examples} example plans + ${N} generated plans (24 steps, 8 teams each): ${jobs.length} diagrams to SVG + PDF`,
    row(`mmdc, 2 processes per diagram (svg, pdf), sampled on ${sample.length} (baseline)`, mmdcPer, 'ms/diagram'),
    ...runs.map((r) => row(`yuan renderBatch, one browser, ${r.pages} page${r.pages > 1 ? 's' : ''}${r.errors ? ` (${r.errors} errors)` : ''}`, per(r.ms), 'ms/diagram', base)),
    row(`mmdc on all ${jobs.length} diagrams (extrapolated from the sample)`, (mmdcPer * jobs.length) / 1000, 's'),
    row(`yuan on all ${jobs.length} diagrams (measured, browser start included)`, best.ms / 1000, 's'),
    `throughput: yuan ${(mmdcPer / per(best.ms)).toFixed(1)}× mmdc with ${best.pages} page${best.pages > 1 ? 's' : ''} (target ≥ 10×)${mmdcFailed ? `; mmdc failed ${mmdcFailed} of ${sample.length * 2} calls` : ''}`,
  ];
}
