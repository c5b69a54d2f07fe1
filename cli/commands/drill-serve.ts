/**
 * `yuan drill serve <scenario> [--blind] [--speed 1|2|10] [--port N] [--resume]`: a live drill on a local web server
 * (127.0.0.1 only): the facilitator console and one page per role, reached through secret links printed at start
 * (with QR codes on a terminal). Runs until Ctrl-C / SIGTERM; `--resume` continues a drill from its log after a
 * crash or a stop. Exit codes: 0 stopped normally, 1 the scenario has errors, 2 usage or I/O.
 *
 * Also runnable on its own (`node dist/cli/commands/drill-serve.js <scenario> …`, same options), which the
 * kill/resume test uses.
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Command, Option } from 'commander';
import { hasErrors } from '../../src/diagnostics.js';
import { pickLang, t, type Lang } from '../i18n.js';
import { EXIT, printCompact } from '../output.js';

/** Options of `yuan drill serve`. */
export interface DrillServeOptions {
  blind?: boolean;
  speed?: string | number;
  port?: string | number;
  out?: string;
  resume?: boolean;
  roles?: string;
  qr?: boolean;
  json?: boolean;
  lang: Lang;
}

const say = (lang: Lang, en: string, zh: string) => process.stderr.write(`${t(lang, en, zh)}\n`);

/** Parses `--speed` / `--port`; undefined when absent, NaN when not a number. */
const num = (v: string | number | undefined): number | undefined => (v === undefined ? undefined : Number(v));

