import { Option, type Command } from 'commander';
import { chosenLang, type Lang } from './i18n.js';

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
      process.exitCode = runDrillRun(scenario, { ...o, lang, reportLang: chosenLang(langArg()) });
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
      process.exitCode = await runDrillReport({ ...o, input, lang, reportLang: chosenLang(langArg()) });
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
  // Options live next to the server code: one definition for `yuan drill serve`.
  serveCommand(drill.command('serve'), h)
    .action(async (file: string, o) => {
      const { runDrillServe } = await import('./commands/drill-serve.js');
      process.exitCode = await runDrillServe(file, { ...o, lang, reportLang: chosenLang(langArg()) });
    });

  drill.command('live')
    .description(h('run a live drill in the terminal (one facilitator at a keyboard)', '终端实时演练（一位导调人员在键盘前）'))
    .argument('<scenario>', h('scenario file, or a sealed scenario', '演练脚本，或密封脚本'))
    .option('--blind', h('blind drill: nobody sees upcoming injects', '双盲演练：任何人都看不到未发布的注入'))
    .option('--speed <n>', h('drill seconds per real second (1, 2, 10)', '演练时钟倍速（1、2、10）'), '1')
    .option('--out <dir>', h('folder for the log and report', '演练记录和报告的目录'), 'out')
    .option('--resume', h('continue the drill from its log', '从演练记录继续'))
    .option('--salt <hex|file>', h('salt of a sealed scenario, to check its seal (default: the .salt file beside it)', '密封脚本的盐值，用于校验密封（默认取同目录的 .salt 文件）'))
    .addHelpText('after', h(`
Type \`help\` at the prompt for the commands (start, pause, speed 10, reveal i2, <role> step <id>, end …).

Examples:
  yuan drill live scenarios/leak-escalation-iv-to-ii.yaml --speed 10
  yuan drill live out/drill.sealed.json            # blind: a sealed scenario (yuan drill draw --seal)
  yuan drill live scenarios/leak-escalation-iv-to-ii.yaml --resume --lang en`, `
在提示符下输入 \`help\` 查看命令（start、pause、speed 10、reveal i2、<角色> step <步骤>、end……）。

示例：
  yuan drill live scenarios/leak-escalation-iv-to-ii.yaml --speed 10
  yuan drill live out/drill.sealed.json            # 双盲：密封脚本（yuan drill draw --seal）
  yuan drill live scenarios/leak-escalation-iv-to-ii.yaml --resume --lang en`))
    .action(async (file: string, o) => {
      const { runDrillLive } = await import('./commands/drill-live.js');
      process.exitCode = await runDrillLive(file, { ...o, lang, reportLang: chosenLang(langArg()) });
    });

  drill.command('repair')
    .description(h('make a damaged drill log resumable: keep a backup, drop unreadable lines, renumber, rebuild the chain', '修复损坏的演练记录以便继续：保留备份，删除无法读取的行，重新编号并重建哈希链'))
    .argument('<log>', h('drill log (JSONL)', '演练记录（JSONL）'))
    .option('--dry-run', h('only say what would be dropped', '只列出将删除的内容，不写入'))
    .addHelpText('after', h(`
Examples:
  yuan drill repair out/leak-escalation-iv-to-ii.live.jsonl --dry-run
  yuan drill repair out/leak-escalation-iv-to-ii.live.jsonl && yuan drill serve scenarios/leak-escalation-iv-to-ii.yaml --resume`, `
示例：
  yuan drill repair out/leak-escalation-iv-to-ii.live.jsonl --dry-run
  yuan drill repair out/leak-escalation-iv-to-ii.live.jsonl && yuan drill serve scenarios/leak-escalation-iv-to-ii.yaml --resume`))
    .action(async (log: string, o) => {
      const { runDrillRepair } = await import('./commands/drill-repair.js');
      process.exitCode = await runDrillRepair(log, { ...o, lang });
    });

  drill.command('draw')
    .description(h('draw a scenario from a pool or generate one from a plan; --seal prints a commitment for a blind drill', '从题库抽取或由预案生成演练脚本；--seal 密封并输出承诺值（双盲演练）'))
    .option('--pool <dir>', h('folder of scenarios to draw from', '演练脚本题库目录'))
    .option('--generate', h("generate a scenario from the plan's statechart (needs --plan)", '由预案状态图随机生成（需 --plan）'))
    .option('--plan <file>', h('plan to generate from', '用于生成的预案'))
    .option('--seed <n>', h('random seed (default: random, not printed when sealing)', '随机种子（默认随机；密封时不打印）'))
    .option('--seal', h('write a sealed file and its salt; print only the commitment', '写出密封文件与盐值，只输出承诺值'))
    .option('-o, --output <file>', h('sealed file (default out/drill.sealed.json), or where the scenario goes', '密封文件（默认 out/drill.sealed.json）或脚本输出文件'))
    .addHelpText('after', h(`
Examples:
  yuan drill draw --pool scenarios/ --seal
  yuan drill draw --generate --plan plans/chem/hazardous-chemical-leak.md --seal`, `
示例：
  yuan drill draw --pool scenarios/ --seal
  yuan drill draw --generate --plan plans/chem/hazardous-chemical-leak.md --seal`))
    .action(async (o) => {
      const { runDrillDraw } = await import('./commands/drill-blind.js');
      process.exitCode = await runDrillDraw({ ...o, lang });
    });

  drill.command('verify')
    .description(h('check that a revealed scenario is the one committed to (and, with --log, that the log is its drill); exit 0 match, 1 mismatch, 2 usage', '验证公布的脚本与承诺值一致（加 --log 时验证演练记录属于该脚本）；一致退出 0，不一致退出 1，用法错误退出 2'))
    .argument('<file>', h('scenario file or sealed file', '演练脚本或密封文件'))
    .requiredOption('--salt <hex|file>', h('the salt (64 hex digits) or the .salt file', '盐值（64 位十六进制）或 .salt 文件'))
    .requiredOption('--commitment <hex>', h('the commitment published before the drill', '演练前公布的承诺值'))
    .option('--extract <file>', h("write a sealed file's scenario out (to publish it)", '将密封文件中的脚本写出（供公布）'))
    .option('--log <file>', h("the drill's log: check it was written for this scenario", '演练记录：验证其属于该脚本'))
    .action(async (file: string, o) => {
      const { runDrillVerify } = await import('./commands/drill-blind.js');
      process.exitCode = await runDrillVerify(file, { ...o, lang });
    });

  return drill;
}

