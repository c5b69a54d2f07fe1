import { Option, type Command } from 'commander';
import { msg, type PlainMessageId } from '../src/i18n/index.js';
import { examples } from './help-text.js';
import { chosenLang, langArg, type Lang } from './i18n.js';

/** Registers `yuan render` and `yuan review`; both load the browser module only when they run. */
export function defineRender(program: Command, lang: Lang): void {
  const m = (id: PlainMessageId) => msg(lang, id);
  program.command('render')
    .description(m('cli.render.description'))
    .argument('<paths...>', m('cli.arg.planPaths'))
    .option('-o, --output <dir>', m('cli.render.option.output'), 'out')
    .option('-f, --format <list>', m('cli.render.option.format'), 'svg')
    .option('--pages <n>', m('cli.render.option.pages'), (v) => Number(v))
    .option('--scale <n>', m('cli.render.option.scale'), (v) => Number(v))
    .option('--no-tiles', m('cli.render.option.noTiles'))
    .addHelpText('after', `\n${m('cli.render.needsChromium')}${examples(lang, [
      'yuan render plans/ -o out/ --format svg,pdf,png,md', 'yuan render plans/chem/hazardous-chemical-leak.md --format mmd',
    ])}`)
    .action(async (paths: string[], o) => {
      const { runRender } = await import('./commands/render.js');
      // Diagrams are documents too: in the plan's language unless --lang says otherwise.
      process.exitCode = await runRender(paths, { ...o, lang, docLang: chosenLang(langArg()) });
    });

  program.command('review')
    .description(m('cli.review.description'))
    .argument('<paths...>', m('cli.review.arg.paths'))
    .option('-o, --output <file|dir/>', m('cli.review.option.output'), 'review.pdf')
    .addOption(new Option('--packet-lang <lang>', m('cli.review.option.packetLang')).choices(['zh', 'en']))
    .option('--today <date>', m('cli.review.option.today'))
    .option('-c, --config <file>', m('cli.review.option.config'))
    .option('--no-config', m('cli.option.noConfig'))
    .option('--html', m('cli.review.option.html'))
    .option('--timelines', m('cli.review.option.timelines'))
    .option('--system <paths...>', m('cli.review.option.system'))
    .addHelpText('after', examples(lang, [
      'yuan review plans/chem/hazardous-chemical-leak.md -o review.pdf',
      'yuan review plans/chem/hazardous-chemical-leak.md --system plans/chem -o review.pdf',
      'yuan review plans/chem/hazardous-chemical-leak.md -o review.pdf --lang en',
      'yuan review plans/chem -o reviews/',
    ]))
    .action(async (paths: string[], o) => {
      const { runReview } = await import('./commands/review.js');
      // The packet is a document: in the plan's language unless --lang (or --packet-lang) says otherwise.
      process.exitCode = await runReview(paths, { ...o, lang, packetLang: o.packetLang ?? chosenLang(langArg()) });
    });
}
