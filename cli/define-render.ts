import { Option, type Command } from 'commander';
import { chosenLang, langArg, type Lang } from './i18n.js';

/** Registers `yuan render` and `yuan review`; both load the browser module only when they run. */
export function defineRender(program: Command, lang: Lang): void {
  const h = (en: string, cn: string) => (lang === 'zh' ? cn : en);
  program.command('render')
    .description(h('draw the A4 flowcharts (swimlanes), state diagrams and timelines of plans; svg needs no browser, pdf/png one headless Chromium for the batch; md/mmd are Mermaid text',
      '绘制预案的 A4 泳道流程图、状态图和时间线；svg 不需要浏览器，pdf/png 整批共用一个无头 Chromium；md/mmd 为 Mermaid 文本'))
    .argument('<paths...>', h('plan files, folders or globs', '预案文件、目录或通配符'))
    .option('-o, --output <dir>', h('output folder', '输出目录'), 'out')
    .option('-f, --format <list>', 'svg,pdf,png,md,mmd', 'svg')
    .option('--pages <n>', h('mermaid pages working in parallel', '并行渲染页数'), (v) => Number(v))
    .option('--scale <n>', h('PNG scale', 'PNG 缩放倍数'), (v) => Number(v))
    .option('--no-tiles', h('PDF: no readable tiles after a diagram too large for one page', 'PDF：超出单页的图不追加分块页'))
    .addHelpText('after', h(`
PDF and PNG need Chromium and CJK fonts (Debian: apt-get install chromium fonts-noto-cjk; or set YUAN_CHROMIUM).
Examples:
  yuan render plans/ -o out/ --format svg,pdf,png,md
  yuan render plans/chem/hazardous-chemical-leak.md --format mmd`, `
PDF、PNG 需要 Chromium 与中文字体（Debian：apt-get install chromium fonts-noto-cjk；或设置 YUAN_CHROMIUM）。
示例：
  yuan render plans/ -o out/ --format svg,pdf,png,md
  yuan render plans/chem/hazardous-chemical-leak.md --format mmd`))
    .action(async (paths: string[], o) => {
      const { runRender } = await import('./commands/render.js');
      // Diagrams are documents too: in the plan's language unless --lang says otherwise.
      process.exitCode = await runRender(paths, { ...o, lang, docLang: chosenLang(langArg()) });
    });

  program.command('review')
    .description(h("A4 reviewer packet (PDF): cover, summary of findings, swimlane flowcharts (overview and per level), state diagram, tables, 评审意见 sign-off page; in the plan's language unless --lang",
      'A4 评审材料（PDF）：封面、检查结果摘要、泳道流程图（总览及各级）、状态图、表格、评审意见签字页；语言与预案一致，--lang 另行指定'))
    .argument('<paths...>', h('plan files or folders', '预案文件或目录'))
    .option('-o, --output <file|dir/>', h('one PDF (plans combined) or a folder (one PDF per plan)', '单个 PDF（合并）或目录（每个预案一份）'), 'review.pdf')
    .addOption(new Option('--packet-lang <lang>', h("language of the packet only (default: --lang, else the plan's)", '仅评审材料的语言（默认取 --lang，否则与预案一致）')).choices(['zh', 'en']))
    .option('--today <date>', h('ISO date for staleness checks and the cover', '时效检查与封面所用日期'))
    .option('-c, --config <file>', h('lint config file', '检查配置文件'))
    .option('--no-config', h('ignore yuan.config.yaml', '忽略 yuan.config.yaml'))
    .option('--html', h('also write the packet HTML', '同时输出 HTML'))
    .option('--timelines', h('add per-level gantt timelines', '附加各级别甘特图'))
    .option('--system <paths...>', h('other plans of the 1+N system to lint with (files, folders, globs); default: only the plans given', '一并检查的同一"1+N"体系的其他预案（文件、目录或通配符）；默认只检查所给预案'))
    .addHelpText('after', h(`
Examples:
  yuan review plans/chem/hazardous-chemical-leak.md -o review.pdf
  yuan review plans/chem/hazardous-chemical-leak.md --system plans/chem -o review.pdf
  yuan review plans/chem/hazardous-chemical-leak.md -o review.pdf --lang en
  yuan review plans/chem -o reviews/`, `
示例：
  yuan review plans/chem/hazardous-chemical-leak.md -o review.pdf
  yuan review plans/chem/hazardous-chemical-leak.md --system plans/chem -o review.pdf
  yuan review plans/chem/hazardous-chemical-leak.md -o review.pdf --lang en
  yuan review plans/chem -o reviews/`))
    .action(async (paths: string[], o) => {
      const { runReview } = await import('./commands/review.js');
      // The packet is a document: in the plan's language unless --lang (or --packet-lang) says otherwise.
      process.exitCode = await runReview(paths, { ...o, lang, packetLang: o.packetLang ?? chosenLang(langArg()) });
    });
}
