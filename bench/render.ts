import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseMarkdown, parsePlanFile } from '../src/parse/index.js';
import { CHROMIUM_ARGS, findChromium } from '../src/render/browser.js';
import { planDiagrams } from '../src/render/packet-diagrams.js';
import { generatePlan } from './generate.js';

/** Plans in the largest batch (the example plans, then generated ones: 24 steps, 8 teams, 10 resources each). */
const BIG = Number(process.env.YUAN_BENCH_RENDER_PLANS ?? 100);
/** Diagrams mmdc draws per format: it starts a browser per call, so it is sampled between yuan's runs. */
const SAMPLE = Number(process.env.YUAN_BENCH_MMDC_SAMPLE ?? 10);
/** Runs of the one-plan batches (the ratio the issue asks for is the median of these). */
const REPEAT = Number(process.env.YUAN_BENCH_RENDER_REPEAT ?? 3);

const LEAK = 'plans/chem/hazardous-chemical-leak.md';

/** Path of mmdc's CLI script (@mermaid-js/mermaid-cli does not export its package.json). */
function mmdcScript(): string {
  const require = createRequire(import.meta.url);
  try { return join(dirname(require.resolve('@mermaid-js/mermaid-cli')), 'cli.js'); } catch { return join(process.cwd(), 'node_modules/@mermaid-js/mermaid-cli/src/cli.js'); }
}

/**
 * Wall and CPU time (ms) of a command with every process it starts. Chromium's renderer processes outlive the
 * process that waits for them (the zygote is killed on close), so a shell's `times` misses most of a browser's CPU;
 * a child subreaper (PR_SET_CHILD_SUBREAPER, a few lines of Python) adopts and reaps them, and its RUSAGE_CHILDREN
 * then holds them all. Without python3 the bench falls back to bash's `times` and says so.
 */
interface Timed { wall: number; cpu: number; ok: boolean }
const REAPER = `import ctypes, os, resource, subprocess, sys
ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)
p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
code = 1
while True:
    try:
        pid, st = os.wait()
    except ChildProcessError:
        break
    if pid == p.pid:
        code = os.waitstatus_to_exitcode(st)
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print(r.ru_utime + r.ru_stime)
sys.exit(code)
`;
let reaper: string | undefined | null = null;
/** Path of the subreaper script, or undefined when python3 is not there. */
function reaperScript(dir: string): string | undefined {
  if (reaper !== null) return reaper;
  const path = join(dir, 'reap.py');
  writeFileSync(path, REAPER);
  reaper = spawnSync('python3', [path, 'true'], { encoding: 'utf8' }).status === 0 ? path : undefined;
  return reaper;
}
function timed(cmd: string, args: string[], dir: string): Timed {
  const env = { ...process.env, CI: '1' };
  const script = reaperScript(dir);
  const t0 = performance.now();
  if (script) {
    const r = spawnSync('python3', [script, cmd, ...args], { encoding: 'utf8', env });
    return { wall: performance.now() - t0, cpu: Number(r.stdout.trim()) * 1000, ok: r.status === 0 };
  }
  const r = spawnSync('bash', ['-c', '"$@" >/dev/null 2>&1; s=$?; times; exit $s', '_', cmd, ...args], { encoding: 'utf8', env });
  const wall = performance.now() - t0;
  const lines = r.stdout.trim().split('\n');
  const secs = (s: string) => { const m = /(\d+)m([\d.]+)s/.exec(s); return m ? Number(m[1]) * 60 + Number(m[2]) : 0; };
  const [user, sys] = (lines[lines.length - 1] ?? '').split(/\s+/).map(secs);
  return { wall, cpu: ((user ?? 0) + (sys ?? 0)) * 1000, ok: r.status === 0 };
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : NaN; };
const fmt = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);

