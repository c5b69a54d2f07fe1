import type { Colour, GradingConvention, Level, LevelAdjustment, LevelOrder, Obligation, PlanKind, Regime, ReportKind, RoleKind } from '../model/plan.js';

/** Values that mean "nothing here" in a table cell. */
const NONE = /^(|-|—|–|－|无|none|n\/a|\/)$/iu;

/** True when a cell means "none" (—, 无, -, empty). */
export function isNone(text: string | undefined): boolean {
  return text === undefined || NONE.test(text.trim());
}

/** Splits a duties cell on ；; and line breaks only: a duty like "中毒、冻伤人员现场急救" keeps its 、. */
export function splitDuties(text: string | undefined): string[] {
  if (isNone(text)) return [];
  return text!.split(/\s*(?:[；;\n]|<br\s*\/?>)\s*/iu).map((s) => s.trim()).filter((s) => !isNone(s));
}

/** Splits a list cell on 、，,；; / and line breaks; drops "none" markers. */
export function splitList(text: string | undefined): string[] {
  if (isNone(text)) return [];
  return text!.split(/\s*(?:[、，,；;\n]|<br\s*\/?>|\s\/\s)\s*/iu).map((s) => s.trim()).filter((s) => !isNone(s));
}

const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, V: 5, VI: 6 };
const UNICODE_ROMAN: Record<string, string> = { Ⅰ: 'I', Ⅱ: 'II', Ⅲ: 'III', Ⅳ: 'IV', Ⅴ: 'V', Ⅵ: 'VI' };
const CN_LEVEL: Record<string, string> = { 一: 'I', 二: 'II', 三: 'III', 四: 'IV', 五: 'V', 六: 'VI', '1': 'I', '2': 'II', '3': 'III', '4': 'IV', '5': 'V' };

/**
 * Normalises a level id, the same way in both syntaxes: the Chinese forms "Ⅳ级" / "IV级（班组级）" / "四级" / "4级" /
 * "IV" → { id: "IV", name: "班组级" } (Ⅰ is the most severe by law); English numbered levels keep their word and
 * number ("level  3" → "Level 3", "tier 2" → "Tier 2") — their direction is the plan's (`levelOrder`), never the
 * Chinese one. Other forms are kept as written (custom level ids are allowed).
 */
export function parseLevelId(text: string): { id: string; name?: string } {
  let t = text.trim();
  let name: string | undefined;
  const paren = /^(.*?)\s*[（(]([^)）]+)[)）]\s*$/u.exec(t);
  if (paren && paren[1].trim()) { t = paren[1].trim(); name = paren[2].trim(); }
  const en = /^(level|tier|stage|phase)\s*([0-9]+|[IVX]+)$/iu.exec(t);
  if (en) return { id: `${en[1][0].toUpperCase()}${en[1].slice(1).toLowerCase()} ${en[2].toUpperCase()}`, name };
  t = t.replace(/[ⅠⅡⅢⅣⅤⅥ]/gu, (c) => UNICODE_ROMAN[c]);
  let m = /^(I{1,3}|IV|V|VI)\s*(?:级)?(?:响应)?$/iu.exec(t);
  if (m) return { id: m[1].toUpperCase(), name };
  m = /^([一二三四五六1-6])\s*级(?:响应)?$/u.exec(t);
  if (m) return { id: CN_LEVEL[m[1]], name };
  return { id: paren && paren[1].trim() ? t : text.trim(), name };
}

/** Severity rank of a Chinese level id (I = 1 = most severe, by law); undefined for other ids. */
export function levelRank(id: string): number | undefined {
  return ROMAN[id];
}

/** The number of an English numbered level (`Level 3` → 3, `Tier II` → 2), or undefined. */
export function levelNumber(id: string): number | undefined {
  const m = /^(?:Level|Tier|Stage|Phase) ([0-9]+|[IVX]+)$/.exec(id);
  if (!m) return undefined;
  return /^\d+$/.test(m[1]) ? Number(m[1]) : ROMAN[m[1]];
}

