/** Messages in Chinese and English through one catalogue: ids with data, as ESLint's `meta.messages` (docs/i18n.md). */
export { catalogue, MESSAGES, msg, msgWith, type Message, type MessageArgs, type MessageData, type MessageId, type PlainMessageId } from './catalogue.js';
export { envLang, langOf, LANGS, type Lang } from './lang.js';
export { fill, placeholders, plural, unfill, type MessageValue, type Placeholders } from './template.js';
