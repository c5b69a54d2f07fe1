import type { Expr } from '../expr/ast.js';
import type { Duration } from './duration.js';
import type { Located, Place } from './place.js';

/** 综合应急预案 / 专项应急预案 / 现场处置方案. */
export type PlanKind = 'general' | 'special' | 'onsite';

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
}

/** A declared incident fact that trigger conditions may use (泄漏量, 死亡人数, 降雨量 …). */
export interface Fact extends Located {
  id: string;
  label?: string;
  /** `judgement`: a boolean decided by a named body (`超出省级人民政府处置能力`, `国务院领导认为需要`), never observed. */
  type: 'number' | 'integer' | 'boolean' | 'enum' | 'judgement';
  /** Who decides a judgement fact (role id or body name). */
  decidedBy?: string;
  unit?: string;
  /** Allowed values of an enum fact. */
  values?: string[];
  /** Lower bound of the fact's domain (default 0 for number/integer). */
  min?: number;
  max?: number;
}

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
}

/** A trigger condition in yuan's expression language, with its parsed AST. */
export interface Trigger extends Located {
  /** Exactly as written. */
  text: string;
  /** Parsed AST (absent when the text did not parse; a diagnostic was reported). */
  ast?: Expr;
  /** Offset of `text` inside its source file, so expression columns map to file columns. */
  textOffset?: number;
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
}

export type Colour = 'red' | 'orange' | 'yellow' | 'blue';

/** A response level (响应分级): I–IV or custom. */
export interface Level extends Located {
  id: string;
  name?: string;
  /** Severity rank: 1 is the most severe (I). */
  rank: number;
  colour?: Colour;
  trigger?: Trigger;
  /** Role id that decides to start this level. */
  decidedBy?: string;
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
  /** Responsible role id. */
  role?: string;
  /** Level ids the step applies to; empty means every level. */
  levels: string[];
  /** Level spec as written ("III+", "全部", "II, I"); kept for export. */
  levelsText?: string;
  deadline?: Duration;
  /** Ids of steps that must finish first. */
  after: string[];
  resources: ResourceUse[];
  /** Role ids to notify when the step is done. */
  notify: string[];
  /** Only performed when this holds. */
  condition?: Trigger;
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

/** An external reporting duty (信息报告): to whom, within how long. */
export interface Report extends Located {
  to: string;
  within?: Duration;
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
  | 'resources' | 'reports' | 'contacts' | 'appendix' | 'other';

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
  steps: Step[];
  escalations: Escalation[];
  termination?: Termination;
  resources: Resource[];
  reports: Report[];
  sections: Section[];
}

export type { Place };
