import type { Plan, Regime } from '../model/index.js';

/** Where a plan's regime came from: its front matter, the config (`regime`, or an `overrides` entry), or inference. */
export type RegimeSource = 'plan' | 'config' | 'inferred';

/** What the rules know about a plan beyond its content: the regime it is judged under, and whether it is an excerpt. */
export interface Profile {
  regime: Regime;
  regimeFrom: RegimeSource;
  /** Why an inferred regime was chosen (for the one `plan-regime` notice). */
  because?: { en: string; zh: string };
  /** The plan covers only part of its source: what is missing from the whole plan is not reported. */
  excerpt: boolean;
}

/** The regimes, for messages. */
export const REGIME_NAME: Record<Regime, { en: string; zh: string }> = {
  enterprise: { en: 'enterprise (GB/T 29639-2020)', zh: '企业预案（GB/T 29639-2020）' },
  government: { en: 'government (突发事件应对法, 突发事件应急预案管理办法)', zh: '政府预案（突发事件应对法、突发事件应急预案管理办法）' },
  international: { en: 'international (NIMS/ICS)', zh: '国际（NIMS/ICS）' },
};

const ENTERPRISE_WHO = /公司|集团|企业|工厂|厂$|厂（|矿|有限|股份|作业区|车间|\b(?:co\.|ltd|inc|plc|llc|gmbh|corp(?:oration)?)\b/iu;
const GOVERNMENT_WHO = /国务院|人民政府|政府|办公厅|委员会|安委会|指挥部|应急管理部|应急管理厅|应急管理局|网信|环境保护部|生态环境部|厅$|局$|部$|部门|自治区|省$|市$|县$/u;
/**
 * A title that starts with 国家 or a province, city or county is a government plan (国家地震应急预案, 甘肃省…预案, 百色市…预案);
 * not 区 (罐区, 厂区 are enterprise areas) and not 市场 / 市政.
 */
const GOVERNMENT_TITLE = /^(?:国家|国务院|[\u4e00-\u9fff]{1,8}?(?:省|自治区|市|自治州|盟|县|自治县|旗)(?![场政]))/u;
const CJK = /[\u4e00-\u9fff]/u;
/** A Chinese government body named in English (a Chinese plan written in English is not a NIMS/ICS plan). */
const CHINESE_GOVERNMENT_EN = /people'?s government|人民政府|emergency management (?:bureau|department)|state council/iu;

/** Infers the regime from the plan's language, kind, issuer and title; says why. */
export function inferRegime(plan: Plan): { regime: Regime; because: { en: string; zh: string } } {
  const m = plan.meta;
  // Not `owner`: an enterprise's department (安全环保部) reads like a ministry.
  const who = [m.organization, m.source?.issuer].filter(Boolean).join(' ');
  const lang = (m.language ?? '').toLowerCase();
  if (m.kind === 'onsite') {
    return { regime: 'enterprise', because: { en: 'an on-site procedure (现场处置方案) is an enterprise document (GB/T 29639 chapter 8)', zh: '现场处置方案是生产经营单位的预案（GB/T 29639 第8章）' } };
  }
  const ent = ENTERPRISE_WHO.exec(who);
  if (ent) return { regime: 'enterprise', because: { en: `the issuer ${who} is an enterprise (${ent[0]})`, zh: `编制单位“${who}”是生产经营单位（${ent[0]}）` } };
  if (lang.startsWith('en') || (!lang && !CJK.test(`${m.title}${who}`))) {
    const cn = CHINESE_GOVERNMENT_EN.exec(who);
    if (cn) return { regime: 'government', because: { en: `the issuer ${who} is a Chinese government body (${cn[0]})`, zh: `编制单位“${who}”是中国政府或其部门（${cn[0]}）` } };
    return { regime: 'international', because: { en: 'the plan is written in English and names no Chinese issuer', zh: '预案为英文，且编制单位不是中国政府或企业' } };
  }
  const gov = GOVERNMENT_WHO.exec(who);
  if (gov) return { regime: 'government', because: { en: `the issuer ${who} is a government body (${gov[0]})`, zh: `编制单位“${who}”是政府或其部门（${gov[0]}）` } };
  const title = GOVERNMENT_TITLE.exec(m.title ?? '');
  if (title) return { regime: 'government', because: { en: `the title names a government level (${title[0]})`, zh: `标题以行政区划开头（${title[0]}）` } };
  if (m.filedWith) return { regime: 'enterprise', because: { en: `the plan is filed with ${m.filedWith} (备案, as enterprises do)`, zh: `预案向${m.filedWith}备案（生产经营单位的做法）` } };
  return { regime: 'enterprise', because: { en: 'nothing names a government issuer; the GB/T 29639 enterprise profile applies', zh: '未见政府编制单位，按 GB/T 29639 企业预案检查' } };
}

const EXCERPT_NOTE = /^\s*(?:摘录|节选|部分|excerpt|partial|extract)/iu;

/** True when the plan says it covers only part of its source (`source.excerpt`, or a note that begins with 摘录 / Excerpt). */
export function isExcerpt(plan: Plan): boolean {
  const s = plan.meta.source;
  if (s?.excerpt !== undefined) return s.excerpt;
  return !!s?.note && EXCERPT_NOTE.test(s.note);
}

/** The plan's profile: the regime from its front matter, else the config's, else inferred; and whether it is an excerpt. */
export function planProfile(plan: Plan, configRegime?: Regime): Profile {
  const excerpt = isExcerpt(plan);
  if (plan.meta.regime) return { regime: plan.meta.regime, regimeFrom: 'plan', excerpt };
  if (configRegime) return { regime: configRegime, regimeFrom: 'config', excerpt };
  const { regime, because } = inferRegime(plan);
  return { regime, regimeFrom: 'inferred', because, excerpt };
}