/** Writes a batch folder: the example plans first (the leak plan leading), then generated plans up to `n`. */
function batch(dir: string, n: number): { dir: string; plans: number; diagrams: number; packetDiagrams: number } {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const examples = [LEAK, 'plans/chem/general.md', 'plans/chem/tank-farm-leak.md', 'plans/chem/fire-explosion.yaml', 'plans/chem/confined-space.yaml', 'plans/flood/municipal-flood.md'];
  let diagrams = 0;
  let packetDiagrams = 0;
  for (let i = 0; i < n; i++) {
    let plan;
    if (i < examples.length) {
      copyFileSync(examples[i], join(dir, basename(examples[i])));
      plan = parsePlanFile(examples[i]).plan!;
    } else {
      const text = generatePlan(5000 + i, { steps: 24, roles: 8, resources: 10 });
      writeFileSync(join(dir, `gen-${i}.md`), text);
      plan = parseMarkdown(text, `gen-${i}.md`).plan!;
    }
    diagrams += planDiagrams(plan).diagrams.length;
    // A packet draws the flowcharts and the state diagram.
    packetDiagrams += planDiagrams(plan, { kinds: ['flowchart', 'state'] }).diagrams.length;
  }
  return { dir, plans: n, diagrams, packetDiagrams };
}

/**
 * `yuan render` and `yuan review` as whole processes of the `yuan` command (dist/bin/yuan.cjs) (start-up, parse, browser start, drawing, writing) against
 * mmdc from @mermaid-js/mermaid-cli drawing the same plans' diagrams one call each, pointed at the same Chromium with
 * the same mermaid settings. Batches of one plan (10 diagrams), ten plans and `BIG` plans; SVG and PDF. Every yuan
 * run is followed by a slice of the mmdc sample, so load from other processes falls on both alike; wall and CPU time
 * (user + system of every process started) are reported, and each ratio is mmdc's time for the batch's diagrams
 * (its median per diagram × diagrams) over yuan's time for the batch.
 */
