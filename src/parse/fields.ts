import type { Colour, Level, PlanKind } from '../model/plan.js';

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
 * Normalises a level id: "Ⅳ级" / "IV级（班组级）" / "四级" / "Level 4" → { id: "IV", name: "班组级" }.
 * Unknown forms are kept as written (custom level ids are allowed).
 */
export function parseLevelId(text: string): { id: string; name?: string } {
  let t = text.trim();
  let name: string | undefined;
  const paren = /^(.*?)\s*[（(]([^)）]+)[)）]\s*$/u.exec(t);
  if (paren) { t = paren[1].trim(); name = paren[2].trim(); }
  t = t.replace(/[ⅠⅡⅢⅣⅤⅥ]/gu, (c) => UNICODE_ROMAN[c]);
  let m = /^(?:level\s*)?(I{1,3}|IV|V|VI)\s*(?:级|level)?(?:响应)?$/iu.exec(t);
  if (m) return { id: m[1].toUpperCase(), name };
  m = /^(?:level\s*)?([一二三四五六1-6])\s*级(?:响应)?$/u.exec(t) ?? /^level\s*([1-6])$/iu.exec(t);
  if (m) return { id: CN_LEVEL[m[1]], name };
  return { id: text.trim(), name: undefined };
}

/** Severity rank of a level id (I = 1 = most severe); undefined for custom ids. */
export function levelRank(id: string): number | undefined {
  return ROMAN[id];
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

/** Parses a plain number cell ("8", "500", "2 × 300" is not a number). */
export function parseNumber(text: string | undefined): number | undefined {
  if (isNone(text)) return undefined;
  const t = text!.trim().replace(/,/g, '');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : undefined;
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
};

/** PlanMeta field for a front-matter key, or undefined. */
export function metaField(key: string): string | undefined {
  const k = key.trim().toLowerCase();
  return Object.keys(META_ALIASES).find((f) => META_ALIASES[f].some((a) => a.toLowerCase() === k));
}
