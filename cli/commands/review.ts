import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isUnreadable, type Diagnostic } from '../../src/diagnostics.js';
import type { Plan } from '../../src/model/index.js';
import { collectPlanFiles } from '../../src/parse/index.js';
import { safeName } from '../../src/render/batch.js';
import { planDiagrams } from '../../src/render/packet-diagrams.js';
import type { PacketPlan } from '../../src/render/packet.js';
import { planLang } from '../../src/render/mermaid-text.js';
import { lintFiles, resolveConfig } from '../../src/validate/index.js';
import { t, type Lang } from '../i18n.js';
import { EXIT, printCompact } from '../output.js';
import { progress } from '../progress.js';
import { browserFailure } from './render.js';

/** Options of `yuan review`. */
export interface ReviewOptions {
  /** `file.pdf` (one PDF; several plans are combined) or `dir/` (one PDF per plan). Default `review.pdf`. */
  output?: string;
  /** CLI message language. */
  lang: Lang;
  /** Language of the packet itself (headings, findings); default the plan's own language. */
  packetLang?: Lang;
  /** ISO date used as today for staleness rules and printed on the cover. */
  today?: string;
  /** Config file, or false to ignore yuan.config.yaml. */
  config?: string | false;
  /** Also write the packet's HTML next to each PDF. */
  html?: boolean;
  /** Per-level gantt timelines in the packet (default false: the flowcharts carry the deadlines). */
  timelines?: boolean;
}

/** Number of pages of a Chromium PDF (its page tree counts them). */
export function pdfPageCount(pdf: Uint8Array): number | undefined {
  // Skia writes a balanced page tree: intermediate /Pages nodes count their subtree, the root counts them all.
  const text = Buffer.from(pdf).toString('latin1');
  let max: number | undefined;
  for (const re of [/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/g, /\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g]) {
    for (const m of text.matchAll(re)) max = Math.max(max ?? 0, Number(m[1]));
  }
  return max;
}

/** Plans of the 1+N system around the inputs: every plan file in the inputs' folders, so parents resolve. */
function systemFiles(inputs: string[], files: string[]): string[] {
  const dirs = new Set<string>();
  for (const input of inputs) {
    try { if (statSync(input).isFile()) dirs.add(dirname(input)); } catch { /* glob or missing: its files are enough */ }
  }
  const all = new Set(files);
  for (const d of dirs) for (const f of collectPlanFiles([d]).files) all.add(f);
  return [...all];
}

/**
 * `yuan review <plan|folder…> -o review.pdf`: an A4 reviewer packet per plan (cover, diagrams, tables, lint
 * findings), one combined PDF for `-o file.pdf` or one PDF per plan for `-o dir/`. Lint runs over the plans'
 * folders as one 1+N system (so a special plan's parent is found) and each packet shows its own plan's findings.
 * Exit 0 when every packet was written, 1 when a plan was skipped or a diagram failed, 2 on usage or no browser.
 */
