/**
 * `yuan drill run|test|score|report|import`: scripted drills, CI tests of scenarios, scoring and reports of real
 * drills (JSONL logs or observer CSVs), MSEL import. Exit codes: 0 ok, 1 problems (scenario errors, failed
 * expectations), 2 usage or I/O.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { hasErrors, type Diagnostic } from '../../src/diagnostics.js';
import { runObserved, runScripted } from '../../src/drill/engine.js';
import { importMselFile } from '../../src/drill/import-msel.js';
import { importObserverLogFile } from '../../src/drill/import-observer.js';
import { DrillLog, readLogFile } from '../../src/drill/log.js';
import { collectScenarioFiles, formatTests, testScenario } from '../../src/score/drill-test.js';
import { summaryText } from '../../src/score/summary.js';
import { checkScenario, loadDrill, loadScenario, readTextFile, resolvePlanPath } from '../../src/drill/scenario.js';
import type { DrillEvent, Scenario } from '../../src/drill/types.js';
import type { Plan } from '../../src/model/index.js';
import { parsePlanFile } from '../../src/parse/index.js';
import { afterActionReport } from '../../src/report/index.js';
import { scoreDrill, type Score } from '../../src/score/index.js';
import { t, type Lang } from '../i18n.js';
import { emit, EXIT, printCompact } from '../output.js';
import { progress } from '../progress.js';

const say = (lang: Lang, en: string, zh: string) => process.stderr.write(`${t(lang, en, zh)}\n`);
const errCode = (err: unknown) => (err as NodeJS.ErrnoException)?.code ?? (err as Error)?.message ?? String(err);
const isFile = (p: string) => existsSync(p) && statSync(p).isFile();
const REPORT_FORMATS = ['md', 'html', 'json'] as const;

/** Options of `yuan drill run`. */
export interface DrillRunOptions {
  /** JSONL log to write (default `out/<scenario-id>.log.jsonl`). */
  log?: string;
  /** Also write the after-action report next to the log (`<scenario-id>.report.<ext>`). */
  report?: string;
  lang: Lang;
  /** Language of the report document when `--lang` was given; otherwise the plan's own language. */
  reportLang?: Lang;
}

/** A report is a document for the plan's readers: it follows the plan's language unless --lang says otherwise. */
export const documentLang = (plan: { meta: { language?: string } }, chosen: Lang | undefined): Lang =>
  chosen ?? (plan.meta.language === 'en' ? 'en' : 'zh');

/**
 * `yuan drill run <scenario>`: runs the scenario scripted on a simulated clock, writes the durable JSONL log, and
 * prints the level path, the score, gap counts and a short timeline. Exit 0 ran, 1 the scenario has errors, 2 usage.
 */
export function runDrillRun(scenarioFile: string, opts: DrillRunOptions): number {
  const { lang } = opts;
  if (opts.report !== undefined && !(REPORT_FORMATS as readonly string[]).includes(opts.report)) {
    say(lang, `yuan: unknown --report ${opts.report} (md, html, json)`, `yuan：未知的报告格式 ${opts.report}（md、html、json）`);
    return EXIT.usage;
  }
  if (!isFile(scenarioFile)) { say(lang, `yuan: no scenario file ${scenarioFile}`, `yuan：演练脚本 ${scenarioFile} 不存在`); return EXIT.usage; }
  const d = loadDrill(scenarioFile);
  printCompact(d.diagnostics, lang);
  if (!d.scenario || !d.plan || hasErrors(d.diagnostics)) return EXIT.diagnostics;
  const { scenario, plan } = d;
  const planText = readTextFile(resolvePlanPath(scenario));
  const logFile = opts.log ?? join('out', `${scenario.id}.log.jsonl`);
  let events: DrillEvent[];
  let log: DrillLog | undefined;
  try {
    log = DrillLog.open(logFile);
    events = runScripted(plan, scenario, { sink: log, scenarioSource: d.source, planSource: 'text' in planText ? planText.text : undefined });
  } catch (err) {
    say(lang, `yuan: cannot write the drill log ${logFile}: ${errCode(err)}`, `yuan：无法写入演练记录 ${logFile}：${errCode(err)}`);
    return EXIT.usage;
  } finally {
    log?.close();
  }
  const score = scoreDrill(plan, events, { scenario });
  process.stdout.write(`${summaryText(plan, scenario.title || scenario.id, events, score, lang)}\n`);
  process.stdout.write(`${t(lang, `Log: ${logFile} (${events.length} events)`, `演练记录：${logFile}（${events.length} 条事件）`)}\n`);
  if (opts.report) {
    const file = join(dirname(logFile), `${scenario.id}.report.${opts.report}`);
    try {
      writeText(file, afterActionReport(plan, scenario, events, score, opts.report as (typeof REPORT_FORMATS)[number], documentLang(plan, opts.reportLang)));
    } catch (err) {
      say(lang, `yuan: cannot write the report ${file}: ${errCode(err)}`, `yuan：无法写入评估报告 ${file}：${errCode(err)}`);
      return EXIT.usage;
    }
    process.stdout.write(`${t(lang, `Report: ${file}`, `评估报告：${file}`)}\n`);
  }
  return EXIT.ok;
}

