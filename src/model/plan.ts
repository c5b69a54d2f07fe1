import type { Expr } from './expr.js';
import type { Duration } from './duration.js';
import type { Located, Place } from './place.js';

/** 综合应急预案 / 专项应急预案 / 现场处置方案. */
export type PlanKind = 'general' | 'special' | 'onsite';

/**
 * How level numbers map to severity: `1-highest` (Ⅰ/一级/Level 1 is the most severe — Chinese plans by law) or
 * `1-lowest` (Level 3 is the most severe, as in many Canadian EOC plans). Levels without numbers follow their colours.
 */
export type LevelOrder = '1-highest' | '1-lowest';

/**
 * How a level is selected when the facts meet criteria of several levels: `highest` (就高不就低 — each level lists
 * alternatives, "符合下列条件之一", and the most severe level met applies) or `exclusive` (the triggers are meant to be
 * disjoint; two that hold at once are a defect).
 */
export type GradingConvention = 'highest' | 'exclusive';

/** Regulatory regime a plan is written under (the lint profile): GB/T 29639 enterprise plans, government plans, NIMS/ICS. */
export type Regime = 'enterprise' | 'government' | 'international';

/**
 * How a started response changes level: `judgement` (根据事态发展调整响应级别 — the deciding body raises or lowers the level
 * as the incident develops, with no per-level rule) or `rules` (only by the escalation table).
 */
export type LevelAdjustment = 'judgement' | 'rules';

/** Where a real published plan comes from (plans/real/): cited in front matter. */
export interface PlanSource {
  title?: string;
  issuer?: string;
  /** Document number (文号), e.g. 国办函〔2014〕119号. */
  number?: string;
  date?: string;
  /** Address of the text read; several when the text was read on several pages. */
  url?: string | string[];
  /** What the encoding covers when it is an excerpt. */
  note?: string;
  /**
   * True when the plan is an excerpt of the source (some sections were not seen): lint does not report what is missing
   * from the whole plan. A `note` that begins with 摘录 / Excerpt says the same.
   */
  excerpt?: boolean;
}

/** Plan metadata (front matter in Markdown, `plan:` keys in YAML). */
export interface PlanMeta extends Located {
  id: string;
  title: string;
  kind: PlanKind;
  /** Id of the parent plan in the 1+N system (general plans have none). */
  parent?: string;
  version?: string;
  /** ISO date the plan was issued (发布). */
  issued?: string;
  /** ISO date of the last review/revision (评审/修订). */
  reviewed?: string;
  /** Owning department (编制/归口部门). */
  owner?: string;
  /** `zh` or `en` (message and export language). */
  language?: string;
  /** Organisation the plan belongs to. */
  organization?: string;
  /** Hazard a special plan covers (危险化学品泄漏, 火灾, 洪涝 …). */
  hazard?: string;
  /** Authority the plan is filed with (备案). */
  filedWith?: string;
  /** Plan id this plan hands over to when an incident outgrows it (on-site procedure → special plan). */
  escalatesTo?: string;
  /** Level numbering direction, when the level ids do not settle it (see `LevelOrder`). */
  levelOrder?: LevelOrder;
  /** Level selection convention (default `highest`). */
  grading?: GradingConvention;
  /** What `立即` / `immediately` allows (default 5 min). */
  immediate?: Duration;
  /** Regulatory regime the plan is written under (lint profiles): enterprise, government, international. */
  regime?: Regime;
  /** How a started response changes level (see `LevelAdjustment`); when absent, the escalation table and the grading convention. */
  adjustment?: LevelAdjustment;
  /** Statutory reading of 以上 / 以下 (default: 以上 includes the number, 以下 excludes it). */
  bounds?: { above: 'inclusive' | 'exclusive'; below: 'inclusive' | 'exclusive' };
  /** Source of a real published plan. */
  source?: PlanSource;
  /** The plan's scope floor: incidents below it are handled by other plans (see `ScopeFloor`). */
  scope?: ScopeFloor;
  /** Id of the reference grade definitions the plan's grades follow (data/reference-grades/<id>.yaml, e.g. `order-493`). */
  grades?: string;
}