/** `levelOrder` from `1-highest` / `descending` / 一级最高 or `1-lowest` / `ascending` / 一级最低. */
export function parseLevelOrder(text: string | undefined): LevelOrder | undefined {
  const t = (text ?? '').trim().toLowerCase();
  if (/^(1-highest|one-highest|descending|1最高|一级最高|1级最高)$/u.test(t)) return '1-highest';
  if (/^(1-lowest|one-lowest|ascending|1最低|一级最低|1级最低)$/u.test(t)) return '1-lowest';
  return undefined;
}

/** `grading` from `highest` / 就高 / 就高不就低 or `exclusive` / 互斥. */
export function parseGrading(text: string | undefined): GradingConvention | undefined {
  const t = (text ?? '').trim().toLowerCase();
  if (/^(highest|highest-wins|就高|就高不就低|从高)$/u.test(t)) return 'highest';
  if (/^(exclusive|disjoint|互斥)$/u.test(t)) return 'exclusive';
  return undefined;
}

/** `regime` from enterprise / 企业, government / 政府, international / 国际. */
export function parseRegime(text: string | undefined): Regime | undefined {
  const t = (text ?? '').trim().toLowerCase();
  if (/^(enterprise|企业|生产经营单位)$/u.test(t)) return 'enterprise';
  if (/^(government|政府|政府部门)$/u.test(t)) return 'government';
  if (/^(international|国际|nims|ics)$/u.test(t)) return 'international';
  return undefined;
}

/**
 * `adjustment` from `judgement` / 研判 / 根据事态发展调整 (the deciding body adjusts the level as the incident develops) or
 * `rules` / 规则 / 按升级降级表 (only the escalation table).
 */
export function parseAdjustment(text: string | undefined): LevelAdjustment | undefined {
  const t = (text ?? '').trim().toLowerCase();
  if (/^(judgement|judgment|研判|研判调整|根据事态发展调整|根据事态发展调整响应级别|视情调整|by judgement)$/u.test(t)) return 'judgement';
  if (/^(rules|table|规则|按规则|按升级降级表)$/u.test(t)) return 'rules';
  return undefined;
}

/** A yes/no front-matter value: true / yes / 是, false / no / 否. */
export function parseYesNo(text: string | undefined): boolean | undefined {
  const t = (text ?? '').trim().toLowerCase();
  if (/^(true|yes|y|是|对)$/u.test(t)) return true;
  if (/^(false|no|n|否|不是)$/u.test(t)) return false;
  return undefined;
}

/** Role kind from post / 岗位 / 职务 / 个人, body / 机构 / 单位 / 部门 / 政府, public / 公众. */
export function parseRoleKind(text: string | undefined): RoleKind | undefined {
  const t = (text ?? '').trim().toLowerCase();
  if (/^(post|person|岗位|职务|个人|人员)$/u.test(t)) return 'post';
  if (/^(body|institution|agency|机构|单位|部门|政府|组织)$/u.test(t)) return 'body';
  if (/^(public|公众|社会公众|所有人员)$/u.test(t)) return 'public';
  return undefined;
}

/** Obligation from 应 / 必须 / shall / must, 宜 / 建议 / should, 可 / may. */
export function parseObligation(text: string | undefined): Obligation | undefined {
  const t = (text ?? '').trim().toLowerCase();
  if (/^(应|应当|必须|须|shall|must|required)$/u.test(t)) return 'shall';
  if (/^(宜|建议|should|recommended)$/u.test(t)) return 'should';
  if (/^(可|可以|may|optional)$/u.test(t)) return 'may';
  return undefined;
}

