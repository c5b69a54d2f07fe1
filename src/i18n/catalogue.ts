import type { Lang } from './lang.js';
import { CLI } from './messages/cli.js';
import { COMMANDER } from './messages/commander.js';
import { FORMAT } from './messages/format.js';
import { REPORT } from './messages/report.js';
import { fill, type MessageValue, type Placeholders } from './template.js';

/** One message: a template per language. Both are required, so a missing translation is a compile error. */
export type Message = Readonly<Record<Lang, string>>;

/**
 * Every message yuan writes, by id (`area.what`). Adding one: put it in the area's file under `messages/`, with both
 * languages and the same `{placeholders}` in each (the catalogue test checks).
 */
export const MESSAGES = { ...COMMANDER, ...CLI, ...FORMAT, ...REPORT } as const satisfies Readonly<Record<string, Message>>;

/** A message id; a typo is a compile error. */
export type MessageId = keyof typeof MESSAGES;

/** The data a message needs: one value per placeholder of either language. */
export type MessageData<Id extends MessageId> = Record<Placeholders<(typeof MESSAGES)[Id]['en'] | (typeof MESSAGES)[Id]['zh']>, MessageValue>;

/** `msg` takes data exactly when the message has placeholders. */
export type MessageArgs<Id extends MessageId> = [Placeholders<(typeof MESSAGES)[Id]['en']>] extends [never] ? [] : [data: MessageData<Id>];

/** Ids of messages without placeholders (help texts, headings). */
export type PlainMessageId = { [Id in MessageId]: MessageArgs<Id> extends [] ? Id : never }[MessageId];

/** The message `id` in `lang`, its placeholders filled from `data`. */
export function msg<Id extends MessageId>(lang: Lang, id: Id, ...data: MessageArgs<Id>): string {
  return fill(MESSAGES[id][lang], data[0]);
}

/** `msg` for an id chosen at run time (a finding's `messageId`, a matched template): data unchecked. */
export function msgWith(lang: Lang, id: MessageId, data: Readonly<Record<string, MessageValue>> = {}): string {
  return fill(MESSAGES[id][lang], data);
}

/** The whole catalogue of one language (id → template), e.g. for SARIF `messageStrings` or a page's script. */
export function catalogue(lang: Lang): Readonly<Record<MessageId, string>> {
  return Object.fromEntries(Object.entries(MESSAGES).map(([id, m]) => [id, m[lang]])) as Record<MessageId, string>;
}
