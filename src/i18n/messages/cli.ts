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

  'cli.render.description': {
    en: 'draw the A4 flowcharts (swimlanes), state diagrams and timelines of plans; svg needs no browser, pdf/png one headless Chromium for the batch; md/mmd are Mermaid text',
    zh: '绘制预案的 A4 泳道流程图、状态图和时间线；svg 不需要浏览器，pdf/png 整批共用一个无头 Chromium；md/mmd 为 Mermaid 文本',
  },
  'cli.render.option.output': { en: 'output folder', zh: '输出目录' },
  'cli.render.option.format': { en: 'svg,pdf,png,md,mmd', zh: '输出格式：svg,pdf,png,md,mmd' },
  'cli.render.option.pages': { en: 'mermaid pages working in parallel', zh: '并行渲染页数' },
  'cli.render.option.scale': { en: 'PNG scale', zh: 'PNG 缩放倍数' },
  'cli.render.option.noTiles': { en: 'PDF: no readable tiles after a diagram too large for one page', zh: 'PDF：超出单页的图不追加分块页' },
  'cli.render.needsChromium': {
    en: 'PDF and PNG need Chromium and CJK fonts (Debian: apt-get install chromium fonts-noto-cjk; or set YUAN_CHROMIUM).',
    zh: 'PDF、PNG 需要 Chromium 与中文字体（Debian：apt-get install chromium fonts-noto-cjk；或设置 YUAN_CHROMIUM）。',
  },
  'cli.render.progress': { en: 'rendering', zh: '绘图中' },
  'cli.render.badFormat': { en: 'yuan: unknown --format {format} (svg, pdf, png, md, mmd)', zh: 'yuan：未知的输出格式 {format}（svg、pdf、png、md、mmd）' },
  'cli.render.emptyFormat': { en: '(empty)', zh: '（空）' },
  'cli.render.skipped': { en: 'yuan: skipped {file}: it does not parse', zh: 'yuan：已跳过 {file}：无法解析' },
  'cli.render.sameId': { en: 'yuan: {file} has the same id "{id}" as {other}; writing it to {alt}/', zh: 'yuan：{file} 与 {other} 的标识同为"{id}"，改写入 {alt}/' },
  'cli.render.markdownFailed': { en: 'yuan: {file}: diagrams.md could not be written: {reason}', zh: 'yuan：{file}：无法写出 diagrams.md：{reason}' },
  'cli.render.diagramFailed': { en: 'yuan: {file}: diagram {key} could not be generated: {reason}', zh: 'yuan：{file}：无法生成图 {key}：{reason}' },
  'cli.render.planDone': { en: '{file}: {count} diagram{count_s} ({seconds} s)', zh: '{file}：{count} 张图（{seconds} 秒）' },
  'cli.render.markdownFiles': { en: ' and {count} diagrams.md', zh: '及 {count} 份 diagrams.md' },
  'cli.render.done': {
    en: 'rendered {diagrams} diagrams{markdown} from {plans} plan{plans_s} in {seconds} s, {errors} error{errors_s} → {dir}',
    zh: '已绘制 {plans} 个预案的 {diagrams} 张图{markdown}，用时 {seconds} 秒，错误 {errors} 个 → {dir}',
  },

  'cli.review.description': {
    en: "A4 reviewer packet (PDF): cover, summary of findings, swimlane flowcharts (overview and per level), state diagram, tables, 评审意见 sign-off page; in the plan's language unless --lang",
    zh: 'A4 评审材料（PDF）：封面、检查结果摘要、泳道流程图（总览及各级）、状态图、表格、评审意见签字页；语言与预案一致，--lang 另行指定',
  },
  'cli.review.arg.paths': { en: 'plan files or folders', zh: '预案文件或目录' },
  'cli.review.option.output': { en: 'one PDF (plans combined) or a folder (one PDF per plan)', zh: '单个 PDF（合并）或目录（每个预案一份）' },
  'cli.review.option.packetLang': { en: "language of the packet only (default: --lang, else the plan's)", zh: '仅评审材料的语言（默认取 --lang，否则与预案一致）' },
  'cli.review.option.today': { en: 'ISO date for staleness checks and the cover', zh: '时效检查与封面所用日期' },
  'cli.review.option.config': { en: 'lint config file', zh: '检查配置文件' },
  'cli.review.option.html': { en: 'also write the packet HTML', zh: '同时输出 HTML' },
  'cli.review.option.timelines': { en: 'add per-level gantt timelines', zh: '附加各级别甘特图' },
  'cli.review.option.system': {
    en: 'other plans of the 1+N system to lint with (files, folders, globs); default: only the plans given',
    zh: '一并检查的同一"1+N"体系的其他预案（文件、目录或通配符）；默认只检查所给预案',
  },
  'cli.review.progress': { en: 'printing', zh: '排版中' },
  'cli.review.noSystemMatch': { en: 'yuan: no plan files match --system {pattern}', zh: 'yuan：没有与 --system {pattern} 匹配的预案文件' },
  'cli.review.planReady': { en: '{file}: ready', zh: '{file}：已排版' },
  'cli.review.pages': { en: '{pages} page{pages_s}', zh: '{pages} 页' },
  'cli.review.written': { en: '{file} ({pages})', zh: '{file} ({pages})' },
  'cli.review.planDone': { en: '{file} → {output} ({pages}{seconds} s)', zh: '{file} → {output}（{pages}{seconds} 秒）' },
  'cli.review.pagesSoFar': { en: '{pages} pages, ', zh: '{pages} 页，' },
  'cli.review.done': {
    en: 'wrote {files} for {plans} plan{plans_s} in {seconds} s, {errors} error{errors_s}', zh: '已写出 {files}（{plans} 个预案），用时 {seconds} 秒，错误 {errors} 个',
  },
  'cli.review.fileSeparator': { en: ', ', zh: '、' },
} as const;
