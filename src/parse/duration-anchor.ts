import type { Anchor } from '../model/duration.js';

type Read = { anchor: Anchor } | { error: { en: string; zh: string } };

const INCIDENT = /接警后|接到报警后|接报警后|报警后|事故发生后|事件发生后|险情发生后|灾情发生后|事发后|发生后|发现后|after the (?:incident|alarm|event)|of the (?:incident|alarm)|from the (?:incident|alarm)|(?:after|of) (?:onset|discovery)/iu;
const LEVEL = /响应启动后|启动响应后|级别启动后|启动后|after (?:the )?activation|of activation|from activation|after the (?:level|response|EOC) (?:is |was )?(?:activated|started)/iu;
const RECEIPT = /(?:接到|收到|接获)[^，,。；;]{0,10}?(报告|通知|指令|命令|信息|要求)后|接报后|after (?:the )?receipt|upon receipt|on receipt|of receipt|after receiving|after being (?:notified|told)|of (?:being )?notified|of notification|after the (?:instruction|order)/iu;
const EVENT_ZH = /自(.{1,30}?)(?:之日|之时)?起|(.{1,30}?)之日起/u;
const EVENT_EN = /\b(?:from the date of|of the date of|of (?:a|an|the) (?=change|occurrence))\s*(.{1,40})$/iu;
/** Words that look like an anchor but are not one: 此后 (thereafter), 首报后 (after the first report, in a cadence). */
const HARMLESS = /此后|以后|之后|然后|今后|首报后|其后|随后/gu;
const ANCHOR_LIKE = /([\p{L}\p{N}_-]{1,12}?)(?:完成|结束|到达|到位)?后|\bafter\s+[\w-]+/iu;
const WORD = /[A-Za-z0-9_-]/;

/**
 * Finds the anchor in the words around the amount: receipt (接到报告后, after receipt), a step id (`rescue 完成后`,
 * `after rescue`), a later event (自…之日起), level activation (响应启动后), the incident (接警后; the default).
 * An anchor-like phrase it cannot resolve (`堵漏后` where 堵漏 is no step) is an error, never read as the incident.
 */
export function readAnchor(rest: string, stepIds: readonly string[], self?: string): Read {
  if (/接到报警后|接报警后/u.test(rest)) return { anchor: { kind: 'incident' } };
  const receipt = RECEIPT.exec(rest);
  if (receipt) {
    const what = receipt[1] ?? receipt[0];
    const of = /指令|命令|instruction|order/iu.test(what) ? 'instruction' : /通知|notif/iu.test(what) ? 'notice' : 'report';
    return { anchor: { kind: 'receipt', of } };
  }
  const step = findStep(rest, stepIds);
  if (step !== undefined) {
    if (step === self) {
      return { error: { en: `Unexpected anchor \`${step}\` on step \`${step}\` itself, expected an earlier step, 接警 or 响应启动`, zh: `步骤 \`${step}\` 的时限以其自身为起点，应以前序步骤、接警或响应启动为起点` } };
    }
    return { anchor: { kind: 'step', step } };
  }
  if (INCIDENT.test(rest)) return { anchor: { kind: 'incident' } };
  if (LEVEL.test(rest)) return { anchor: { kind: 'level' } };
  const zh = EVENT_ZH.exec(rest);
  if (zh) return { anchor: { kind: 'event', event: (zh[1] ?? zh[2]).replace(/^[\s，,]+|[\s，,]+$/gu, '') } };
  const en = EVENT_EN.exec(rest.trim());
  if (en) return { anchor: { kind: 'event', event: en[1].trim() } };
  const odd = ANCHOR_LIKE.exec(rest.replace(HARMLESS, ' '));
  if (odd) {
    return { error: {
      en: `Unexpected anchor \`${odd[0].trim()}\`, expected a step id (rescue 完成后), 接警后, 响应启动后, 接到报告后 or 自…之日起`,
      zh: `无法识别的起算点 \`${odd[0].trim()}\`，应为步骤标识（如 rescue 完成后）、接警后、响应启动后、接到报告后或 自…之日起`,
    } };
  }
  return { anchor: { kind: 'incident' } };
}

/** After a step id: `rescue 完成后`, `rescue后`, `rescue 结束之后`. */
const STEP_AFTER_ZH = /^\s*(?:完成|结束|处置完毕|到位)?\s*(?:之后|以后|后)/u;
/** Before a step id: `10 min after rescue`, `10 min from rescue`. */
const STEP_BEFORE_EN = /\b(?:after|from|following)\s*$/iu;

/** Step ids by first position, and the longest id's length: built once per list (a plan's ids), not per duration. */
const indexes = new WeakMap<readonly string[], { order: Map<string, number>; maxLength: number }>();

function indexOf(stepIds: readonly string[]) {
  let index = indexes.get(stepIds);
  if (!index) {
    const order = new Map<string, number>();
    stepIds.forEach((id, i) => { if (id && !order.has(id)) order.set(id, i); });
    index = { order, maxLength: Math.max(0, ...[...order.keys()].map((id) => id.length)) };
    indexes.set(stepIds, index);
  }
  return index;
}

/**
 * The longest step id written as an anchor in `rest` (of equal lengths, the one listed first): a whole word (no ASCII
 * word character around it) followed by 完成后 / 后 or preceded by `after`. An id that merely occurs in the text (a step
 * `级` inside `每级2小时`) is not one. Looks up the substrings of `rest` no longer than the longest id, so the work per
 * duration does not grow with the number of steps.
 */
function findStep(rest: string, stepIds: readonly string[]): string | undefined {
  const { order, maxLength } = indexOf(stepIds);
  let best: string | undefined;
  let bestRank = Infinity;
  for (let i = 0; i < rest.length; i++) {
    for (let len = 1; len <= maxLength && i + len <= rest.length; len++) {
      const id = rest.slice(i, i + len);
      const rank = order.get(id);
      if (rank === undefined) continue;
      if (best !== undefined && (len < best.length || (len === best.length && rank >= bestRank))) continue;
      if (WORD.test(rest[i - 1] ?? ' ') || WORD.test(rest[i + len] ?? ' ')) continue;
      if (STEP_AFTER_ZH.test(rest.slice(i + len)) || STEP_BEFORE_EN.test(rest.slice(0, i))) { best = id; bestRank = rank; }
    }
  }
  return best;
}
