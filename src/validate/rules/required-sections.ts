import type { Plan, PlanKind, SectionKey } from '../../model/index.js';
import { defineRule } from '../rule.js';

/** One element GB/T 29639-2020 requires in a plan of some kind. */
interface Element {
  /** Element name in the standard. */
  zh: string;
  /** Heading to write (defaults to zh). */
  heading?: string;
  en: string;
  clause: string;
  /** Section keys that count as the element being written. */
  keys: SectionKey[];
  /** Structured content that also counts (a roles table, steps, …). */
  has?: (plan: Plan) => boolean;
}

const ORGANIZATION: Omit<Element, 'clause'> = { zh: '应急组织机构及职责', en: 'organisation and duties', keys: ['organization'], has: (p) => p.roles.length > 0 };
const LEVELS: Omit<Element, 'clause'> = { zh: '响应启动（响应分级）', heading: '响应分级', en: 'response activation (levels)', keys: ['levels', 'activation'], has: (p) => p.levels.length > 0 };
const PROCEDURE: Omit<Element, 'clause'> = { zh: '处置措施', en: 'response measures', keys: ['procedure'], has: (p) => p.steps.length > 0 };
const ASSURANCE: Omit<Element, 'clause'> = { zh: '应急保障', en: 'assurance', keys: ['assurance', 'communication', 'teams', 'supplies', 'resources'], has: (p) => p.resources.length > 0 };

/** Required elements per plan kind (GB/T 29639-2020 chapters 6, 7 and 8). */
export const REQUIRED: Record<PlanKind, Element[]> = {
  general: [
    { zh: '总则（适用范围）', heading: '适用范围', en: 'general provisions (scope)', clause: 'GB/T 29639-2020 6.1.1', keys: ['general', 'scope'] },
    { ...ORGANIZATION, clause: 'GB/T 29639-2020 6.2' },
    { zh: '信息报告', en: 'information reporting', clause: 'GB/T 29639-2020 6.3.1', keys: ['reports', 'information'], has: (p) => p.reports.length > 0 },
    { zh: '预警', en: 'warning', clause: 'GB/T 29639-2020 6.3.2', keys: ['warning'], has: (p) => p.warnings.length > 0 },
    { ...LEVELS, clause: 'GB/T 29639-2020 6.1.2 / 6.3.3' },
    { ...PROCEDURE, zh: '应急处置', clause: 'GB/T 29639-2020 6.3.4' },
    { zh: '响应终止', en: 'termination', clause: 'GB/T 29639-2020 6.3.6', keys: ['termination'], has: (p) => p.termination !== undefined },
    { zh: '后期处置', en: 'aftermath', clause: 'GB/T 29639-2020 6.4', keys: ['aftermath'] },
    { ...ASSURANCE, clause: 'GB/T 29639-2020 6.5' },
  ],
  special: [
    { zh: '适用范围', en: 'scope', clause: 'GB/T 29639-2020 7.1', keys: ['scope', 'general'] },
    { ...ORGANIZATION, clause: 'GB/T 29639-2020 7.2' },
    { ...LEVELS, clause: 'GB/T 29639-2020 7.3' },
    { ...PROCEDURE, clause: 'GB/T 29639-2020 7.4' },
    { ...ASSURANCE, clause: 'GB/T 29639-2020 7.5' },
  ],
  onsite: [
    { zh: '事故风险描述', en: 'accident risk description', clause: 'GB/T 29639-2020 8.1', keys: ['risk'] },
    { zh: '应急工作职责', en: 'duties', clause: 'GB/T 29639-2020 8.2', keys: ['organization'], has: (p) => p.roles.length > 0 },
    { zh: '应急处置', en: 'response measures', clause: 'GB/T 29639-2020 8.3', keys: ['procedure'], has: (p) => p.steps.length > 0 },
    { zh: '注意事项', en: 'precautions', clause: 'GB/T 29639-2020 8.4', keys: ['notes'] },
  ],
};

const KIND_ZH: Record<PlanKind, string> = { general: '综合应急预案', special: '专项应急预案', onsite: '现场处置方案' };
const KIND_EN: Record<PlanKind, string> = { general: 'general plan', special: 'special plan', onsite: 'on-site procedure' };

/** A plan contains every element GB/T 29639-2020 requires for its kind. */
export default defineRule({
  meta: {
    id: 'required-sections',
    description: { en: 'A plan contains every element GB/T 29639-2020 requires for its kind', zh: '预案应包含 GB/T 29639-2020 对该类预案要求的全部要素' },
    severity: 'error',
    clause: 'GB/T 29639-2020 第6、7、8章',
  },
  check({ plan, report }) {
    const kind = plan.meta.kind;
    const keys = new Set(plan.sections.map((s) => s.key));
    for (const el of REQUIRED[kind] ?? []) {
      if (el.keys.some((k) => keys.has(k)) || el.has?.(plan)) continue;
      const heading = el.heading ?? el.zh;
      report({
        node: plan.meta, field: 'title',
        message: `Unexpected ${KIND_EN[kind]} without ${el.en} (${el.clause}), expected a section headed \`${heading}\``,
        messageZh: `${KIND_ZH[kind]}缺少“${el.zh}”（${el.clause}），应增加标题为“${heading}”的章节`,
      });
    }
  },
});