export async function runReview(paths: string[], opts: ReviewOptions): Promise<number> {
  const say = (en: string, zh: string) => process.stderr.write(`${t(opts.lang, en, zh)}\n`);
  const { files, missing } = collectPlanFiles(paths.length ? paths : ['.']);
  for (const m of missing) say(`yuan: no plan files match ${m}`, `yuan：没有与 ${m} 匹配的预案文件`);
  if (!files.length) return EXIT.usage;

  const { config, diagnostics: configProblems } = resolveConfig(opts.config);
  if (configProblems.length) { printCompact(configProblems, opts.lang); return EXIT.usage; }

  const t0 = performance.now();
  const lint = lintFiles(systemFiles(paths, files), { config, today: opts.today });
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of lint.diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  const plansByFile = new Map<string, Plan>(lint.plans.map((p) => [p.file, p]));

  let failed = 0;
  const packets: PacketPlan[] = [];
  for (const file of files) {
    const plan = plansByFile.get(file);
    const diags = byFile.get(file) ?? [];
    // A plan with content defects (及时, an unknown fact) is exactly what a reviewer needs to see: only an unreadable
    // file is skipped; its findings go into the packet.
    const parseErrors = diags.filter(isUnreadable);
    if (!plan || parseErrors.length) {
      printCompact(parseErrors, opts.lang);
      say(`yuan: skipped ${file}: it does not parse`, `yuan：已跳过 ${file}：无法解析`);
      failed++;
      continue;
    }
    const lang = opts.packetLang ?? planLang(plan);
    const { diagrams, errors } = planDiagrams(plan, { lang, kinds: opts.timelines ? undefined : ['flowchart', 'state'] });
    for (const e of errors) { say(`yuan: ${file}: diagram ${e.key} could not be generated: ${e.message}`, `yuan：${file}：无法生成图 ${e.key}：${e.message}`); failed++; }
    packets.push({ plan, diagnostics: diags, diagrams });
  }
  if (!packets.length) return failed ? EXIT.diagnostics : EXIT.usage;

  // `-o dir/` (or an existing folder, or a name without .pdf/.html) → one packet per plan; else one file.
  const out = opts.output ?? 'review.pdf';
  const perPlan = /[\\/]$/.test(out) || (existsSync(out) && statSync(out).isDirectory()) || !/\.(pdf|html?)$/i.test(out);
  const groups: { file: string; plans: PacketPlan[] }[] = perPlan
    ? packets.map((p) => ({ file: join(out, `${safeName(p.plan.meta.id)}.pdf`), plans: [p] }))
    : [{ file: out, plans: packets }];
  const seen = new Set<string>();
  for (const g of groups) {
    // Two plans with one id: keep both packets.
    let f = g.file;
    for (let n = 2; seen.has(resolve(f)); n++) f = g.file.replace(/\.pdf$/i, `-${n}.pdf`);
    seen.add(resolve(f));
    g.file = f;
  }

  let renderer;
  try {
    const { Renderer } = await import('../../src/render/browser.js');
    renderer = await Renderer.open();
  } catch (err) {
    return browserFailure(err, opts.lang);
  }
  const bar = progress(groups.length, t(opts.lang, 'printing', '排版中'));
  const written: string[] = [];
  try {
    const { buildPacket } = await import('../../src/render/packet.js');
    for (const g of groups) {
      const lang = opts.packetLang ?? planLang(g.plans[0].plan);
      const { html, errors } = await buildPacket(g.plans, renderer, { lang, date: opts.today });
      for (const e of errors) { process.stderr.write(`yuan: ${e.name}: ${opts.lang === 'zh' && e.messageZh ? e.messageZh : e.message}\n`); failed++; }
      mkdirSync(dirname(resolve(g.file)), { recursive: true });
      if (/\.html?$/i.test(g.file)) {
        writeFileSync(g.file, html);
        written.push(g.file);
      } else {
        const pdf = await renderer.htmlToPdf(html, { footer: true, lang, outline: true });
        writeFileSync(g.file, pdf);
        if (opts.html) writeFileSync(g.file.replace(/\.pdf$/i, '') + '.html', html);
        const pages = pdfPageCount(pdf);
        written.push(pages ? `${g.file} (${pages} ${t(opts.lang, pages === 1 ? 'page' : 'pages', '页')})` : g.file);
      }
      bar.tick();
    }
  } finally {
    bar.done();
    await renderer.close();
  }
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  const n = packets.length;
  process.stdout.write(`${t(opts.lang,
    `wrote ${written.join(', ')} for ${n} plan${n === 1 ? '' : 's'} in ${secs} s, ${failed} error${failed === 1 ? '' : 's'}`,
    `已写出 ${written.join('、')}（${n} 个预案），用时 ${secs} 秒，错误 ${failed} 个`)}\n`);
  return failed ? EXIT.diagnostics : EXIT.ok;
}
