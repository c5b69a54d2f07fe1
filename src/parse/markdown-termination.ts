import { pendingDuration } from './duration.js';
import type { List } from 'mdast';
import type { Place } from '../model/place.js';
import type { Termination } from '../model/plan.js';
import { locate, placeAt, placeOf, plainText, report, type Ctx } from './markdown-context.js';

type TerminationField = 'when' | 'decidedBy' | 'followUp';

/** `键：值` keys of the termination list (full-width or ASCII colon). */
const KEYS: [RegExp, TerminationField][] = [
  [/^(条件|终止条件|结束条件|when|conditions?)$/iu, 'when'],
  [/^(宣布|决定|宣布人|决定人|决策|decided by|declared by|decidedby|declaredby)$/iu, 'decidedBy'],
  [/^(后续报告|总结报告|书面报告|follow-up|follow up|followup|follow-up report)$/iu, 'followUp'],
];
const KEY_VALUE = /^([^：:\n]{1,40}?)\s*([：:])\s*([\s\S]*)$/u;

interface Item { field: TerminationField; text: string; place: Place; textOffset?: number }

/**
 * Reads a list of `键：值` items (条件 / 宣布 / 后续报告) into the termination. Only a list whose every item is such a
 * pair is structured; any other list stays prose. Returns true when the list was consumed (the caller sets the place).
 */
export function readTerminationList(list: List, term: Termination, ctx: Ctx): boolean {
  const items: Item[] = [];
  for (const li of list.children) {
    const para = li.children[0];
    if (li.children.length !== 1 || para.type !== 'paragraph') return false;
    const m = KEY_VALUE.exec(plainText(para));
    const field = m && KEYS.find(([re]) => re.test(m[1].trim()))?.[1];
    if (!m || !field) return false;
    const value = m[3].trim();
    const paraPlace = placeOf(para);
    if (!value) {
      report(ctx, 'parse/missing-field', 'error', `Unexpected empty \`${m[1].trim()}\` in the termination list, expected a value`,
        `响应终止列表中 \`${m[1].trim()}\` 没有填写内容`, placeOf(li));
      continue;
    }
    const colon = ctx.source.indexOf(m[2], paraPlace.start.offset);
    const offset = colon < 0 ? undefined : locate(ctx.source, value, colon + 1, paraPlace.end.offset);
    items.push(offset === undefined
      ? { field, text: value, place: paraPlace }
      : { field, text: value, place: placeAt(ctx.source, paraPlace.start, offset, value.length), textOffset: offset });
  }
  term.fields ??= {};
  for (const { field, text, place, textOffset } of items) {
    if (field === 'when') term.when = textOffset === undefined ? { text, place } : { text, place, textOffset };
    else if (field === 'decidedBy') term.decidedBy = text;
    else term.followUp = pendingDuration(text, place);
    term.fields[field] = place;
  }
  return true;
}