/** Options of `yuan drill test`. */
export interface DrillTestOptions {
  format: string;
  lang: Lang;
  outputFile?: string;
}

/**
 * `yuan drill test [paths…]`: runs every scenario under the paths (default `scenarios/`), checks each `expect:`
 * block and reports per assertion (stylish, json, junit). Exit 0 all pass, 1 any fails, 2 usage.
 */
export function runDrillTest(paths: string[], opts: DrillTestOptions): number {
  const { lang } = opts;
  if (!['stylish', 'json', 'junit'].includes(opts.format)) {
    say(lang, `yuan: unknown --format ${opts.format} (stylish, json, junit)`, `yuan：未知的输出格式 ${opts.format}（stylish、json、junit）`);
    return EXIT.usage;
  }
  const { files, missing } = collectScenarioFiles(paths.length ? paths : ['scenarios']);
  for (const m of missing) say(lang, `yuan: no such file or folder ${m}`, `yuan：文件或目录 ${m} 不存在`);
  if (missing.length) return EXIT.usage;
  if (!files.length) { say(lang, 'yuan: no scenario files (*.yaml, *.yml) found', 'yuan：未找到演练脚本（*.yaml、*.yml）'); return EXIT.usage; }
  const bar = progress(files.length, t(lang, 'drilling', '推演中'));
  const results = files.map((f) => { const r = testScenario(f); bar.tick(); return r; });
  bar.done();
  try {
    emit(formatTests(results, opts.format as 'stylish' | 'json' | 'junit', lang), opts.outputFile);
  } catch (err) {
    say(lang, `yuan: cannot write ${opts.outputFile}: ${errCode(err)}`, `yuan：无法写入 ${opts.outputFile}：${errCode(err)}`);
    return EXIT.usage;
  }
  return results.every((r) => r.ok) ? EXIT.ok : EXIT.diagnostics;
}

/** What `score` and `report` read: a plan, optionally a scenario, and a log (JSONL) or an observer record (CSV). */
export interface DrillInputOptions {
  /** Language of the report document when `--lang` was given (else the plan's). */
  reportLang?: Lang;
  /** Positional input: a scenario (`.yaml`/`.yml`) or a log (JSONL, or an observer `.csv`). */
  input?: string;
  /** Plan file (default: the scenario's plan). */
  plan?: string;
  /** Scenario file: objectives and weights for scoring; its injects replay an observer CSV. */
  scenario?: string;
  /** JSONL drill log, or an observer CSV (`.csv`); without any log, the scenario is run scripted. */
  log?: string;
  /** Observer CSV (same as a `.csv` `log`). */
  observed?: string;
  /** Observer CSV: wall-clock time of the drill start (`09:30:00`; default: the first row). */
  start?: string;
  lang: Lang;
}

interface DrillInput { plan: Plan; scenario?: Scenario; events: DrillEvent[] }

const isScenarioPath = (p: string) => /\.ya?ml$/i.test(p);

/**
 * The scenario a log was written from, when neither `--plan` nor `--scenario` is given: the scenario whose id the
 * log's `drill.start` names, looked for next to the log and under `scenarios/`.
 */
function scenarioOfLog(logFile: string, events: readonly DrillEvent[]): string | undefined {
  const start = events.find((e) => e.type === 'drill.start');
  if (start?.type !== 'drill.start') return undefined;
  const dirs = [dirname(logFile), 'scenarios'].filter((d) => existsSync(d) && statSync(d).isDirectory());
  const { files } = collectScenarioFiles([...new Set(dirs)]);
  return files.find((f) => loadScenario(f).scenario?.id === start.scenario);
}

