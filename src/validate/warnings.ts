/**
 * What the warning rules (预警: warning-criteria, warning-measurable, warning-overlap, warning-order, warning-issuer,
 * warning-actions, warning-callback) ask of a plan's warning levels: their colour's rank, the grade their id states,
 * who issues them and whether the plan uses call-back (叫应). Unmeasurable wording is in wording.ts.
 */
import { isTimed, type Colour, type Plan, type WarningLevel } from '../model/index.js';
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

/** Warnings listed for a message: "red `一级`, orange `二级`" / "红色 `一级`、橙色 `二级`". */
export function colourList(ws: readonly WarningLevel[]): { en: string; zh: string } {
  return {
    en: ws.map((w) => `${COLOUR_NAME[w.colour].en} \`${w.id}\``).join(', '),
    zh: ws.map((w) => `${COLOUR_NAME[w.colour].zh} \`${w.id}\``).join('、'),
  };
}