/** Runs the server until a signal stops it. Resolves with the exit code. */
export async function runDrillServe(file: string, opts: DrillServeOptions): Promise<number> {
  const { lang } = opts;
  const speed = num(opts.speed);
  const port = num(opts.port);
  if (speed !== undefined && !(speed > 0 && speed <= 1000)) { say(lang, `yuan: bad --speed ${opts.speed} (1, 2, 10, … up to 1000)`, `yuan：--speed ${opts.speed} 无效（1、2、10……最大 1000）`); return EXIT.usage; }
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) { say(lang, `yuan: bad --port ${opts.port}`, `yuan：--port ${opts.port} 无效`); return EXIT.usage; }
  const { loadLiveInput, serveDrill } = await import('../../src/live/serve.js');
  const loaded = loadLiveInput(file);
  printCompact(loaded.diagnostics, lang);
  if (!loaded.input || hasErrors(loaded.diagnostics)) return loaded.input ? EXIT.diagnostics : EXIT.usage;
  let served: Awaited<ReturnType<typeof serveDrill>>;
  try {
    served = await serveDrill(loaded.input, {
      out: opts.out, blind: opts.blind, speed, port, resume: opts.resume, lang,
      roles: opts.roles ? opts.roles.split(',').map((r) => r.trim()).filter(Boolean) : undefined,
    });
  } catch (err) {
    say(lang, `yuan: cannot start the drill: ${(err as Error).message}`, `yuan：无法开始演练：${(err as Error).message}`);
    return EXIT.usage;
  }
  const { server, drill, logFile, reportFile } = served;
  const roleName = (id: string) => drill.plan.roles.find((r) => r.id === id)?.name ?? id;
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ url: server.url, port: server.port, facilitator: server.facilitatorUrl, roles: server.roleUrls, log: logFile, report: reportFile, resumed: drill.resumed, blind: drill.blind, clock: drill.clockView() })}\n`);
  } else {
    const { qrTerminal } = await import('../../src/live/qr.js');
    const showQr = opts.qr !== false && process.stdout.isTTY;
    const out: string[] = [
      t(lang, `yuan drill serve: ${drill.resumed ? 'resumed' : 'live'} drill${drill.blind ? ' (blind)' : ''} on ${server.url}`,
        `yuan drill serve：${drill.resumed ? '已从记录恢复' : '实时演练已启动'}${drill.blind ? '（双盲）' : ''}，${server.url}`),
      `  ${t(lang, 'Facilitator', '导调台 Facilitator')}: ${server.facilitatorUrl}`,
      `  ${t(lang, 'Participants', '参演链接 Participants')}:`,
    ];
    for (const [role, url] of Object.entries(server.roleUrls)) {
      out.push(`    ${roleName(role)} (${role}): ${url}`);
      if (showQr) out.push(qrTerminal(url));
    }
    out.push(`  ${t(lang, 'Log', '演练记录 Log')}: ${logFile}`,
      t(lang, '  Ctrl-C stops the server; `--resume` continues the drill from its log.', '  按 Ctrl-C 停止服务；加 `--resume` 可从演练记录继续。'));
    process.stdout.write(`${out.join('\n')}\n`);
  }
  drill.subscribe((m) => {
    if (m.kind === 'events' && m.events.some((e) => e.type === 'drill.end')) {
      process.stdout.write(`${t(lang, `Drill ended. Report: ${reportFile} (also at ${server.facilitatorUrl}/report)`, `演练结束。评估报告：${reportFile}（亦见 ${server.facilitatorUrl}/report）`)}\n`);
    }
  });
  return new Promise<number>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      server.close().then(() => resolve(EXIT.ok), () => resolve(EXIT.usage));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** Adds `serve`'s arguments and options to a command (the same definitions as in cli/yuan.ts). */
export function serveCommand(cmd: Command, h: (en: string, zh: string) => string): Command {
  return cmd
    .description(h('run a live drill: local web server with a facilitator console and a page per role', '实时演练：本地网页服务，含导调台和各角色参演页面'))
    .argument('<scenario>', h('scenario file, or a sealed scenario (yuan drill draw --seal)', '演练脚本，或密封脚本（yuan drill draw --seal）'))
    .option('--blind', h('blind drill: nobody sees upcoming injects', '双盲演练：任何人都看不到未发布的注入'))
    .addOption(new Option('--speed <n>', h('drill seconds per real second (1, 2, 10)', '演练时钟倍速（1、2、10）')).default('1'))
    .option('--port <n>', h('TCP port on 127.0.0.1 (default: any free port)', '监听 127.0.0.1 的端口（默认任一空闲端口）'), '0')
    .option('--out <dir>', h('folder for the log, tokens and report', '演练记录、访问令牌和报告的目录'), 'out')
    .option('--resume', h('continue the drill from its log after a crash or stop', '从演练记录继续（崩溃或停止后）'))
    .option('--roles <ids>', h('comma-separated roles that get a link (default: all)', '逗号分隔的参演角色（默认全部）'))
    .option('--no-qr', h('do not print QR codes', '不打印二维码'))
    .option('--json', h('print the links as one JSON line', '以一行 JSON 输出链接'))
    .addHelpText('after', h(`
Examples:
  yuan drill serve scenarios/leak-escalation-iv-to-ii.yaml --speed 10
  yuan drill serve out/drill.sealed.json --port 8080
  yuan drill serve scenarios/leak-escalation-iv-to-ii.yaml --resume`, `
示例：
  yuan drill serve scenarios/leak-escalation-iv-to-ii.yaml --speed 10
  yuan drill serve out/drill.sealed.json --port 8080
  yuan drill serve scenarios/leak-escalation-iv-to-ii.yaml --resume`));
}

// Standalone entry (tests, or before `drill serve` is registered in cli/yuan.ts).
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  const lang = pickLang(process.argv.find((a, i) => process.argv[i - 1] === '--lang'));
  const h = (en: string, zh: string) => (lang === 'zh' ? zh : en);
  const program = serveCommand(new Command('yuan-drill-serve'), h)
    .addOption(new Option('--lang <lang>').choices(['zh', 'en']))
    .action(async (file: string, o: DrillServeOptions) => { process.exitCode = await runDrillServe(file, { ...o, lang }); });
  await program.parseAsync(process.argv);
}
