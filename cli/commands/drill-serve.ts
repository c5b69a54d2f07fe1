/**
 * `yuan drill serve <scenario> [--blind] [--speed 1|2|10] [--host ADDR] [--port N] [--tls-cert F --tls-key F] [--ui zh]
 * [--resume]`: a live drill on a web server — on 127.0.0.1 by default, on the room's network with `--host` (LAN mode):
 * the facilitator console, a projector view and one page per role, reached through secret links printed at start
 * (with QR codes on a terminal) at an address the room can reach. Runs until Ctrl-C / SIGTERM; `--resume` continues a drill from its log after a
 * crash or a stop. Exit codes: 0 stopped normally, 1 the scenario has errors, 2 usage or I/O.
 *
 * Also runnable on its own (`node dist/cli/commands/drill-serve.js <scenario> …`, same options), which the
 * kill/resume test uses.
 */
import { hasErrors } from '../../src/diagnostics.js';
import { t, type Lang } from '../i18n.js';
import { EXIT, printCompact } from '../output.js';
import { documentLang } from '../../src/report/i18n.js';
import { parseWithin } from '../../src/drill/scenario-time.js';
import { checkHost } from '../../src/live/lan.js';
import { parseUiLang, uiLangFor, type UiLang } from '../../src/live/ui-text.js';

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
  host?: string;
  tlsCert?: string;
  tlsKey?: string;
  ui?: string;
  silent?: string;
  qr?: boolean;
  json?: boolean;
  lang: Lang;
  /** Document language when `--lang` was given (the report and the pages); otherwise the plan's own language. */
  reportLang?: Lang;
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
  let ui: UiLang | undefined;
  let silentAfter: number | undefined;
  try {
    if (opts.host !== undefined) checkHost(opts.host);
    if (opts.ui !== undefined) ui = parseUiLang(opts.ui);
  } catch (err) { say(lang, `yuan: ${(err as Error).message}`, `yuan：${(err as Error).message}`); return EXIT.usage; }
  if (opts.silent !== undefined) {
    const w = parseWithin(opts.silent);
    if (!w.ok || !(w.seconds > 0)) { say(lang, `yuan: bad --silent ${opts.silent} (e.g. 5min, 300s)`, `yuan：--silent ${opts.silent} 无效（如 5min、300s）`); return EXIT.usage; }
    silentAfter = w.seconds;
  }
  if ((opts.tlsCert === undefined) !== (opts.tlsKey === undefined)) { say(lang, 'yuan: TLS needs both --tls-cert and --tls-key', 'yuan：TLS 需要同时指定 --tls-cert 和 --tls-key'); return EXIT.usage; }
  const { loadLiveInput, serveDrill } = await import('../../src/live/serve.js');
  const loaded = loadLiveInput(file, { salt: opts.salt });
  printCompact(loaded.diagnostics, lang);
  if (!loaded.input || hasErrors(loaded.diagnostics)) return loaded.input ? EXIT.diagnostics : EXIT.usage;
  let served: Awaited<ReturnType<typeof serveDrill>>;
  try {
    served = await serveDrill(loaded.input, {
      out: opts.out, blind: opts.blind, speed, port, resume: opts.resume, lang: documentLang(loaded.input.plan, opts.reportLang),
      host: opts.host, tlsCert: opts.tlsCert, tlsKey: opts.tlsKey, silentAfter,
      ui: ui ?? uiLangFor(loaded.input.plan, { lang: opts.reportLang }),
      roles: opts.roles ? opts.roles.split(',').map((r) => r.trim()).filter(Boolean) : undefined,
    });
  } catch (err) {
    const { reportStartFailure } = await import('./drill-repair.js');
    return reportStartFailure(err, lang);
  }
  const { server, drill, logFile, reportFile } = served;
  const roleName = (id: string) => drill.plan.roles.find((r) => r.id === id)?.name ?? id;
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ url: server.url, port: server.port, addresses: server.addresses, facilitator: server.facilitatorUrl, projector: server.projectorUrl, roles: server.roleUrls, log: logFile, report: reportFile, resumed: drill.resumed, blind: drill.blind, clock: drill.clockView() })}\n`);
  } else {
    const { qrTerminal } = await import('../../src/live/qr.js');
    const showQr = opts.qr !== false && process.stdout.isTTY;
    const out: string[] = [
      t(lang, `yuan drill serve: ${drill.resumed ? 'resumed' : 'live'} drill${drill.blind ? ' (blind)' : ''} on ${server.url}`,
        `yuan drill serve：${drill.resumed ? '已从记录恢复' : '实时演练已启动'}${drill.blind ? '（双盲）' : ''}，${server.url}`),
      ...(server.addresses.length > 2 || !server.url.includes('127.0.0.1')
        ? [`  ${t(lang, 'Served at', '服务地址 Served at')}: ${server.addresses.join(', ')}${server.url.startsWith('http:') && !server.url.includes('127.0.0.1') ? t(lang, ' (plain http: use --tls-cert/--tls-key on an untrusted network)', '（明文 http：在不可信网络上请使用 --tls-cert/--tls-key）') : ''}`] : []),
      `  ${t(lang, 'Facilitator', '导调台 Facilitator')}: ${server.facilitatorUrl}`,
      `  ${t(lang, 'Projector', '投屏看板 Projector')}: ${server.projectorUrl}`,
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