/** Report kind from 首报 / 初报 / first, 逐级 / 上报 / hop, 补报 / supplementary, 续报 / follow-up, 通报 / notice, 书面报告 / written. */
export function parseReportKind(text: string | undefined): ReportKind | undefined {
  const t = (text ?? '').trim().toLowerCase();
  if (/^(首报|初报|first|initial)$/u.test(t)) return 'first';
  if (/^(逐级上报|逐级|上报|hop|per-hop|relay)$/u.test(t)) return 'hop';
  if (/^(补报|supplementary|amended)$/u.test(t)) return 'supplementary';
  if (/^(续报|follow-up|followup|update|progress)$/u.test(t)) return 'follow-up';
  if (/^(通报|notice|notification|peer)$/u.test(t)) return 'notice';
  if (/^(书面报告|书面|written|written report)$/u.test(t)) return 'written';
  return undefined;
}

/** Level activation mode: 决定启动 / decision / manual → true; 自动 / 条件 / automatic → false. */
export function parseManual(text: string | undefined): boolean | undefined {
  const t = (text ?? '').trim().toLowerCase();
  if (/^(决定启动|决定|研判决定|manual|decision|by decision|true|是)$/u.test(t)) return true;
  if (/^(自动|条件启动|达到条件|automatic|auto|by criteria|false|否)$/u.test(t)) return false;
  return undefined;
}

/** Owners of a duty as written: a lead, alternatives (A 或 B; "A, B or C") and supporting roles (会同 / 配合 / with). */
export interface Owners {
  lead?: string;
  alternatives: string[];
  support: string[];
  /** Set when the cell names several roles without saying how they share the duty. */
  ambiguous?: string;
}

const ALTERNATIVE = /\s*(?:和\/或|及\/或|或者|或|\band\/or\b|\bor\b|\|)\s*/iu;
const SUPPORT_SPLIT = /\s*(?:会同|协同|联合|\bwith\b|\bsupported by\b|\bassisted by\b)\s*/iu;

/**
 * Reads an owner cell: `a` · `a 会同 b、c` · `a 牵头，b、c 配合` · `a（牵头）b（配合）` · `a 或 b 或 c` ·
 * `the CAO, the Fire Chief or the EOC Director`. Several roles with no word saying how they share the duty
 * (`a、b`) are `ambiguous`: the caller reports it rather than guessing.
 */
export function parseOwners(text: string | undefined, isRole: (s: string) => boolean = () => false): Owners {
  const out: Owners = { alternatives: [], support: [] };
  if (isNone(text)) return out;
  let t = text!.trim();
  // A declared role whose own name holds one of the words (会同a, 甲或乙组) is that role, not a split.
  if (isRole(t)) return { lead: t, alternatives: [], support: [] };
  const cleanSplit = (s: string, re: RegExp) => { const parts = s.split(re); return parts.every((p) => p.trim()) ? parts : [s]; };
  // "a 牵头，b、c 配合" / "a（牵头），b（配合）"
  const lead = /^(.+?)\s*[（(]?牵头[)）]?\s*[，,；;、]?\s*(.+?)\s*[（(]?(?:配合|参与|协助|支持)[)）]?\s*$/u.exec(t);
  if (lead) return { lead: lead[1].trim(), alternatives: [], support: splitList(lead[2]) };
  const supportOnly = /^(.+?)\s*[（(]?牵头[)）]?$/u.exec(t);
  if (supportOnly) t = supportOnly[1].trim();
  const [first, ...rest] = cleanSplit(t, SUPPORT_SPLIT);
  if (rest.length) {
    out.support = rest.flatMap((r) => splitList(r.replace(/\s*[（(]?(?:配合|参与|协助)[)）]?\s*$/u, '')));
    t = first;
  }
  if (ALTERNATIVE.test(t) && cleanSplit(t, ALTERNATIVE).length > 1) {
    // "A, B or C": the commas list alternatives too.
    const parts = cleanSplit(t, ALTERNATIVE).flatMap((p) => splitList(p.replace(/^(?:either)\s+/iu, '')));
    out.lead = parts[0];
    out.alternatives = parts.slice(1);
    return out;
  }
  const parts = splitList(t);
  if (parts.length > 1) { out.lead = parts[0]; out.ambiguous = t; return out; }
  out.lead = t;
  return out;
}