/** Loads plan, scenario and events for `score` / `report`; prints diagnostics; a number is an exit code. */
function loadInput(opts: DrillInputOptions): DrillInput | number {
  const { lang } = opts;
  let scenarioFile = opts.scenario ?? (opts.input && isScenarioPath(opts.input) ? opts.input : undefined);
  const logFile = opts.log ?? opts.observed ?? (opts.input && !isScenarioPath(opts.input) ? opts.input : undefined);
  for (const [flag, p] of [['--plan', opts.plan], ['--scenario', scenarioFile], ['--log', logFile]] as const) {
    if (p !== undefined && !isFile(p)) { say(lang, `yuan: no such file ${p} (${flag})`, `yuan：文件 ${p} 不存在（${flag}）`); return EXIT.usage; }
  }
  if (!logFile && !scenarioFile) { say(lang, 'yuan: give a drill log (JSONL), an observer CSV or a scenario', 'yuan：请指定演练记录（JSONL）、观察记录 CSV 或演练脚本'); return EXIT.usage; }
  const observed = !!logFile && /\.csv$/i.test(logFile);
  let logged: DrillEvent[] | undefined;
  if (logFile && !observed) {
    const read = readLogFile(logFile);
    printCompact(read.diagnostics, lang);
    if (!read.events.length) { say(lang, `yuan: no valid events in ${logFile}`, `yuan：${logFile} 中没有有效事件`); return EXIT.diagnostics; }
    logged = read.events;
    if (!opts.plan && !scenarioFile) scenarioFile = scenarioOfLog(logFile, logged);
  }
  if (!opts.plan && !scenarioFile) {
    say(lang, 'yuan: cannot tell which plan the drill exercised: give --plan or --scenario', 'yuan：无法确定演练所用的预案，请指定 --plan 或 --scenario');
    return EXIT.usage;
  }
  let scenario: Scenario | undefined;
  let scenarioSource: string | undefined;
  const diagnostics: Diagnostic[] = [];
  if (scenarioFile) {
    const r = loadScenario(scenarioFile);
    diagnostics.push(...r.diagnostics);
    scenario = r.scenario;
    scenarioSource = r.source;
    if (!scenario) { printCompact(diagnostics, lang); return EXIT.diagnostics; }
  }
  const planFile = opts.plan ?? resolvePlanPath(scenario!);
  const p = parsePlanFile(planFile);
  if (!p.plan) { printCompact([...diagnostics, ...p.diagnostics], lang); return EXIT.diagnostics; }
  const plan = p.plan;
  if (scenario) diagnostics.push(...checkScenario(scenario, plan));
  printCompact(diagnostics, lang);
  if (hasErrors(diagnostics)) return EXIT.diagnostics;
  if (logged) return { plan, scenario, events: logged };

  const planText = readTextFile(planFile);
  const planSource = 'text' in planText ? planText.text : undefined;
  const planPath = scenario?.plan || relative(process.cwd(), resolve(planFile)).split(sep).join('/');
  if (!observed) return { plan, scenario, events: runScripted(plan, scenario!, { planSource, scenarioSource, planPath }) };
  const obs = importObserverLogFile(logFile!, plan, { start: opts.start });
  printCompact(obs.diagnostics, lang);
  if (hasErrors(obs.diagnostics) && !obs.actions.length) return EXIT.diagnostics;
  return { plan, scenario, events: runObserved(plan, scenario, obs.actions, { planSource, scenarioSource, planPath }) };
}

/** Options of `yuan drill score`. */
export interface DrillScoreOptions extends DrillInputOptions {
  /** `text` (summary, default) or `json` (the whole Score). */
  format?: string;
  /** Write the output to a file. */
  output?: string;
  /** Write the events (e.g. replayed from an observer CSV) as a JSONL log. */
  outLog?: string;
}

/**
 * `yuan drill score --plan <plan> --log <log.jsonl|observer.csv> [--scenario <scenario>]`: scores a drill. An
 * observer CSV is replayed through the engine (mode `observed`, with the scenario's injects when given) first.
 * Exit 0 scored, 1 unreadable inputs, 2 usage.
 */
export function runDrillScore(opts: DrillScoreOptions): number {
  const { lang } = opts;
  const format = opts.format ?? 'text';
  if (!['text', 'json'].includes(format)) { say(lang, `yuan: unknown --format ${format} (text, json)`, `yuan：未知的输出格式 ${format}（text、json）`); return EXIT.usage; }
  const input = loadInput(opts);
  if (typeof input === 'number') return input;
  const { plan, scenario, events } = input;
  const score = scoreDrill(plan, events, { scenario });
  try {
    if (opts.outLog) writeLogFile(opts.outLog, events);
    emit(format === 'json' ? JSON.stringify(score, null, 2) : summaryText(plan, scenario?.title || startOf(events) || plan.meta.id, events, score, lang), opts.output);
  } catch (err) {
    say(lang, `yuan: cannot write: ${errCode(err)}`, `yuan：无法写入：${errCode(err)}`);
    return EXIT.usage;
  }
  return EXIT.ok;
}

/** Options of `yuan drill report`. */
export interface DrillReportOptions extends DrillInputOptions {
  format: string;
  /** Output file (required for pdf; default stdout for the text formats). */
  output?: string;
  /** ISO date of the drill, for the corrective actions' due dates. */
  date?: string;
}

/**
 * `yuan drill report --log <log> [--scenario s] [--plan p] --format md|html|json|pdf -o <file>`: the after-action
 * report (复盘报告). PDF prints the HTML report in headless Chromium. Exit 0 written, 1 unreadable inputs, 2 usage.
 */
