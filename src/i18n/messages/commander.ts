/**
 * commander's own words (headings, the help and version options, option annotations, usage errors). The English
 * templates are commander's text, placeholder for placeholder: `cli/commander-lang.ts` reads commander's English
 * error back with them and writes it again in the chosen language.
 */
export const COMMANDER = {
  'commander.heading.usage': { en: 'Usage:', zh: '用法：' },
  'commander.heading.arguments': { en: 'Arguments:', zh: '参数：' },
  'commander.heading.options': { en: 'Options:', zh: '选项：' },
  'commander.heading.globalOptions': { en: 'Global Options:', zh: '全局选项：' },
  'commander.heading.commands': { en: 'Commands:', zh: '命令：' },
  'commander.usage.options': { en: '[options]', zh: '[选项]' },
  'commander.usage.command': { en: '[command]', zh: '[命令]' },
  'commander.helpOption': { en: 'display help for command', zh: '显示命令帮助' },
  'commander.helpCommand': { en: 'display help for command', zh: '显示指定命令的帮助' },
  'commander.versionOption': { en: 'output the version number', zh: '输出版本号' },
  'commander.annotation': { en: ' ({items})', zh: '（{items}）' },
  'commander.annotation.separator': { en: ', ', zh: '，' },
  'commander.annotation.choices': { en: 'choices: {choices}', zh: '可选：{choices}' },
  'commander.annotation.default': { en: 'default: {value}', zh: '默认：{value}' },
  'commander.annotation.preset': { en: 'preset: {value}', zh: '预设：{value}' },
  'commander.annotation.env': { en: 'env: {name}', zh: '环境变量：{name}' },
  'commander.error.unknownOption': { en: "error: unknown option '{option}'", zh: '错误：未知选项 {option}' },
  'commander.error.unknownCommand': { en: "error: unknown command '{command}'", zh: '错误：未知命令 {command}' },
  'commander.error.missingArgument': { en: "error: missing required argument '{name}'", zh: '错误：缺少必需的参数 {name}' },
  'commander.error.optionMissingArgument': { en: "error: option '{option}' argument missing", zh: '错误：选项 {option} 缺少取值' },
  'commander.error.missingMandatoryOption': { en: "error: required option '{option}' not specified", zh: '错误：未指定必需的选项 {option}' },
  'commander.error.invalidOptionArgument': {
    en: "error: option '{option}' argument '{value}' is invalid. {reason}", zh: '错误：选项 {option} 的取值 {value} 无效。{reason}',
  },
  'commander.error.allowedChoices': { en: 'Allowed choices are {choices}.', zh: '可选值：{choices}。' },
  'commander.error.tooManyArguments': {
    en: 'error: too many arguments. Expected {expected} argument{s} but got {received}.', zh: '错误：参数过多，应为 {expected} 个，实为 {received} 个。',
  },
  'commander.error.tooManyArgumentsFor': {
    en: "error: too many arguments for '{command}'. Expected {expected} argument{s} but got {received}.",
    zh: '错误：{command} 的参数过多，应为 {expected} 个，实为 {received} 个。',
  },
  'commander.error.didYouMean': { en: '(Did you mean {suggestion}?)', zh: '（是否想输入 {suggestion}？）' },
  'commander.error.didYouMeanOneOf': { en: '(Did you mean one of {suggestions}?)', zh: '（是否想输入以下之一：{suggestions}？）' },
} as const;