/**
 * Reads a prerequisite cell: `a, b` (all of them) or `a 或 b` / `a or b` / `a | b` (any one of them).
 * A cell that mixes the two (`a、b 或 c`) is `ambiguous`.
 */
export function parsePrerequisites(text: string | undefined, isStep: (s: string) => boolean = () => false): { all: string[]; any: string[]; ambiguous?: string } {
  if (isNone(text)) return { all: [], any: [] };
  const t = text!.trim();
  const parts = t.split(ALTERNATIVE);
  // `a或b` naming one declared step is that step.
  if (!ALTERNATIVE.test(t) || isStep(t) || parts.some((p) => !p.trim())) return { all: splitList(t), any: [] };
  if (parts.some((p) => splitList(p).length > 1)) return { all: [], any: parts.flatMap((p) => splitList(p)), ambiguous: t };
  return { all: [], any: parts.map((p) => p.trim()).filter((p) => !isNone(p)) };
}

/**
 * Resolves a level spec against the plan's levels: "全部"/"all"/"—" → [] (every level); "III+" / "III级及以上" /
 * "≥III" / "III and above" → III and every more severe level; "II–I" → the range; "II, I" → the list.
 * Returns the ids and the parts it could not resolve.
 */
export function parseLevelSpec(text: string | undefined, levels: Pick<Level, 'id' | 'rank'>[]): { ids: string[]; unknown: string[] } {
  if (isNone(text) || /^(全部|所有|各级|all|every|any|所有级别)$/iu.test(text!.trim())) return { ids: [], unknown: [] };
  const t = text!.trim();
  const atLeast = /^(?:≥|>=)?\s*(.+?)\s*(?:\+|级及以上|及以上|以上|and above|or higher|or above)$/iu.exec(t) ?? /^(?:≥|>=)\s*(.+)$/u.exec(t);
  if (atLeast) {
    const base = levels.find((l) => l.id === parseLevelId(atLeast[1]).id);
    if (!base) return { ids: [], unknown: [atLeast[1]] };
    return { ids: levels.filter((l) => l.rank <= base.rank).map((l) => l.id), unknown: [] };
  }
  const range = /^(.+?)\s*[–—~～-]\s*(.+)$/u.exec(t);
  if (range && !/[,，、]/u.test(t)) {
    const a = levels.find((l) => l.id === parseLevelId(range[1]).id);
    const b = levels.find((l) => l.id === parseLevelId(range[2]).id);
    if (a && b) {
      const [lo, hi] = [Math.min(a.rank, b.rank), Math.max(a.rank, b.rank)];
      return { ids: levels.filter((l) => l.rank >= lo && l.rank <= hi).map((l) => l.id), unknown: [] };
    }
  }
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const part of splitList(t)) {
    const id = parseLevelId(part).id;
    if (levels.some((l) => l.id === id)) ids.push(id); else unknown.push(part);
  }
  return { ids, unknown };
}

/** Reads resource demands "scba×4, suit x2, 吸附棉 50" → [{resource, quantity}]. */
export function parseResourceUses(text: string | undefined): { resource: string; quantity?: number }[] {
  return splitList(text).map((part) => {
    // `×`/`*` may touch the id (scba×4); an ASCII `x` must be spaced (scba x4), so an id like `box2` stays whole.
    const m = /^(.+?)(?:\s*[×*＊]\s*|\s+[xX]\s*|\s+)(\d+(?:\.\d+)?)\s*\S{0,2}$/u.exec(part);
    return m ? { resource: m[1].trim(), quantity: Number(m[2]) } : { resource: part };
  });
}

/** Plan kind from "general"/"综合"/"综合应急预案", "special"/"专项…", "onsite"/"现场处置方案". */
export function parseKind(text: string | undefined): PlanKind | undefined {
  const t = (text ?? '').trim().toLowerCase();
  if (/^(general|综合|综合应急预案|总体|总体应急预案)$/u.test(t)) return 'general';
  if (/^(special|专项|专项应急预案|hazard-specific)$/u.test(t)) return 'special';
  if (/^(onsite|on-site|现场|现场处置方案|现场处置)$/u.test(t)) return 'onsite';
  return undefined;
}