/** Adds `serve`'s arguments and options to a command (kept here, with the other commands, so the CLI starts without loading the server). */
function serveCommand(cmd: Command, h: (en: string, zh: string) => string): Command {
  return cmd
    .description(h('run a live drill: local web server with a facilitator console and a page per role', '实时演练：本地网页服务，含导调台和各角色参演页面'))
    .argument('<scenario>', h('scenario file, or a sealed scenario (yuan drill draw --seal)', '演练脚本，或密封脚本（yuan drill draw --seal）'))
    .option('--blind', h('blind drill: nobody sees upcoming injects', '双盲演练：任何人都看不到未发布的注入'))
    .addOption(new Option('--speed <n>', h('drill seconds per real second (1, 2, 10)', '演练时钟倍速（1、2、10）')).default('1'))
    .option('--host <address>', h('serve the room: an address of this machine (192.168.1.20) or 0.0.0.0 for all; default 127.0.0.1 (this machine only)',
      '为现场服务：本机地址（如 192.168.1.20），或 0.0.0.0 表示全部地址；默认 127.0.0.1（仅本机）'))
    .option('--port <n>', h('TCP port (default: any free port)', '端口（默认任一空闲端口）'), '0')
    .option('--tls-cert <file>', h('serve https with this certificate (PEM; with --tls-key)', '以 https 提供服务的证书（PEM，与 --tls-key 一起）'))
    .option('--tls-key <file>', h('private key of --tls-cert (PEM)', '--tls-cert 的私钥（PEM）'))
    .option('--ui <lang>', h('language of the pages: zh, en or zh-en (default: the plan\'s)', '页面语言：zh、en 或 zh-en（默认按预案语言）'))
    .option('--silent <duration>', h('alert when a role told of the incident has not acted for this long (default 5min)', '角色接报后多久无行动即提醒（默认 5min）'))
    .option('--out <dir>', h('folder for the log, tokens and report', '演练记录、访问令牌和报告的目录'), 'out')
    .option('--resume', h('continue the drill from its log after a crash or stop', '从演练记录继续（崩溃或停止后）'))
    .option('--roles <ids>', h('comma-separated roles that get a link (default: all)', '逗号分隔的参演角色（默认全部）'))
    .option('--no-qr', h('do not print QR codes', '不打印二维码'))
    .option('--json', h('print the links as one JSON line', '以一行 JSON 输出链接'))
    .option('--salt <hex|file>', h('salt of a sealed scenario, to check its seal (default: the .salt file beside it)', '密封脚本的盐值，用于校验密封（默认取同目录的 .salt 文件）'))
    .addHelpText('after', h(`
Examples:
  yuan drill serve scenarios/leak-escalation-iv-to-ii.yaml --speed 10
  yuan drill serve scenarios/leak-escalation-iv-to-ii.yaml --host 0.0.0.0 --port 8080 --ui zh
  yuan drill serve out/drill.sealed.json --host 192.168.1.20 --tls-cert drill.crt --tls-key drill.key
  yuan drill serve scenarios/leak-escalation-iv-to-ii.yaml --resume`, `
示例：
  yuan drill serve scenarios/leak-escalation-iv-to-ii.yaml --speed 10
  yuan drill serve scenarios/leak-escalation-iv-to-ii.yaml --host 0.0.0.0 --port 8080 --ui zh
  yuan drill serve out/drill.sealed.json --host 192.168.1.20 --tls-cert drill.crt --tls-key drill.key
  yuan drill serve scenarios/leak-escalation-iv-to-ii.yaml --resume`));
}

/** The --lang value as typed (before or after the subcommand), if any. */
const langArg = (): string | undefined =>
  process.argv.find((_, i) => process.argv[i - 1] === '--lang') ?? process.argv.find((a) => a.startsWith('--lang='))?.slice(7);