export async function runDrillReport(opts: DrillReportOptions): Promise<number> {
  const { lang } = opts;
  if (![...REPORT_FORMATS, 'pdf'].includes(opts.format)) {
    say(lang, `yuan: unknown --format ${opts.format} (md, html, json, pdf)`, `yuan：未知的报告格式 ${opts.format}（md、html、json、pdf）`);
    return EXIT.usage;
  }
  if (opts.format === 'pdf' && !opts.output) { say(lang, 'yuan: a PDF report needs -o <file>', 'yuan：PDF 报告需要用 -o 指定输出文件'); return EXIT.usage; }
  const input = loadInput(opts);
  if (typeof input === 'number') return input;
  const { plan, scenario, events } = input;
  const score: Score = scoreDrill(plan, events, { scenario });
  let text: string;
  try {
    text = afterActionReport(plan, scenario, events, score, opts.format === 'pdf' ? 'html' : (opts.format as (typeof REPORT_FORMATS)[number]), documentLang(plan, opts.reportLang), { date: opts.date });
  } catch (err) {
    say(lang, `yuan: ${(err as Error).message}`, `yuan：${(err as Error).message}`);
    return EXIT.usage;
  }
  if (opts.format !== 'pdf') {
    try { emit(text, opts.output); } catch (err) {
      say(lang, `yuan: cannot write ${opts.output}: ${errCode(err)}`, `yuan：无法写入 ${opts.output}：${errCode(err)}`);
      return EXIT.usage;
    }
    return EXIT.ok;
  }
  const { Renderer, ChromiumNotFoundError } = await import('../../src/render/browser.js');
  let renderer: Awaited<ReturnType<typeof Renderer.open>> | undefined;
  try {
    renderer = await Renderer.open();
    const pdf = await renderer.renderPdf({ html: text }, { lang, footer: true });
    mkdirSync(dirname(opts.output!), { recursive: true });
    writeFileSync(opts.output!, pdf);
  } catch (err) {
    if (err instanceof ChromiumNotFoundError) say(lang, `yuan: ${err.message}`, `yuan：未找到 Chromium，无法生成 PDF（${err.message}）`);
    else say(lang, `yuan: cannot write the PDF ${opts.output}: ${errCode(err)}`, `yuan：无法生成 PDF ${opts.output}：${errCode(err)}`);
    return EXIT.usage;
  } finally {
    await renderer?.close();
  }
  say(lang, `Report: ${opts.output}`, `评估报告：${opts.output}`);
  return EXIT.ok;
}

/** Options of `yuan drill import`. */
export interface DrillImportOptions {
  /** Plan file (default: the CSV's `# plan:` line). */
  plan?: string;
  /** Scenario YAML to write (default stdout). */
  output?: string;
  lang: Lang;
}

/** `yuan drill import <msel.csv> [--plan p] [-o scenario.yaml]`: MSEL CSV → scenario YAML. Exit 0, 1 errors, 2 usage. */
export function runDrillImport(csvFile: string, opts: DrillImportOptions): number {
  const { lang } = opts;
  if (!isFile(csvFile)) { say(lang, `yuan: no CSV file ${csvFile}`, `yuan：CSV 文件 ${csvFile} 不存在`); return EXIT.usage; }
  if (opts.plan !== undefined && !isFile(opts.plan)) { say(lang, `yuan: no plan file ${opts.plan}`, `yuan：预案文件 ${opts.plan} 不存在`); return EXIT.usage; }
  const r = importMselFile(csvFile, { plan: opts.plan, output: opts.output });
  printCompact(r.diagnostics, lang);
  if (!r.yaml || hasErrors(r.diagnostics)) return EXIT.diagnostics;
  try {
    emit(r.yaml, opts.output);
  } catch (err) {
    say(lang, `yuan: cannot write ${opts.output}: ${errCode(err)}`, `yuan：无法写入 ${opts.output}：${errCode(err)}`);
    return EXIT.usage;
  }
  if (opts.output) say(lang, `Scenario: ${opts.output} (${r.scenario?.injects.length ?? 0} injects)`, `演练脚本：${opts.output}（${r.scenario?.injects.length ?? 0} 条情景注入）`);
  return EXIT.ok;
}

function writeText(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text.endsWith('\n') ? text : `${text}\n`);
}

function writeLogFile(file: string, events: readonly DrillEvent[]): void {
  const log = DrillLog.open(file);
  try { log.appendAll(events); } finally { log.close(); }
}

function startOf(events: readonly DrillEvent[]): string | undefined {
  const s = events.find((e) => e.type === 'drill.start');
  return s?.type === 'drill.start' ? s.scenario : undefined;
}
