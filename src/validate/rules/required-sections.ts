import type { Plan, PlanKind, Regime, SectionKey } from '../../model/index.js';
import { defineRule } from '../rule.js';

/** One element a regime requires in a plan of some kind. */
interface Element {
  /** Element name in the standard (Chinese). */
  zh: string;
  /** Chinese heading to write (defaults to zh). */
  heading?: string;
  en: string;
  /** English heading to write (an alias the parser accepts). */
  headingEn: string;
  clause: string;
  /** Section keys that count as the element being written. */
  keys: SectionKey[];
  /** Structured content that also counts (a roles table, steps, …). */
  has?: (plan: Plan) => boolean;
}

type Base = Omit<Element, 'clause'>;
const ORGANIZATION: Base = { zh: '应急组织机构及职责', en: 'organisation and duties', headingEn: 'Roles and responsibilities', keys: ['organization'], has: (p) => p.roles.length > 0 };
const LEVELS: Base = { zh: '响应启动（响应分级）', heading: '响应分级', en: 'response activation (levels)', headingEn: 'Response levels', keys: ['levels', 'activation'], has: (p) => p.levels.length > 0 };
const PROCEDURE: Base = { zh: '处置措施', en: 'response measures', headingEn: 'Response procedure', keys: ['procedure', 'response'], has: (p) => p.steps.length > 0 };
const ASSURANCE: Base = { zh: '应急保障', en: 'assurance', headingEn: 'Assurance', keys: ['assurance', 'communication', 'teams', 'supplies', 'resources'], has: (p) => p.resources.length > 0 };
const REPORTS: Base = { zh: '信息报告', en: 'information reporting', headingEn: 'Reporting', keys: ['reports', 'information'], has: (p) => p.reports.length > 0 };
const WARNING: Base = { zh: '预警', en: 'warning', headingEn: 'Warnings', keys: ['warning'], has: (p) => p.warnings.length > 0 };

const GBT = 'GB/T 29639-2020';
const ENTERPRISE: Record<PlanKind, Element[]> = {
  general: [
    { zh: '总则（适用范围）', heading: '适用范围', en: 'general provisions (scope)', headingEn: 'Scope', clause: `${GBT} 6.1.1`, keys: ['general', 'scope'] },
    { ...ORGANIZATION, clause: `${GBT} 6.2` },
    { ...REPORTS, clause: `${GBT} 6.3.1` },
    { ...WARNING, clause: `${GBT} 6.3.2` },
    { ...LEVELS, clause: `${GBT} 6.1.2 / 6.3.3` },
    { ...PROCEDURE, zh: '应急处置', clause: `${GBT} 6.3.4` },
    { zh: '响应终止', en: 'termination', headingEn: 'Termination', clause: `${GBT} 6.3.6`, keys: ['termination'], has: (p) => p.termination !== undefined },
    { zh: '后期处置', en: 'aftermath', headingEn: 'Aftermath', clause: `${GBT} 6.4`, keys: ['aftermath'] },
    { ...ASSURANCE, clause: `${GBT} 6.5` },
  ],
  special: [
    { zh: '适用范围', en: 'scope', headingEn: 'Scope', clause: `${GBT} 7.1`, keys: ['scope', 'general'] },
    { ...ORGANIZATION, clause: `${GBT} 7.2` },
    { ...LEVELS, clause: `${GBT} 7.3` },
    { ...PROCEDURE, clause: `${GBT} 7.4` },
    { ...ASSURANCE, clause: `${GBT} 7.5` },
  ],
  onsite: [
    { zh: '事故风险描述', en: 'accident risk description', headingEn: 'Risk description', clause: `${GBT} 8.1`, keys: ['risk'] },
    { zh: '应急工作职责', en: 'duties', headingEn: 'Roles and responsibilities', clause: `${GBT} 8.2`, keys: ['organization'], has: (p) => p.roles.length > 0 },
    { zh: '应急处置', en: 'response measures', headingEn: 'Response procedure', clause: `${GBT} 8.3`, keys: ['procedure', 'response'], has: (p) => p.steps.length > 0 },
    { zh: '注意事项', en: 'precautions', headingEn: 'Precautions', clause: `${GBT} 8.4`, keys: ['notes'] },
  ],
};

