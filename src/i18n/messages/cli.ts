/** The CLI's own words: help texts, usage errors, progress labels and summaries of `yuan` and its commands. */
export const CLI = {
  'cli.description': {
    en: 'yuan (预案) — emergency response plans as code: parse, lint, compile, render and drill.',
    zh: 'yuan（预案）— 应急预案即代码：解析、检查、编译、绘图与演练。',
  },
  'cli.examples': { en: 'Examples:', zh: '示例：' },
  'cli.option.lang': { en: 'message language', zh: '提示语言' },
  'cli.option.output.stdout': { en: 'write to a file instead of stdout', zh: '写入文件而非标准输出' },
  'cli.option.maxBytes': { en: 'largest plan file accepted', zh: '可接受的最大文件字节数' },
  'cli.option.noConfig': { en: 'ignore yuan.config.yaml', zh: '忽略 yuan.config.yaml' },
  'cli.arg.planFile': { en: 'plan file', zh: '预案文件' },
  'cli.arg.planPaths': { en: 'plan files, folders or globs', zh: '预案文件、目录或通配符' },

  'cli.parse.description': { en: 'parse plans (files, folders, globs) and print the model as JSON', zh: '解析预案（文件、目录或通配符）并以 JSON 输出模型' },
  'cli.parse.option.places': { en: 'keep source positions in the output', zh: '输出中保留源码位置' },
  'cli.parse.option.output': { en: 'write the JSON to a file', zh: '将 JSON 写入文件' },
  'cli.parse.summary': {
    en: '{files} file(s), {plans} plan(s), {diagnostics} diagnostic(s)', zh: '{files} 个文件，{plans} 个预案，{diagnostics} 条诊断',
  },

  'cli.export.description': { en: 'convert a plan between Markdown, YAML and JSON without loss', zh: '在 Markdown、YAML、JSON 之间无损转换预案' },
  'cli.export.option.to': { en: 'yaml | md | json', zh: '目标格式：yaml | md | json' },
  'cli.export.badTo': { en: 'yuan: --to must be yaml, md or json, not {to}', zh: 'yuan：--to 只能是 yaml、md 或 json，而不是 {to}' },

  'cli.lint.description': {
    en: 'lint plans and the 1+N system they form; exit 0 clean, 1 problems, 2 usage', zh: '检查预案及其"1+N"体系；退出码 0 无问题、1 有问题、2 用法错误',
  },
  'cli.lint.arg.paths': {
    en: 'plan files, folders or globs (default: .); in folders only files whose content is a plan',
    zh: '预案文件、目录或通配符（默认当前目录）；目录中只检查内容是预案的文件',
  },
  'cli.lint.option.format': { en: 'stylish | json | sarif | github | junit', zh: '报告格式：stylish | json | sarif | github | junit' },
  'cli.option.outputFile': { en: 'write the report to a file', zh: '将报告写入文件' },
  'cli.lint.option.failOn': { en: 'exit 1 on error (default) or on warning too', zh: '遇到 error（默认）或 warning 时以 1 退出' },
  'cli.lint.option.maxWarnings': { en: 'exit 1 when there are more warnings than this', zh: '警告数超过该值时以 1 退出' },
  'cli.lint.option.quiet': { en: 'report errors only', zh: '只报告错误' },
  'cli.lint.option.config': { en: 'config file (default: nearest yuan.config.yaml)', zh: '配置文件（默认就近的 yuan.config.yaml）' },
  'cli.lint.option.today': { en: 'ISO date used as today for staleness checks', zh: '时效检查所用的"今天"（ISO 日期）' },
  'cli.lint.option.jobs': {
    en: 'worker threads: a number, or auto (one per core for 24 or more files; 1 = none)',
    zh: '工作线程数：数字或 auto（24 个及以上文件时每个 CPU 核一个；1 表示不用）',
  },
  'cli.lint.progress': { en: 'linting', zh: '检查中' },
  'cli.lint.badFormat': {
    en: 'yuan: unknown --format {format} (stylish, json, sarif, github, junit)', zh: 'yuan：未知的输出格式 {format}（stylish、json、sarif、github、junit）',
  },
  'cli.lint.badFailOn': { en: 'yuan: --fail-on must be error or warning', zh: 'yuan：--fail-on 只能是 error 或 warning' },
  'cli.lint.badToday': {
    en: 'yuan: --today {today} is not a date, expected YYYY-MM-DD such as 2026-11-25', zh: 'yuan：--today {today} 不是有效日期，应为 YYYY-MM-DD，如 2026-11-25',
  },
  'cli.lint.badMaxWarnings': { en: 'yuan: --max-warnings must be a whole number of at least 0', zh: 'yuan：--max-warnings 应为不小于 0 的整数' },
  'cli.lint.badMaxBytes': { en: 'yuan: --max-bytes must be a whole number of bytes above 0', zh: 'yuan：--max-bytes 应为大于 0 的整数（字节）' },
  'cli.lint.badJobs': { en: 'yuan: --jobs must be a number or auto', zh: 'yuan：--jobs 应为数字或 auto' },
  'cli.lint.tooManyWarnings': {
    en: 'yuan: {warnings} warnings, more than --max-warnings {max}', zh: 'yuan：警告 {warnings} 条，超过 --max-warnings {max}',
  },

  'cli.compile.description': { en: 'compile a plan to its statechart (xstate v5 JSON)', zh: '将预案编译为状态图（xstate v5 JSON）' },
  'cli.compile.option.output': { en: 'write the JSON to a file instead of stdout', zh: '将 JSON 写入文件而非标准输出' },
  'cli.compile.internal': {
    en: 'yuan: internal error, the compiled statechart does not load: {reason}', zh: 'yuan：内部错误，编译出的状态图无法加载：{reason}',
  },

  'cli.noPlanFile': { en: 'yuan: no plan file {file}', zh: 'yuan：预案文件 {file} 不存在' },
  'cli.noPlanMatch': { en: 'yuan: no plan files match {pattern}', zh: 'yuan：没有与 {pattern} 匹配的预案文件' },
  'cli.cannotWrite': { en: 'yuan: cannot write {file}: {reason}', zh: 'yuan：无法写入 {file}：{reason}' },
} as const;
