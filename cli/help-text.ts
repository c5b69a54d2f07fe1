import { msg, type Lang } from '../src/i18n/index.js';

/** The `Examples:` block after a command's help: the heading in `lang`, the command lines as typed (they are not prose). */
export function examples(lang: Lang, lines: string[], indent = ''): string {
  return `\n${indent}${msg(lang, 'cli.examples')}\n${lines.map((l) => `${indent}  ${l}`).join('\n')}`;
}