/**
 * Government plans (突发事件应急预案管理办法, 国办发〔2024〕5号, 第二章 分类与内容): a 总体应急预案 sets out the organisation,
 * the operating mechanism (how a response is graded and run) and the assurance; special and departmental plans set
 * out the command organisation, monitoring and warning, graded response and actions, reporting, and assurance.
 */
const MEASURES = '突发事件应急预案管理办法 第二章';
const GOVERNMENT: Record<PlanKind, Element[]> = {
  general: [
    { ...ORGANIZATION, zh: '组织体系', en: 'organisation', clause: MEASURES },
    { ...LEVELS, zh: '运行机制（分级响应）', en: 'operating mechanism (graded response)', clause: MEASURES },
    { ...ASSURANCE, clause: MEASURES },
  ],
  special: [
    { ...ORGANIZATION, zh: '组织指挥机制', en: 'command organisation', clause: MEASURES },
    { ...WARNING, zh: '监测预警', heading: '监测与预警', en: 'monitoring and warning', clause: MEASURES },
    { ...REPORTS, clause: MEASURES },
    { ...LEVELS, zh: '分级响应', en: 'graded response', clause: MEASURES },
    { ...ASSURANCE, clause: MEASURES },
  ],
  onsite: [],
};

/**
 * English-language plans under NIMS/ICS: the concept of operations (the activation levels or the response actions) is
 * what a plan or an activation page must give; the ICS organisation is adopted by reference (CPG 101 v3).
 */
const INTERNATIONAL: Record<PlanKind, Element[]> = {
  general: [{ zh: '行动构想（启动级别或响应行动）', heading: '响应分级', en: 'concept of operations (activation levels or response actions)', headingEn: 'Activation levels', clause: 'FEMA CPG 101 v3, Concept of Operations', keys: ['levels', 'activation', 'procedure', 'response'], has: (p) => p.levels.length > 0 || p.steps.length > 0 }],
  special: [], onsite: [],
};
INTERNATIONAL.special = INTERNATIONAL.general;
INTERNATIONAL.onsite = INTERNATIONAL.general;

/** Required elements by regime and plan kind. */
export const REQUIRED: Record<Regime, Record<PlanKind, Element[]>> = { enterprise: ENTERPRISE, government: GOVERNMENT, international: INTERNATIONAL };

const KIND_ZH: Record<PlanKind, string> = { general: '综合应急预案', special: '专项应急预案', onsite: '现场处置方案' };
const KIND_EN: Record<PlanKind, string> = { general: 'general plan', special: 'special plan', onsite: 'on-site procedure' };

/**
 * A plan contains every element its regime requires for its kind: GB/T 29639-2020 for enterprise plans, 突发事件应急预案
 * 管理办法 for government plans, the NIMS concept of operations for international ones. An excerpt is not checked.
 */
export default defineRule({
  meta: {
    id: 'required-sections',
    description: { en: 'A plan contains every element its regime requires for its kind', zh: '预案应包含其适用规范对该类预案要求的全部要素' },
    severity: 'error',
    clause: 'GB/T 29639-2020 第6、7、8章 / 突发事件应急预案管理办法 第二章 / FEMA CPG 101',
    wholePlan: true,
  },
  check({ plan, regime, report }) {
    const kind = plan.meta.kind;
    const keys = new Set(plan.sections.map((s) => s.key));
    for (const el of REQUIRED[regime][kind] ?? []) {
      if (el.keys.some((k) => keys.has(k)) || el.has?.(plan)) continue;
      const heading = el.heading ?? el.zh;
      report({
        node: plan.meta, field: 'title',
        message: `Unexpected ${KIND_EN[kind]} without ${el.en} (${el.clause}), expected a section headed \`${el.headingEn}\``,
        messageZh: `${KIND_ZH[kind]}缺少“${el.zh}”（${el.clause}），应增加标题为“${heading}”的章节`,
      });
    }
  },
});
