/**
 * Wording nobody can measure in a criterion (即将临近, 有扩大的趋势, 严重经济损失, "Several agencies"): which parts of a
 * warning or grading criterion rest on it, and what the criterion decides with those parts set aside. Used by
 * warning-measurable, warning-overlap, unmeasurable-criterion and undefined-quantifier.
 */
import { factLookup, type Expr } from '../expr/index.js';
import type { Fact, Level, Trigger } from '../model/index.js';

/**
 * Degree, imminence and trend words that no one can measure: whether an event is 即将临近 or 已经临近, 有扩大的趋势 or
 * 正在逐步扩大, "likely" or "imminent" is a matter of wording. A criterion resting on them cannot decide a colour or a
 * level. "Severe storm / thunderstorm / weather" is a defined forecast category, not a degree ("serious injury", 重伤,
 * is a defined category too, so "serious" is not listed); 蔓延至罐区 / 扩大至厂外
 * names a place reached, which is observed.
 */
const DEGREE = /即将|临近|随时|可能|趋势|扩大(?![至到])|蔓延(?![至到])|严重|较重|一定|大量|少量|轻微|较大范围|大范围|重大影响|明显|likely|imminent|significant|severe(?!\s+(?:thunder)?storms?|\s+weather)|extensive|limited/iu;

/** Quantity words with no number: "several agencies", "multiple agencies", 若干, 数个 (跨多个领域 is "more than one", a count). */
const QUANTIFIER = /\b(?:several|multiple|numerous|a number of|many)\b|若干|数个/iu;

/** Which unmeasurable wording to look for: degree words, quantity words without a number, or both. */
export type Wording = 'degree' | 'quantifier' | 'any';

const LEXICON: Record<Wording, (t: string) => boolean> = {
  degree: (t) => DEGREE.test(t),
  quantifier: (t) => QUANTIFIER.test(t),
  any: (t) => DEGREE.test(t) || QUANTIFIER.test(t),
};

/** True when a text rests on unmeasurable degree wording (or the given kind of wording). */
export const isVagueWording = (text: string, kind: Wording = 'degree'): boolean => LEXICON[kind](text);

/** One part of a criterion that rests on unmeasurable wording: the fact and the words. */
export interface VagueAtom {
  fact: Fact;
  /** The wording (the enum value compared, or the boolean fact's label). */
  words: string;
}

/** The parts of a criterion that rest on unmeasurable wording (a declared `judgement` is a decision, never vague). */
export function vagueAtoms(ast: Expr, facts: readonly Fact[], kind: Wording = 'any'): VagueAtom[] {
  const lookup = factLookup(facts);
  const out: VagueAtom[] = [];
  const valueWords = (fact: Fact, vs: Expr[]) => {
    for (const v of vs) {
      const text = v.type === 'ident' || v.type === 'string' ? (v.type === 'ident' ? v.name : v.value) : undefined;
      if (text !== undefined && fact.type === 'enum' && isVagueWording(text, kind)) out.push({ fact, words: text });
    }
  };
  const walk = (e: Expr): void => {
    switch (e.type) {
      case 'or': case 'and': e.operands.forEach(walk); return;
      case 'not': walk(e.operand); return;
      case 'implies': walk(e.left); walk(e.right); return;
      case 'ident': {
        const f = lookup(e.name);
        if (f?.type === 'boolean' && isVagueWording(f.label ?? '', kind)) out.push({ fact: f, words: f.label! });
        return;
      }
      case 'compare': {
        const l = e.left.type === 'ident' ? lookup(e.left.name) : undefined;
        const r = e.right.type === 'ident' ? lookup(e.right.name) : undefined;
        if (l && !r) valueWords(l, [e.right]);
        else if (r && !l) valueWords(r, [e.left]);
        return;
      }
      case 'in': {
        const f = e.left.type === 'ident' ? lookup(e.left.name) : undefined;
        if (f) valueWords(f, e.values);
        return;
      }
      default: return;
    }
  };
  walk(ast);
  return out;
}

/**
 * The criterion with its unmeasurable parts set aside (each taken as possibly true): what the measurable words alone
 * decide. Undefined when nothing measurable is left (the criterion could hold anywhere).
 */
export function measurablePart(ast: Expr, facts: readonly Fact[]): Expr | undefined {
  const vague = (e: Expr) => vagueAtoms(e, facts).length > 0;
  const relax = (e: Expr): Expr | undefined => {
    if (!vague(e)) return e;
    switch (e.type) {
      case 'and': {
        const kept = e.operands.map(relax).filter((x): x is Expr => x !== undefined);
        if (kept.length === 0) return undefined;
        return kept.length === 1 ? kept[0] : { ...e, operands: kept };
      }
      case 'or': {
        const kept = e.operands.map(relax);
        return kept.some((x) => x === undefined) ? undefined : { ...e, operands: kept as Expr[] };
      }
      default: return undefined;
    }
  };
  return relax(ast);
}


/** A level's criteria: the listed ones (符合下列条件之一), else its written trigger. */
export function criteriaOf(level: Level): Trigger[] {
  return level.criteria.length ? level.criteria : level.trigger ? [level.trigger] : [];
}
