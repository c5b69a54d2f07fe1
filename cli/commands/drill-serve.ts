/**
 * `yuan drill serve <scenario> [--blind] [--speed 1|2|10] [--port N] [--resume]`: a live drill on a local web server
 * (127.0.0.1 only): the facilitator console and one page per role, reached through secret links printed at start
 * (with QR codes on a terminal). Runs until Ctrl-C / SIGTERM; `--resume` continues a drill from its log after a
 * crash or a stop. Exit codes: 0 stopped normally, 1 the scenario has errors, 2 usage or I/O.
 *
 * Also runnable on its own (`node dist/cli/commands/drill-serve.js <scenario> …`, same options), which the
 * kill/resume test uses.
 */
import { hasErrors } from '../../src/diagnostics.js';
import { t, type Lang } from '../i18n.js';
import { EXIT, printCompact } from '../output.js';

/** Options of `yuan drill serve`. */
export interface DrillServeOptions {
  blind?: boolean;
  speed?: string | number;
  port?: string | number;
  out?: string;
  resume?: boolean;
  /** Salt of a sealed scenario (hex or file; default the .salt file beside it). */
  salt?: string;
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
  const loaded = loadLiveInput(file, { salt: opts.salt });
  printCompact(loaded.diagnostics, lang);
  if (!loaded.input || hasErrors(loaded.diagnostics)) return loaded.input ? EXIT.diagnostics : EXIT.usage;
  let served: Awaited<ReturnType<typeof serveDrill>>;
  try {
    served = await serveDrill(loaded.input, {
      out: opts.out, blind: opts.blind, speed, port, resume: opts.resume, lang,
      roles: opts.roles ? opts.roles.split(',').map((r) => r.trim()).filter(Boolean) : undefined,
    });
  } catch (err) {
    const { reportStartFailure } = await import('./drill-repair.js');
    return reportStartFailure(err, lang);
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