/**
 * A scope floor (适用范围下限): incidents below it are left to other plans by design — a provincial plan leaves 较大 and
 * 一般 events to city and county plans. `below` is a level id (incidents that start no level at or above it) or a
 * condition on the facts; `handledBy` says who handles them (市县预案, 盟市、旗县级人民政府).
 */
export interface ScopeFloor {
  below: string;
  handledBy?: string;
}

/** A declared incident fact that trigger conditions may use (泄漏量, 死亡人数, 降雨量 …). */
export interface Fact extends Located {
  id: string;
  label?: string;
  /** `judgement`: a yes/no decided by a named body (超出省级处置能力), never an observation. */
  type: 'number' | 'integer' | 'boolean' | 'enum' | 'judgement';
  unit?: string;
  /** Allowed values of an enum fact. */
  values?: string[];
  /** Lower bound of the fact's domain (default 0 for number/integer). */
  min?: number;
  max?: number;
  /** Role that makes a `judgement`. */
  decidedBy?: string;
}

/** What a role is: a person or post (总指挥, 值班长), a body (国务院安委会, 省人民政府, a department), or the public. */
export type RoleKind = 'post' | 'body' | 'public';

/** A role in the response organisation (应急组织机构及职责). */
export interface Role extends Located {
  id: string;
  name: string;
  /** Who holds it (position or person): 总经理, 当班值班长. */
  holder?: string;
  /** Stand-ins when the holder is absent (role ids or positions). */
  deputies: string[];
  /** Phone or other contact. */
  contact?: string;
  duties: string[];
  /** Id of the role/group this one belongs to (e.g. a team under the command post). */
  memberOf?: string;
  /** Declared kind; when absent, rules infer it from the name (`roleKind`). */
  kind?: RoleKind;
}

/** A trigger condition in yuan's expression language, with its parsed AST. */
export interface Trigger extends Located {
  /** Exactly as written. */
  text: string;
  /** Parsed AST (absent when the text did not parse; a diagnostic was reported). */
  ast?: Expr;
  /** Offset of `text` inside its source file, so expression columns map to file columns. */
  textOffset?: number;
  /** The plan's own wording of this criterion (原文), kept beside the condition for reviewers. */
  note?: string;
  /** True for a level trigger made by the parser as the OR of its criteria (not written; not exported). */
  derived?: boolean;
}

/** A warning level (预警): blue / yellow / orange / red. */
export interface WarningLevel extends Located {
  id: string;
  colour: Colour;
  trigger?: Trigger;
  /** How far ahead the warning is issued (提前量, e.g. 72 h). */
  lead?: Duration;
  /** Measures taken on this warning. */
  actions?: string;
  /** Who issues the warning (发布单位). */
  issuer?: string;
  /** Call-back (叫应) deadline: the responsible person must acknowledge within it. */
  callback?: Duration;
}

export type Colour = 'red' | 'orange' | 'yellow' | 'blue';

/** A response level (响应分级): I–IV or custom. */
export interface Level extends Located {
  id: string;
  name?: string;
  /** Severity rank: 1 is the most severe (I). */
  rank: number;
  colour?: Colour;
  /** The condition: as written, or (`derived`) the OR of `criteria`. */
  trigger?: Trigger;
  /** Listed criteria, any one of which starts the level (符合下列条件之一); a written trigger is one criterion. */
  criteria: Trigger[];
  /** Started by decision of `decidedBy` without measurable criteria (一级由自治区人民政府决定启动). */
  manual?: boolean;
  /** Role id that decides to start this level. */
  decidedBy?: string;
  /** Other roles that may decide instead ("the CAO, the Fire Chief or the EOC Director"). */
  deciderAlternatives: string[];
  /** Deadline to activate the level after the incident is reported. */
  activation?: Duration;
  /** The parent plan's level this level corresponds to (1+N linkage, 上下级响应衔接). */
  parentLevel?: string;
  description?: string;
}

/** A resource demand of a step. */
export interface ResourceUse extends Located {
  resource: string;
  quantity?: number;
}

