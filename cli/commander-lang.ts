import stripAnsi from 'strip-ansi';
import { Help, type Argument, type Command, type Option } from 'commander';
import { displayWidth } from '../src/format/width.js';
import { MESSAGES, msg, msgWith, unfill, type Lang, type MessageId, type PlainMessageId } from '../src/i18n/index.js';

const HEADINGS: Record<string, PlainMessageId> = {
  'Usage:': 'commander.heading.usage',
  'Arguments:': 'commander.heading.arguments',
  'Options:': 'commander.heading.options',
  'Global Options:': 'commander.heading.globalOptions',
  'Commands:': 'commander.heading.commands',
};

/** commander's errors, each read back with its English template and written again in `lang`. */
const ERRORS: MessageId[] = [
  'commander.error.unknownOption', 'commander.error.unknownCommand', 'commander.error.missingArgument',
  'commander.error.optionMissingArgument', 'commander.error.missingMandatoryOption', 'commander.error.invalidOptionArgument',
  'commander.error.tooManyArgumentsFor', 'commander.error.tooManyArguments',
];
const REASONS: MessageId[] = ['commander.error.allowedChoices'];
const SUGGESTIONS: MessageId[] = ['commander.error.didYouMeanOneOf', 'commander.error.didYouMean'];

/** English `text` matched against the English templates of `ids`, rewritten in `lang`; undefined when none fits. */
function translate(text: string, ids: MessageId[], lang: Lang): string | undefined {
  for (const id of ids) {
    const data = unfill(MESSAGES[id].en, text);
    if (!data) continue;
    if (data.reason !== undefined) data.reason = translate(data.reason, REASONS, lang) ?? data.reason;
    return msgWith(lang, id, data);
  }
  return undefined;
}

/** One of commander's error messages (`error: unknown option '--x'` and its `(Did you mean --y?)` line) in `lang`; unknown ones stay as they are. */
export function commanderError(text: string, lang: Lang): string {
  if (lang === 'en') return text;
  const end = text.endsWith('\n') ? '\n' : '';
  const [first, ...rest] = (end ? text.slice(0, -1) : text).split('\n');
  return [translate(first, ERRORS, lang) ?? first, ...rest.map((r) => translate(r, SUGGESTIONS, lang) ?? r)].join('\n') + end;
}

/** `(default: "out", choices: "zh", "en")` in `lang`, as commander annotates options and arguments. */
function annotate(description: string, items: string[], lang: Lang): string {
  if (!items.length) return description;
  const note = msg(lang, 'commander.annotation', { items: items.join(msg(lang, 'commander.annotation.separator')) });
  return description ? `${description}${note}` : note.trim();
}

const quoted = (values: readonly string[]) => values.map((v) => JSON.stringify(v)).join(', ');

/** commander's `Help`, with its headings, usage words and option annotations from the catalogue. */
function helpConfig(lang: Lang): Partial<Help> {
  const usageWords = (text: string) =>
    text.replace('[options]', msg(lang, 'commander.usage.options')).replace('[command]', msg(lang, 'commander.usage.command'));
  return {
    // Chinese is two columns wide and breaks between any two characters: commander counts code units and breaks at spaces.
    ...(lang === 'zh' ? { displayWidth: (text: string) => displayWidth(stripAnsi(text)), boxWrap } : {}),
    styleTitle: (title: string) => (HEADINGS[title] ? msg(lang, HEADINGS[title]) : title),
    commandUsage(cmd: Command): string { return usageWords(Help.prototype.commandUsage.call(this, cmd)); },
    subcommandTerm(cmd: Command): string { return usageWords(Help.prototype.subcommandTerm.call(this, cmd)); },
    optionDescription(option: Option): string {
      const items: string[] = [];
      if (option.argChoices) items.push(msg(lang, 'commander.annotation.choices', { choices: quoted(option.argChoices) }));
      // Same rule as commander: a default shows for options that take a value, and for booleans only when it is a boolean.
      const showDefault = option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean');
      if (option.defaultValue !== undefined && showDefault) {
        items.push(msg(lang, 'commander.annotation.default', { value: option.defaultValueDescription || JSON.stringify(option.defaultValue) }));
      }
      if (option.presetArg !== undefined && option.optional) items.push(msg(lang, 'commander.annotation.preset', { value: JSON.stringify(option.presetArg) }));
      if (option.envVar !== undefined) items.push(msg(lang, 'commander.annotation.env', { name: option.envVar }));
      return annotate(option.description, items, lang);
    },
    argumentDescription(argument: Argument): string {
      const items: string[] = [];
      if (argument.argChoices) items.push(msg(lang, 'commander.annotation.choices', { choices: quoted(argument.argChoices) }));
      if (argument.defaultValue !== undefined) {
        items.push(msg(lang, 'commander.annotation.default', { value: argument.defaultValueDescription || JSON.stringify(argument.defaultValue) }));
      }
      return annotate(argument.description, items, lang);
    },
  };
}

/** A CJK character or punctuation mark: a line may break before it. */
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/** commander's `boxWrap`, with a break allowed before every CJK character as well as at spaces. */
function boxWrap(this: Help, text: string, width: number): string {
  if (width < this.minWidthToWrap) return text;
  return text.split(/\r\n|\n/).map((line) => {
    const chunks = line.match(new RegExp(`\\s*(?:${CJK.source}|(?:(?!${CJK.source})\\S)+)`, 'gu'));
    if (!chunks) return '';
    const lines: string[] = [];
    let current = '';
    for (const chunk of chunks) {
      if (current && this.displayWidth(current + chunk) > width) { lines.push(current); current = chunk.trimStart(); } else current += chunk;
    }
    return [...lines, current].join('\n');
  }).join('\n');
}

/** Every command of a tree, the root first. */
export function commandTree(cmd: Command): Command[] {
  return [cmd, ...cmd.commands.flatMap(commandTree)];
}

/**
 * Puts commander's own words (headings, `--help`, the `help` command, option annotations, usage errors) in `lang` on
 * every command of the tree; call it once all commands are defined.
 */
export function localizeCommander(program: Command, lang: Lang): Command {
  for (const cmd of commandTree(program)) {
    cmd.helpOption('-h, --help', msg(lang, 'commander.helpOption'));
    // Where commander adds its implicit `help [command]`: commands with subcommands (none of ours has an action too).
    if (cmd.commands.length) cmd.helpCommand('help [command]', msg(lang, 'commander.helpCommand'));
    cmd.configureHelp(helpConfig(lang));
    cmd.configureOutput({ outputError: (text, write) => write(commanderError(text, lang)) });
  }
  return program;
}
