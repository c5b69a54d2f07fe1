import { Command, Option } from 'commander';
import { msg, type Lang, type PlainMessageId } from '../src/i18n/index.js';
import { localizeCommander } from './commander-lang.js';
import { defineDrill } from './define-drill.js';
import { defineRender } from './define-render.js';
import { examples } from './help-text.js';

/**
 * The whole `yuan` command tree with every help text in `lang`. Commands are imported lazily in their actions so
 * `yuan lint` never loads renderers or browsers it does not need.
 */
export function createProgram(lang: Lang): Command {
  const m = (id: PlainMessageId) => msg(lang, id);
  const program = new Command()
    .name('yuan')
    .description(m('cli.description'))
    .version('0.1.0', '-V, --version', m('commander.versionOption'))
    .addOption(new Option('--lang <lang>', m('cli.option.lang')).choices(['zh', 'en']))
    .showHelpAfterError()
    .exitOverride();

  program.command('parse')
    .description(m('cli.parse.description'))
    .argument('<paths...>', m('cli.arg.planPaths'))
    .option('--places', m('cli.parse.option.places'))
    .option('-o, --output <file>', m('cli.parse.option.output'))
    .option('--max-bytes <n>', m('cli.option.maxBytes'), (v) => Number(v))
    .addHelpText('after', examples(lang, [
      'yuan parse plans/', 'yuan parse plans/chem/hazardous-chemical-leak.md --places', 'yuan parse "plans/**/*.yaml" -o model.json',
    ]))
    .action(async (paths: string[], o) => {
      const { runParse } = await import('./commands/parse.js');
      process.exitCode = runParse(paths, { ...o, lang });
    });

  program.command('export')
    .description(m('cli.export.description'))
    .argument('<file>', m('cli.arg.planFile'))
    .requiredOption('--to <format>', m('cli.export.option.to'))
    .option('-o, --output <file>', m('cli.option.output.stdout'))
    .addHelpText('after', examples(lang, [
      'yuan export plans/chem/hazardous-chemical-leak.md --to yaml', 'yuan export plans/chem/fire-explosion.yaml --to md -o fire.md',
    ]))
    .action(async (file: string, o) => {
      const { runExport } = await import('./commands/export.js');
      process.exitCode = runExport(file, { ...o, lang });
    });

  program.command('lint')
    .description(m('cli.lint.description'))
    .argument('[paths...]', m('cli.lint.arg.paths'))
    .option('-f, --format <name>', m('cli.lint.option.format'), 'stylish')
    .option('-o, --output-file <file>', m('cli.option.outputFile'))
    .option('--fail-on <severity>', m('cli.lint.option.failOn'), 'error')
    .option('--max-warnings <n>', m('cli.lint.option.maxWarnings'), (v) => Number(v))
    .option('--quiet', m('cli.lint.option.quiet'))
    .option('-c, --config <file>', m('cli.lint.option.config'))
    .option('--no-config', m('cli.option.noConfig'))
    .option('--today <date>', m('cli.lint.option.today'))
    .option('--max-bytes <n>', m('cli.option.maxBytes'), (v) => Number(v))
    .option('-j, --jobs <n>', m('cli.lint.option.jobs'), 'auto')
    .addHelpText('after', examples(lang, [
      'yuan lint plans/', 'yuan lint plans/ --format sarif --output-file yuan.sarif',
      'yuan lint "plans/**/*.md" --format github --max-warnings 0', 'yuan lint plans/defective --lang zh',
    ]))
    .action(async (paths: string[], o) => {
      const { runLint } = await import('./commands/lint.js');
      process.exitCode = await runLint(paths, { ...o, lang });
    });

  program.command('compile')
    .description(m('cli.compile.description'))
    .argument('<file>', m('cli.arg.planFile'))
    .option('-o, --output <file>', m('cli.compile.option.output'))
    .addHelpText('after', examples(lang, ['yuan compile plans/chem/hazardous-chemical-leak.md -o leak.machine.json']))
    .action(async (file: string, o) => {
      const { runCompile } = await import('./commands/compile.js');
      process.exitCode = runCompile(file, { ...o, lang });
    });

  defineRender(program, lang);
  defineDrill(program, lang);
  return localizeCommander(program, lang);
}
