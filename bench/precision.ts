import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Diagnostic } from '../src/diagnostics.js';
import { collectPlanFiles } from '../src/parse/index.js';
import { allRules, findConfig, lintFiles, loadConfig, type LintConfig } from '../src/validate/index.js';

/** One entry of a golden file (plans/real/<id>.expected.yaml; format in plans/real/README.md). */
export interface GoldenEntry {
  line: number;
  rule: string;
  /** The rule issue 10 plans for a `none-yet` defect (or a narrower id for an existing one). */
  proposed?: string;
  'also-rule'?: string;
  /** Other lines the same defect may be reported at. */
  also?: number[];
  why?: string;
  group?: string;
  'found-by'?: string;
}

/** A golden file: true defects, items that depend on unseen text, and places that must never be reported. */
export interface Golden {
  plan: string;
  findings: GoldenEntry[];
  uncertain: GoldenEntry[];
  notDefects: GoldenEntry[];
}

/** How one finding was judged against the golden file of its plan. */
export type Verdict = 'true' | 'dup' | 'uncertain' | 'anticipated' | 'new';

/** A finding with its verdict (and the golden entry it matched or hit). */
export interface Judged {
  diagnostic: Diagnostic;
  plan: string;
  verdict: Verdict;
  golden?: GoldenEntry;
}

/** Per-rule counts: findings, true (first match of a golden finding), dup (the same defect again), uncertain, false, missed. */
export interface RuleRow {
  rule: string;
  findings: number;
  true: number;
  dup: number;
  uncertain: number;
  false: number;
  missed: number;
}

/** The comparison of a lint run with every golden file. */
export interface Precision {
  judged: Judged[];
  missed: { plan: string; entry: GoldenEntry }[];
  rows: RuleRow[];
  goldenCount: number;
  /** True findings (first matches and repeats) over every finding that is not `uncertain`. */
  precision: number;
  /** Golden findings matched over all golden findings. */
  recall: number;
}

const list = (v: unknown): GoldenEntry[] => (Array.isArray(v) ? (v as GoldenEntry[]) : []);

/** Reads every `<id>.expected.yaml` of a folder, keyed by the plan file name (`<id>.md`). */
export function loadGolden(dir: string): Map<string, Golden> {
  const out = new Map<string, Golden>();
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.expected.yaml')).sort()) {
    const raw = parseYaml(readFileSync(join(dir, name), 'utf8')) as Record<string, unknown>;
    const plan = typeof raw.plan === 'string' ? raw.plan : name.replace(/\.expected\.yaml$/, '.md');
    out.set(plan, { plan, findings: list(raw.findings), uncertain: list(raw.uncertain), notDefects: list(raw['not-defects']) });
  }
  return out;
}

/** Rule ids a golden entry accepts: its rule, the proposed rule once it exists, and `also-rule`. */
const rulesOf = (g: GoldenEntry) => new Set([g.rule, g.proposed, g['also-rule']].filter((r): r is string => !!r && r !== 'none-yet'));
const linesOf = (g: GoldenEntry) => new Set([g.line, ...(g.also ?? [])]);
const hits = (g: GoldenEntry, d: Diagnostic) => rulesOf(g).has(d.ruleId) && linesOf(g).has(d.place?.start.line ?? 1);
/** The rule a golden entry is counted under: its rule, or the proposed one while it is `none-yet`. */
const ruleOf = (g: GoldenEntry) => (g.rule === 'none-yet' ? `${g.proposed ?? 'none-yet'} (none-yet)` : g.rule);

/**
 * Judges every finding against the golden file of its plan: a finding matches a golden finding when the file, the line
 * (or an `also` line) and the rule (or `proposed` / `also-rule`) agree; a second finding for a matched defect is a
 * repeat. Otherwise it is `uncertain` (the golden file is uncertain about that rule in that plan), `anticipated` (a
 * not-defect the golden file lists at that line and rule) or `new` — both false.
 */