export async function benchRender(dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const yuan = join(process.cwd(), 'dist/bin/yuan.cjs');
  const batches = [batch(join(dir, 'one'), 1), batch(join(dir, 'ten'), 10), batch(join(dir, 'many'), BIG)];

  // mmdc: same Chromium and flags (puppeteer config), same mermaid settings (htmlLabels off, CJK font).
  const executablePath = findChromium();
  const pcfg = join(dir, 'puppeteer.json');
  writeFileSync(pcfg, JSON.stringify({ executablePath, args: CHROMIUM_ARGS }));
  const mcfg = join(dir, 'mermaid.json');
  writeFileSync(mcfg, JSON.stringify({ theme: 'default', fontFamily: '"Noto Sans CJK SC", "Noto Sans SC", sans-serif', htmlLabels: false,
    flowchart: { useMaxWidth: false, nodeSpacing: 30, rankSpacing: 40 }, gantt: { useMaxWidth: false, useWidth: 1000 }, maxTextSize: 2_000_000, maxEdges: 5000 }));
  const mmdc = mmdcScript();
  const mdir = join(dir, 'mmdc');
  mkdirSync(mdir, { recursive: true });
  // The sample: the leak plan's own diagrams (overview and level flowcharts, state diagram, timelines) as Mermaid.
  const leakDiagrams = planDiagrams(parsePlanFile(LEAK).plan!).diagrams;
  const sample = Array.from({ length: Math.max(1, SAMPLE) }, (_, i) => leakDiagrams[i % leakDiagrams.length]);
  sample.forEach((d, i) => writeFileSync(join(mdir, `d${i}.mmd`), d.text));
  const base: Record<'svg' | 'pdf', Timed[]> = { svg: [], pdf: [] };
  const cursor = { svg: 0, pdf: 0 };
  let mmdcFailed = 0;
  /** The next `k` sampled mmdc calls of a format. */
  const mmdcSlice = (format: 'svg' | 'pdf', k: number) => {
    for (let n = 0; n < k && cursor[format] < sample.length; n++) {
      const i = cursor[format]++;
      const r = timed(process.execPath, [mmdc, '-p', pcfg, '-c', mcfg, '-i', join(mdir, `d${i}.mmd`), '-o', join(mdir, `d${i}.${format}`), '-q'], dir);
      if (!r.ok) mmdcFailed++;
      base[format].push(r);
    }
  };

  // The runs, interleaved with the mmdc sample.
  type Row = { label: string; diagrams: number; runs: Timed[]; format: 'svg' | 'pdf'; per: 'diagram' | 'packet'; packets?: number };
  const rows: Row[] = [];
  const slices = REPEAT * 2 + 4 + 2;
  const perSlice = Math.ceil(sample.length / Math.max(1, Math.floor(slices / 2)));
  let failed = 0;
  const run = (label: string, b: (typeof batches)[number], format: 'svg' | 'pdf', times: number) => {
    const runs: Timed[] = [];
    for (let i = 0; i < times; i++) {
      const out = join(dir, 'out');
      rmSync(out, { recursive: true, force: true });
      const r = timed(process.execPath, [yuan, 'render', b.dir, '-o', out, '--format', format], dir);
      if (!r.ok) failed++;
      runs.push(r);
      mmdcSlice(format, perSlice);
    }
    rows.push({ label, diagrams: b.diagrams, runs, format, per: 'diagram' });
  };
  const review = (label: string, b: (typeof batches)[number], times: number) => {
    const runs: Timed[] = [];
    for (let i = 0; i < times; i++) {
      const out = join(dir, 'packets/');
      rmSync(out, { recursive: true, force: true });
      const r = timed(process.execPath, [yuan, 'review', b.dir, '-o', out, '--no-config'], dir);
      if (!r.ok) failed++;
      runs.push(r);
      mmdcSlice('pdf', perSlice);
    }
    rows.push({ label, diagrams: b.packetDiagrams, runs, format: 'pdf', per: 'packet', packets: b.plans });
  };
  for (const format of ['svg', 'pdf'] as const) run(`render, 1 plan (${batches[0].diagrams} diagrams)`, batches[0], format, REPEAT);
  for (const format of ['svg', 'pdf'] as const) run(`render, 10 plans (${batches[1].diagrams} diagrams)`, batches[1], format, 1);
  for (const format of ['svg', 'pdf'] as const) run(`render, ${BIG} plans (${batches[2].diagrams} diagrams)`, batches[2], format, 1);
  review(`review, 1 plan (packet of ${batches[0].packetDiagrams} diagrams)`, batches[0], REPEAT);
  review(`review, 10 plans (10 packets, ${batches[1].packetDiagrams} diagrams)`, batches[1], 1);
  mmdcSlice('svg', sample.length);
  mmdcSlice('pdf', sample.length);

  const per = { svg: { wall: median(base.svg.map((r) => r.wall)), cpu: median(base.svg.map((r) => r.cpu)) }, pdf: { wall: median(base.pdf.map((r) => r.wall)), cpu: median(base.pdf.map((r) => r.cpu)) } };
  const lines = [
    `render — yuan render / yuan review (whole process: start, parse, browser, drawing, files) against mmdc once per diagram (baseline),`,
    `sampled on the leak plan's ${leakDiagrams.length} diagrams between yuan's runs; wall and CPU (${reaper ? 'user+system of every process started, browser processes included (subreaper)' : 'user+system of waited-for processes only: no python3 for the subreaper, most browser CPU is missed'}); ratio = mmdc time for the same diagrams ÷ yuan time`,
    `${'mmdc (baseline), per diagram'.padEnd(58)} svg ${fmt(per.svg.wall).padStart(7)} wall ${fmt(per.svg.cpu).padStart(7)} cpu   pdf ${fmt(per.pdf.wall).padStart(7)} wall ${fmt(per.pdf.cpu).padStart(7)} cpu  (${base.svg.length}+${base.pdf.length} calls)`,
  ];
  for (const r of rows) {
    const wall = median(r.runs.map((x) => x.wall));
    const cpu = median(r.runs.map((x) => x.cpu));
    const b = per[r.format];
    const ratioWall = (b.wall * r.diagrams) / wall;
    const ratioCpu = (b.cpu * r.diagrams) / cpu;
    const unit = r.per === 'packet' ? `${fmt(wall / r.packets!)} wall ${fmt(cpu / r.packets!)} cpu per packet` : `${fmt(wall / r.diagrams)} wall ${fmt(cpu / r.diagrams)} cpu per diagram`;
    lines.push(`${`${r.label}, ${r.format}`.padEnd(58)} ${fmt(wall).padStart(7)} wall ${fmt(cpu).padStart(7)} cpu (${unit})  ${ratioWall.toFixed(1)}× mmdc wall, ${ratioCpu.toFixed(1)}× mmdc cpu${r.runs.length > 1 ? ` (median of ${r.runs.length})` : ''}`);
  }
  lines.push('targets (issue 13): ≥ 10× mmdc per diagram for the one-plan batch (svg and pdf), ≥ 30× for the ten-plan batch (~100 diagrams); review (issue 14): reported per packet against mmdc for the packet\'s diagrams'
    + `${failed ? `; ${failed} yuan runs FAILED` : ''}${mmdcFailed ? `; mmdc failed ${mmdcFailed} calls` : ''}`);
  return lines;
}