/** A response step (响应程序 / 处置措施). */
export interface Step extends Located {
  id: string;
  action: string;
  /** Responsible (lead, 牵头) role id. */
  role?: string;
  /** Roles that may do the step instead of `role` (A 或 B; "A, B or C"). */
  alternatives: string[];
  /** Supporting roles (会同 / 配合 / with). */
  support: string[];
  /** 应 / 必须 (shall, default), 宜 (should), 可 (may). */
  obligation?: Obligation;
  /** Level ids the step applies to; empty means every level. */
  levels: string[];
  /** Level spec as written ("III+", "全部", "II, I"); kept for export. */
  levelsText?: string;
  deadline?: Duration;
  /** Ids of steps that must all finish first. */
  after: string[];
  /** Ids of steps at least one of which must finish first (after the fire branch or the poisoning branch). */
  afterAny: string[];
  resources: ResourceUse[];
  /** Role ids to notify when the step is done. */
  notify: string[];
  /** Only performed when this holds. */
  condition?: Trigger;
}

/** Strength of a duty: 应 / 必须 (shall), 宜 (should), 可 (may). */
export type Obligation = 'shall' | 'should' | 'may';

/** A readiness state before activation (启动准备 / 预警响应 / standby). */
export interface Standby extends Located {
  id: string;
  name?: string;
  trigger?: Trigger;
  decidedBy?: string;
  actions?: string;
}

/** A rule for moving between levels (升级 / 降级). */
export interface Escalation extends Located {
  from: string;
  to: string;
  when: Trigger;
}

/** Termination (响应终止). */
export interface Termination extends Located {
  when?: Trigger;
  /** Role id that declares the end. */
  decidedBy?: string;
  /** Deadline for the follow-up / summary report after termination. */
  followUp?: Duration;
  description?: string;
}

/** A resource (应急物资 / 装备). */
export interface Resource extends Located {
  id: string;
  name: string;
  quantity?: number;
  unit?: string;
  location?: string;
  /** Role id that keeps it. */
  keeper?: string;
}

/** Kind of report in a reporting chain: 首报, 逐级上报, 补报, 续报, 通报 (to peers), 书面报告 (after a phone report). */
export type ReportKind = 'first' | 'hop' | 'supplementary' | 'follow-up' | 'notice' | 'written';

/** An external reporting duty (信息报告): to whom, within how long. */
export interface Report extends Located {
  to: string;
  kind?: ReportKind;
  /** Only owed when this holds (kind of operator, casualties changed …). */
  when?: Trigger;
  within?: Duration;
  obligation?: Obligation;
  /** Role id that reports. */
  by?: string;
  /** Level ids it applies to; empty means every level. */
  levels: string[];
  levelsText?: string;
  contact?: string;
  content?: string;
}

/** Canonical keys of prose sections (GB/T 29639-2020 elements). */
export type SectionKey =
  | 'general' | 'scope' | 'principles' | 'system' | 'risk' | 'organization'
  | 'warning' | 'response' | 'information' | 'levels' | 'activation'
  | 'procedure' | 'support' | 'termination' | 'aftermath' | 'assurance'
  | 'communication' | 'teams' | 'supplies' | 'notes' | 'facts' | 'escalation'
  | 'resources' | 'reports' | 'contacts' | 'appendix' | 'standby' | 'constraints' | 'criteria' | 'other';

/** A section of the plan as written: canonical key, heading, prose body. */
export interface Section extends Located {
  key: SectionKey;
  title: string;
  /** Heading depth (1–6) in Markdown; 2 in YAML. */
  depth: number;
  /** Prose of the section (without structured tables/lists that became model nodes). */
  text: string;
}

/** Source syntax of a plan. */
export type PlanFormat = 'markdown' | 'yaml';

/** An emergency plan: the one model both syntaxes parse to. */
export interface Plan extends Located {
  file: string;
  format: PlanFormat;
  meta: PlanMeta;
  facts: Fact[];
  roles: Role[];
  warnings: WarningLevel[];
  levels: Level[];
  /** Readiness states before activation. */
  standby: Standby[];
  /** Facts that constrain each other (rain_3h <= rain_6h; 严重险情 implies 险情). */
  constraints: Trigger[];
  steps: Step[];
  escalations: Escalation[];
  termination?: Termination;
  resources: Resource[];
  reports: Report[];
  sections: Section[];
}

export type { Place };