export function comparePrecision(diagnostics: Diagnostic[], golden: Map<string, Golden>): Precision {
  const judged: Judged[] = [];
  const matched = new Set<GoldenEntry>();
  for (const d of diagnostics) {
    const plan = basename(d.file);
    const g = golden.get(plan);
    if (!g) continue;
    const hit = g.findings.find((e) => hits(e, d));
    if (hit) {
      judged.push({ diagnostic: d, plan, verdict: matched.has(hit) ? 'dup' : 'true', golden: hit });
      matched.add(hit);
      continue;
    }
    // An uncertain entry names one place for a doubt about a rule on the whole page (the levels' deciders, the steps'
    // limits), as the golden files' own comparison script reads it: any finding of that rule in the plan is uncertain.
    const unc = g.uncertain.find((e) => rulesOf(e).has(d.ruleId));
    if (unc) { judged.push({ diagnostic: d, plan, verdict: 'uncertain', golden: unc }); continue; }
    const nd = g.notDefects.find((e) => hits(e, d));
    judged.push({ diagnostic: d, plan, verdict: nd ? 'anticipated' : 'new', golden: nd });
  }
  const missed = [...golden.values()].flatMap((g) => g.findings.filter((e) => !matched.has(e)).map((entry) => ({ plan: g.plan, entry })));
  const rows = new Map<string, RuleRow>();
  const row = (rule: string) => {
    if (!rows.has(rule)) rows.set(rule, { rule, findings: 0, true: 0, dup: 0, uncertain: 0, false: 0, missed: 0 });
    return rows.get(rule)!;
  };
  for (const j of judged) {
    const r = row(j.diagnostic.ruleId);
    r.findings++;
    if (j.verdict === 'true') r.true++;
    else if (j.verdict === 'dup') r.dup++;
    else if (j.verdict === 'uncertain') r.uncertain++;
    else r.false++;
  }
  for (const m of missed) row(ruleOf(m.entry)).missed++;
  const goldenCount = [...golden.values()].reduce((n, g) => n + g.findings.length, 0);
  const trueCount = judged.filter((j) => j.verdict === 'true' || j.verdict === 'dup').length;
  const judgedCount = judged.filter((j) => j.verdict !== 'uncertain').length;
  return {
    judged, missed, goldenCount,
    rows: [...rows.values()].sort((a, b) => b.findings - a.findings || b.missed - a.missed || a.rule.localeCompare(b.rule)),
    precision: judgedCount ? trueCount / judgedCount : 1,
    recall: goldenCount ? matched.size / goldenCount : 1,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

/** The per-rule table and the two numbers, as text lines. */
export function precisionTable(p: Precision): string[] {
  const head = ['rule', 'findings', 'true', 'dup', 'uncertain', 'false', 'missed'];
  const body = p.rows.map((r) => [r.rule, r.findings, r.true, r.dup, r.uncertain, r.false, r.missed].map(String));
  const total = (k: keyof Omit<RuleRow, 'rule'>) => String(p.rows.reduce((n, r) => n + r[k], 0));
  body.push(['(all)', total('findings'), total('true'), total('dup'), total('uncertain'), total('false'), total('missed')]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const trueCount = p.judged.filter((j) => j.verdict === 'true' || j.verdict === 'dup').length;
  const judgedCount = p.judged.filter((j) => j.verdict !== 'uncertain').length;
  const matched = p.goldenCount - p.missed.length;
  return [
    fmt(head), ...body.map(fmt),
    `precision ${pct(p.precision)} (${trueCount} true of ${judgedCount} findings, ${p.judged.length - judgedCount} uncertain left out) · recall ${pct(p.recall)} (${matched} of ${p.goldenCount} golden findings)`,
  ];
}

/** Lints the corpus folder the way `yuan lint <dir>` would (the repository's config, a fixed "today") and compares. */
export function measureCorpus(dir = 'plans/real', today = '2026-11-25'): Precision {
  const configFile = findConfig();
  let config: LintConfig = {};
  if (configFile) config = loadConfig(configFile, allRules.map((r) => r.meta.id)).config;
  const golden = loadGolden(dir);
  const files = collectPlanFiles([dir]).files.filter((f) => golden.has(basename(f)));
  const { diagnostics } = lintFiles(files, { config, today });
  return comparePrecision(diagnostics, golden);
}
