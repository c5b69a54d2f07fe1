import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isUnreadable, localize, type Diagnostic } from '../../src/diagnostics.js';
import { msg, plural } from '../../src/i18n/index.js';
import type { Plan } from '../../src/model/index.js';
import { collectPlanFiles } from '../../src/parse/index.js';
import { safeName } from '../../src/render/batch.js';
import { planDiagrams } from '../../src/render/packet-diagrams.js';
import { pdfPageCount, type PacketPlan } from '../../src/render/packet.js';
import { planLang } from '../../src/render/mermaid-text.js';
import { lintFiles, resolveConfig } from '../../src/validate/index.js';
import type { Lang } from '../i18n.js';
import { EXIT, printCompact, say } from '../output.js';
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
  /** Other plans of the 1+N system (files, folders, globs) to lint with the reviewed ones for the cross-plan checks. */
  system?: string[];
}

export { pdfPageCount } from '../../src/render/packet.js';

/**
 * The files lint reads for a review: the plans given, plus — only when asked (`--system <folder|file|glob>`) — the
 * other plans of their 1+N system, for the cross-plan checks. Never every sibling file silently: one hostile or
 * huge file next to the plan must not decide how long reviewing the plan takes. Returns the files and the `--system`
 * inputs that matched nothing.
 */
export function reviewLintFiles(files: readonly string[], system: readonly string[] = []): { files: string[]; missing: string[] } {
  if (!system.length) return { files: [...files], missing: [] };
  const extra = collectPlanFiles([...system]);
  return { files: [...new Set([...files, ...extra.files])], missing: extra.missing };
}

/**
 * `yuan review <plan|folder…> -o review.pdf`: an A4 reviewer packet per plan (cover, diagrams, tables, lint
 * findings), one combined PDF for `-o file.pdf` or one PDF per plan for `-o dir/`. Lint reads the plans given (and
 * the `--system` plans, linted with them as one 1+N system so a special plan's parent is found); each packet shows its
 * own plan's findings.
 * Exit 0 when every packet was written, 1 when a plan was skipped or a diagram failed, 2 on usage or no browser.
 */
export async function runReview(paths: string[], opts: ReviewOptions): Promise<number> {
  const { files, missing } = collectPlanFiles(paths.length ? paths : ['.']);
  for (const m of missing) say(opts.lang, 'cli.noPlanMatch', { pattern: m });
  if (!files.length) return EXIT.usage;

  const { config, diagnostics: configProblems } = resolveConfig(opts.config);
  if (configProblems.length) { printCompact(configProblems, opts.lang); return EXIT.usage; }

  const t0 = performance.now();
  const lintInputs = reviewLintFiles(files, opts.system);
  for (const m of lintInputs.missing) say(opts.lang, 'cli.review.noSystemMatch', { pattern: m });
  if (lintInputs.missing.length) return EXIT.usage;
  const lint = lintFiles(lintInputs.files, { config, today: opts.today });
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
      say(opts.lang, 'cli.render.skipped', { file });
      failed++;
      continue;
    }
    const lang = opts.packetLang ?? planLang(plan);
    // The packet draws the flowcharts itself (swimlanes); mermaid draws the state diagram and the timelines.
    const { diagrams, errors } = planDiagrams(plan, { lang, kinds: opts.timelines ? ['state', 'gantt'] : ['state'] });
    for (const e of errors) { say(opts.lang, 'cli.render.diagramFailed', { file, key: e.key, reason: e.message }); failed++; }
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
  const bar = progress(groups.length, msg(opts.lang, 'cli.review.progress'), { units: packets.length });
  const written: string[] = [];
  try {
    const { buildPacket } = await import('../../src/render/packet.js');
    for (const g of groups) {
      const lang = opts.packetLang ?? planLang(g.plans[0].plan);
      const tg = performance.now();
      // Progress: one line per plan (for a combined packet, as each plan's part is ready).
      const onPlan = g.plans.length > 1 ? (p: Plan) => bar.line(msg(opts.lang, 'cli.review.planReady', { file: p.file })) : undefined;
      const { html, errors } = await buildPacket(g.plans, renderer, { lang, date: opts.today, onPlan });
      for (const e of errors) { process.stderr.write(`yuan: ${e.name}: ${localize(e, opts.lang)}\n`); failed++; }
      mkdirSync(dirname(resolve(g.file)), { recursive: true });
      let pages: number | undefined;
      if (/\.html?$/i.test(g.file)) {
        writeFileSync(g.file, html);
        written.push(g.file);
      } else {
        const pdf = await renderer.htmlToPdf(html, { footer: true, lang, outline: true });
        writeFileSync(g.file, pdf);
        if (opts.html) writeFileSync(g.file.replace(/\.pdf$/i, '') + '.html', html);
        pages = pdfPageCount(pdf);
        written.push(pages ? msg(opts.lang, 'cli.review.written', { file: g.file, pages: msg(opts.lang, 'cli.review.pages', { pages, pages_s: plural(pages) }) }) : g.file);
      }
      if (g.plans.length === 1) {
        const s = ((performance.now() - tg) / 1000).toFixed(1);
        const n = pages === undefined ? '' : msg(opts.lang, 'cli.review.pagesSoFar', { pages });
        bar.line(msg(opts.lang, 'cli.review.planDone', { file: g.plans[0].plan.file, output: g.file, pages: n, seconds: s }));
      }
      bar.tick();
    }
  } finally {
    bar.done();
    await renderer.close();
  }
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  const n = packets.length;
  process.stdout.write(`${msg(opts.lang, 'cli.review.done', {
    files: written.join(msg(opts.lang, 'cli.review.fileSeparator')), plans: n, plans_s: plural(n), seconds: secs, errors: failed, errors_s: plural(failed),
  })}\n`);
  return failed ? EXIT.diagnostics : EXIT.ok;
}
