/**
 * What the warning rules (预警: warning-criteria, warning-measurable, warning-overlap, warning-order, warning-issuer,
 * warning-actions, warning-callback) ask of a plan's warning levels: their colour's rank, the parts of a criterion that
 * rest on wording nobody can measure (即将临近, 有扩大的趋势, "likely"), and the criterion with those parts set aside.
 */
import { factLookup, type Expr } from '../expr/index.js';
import { isTimed, type Colour, type Fact, type Plan, type WarningLevel } from '../model/index.js';
import { levelRank, parseLevelId } from '../parse/fields.js';

/** Colours from the most severe (red, 1) to the least (blue, 4), as GB/T 29639 and 突发事件应对法 Art. 61 order them. */
export const COLOUR_RANK: Record<Colour, number> = { red: 1, orange: 2, yellow: 3, blue: 4 };

/** The colour's name in a message. */
export const COLOUR_NAME: Record<Colour, { en: string; zh: string }> = {
  red: { en: 'red', zh: '红色' }, orange: { en: 'orange', zh: '橙色' }, yellow: { en: 'yellow', zh: '黄色' }, blue: { en: 'blue', zh: '蓝色' },
};

/** The warnings from the most severe colour to the least (table order among equal colours). */
export const bySeverity = (warnings: readonly WarningLevel[]): WarningLevel[] =>
  [...warnings].sort((a, b) => COLOUR_RANK[a.colour] - COLOUR_RANK[b.colour]);

/** The grade a warning's id states (`一级` / `Ⅰ级` / `I` → 1), or undefined for an id that is a colour or a name. */
export function warningGrade(w: WarningLevel): number | undefined {
  return levelRank(parseLevelId(w.id.replace(/预警$/u, '')).id);
}

/**
 * Degree, imminence and trend words that no one can measure: whether an event is 即将临近 or 已经临近, 有扩大的趋势 or
 * 正在逐步扩大, "likely" or "imminent" is a matter of wording. A criterion resting on them cannot decide a colour.
 */
const VAGUE = /即将|临近|随时|可能|趋势|扩大|蔓延|严重|较重|一定|大量|少量|轻微|较大范围|重大影响|明显|likely|imminent|possible|possibly|significant|severe|serious|extensive|limited|several|multiple/iu;

/** True when a text rests on unmeasurable degree wording. */
export const isVagueWording = (text: string): boolean => VAGUE.test(text);

/** One part of a criterion that rests on unmeasurable wording: the fact and the words. */
export interface VagueAtom {
  fact: Fact;
  /** The wording (the enum value compared, or the boolean fact's label). */
  words: string;
}

/** The parts of a criterion that rest on unmeasurable wording (a declared `judgement` is a decision, never vague). */
export function vagueAtoms(ast: Expr, facts: readonly Fact[]): VagueAtom[] {
  const lookup = factLookup(facts);
  const out: VagueAtom[] = [];
  const valueWords = (fact: Fact, vs: Expr[]) => {
    for (const v of vs) {
      const text = v.type === 'ident' || v.type === 'string' ? (v.type === 'ident' ? v.name : v.value) : undefined;
      if (text !== undefined && fact.type === 'enum' && isVagueWording(text)) out.push({ fact, words: text });
    }
  };
  const walk = (e: Expr): void => {
    switch (e.type) {
      case 'or': case 'and': e.operands.forEach(walk); return;
      case 'not': walk(e.operand); return;
      case 'implies': walk(e.left); walk(e.right); return;
      case 'ident': {
        const f = lookup(e.name);
        if (f?.type === 'boolean' && isVagueWording(f.label ?? '')) out.push({ fact: f, words: f.label! });
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

/** The warning levels' table or section, for a finding about the warnings as a whole. */
export function warningSection(plan: Plan) {
  return plan.sections.find((s) => s.key === 'warning');
}

const CALLBACK = /叫应|call-and-acknowledge|call-?back|acknowledge/iu;
const TIME = /\d+\s*(?:分钟|小时|min(?:ute)?s?\b|hours?\b|h\b)/iu;
/** Words saying who issues a warning: 由县气象台发布, 接收区气象台预警信息 (a relayed signal), issued by, 负责发布预警, issues public warnings. */
const ISSUES = /由[^。；;，,]{2,30}?(?:发布|签发)|(?:接收|收到)[^。；;，,]{2,20}?预警|(?:负责|统一)发布[^。；;]{0,6}预警|发布[^。；;]{0,10}预警信[号息]|issued by|issues?\b[^.;]{0,30}warnings?/iu;

/** Whether the plan requires call-back (叫应) anywhere, and whether it gives a time for it (in prose or in a step). */
export function callbackRule(plan: Plan): { required: boolean; timed: boolean } {
  const sentences = plan.sections.flatMap((s) => s.text.split(/[。；;!?]|\.\s/u)).filter((t) => CALLBACK.test(t));
  const steps = plan.steps.filter((s) => CALLBACK.test(s.action));
  return {
    required: sentences.length + steps.length > 0,
    timed: sentences.some((t) => TIME.test(t)) || steps.some((s) => isTimed(s.deadline)),
  };
}

/** True when the plan says who issues its warnings outside the table: in the warning prose or in a role's duties. */
export function issuerInProse(plan: Plan): boolean {
  return plan.sections.some((s) => s.key === 'warning' && ISSUES.test(s.text)) || plan.roles.some((r) => r.duties.some((d) => ISSUES.test(d)));
}
