import type { Command } from 'commander';
import type { Lang } from './i18n.js';

/** Registers `yuan drill …` (run, test, score, report, import); each command loads its module only when it runs. */
export function defineDrill(program: Command, lang: Lang): Command {
  const h = (en: string, cn: string) => (lang === 'zh' ? cn : en);
  const drill = program.command('drill')
    .description(h('drills (演练): play scenarios, test them in CI, score and report real drills, import MSELs',
      '演练：按脚本推演、CI 测试、对真实演练评分和出具评估报告、导入 MSEL'));

  drill.command('run')
    .description(h('play a scenario on a simulated clock; write the drill log (JSONL) and print the score', '按脚本在模拟时钟上推演，写出演练记录（JSONL）并打印评分'))
    .argument('<scenario>', h('scenario file', '演练脚本文件'))
    .option('-o, --log <file>', h('drill log to write (default: out/<scenario-id>.log.jsonl)', '演练记录文件（默认 out/<脚本标识>.log.jsonl）'))
    .option('--report <format>', h('also write the after-action report next to the log: md | html | json', '同时在演练记录旁写出评估报告：md | html | json'))
    .addHelpText('after', h(`
  Examples:
    yuan drill run scenarios/leak-escalation-iv-to-ii.yaml
    yuan drill run scenarios/leak-duplicated-effort.yaml -o drill.jsonl --report html`, `
  示例：
    yuan drill run scenarios/leak-escalation-iv-to-ii.yaml
    yuan drill run scenarios/leak-duplicated-effort.yaml -o drill.jsonl --report html`))
    .action(async (scenario: string, o) => {
      const { runDrillRun } = await import('./commands/drill.js');
      process.exitCode = runDrillRun(scenario, { ...o, lang });
    });

  drill.command('test')
    .description(h('play every scenario and check its expect: block; exit 0 all pass, 1 any fails, 2 usage', '推演所有演练脚本并检查 expect: 断言；退出码 0 全部通过、1 有失败、2 用法错误'))
    .argument('[paths...]', h('scenario files or folders (default: scenarios/)', '演练脚本文件或目录（默认 scenarios/）'))
    .option('-f, --format <name>', 'stylish | json | junit', 'stylish')
    .option('-o, --output-file <file>', h('write the report to a file', '将报告写入文件'))
    .addHelpText('after', h(`
  Examples:
    yuan drill test scenarios/
    yuan drill test scenarios/ --format junit -o drill-junit.xml`, `
  示例：
    yuan drill test scenarios/
    yuan drill test scenarios/ --format junit -o drill-junit.xml`))
    .action(async (paths: string[], o) => {
      const { runDrillTest } = await import('./commands/drill.js');
      process.exitCode = runDrillTest(paths, { ...o, lang });
    });

  const inputOptions = (c: Command) => c
    .argument('[input]', h('a drill log (JSONL), an observer log (CSV) or a scenario (YAML)', '演练记录（JSONL）、观察记录（CSV）或演练脚本（YAML）'))
    .option('--plan <file>', h('the plan (default: the scenario\'s)', '预案文件（默认取演练脚本所指）'))
    .option('--scenario <file>', h('the scenario: objectives, weights, and injects for an observer log', '演练脚本：目标、权重，以及回放观察记录所用的情景注入'))
    .option('--log <file>', h('drill log (JSONL) or observer log (CSV)', '演练记录（JSONL）或观察记录（CSV）'))
    .option('--observed <csv>', h('observer log (CSV) of a real drill', '真实演练的观察记录（CSV）'))
    .option('--start <time>', h('observer log: clock time of the drill start (default: its first row)', '观察记录：演练开始时刻（默认第一行）'));

  inputOptions(drill.command('score'))
    .description(h('score a drill from its log, or from an observer log replayed through the engine', '由演练记录评分，或将观察记录经引擎回放后评分'))
    .option('-f, --format <name>', 'text | json', 'text')
    .option('-o, --output <file>', h('write to a file instead of stdout', '写入文件而非标准输出'))
    .option('--out-log <file>', h('also write the (replayed) events as a JSONL drill log', '同时将（回放得到的）事件写为 JSONL 演练记录'))
    .addHelpText('after', h(`
  Examples:
    yuan drill score out/leak-escalation-iv-to-ii.log.jsonl
    yuan drill score scenarios/leak-escalation-iv-to-ii.yaml --observed scenarios/observed/leak-observer-log.csv --start 09:30:00`, `
  示例：
    yuan drill score out/leak-escalation-iv-to-ii.log.jsonl
    yuan drill score scenarios/leak-escalation-iv-to-ii.yaml --observed scenarios/observed/leak-observer-log.csv --start 09:30:00`))
    .action(async (input: string | undefined, o) => {
      const { runDrillScore } = await import('./commands/drill.js');
      process.exitCode = runDrillScore({ ...o, input, lang });
    });

  inputOptions(drill.command('report'))
    .description(h('write the after-action report (strengths, gaps with evidence, improvement plan)', '出具演练评估报告（优点、问题及证据、整改计划）'))
    .option('-f, --format <name>', 'md | html | json | pdf', 'md')
    .option('-o, --output <file>', h('output file (required for pdf; default stdout)', '输出文件（pdf 必填；默认标准输出）'))
    .option('--date <yyyy-mm-dd>', h('drill date, for the corrective actions\' due dates', '演练日期，用于计算整改期限'))
    .addHelpText('after', h(`
  Examples:
    yuan drill report out/leak-escalation-iv-to-ii.log.jsonl -f html -o after-action.html
    yuan drill report scenarios/leak-escalation-iv-to-ii.yaml --observed scenarios/observed/leak-observer-log.csv -f pdf -o aar.pdf`, `
  示例：
    yuan drill report out/leak-escalation-iv-to-ii.log.jsonl -f html -o after-action.html
    yuan drill report scenarios/leak-escalation-iv-to-ii.yaml --observed scenarios/observed/leak-observer-log.csv -f pdf -o aar.pdf`))
    .action(async (input: string | undefined, o) => {
      const { runDrillReport } = await import('./commands/drill.js');
      process.exitCode = await runDrillReport({ ...o, input, lang });
    });

  drill.command('import')
    .description(h('import an HSEEP MSEL (CSV) as a scenario (YAML)', '将 HSEEP 主情景事件清单（CSV）导入为演练脚本（YAML）'))
    .argument('<csv>', h('MSEL CSV file', 'MSEL CSV 文件'))
    .option('--plan <file>', h('the plan (default: the CSV\'s "# plan:" line)', '预案文件（默认取 CSV 中的 "# plan:" 行）'))
    .option('-o, --output <file>', h('scenario YAML to write (default stdout)', '输出的演练脚本（默认标准输出）'))
    .addHelpText('after', h(`
  Examples:
    yuan drill import scenarios/flood-msel.csv -o scenarios/flood-from-msel.yaml`, `
  示例：
    yuan drill import scenarios/flood-msel.csv -o scenarios/flood-from-msel.yaml`))
    .action(async (csv: string, o) => {
      const { runDrillImport } = await import('./commands/drill.js');
      process.exitCode = runDrillImport(csv, { ...o, lang });
    });
  return drill;
}