/** Warning/level colour from "red"/"红色"/"红" etc. */
export function parseColour(text: string | undefined): Colour | undefined {
  const t = (text ?? '').trim().toLowerCase();
  if (/^(red|红|红色)$/u.test(t)) return 'red';
  if (/^(orange|橙|橙色)$/u.test(t)) return 'orange';
  if (/^(yellow|黄|黄色)$/u.test(t)) return 'yellow';
  if (/^(blue|蓝|蓝色)$/u.test(t)) return 'blue';
  return undefined;
}

const MULTIPLIER: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/**
 * Parses a number cell: `8`, `500`, `1,000,000` (thousands in groups of three), `10万`, `1.5亿` (written multipliers,
 * exact). Anything else (`2 × 300`, `1,00`, `若干`) is not a number. With `withUnit`, a unit may follow
 * (`1.5万吨` → 15000 t) and is returned.
 */
export function parseNumber(text: string | undefined): number | undefined {
  return readNumberCell(text)?.value;
}

/** `parseNumber` that also accepts a trailing unit (`800 m3`, `1.5万吨`): the value and the unit as written. */
export function readNumberCell(text: string | undefined, withUnit = false): { value: number; unit?: string } | undefined {
  if (isNone(text)) return undefined;
  const m = /^(-?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(万|亿)?\s*(.*)$/u.exec(text!.trim());
  if (!m) return undefined;
  const [, sign, int, frac, mult, rest] = m;
  if (rest && !(withUnit && /^[^\d\s,.].{0,7}$/u.test(rest))) return undefined;
  // Multiply in integers where possible so 1.5万 is exactly 15000.
  const value = Number(`${sign}${int.replace(/,/g, '')}${frac ?? ''}`) * (mult ? MULTIPLIER[mult] : 1);
  const exact = mult ? Number(value.toPrecision(15)) : value;
  return rest ? { value: exact, unit: rest.trim() } : { value: exact };
}

/** Front-matter keys, with Chinese aliases, mapped to PlanMeta fields. */
export const META_ALIASES: Record<string, string[]> = {
  id: ['id', '编号', '标识'],
  title: ['title', '名称', '标题'],
  kind: ['kind', '类型', '预案类型'],
  parent: ['parent', '上级预案', '上级'],
  version: ['version', '版本', '版本号'],
  issued: ['issued', '发布日期', '发布'],
  reviewed: ['reviewed', 'lastreviewed', 'last_reviewed', '评审日期', '修订日期', '最近评审'],
  owner: ['owner', '责任部门', '编制部门', '归口部门'],
  language: ['language', 'lang', '语言'],
  organization: ['organization', 'organisation', '单位', '编制单位'],
  hazard: ['hazard', '风险类型', '事故类型'],
  filedWith: ['filedwith', 'filed_with', '备案单位', '备案'],
  escalatesTo: ['escalatesto', 'escalates_to', '升级至', '衔接预案'],
  levelOrder: ['levelorder', 'level_order', '级别顺序', '级别排序'],
  grading: ['grading', '分级规则', '就高'],
  immediate: ['immediate', '立即时限', '立即'],
  regime: ['regime', 'profile', '适用规范', '预案性质'],
  adjustment: ['adjustment', '级别调整方式', '响应调整方式'],
  bounds: ['bounds', '以上以下'],
  source: ['source', '来源', '出处'],
  scope: ['scope', '适用范围下限', '范围下限'],
  grades: ['grades', '分级依据', '等级依据'],
};

/** PlanMeta field for a front-matter key, or undefined. */
export function metaField(key: string): string | undefined {
  const k = key.trim().toLowerCase();
  return Object.keys(META_ALIASES).find((f) => META_ALIASES[f].some((a) => a.toLowerCase() === k));
}
