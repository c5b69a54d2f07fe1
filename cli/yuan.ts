#!/usr/bin/env node
import { Command, CommanderError, Option } from 'commander';
import { pickLang } from './i18n.js';
import { defineDrill } from './define-drill.js';
import { defineRender } from './define-render.js';
import { EXIT } from './output.js';

// Commands are imported lazily so `yuan lint` never loads renderers or browsers it does not need.
const lang = pickLang(process.argv.find((a, i) => process.argv[i - 1] === '--lang') ?? process.argv.find((a) => a.startsWith('--lang='))?.slice(7));
const zh = lang === 'zh';
const h = (en: string, cn: string) => (zh ? cn : en);

const program = new Command()
  .name('yuan')
  .description(h('yuan (预案) — emergency response plans as code: parse, lint, compile, render and drill.',
    'yuan（预案）— 应急预案即代码：解析、检查、编译、绘图与演练。'))
  .version('0.1.0')
  .addOption(new Option('--lang <lang>', h('message language', '提示语言')).choices(['zh', 'en']))
  .showHelpAfterError()
  .exitOverride();

program.command('parse')
  .description(h('parse plans (files, folders, globs) and print the model as JSON', '解析预案（文件、目录或通配符）并以 JSON 输出模型'))
  .argument('<paths...>', h('plan files, folders or globs', '预案文件、目录或通配符'))
  .option('--places', h('keep source positions in the output', '输出中保留源码位置'))
  .option('-o, --output <file>', h('write the JSON to a file', '将 JSON 写入文件'))
  .option('--max-bytes <n>', h('largest plan file accepted', '可接受的最大文件字节数'), (v) => Number(v))
  .addHelpText('after', h(`
Examples:
  yuan parse plans/
  yuan parse plans/chem/hazardous-chemical-leak.md --places
  yuan parse "plans/**/*.yaml" -o model.json`, `
示例：
  yuan parse plans/
  yuan parse plans/chem/hazardous-chemical-leak.md --places
  yuan parse "plans/**/*.yaml" -o model.json`))
  .action(async (paths: string[], o) => {
    const { runParse } = await import('./commands/parse.js');
    process.exitCode = runParse(paths, { ...o, lang });
  });

program.command('export')
  .description(h('convert a plan between Markdown, YAML and JSON without loss', '在 Markdown、YAML、JSON 之间无损转换预案'))
  .argument('<file>', h('plan file', '预案文件'))
  .requiredOption('--to <format>', 'yaml | md | json')
  .option('-o, --output <file>', h('write to a file instead of stdout', '写入文件而非标准输出'))
  .addHelpText('after', h(`
Examples:
  yuan export plans/chem/hazardous-chemical-leak.md --to yaml
  yuan export plans/chem/fire-explosion.yaml --to md -o fire.md`, `
示例：
  yuan export plans/chem/hazardous-chemical-leak.md --to yaml
  yuan export plans/chem/fire-explosion.yaml --to md -o fire.md`))
  .action(async (file: string, o) => {
    const { runExport } = await import('./commands/export.js');
    process.exitCode = runExport(file, { ...o, lang });
  });

program.command('lint')
  .description(h('lint plans and the 1+N system they form; exit 0 clean, 1 problems, 2 usage', '检查预案及其"1+N"体系；退出码 0 无问题、1 有问题、2 用法错误'))
  .argument('[paths...]', h('plan files, folders or globs (default: .); in folders only files whose content is a plan', '预案文件、目录或通配符（默认当前目录）；目录中只检查内容是预案的文件'))
  .option('-f, --format <name>', 'stylish | json | sarif | github | junit', 'stylish')
  .option('-o, --output-file <file>', h('write the report to a file', '将报告写入文件'))
  .option('--fail-on <severity>', h('exit 1 on error (default) or on warning too', '遇到 error（默认）或 warning 时以 1 退出'), 'error')
  .option('--max-warnings <n>', h('exit 1 when there are more warnings than this', '警告数超过该值时以 1 退出'), (v) => Number(v))
  .option('--quiet', h('report errors only', '只报告错误'))
  .option('-c, --config <file>', h('config file (default: nearest yuan.config.yaml)', '配置文件（默认就近的 yuan.config.yaml）'))
  .option('--no-config', h('ignore yuan.config.yaml', '忽略 yuan.config.yaml'))
  .option('--today <date>', h('ISO date used as today for staleness checks', '时效检查所用的"今天"（ISO 日期）'))
  .option('--max-bytes <n>', h('largest plan file accepted', '可接受的最大文件字节数'), (v) => Number(v))
  .option('-j, --jobs <n>', h('worker threads: a number, or auto (one per core for 24 or more files; 1 = none)', '工作线程数：数字或 auto（24 个及以上文件时每个 CPU 核一个；1 表示不用）'), 'auto')
  .addHelpText('after', h(`
Examples:
  yuan lint plans/
  yuan lint plans/ --format sarif --output-file yuan.sarif
  yuan lint "plans/**/*.md" --format github --max-warnings 0
  yuan lint plans/defective --lang zh`, `
示例：
  yuan lint plans/
  yuan lint plans/ --format sarif --output-file yuan.sarif
  yuan lint "plans/**/*.md" --format github --max-warnings 0
  yuan lint plans/defective --lang zh`))
  .action(async (paths: string[], o) => {
    const { runLint } = await import('./commands/lint.js');
    process.exitCode = await runLint(paths, { ...o, lang });
  });

program.command('compile')
  .description(h('compile a plan to its statechart (xstate v5 JSON)', '将预案编译为状态图（xstate v5 JSON）'))
  .argument('<file>', h('plan file', '预案文件'))
  .option('-o, --output <file>', h('write the JSON to a file instead of stdout', '将 JSON 写入文件而非标准输出'))
  .addHelpText('after', h(`
Examples:
  yuan compile plans/chem/hazardous-chemical-leak.md -o leak.machine.json`, `
示例：
  yuan compile plans/chem/hazardous-chemical-leak.md -o leak.machine.json`))
  .action(async (file: string, o) => {
    const { runCompile } = await import('./commands/compile.js');
    process.exitCode = runCompile(file, { ...o, lang });
  });

defineRender(program, lang);
defineDrill(program, lang);

// `yuan … | head` closes stdout early: that is the reader's choice, not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => { if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0); else throw err; });

// No top-level await: the bundled CLI (scripts/bundle.ts) is a CommonJS file.
program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? EXIT.ok : EXIT.usage;
  } else {
    process.stderr.write(`yuan: ${(err as Error).message}\n`);
    process.exitCode = EXIT.usage;
  }
});
