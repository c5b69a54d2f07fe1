import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Severity } from '../diagnostics.js';
import type { Message, MessageValue } from '../i18n/index.js';
import type { Located, Place, Plan, PlanKind, Regime } from '../model/index.js';
import { packageRoot } from '../paths.js';
import type { Profile } from './profile.js';

/**
 * Base URL of the rule pages (`<base><rule-id>.md`): `YUAN_DOCS_URL`, else the config's `docsUrl`, else the
 * docs/rules/ folder of the installed package as a file: URL — it ships in the package, so the link opens on the
 * machine that ran yuan. Set a web URL (your repository's docs/rules/) when the links are read elsewhere, such as
 * SARIF uploaded to a code-scanning dashboard.
 */
export function docsBase(config?: { docsUrl?: string }, env: NodeJS.ProcessEnv = process.env): string {
  const base = env.YUAN_DOCS_URL || config?.docsUrl || pathToFileURL(join(packageRoot(), 'docs', 'rules')).href;
  return base.endsWith('/') ? base : `${base}/`;
}

/** ESLint-style metadata of a rule. */
export interface RuleMeta {
  id: string;
  description: { en: string; zh: string };
  /** Severity in the `recommended` preset; `off` rules only run in `strict` or when enabled. */
  severity: Severity | 'off';
  /** Severity in the `strict` preset (defaults to `error`). */
  strict?: Severity | 'off';
  /** The standard clause the rule enforces (GB/T 29639-2020 6.3.2, 生产安全事故报告和调查处理条例 第九条 …). */
  clause?: string;
  /** Plan kinds the rule applies to (all when absent). */
  kinds?: PlanKind[];
  /** Regimes the rule applies to (all when absent); a rule that applies to all reads `ctx.regime` for its policy. */
  regimes?: Regime[];
  /**
   * The rule reports something missing from the plan as a whole (a section, a date, a termination): it does not run on
   * an excerpt, whose missing parts were simply not seen.
   */
  wholePlan?: boolean;
  /** Default options. */
  options?: Record<string, unknown>;
  /**
   * What the rule reports, by message id (ESLint's `meta.messages`): a template per language whose `{name}`
   * placeholders a finding fills with its `data`. SARIF lists them as the rule's `messageStrings` (docs/i18n.md).
   */
  messages?: Readonly<Record<string, Message>>;
}

/** Something a rule points at: a model node (optionally one of its fields) or an explicit place, in this plan or another. */
export interface Target {
  node?: Located;
  field?: string;
  place?: Place;
  /** The file, when the target lives in another plan (system rules). */
  file?: string;
}

/** A finding's words: a `meta.messages` id with its data, or (older rules) the text written out in both languages. */
export type FindingText =
  | { messageId: string; data?: Readonly<Record<string, MessageValue>>; message?: undefined; messageZh?: undefined }
  | { message: string; messageZh: string; messageId?: undefined; data?: undefined };

/** One finding as a rule reports it; the runner resolves the place and the words, and stamps id, severity and URL. */
export type Finding = Target & FindingText & { related?: (Target & FindingText)[] };

/** An analysis a rule could not finish within its work limit, and where to say so. */
export interface Truncation extends Target {
  /** What was cut short ("the search of the level statechart" / "级别状态图的搜索"). */
  what: { en: string; zh: string };
  /** The limit that was hit ("the control-state limit" / "控制状态数上限"), when it can be named. */
  limit?: { en: string; zh: string };
}

/** What a per-plan rule sees. */
export interface RuleContext {
  plan: Plan;
  /** The rule's options merged over its defaults. */
  options: Record<string, unknown>;
  /** "Today" as an ISO date (injected so results are reproducible). */
  today: string;
  /** The regime the plan is judged under (declared, from the config, or inferred). */
  regime: Regime;
  /** The plan covers only part of its source. */
  excerpt: boolean;
  profile: Profile;
  report(finding: Finding): void;
  /**
   * Says the rule's analysis was cut short, so it draws no conclusion there: reported as a warning (never a silent
   * partial answer, never an error about the plan itself).
   */
  truncated(t: Truncation): void;
}

/** What a system (1+N) rule sees: every plan linted together. */
export interface SystemContext extends Omit<RuleContext, 'plan' | 'regime' | 'excerpt' | 'profile'> {
  plans: Plan[];
  /** The profile of one of the plans. */
  profileOf(plan: Plan): Profile;
}

/** A lint rule: one file under src/validate/rules/, exporting `meta` and either `check` (per plan) or `checkSystem`. */
export interface Rule {
  meta: RuleMeta;
  check?(ctx: RuleContext): void;
  checkSystem?(ctx: SystemContext): void;
}

/** The documentation URL of a rule (`base` from `docsBase`). */
export const ruleUrl = (id: string, base = docsBase()): string => `${base}${id}.md`;

/** Defines a rule (identity function that keeps the type). */
export const defineRule = (rule: Rule): Rule => rule;
