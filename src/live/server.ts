/**
 * The live drill server (实时演练服务): node:http (or https) on 127.0.0.1, or on the room's network with `--host`
 * (LAN mode, lan.ts); Server-Sent Events for pushes, JSON POST for actions, per-role random tokens in the URL and
 * separate facilitator and projector tokens.
 *
 * Routes (`:token` is a role's or the facilitator's):
 *
 * | method | path                       | who         | what                                                        |
 * |--------|----------------------------|-------------|-------------------------------------------------------------|
 * | GET    | /f/:token                  | facilitator | console page                                                |
 * | GET    | /f/:token/report           | facilitator | after-action report (HTML), once the drill has ended        |
 * | GET    | /f/:token/report.pdf       | facilitator | the same report as PDF (A4, printed by Chromium)            |
 * | GET    | /x/:token                  | projector   | projector view (read-only)                                  |
 * | GET    | /api/:token/board          | fac., proj. | situation board (board.ts), and the upcoming injects (fac.) |
 * | GET    | /f/:token/qr/:role         | facilitator | QR code (SVG) of a role's link                              |
 * | GET    | /p/:token                  | participant | the role's page                                             |
 * | GET    | /api/:token/state          | both        | the viewer's view (JSON)                                    |
 * | GET    | /api/:token/stream         | all         | SSE: `{kind:'events'|'clock'|'report'|'snapshot', …}`; each event batch carries `id:` (its last seq), and a reconnect with `Last-Event-ID` gets only what it missed |
 * | POST   | /api/:token/action         | both        | log an action (participants: as their own role only, else 403) |
 * | POST   | /api/:token/clock          | facilitator | `{op:'start'|'pause'|'resume'|'speed', speed?}`             |
 * | POST   | /api/:token/inject         | facilitator | `{message, to?, facts?}` or `{reveal: id}` (not blind)      |
 * | POST   | /api/:token/schedule       | facilitator | `{inject, at?, message?, to?, facts?, skip?}` or `{reorder: [ids]}` (not blind) |
 * | POST   | /api/:token/note           | facilitator | `{text, role?}`                                             |
 * | POST   | /api/:token/end            | facilitator | end the drill, score it, write the report                   |
 * | POST   | /api/:token/noop           | both        | (only with `noop: true`) parse and answer, store nothing: the benchmark's baseline |
 *
 * Every POST that logs something is answered only after its events are fsynced; the answer carries their `seq`s.
 * POST bodies must be `application/json` (a cross-site form cannot send that without a preflight, which is never
 * granted) and at most 64 KiB; the Host header must name exactly an address this server is served at (DNS
 * rebinding). Responses are `no-store` and pages send `Referrer-Policy: no-referrer`, so the token in the URL does not
 * leak through a Referer; tokens are never written to the drill log or to any message.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { ActionKind, DrillEvent } from '../drill/types.js';
import type { Lang } from '../report/index.js';
import { DrillError, parseFacts, type LiveDrill, type RequestOwner } from './drill.js';
import { checkBodyHeaders, closeAfter, HTTP_LIMITS, limitServer, readJsonBody, requestIdOf, serverOptions, type HttpLimits } from './http-guard.js';
import { boardView } from './board.js';
import { allowedHosts, LOOPBACK, reachableAddress, servedAddresses, urlHost } from './lan.js';
import { facilitatorPage, participantPage, projectorPage } from './pages.js';
import { qrSvg } from './qr.js';
import { liveReport, liveReportPdf } from './report.js';
import { uiLangFor, type UiLang } from './ui-text.js';
import type { LiveAction } from './session.js';
import { facilitatorEvent, participantEvent, planForms, upcomingView, type PublicEvent } from './view.js';

/** Secret tokens: the facilitator's, the projector's (read-only) and one per role. */
export interface Tokens {
  facilitator: string;
  /** The projector view's token (older token files have none: one is added). */
  projector?: string;
  roles: Record<string, string>;
}

/** A new random token (144 bits, URL-safe). */
export const newToken = (): string => randomBytes(18).toString('base64url');

/** New random tokens for the facilitator, the projector and every role. */
export function newTokens(roles: readonly string[]): Tokens {
  return { facilitator: newToken(), projector: newToken(), roles: Object.fromEntries(roles.map((r) => [r, newToken()])) };
}

/** Options of `startServer`. */
export interface ServeOptions {
  drill: LiveDrill;
  tokens: Tokens;
  /** TCP port (0: any free port). */
  port?: number;
  /** Address to listen on (default 127.0.0.1; `0.0.0.0` for every interface — LAN mode, lan.ts). */
  host?: string;
  /** Serve https with this key pair (PEM). */
  tls?: { cert: Buffer | string; key: Buffer | string };
  /** Language of the pages (default from the plan, see `uiLangFor`). */
  ui?: UiLang;
  /** Drill seconds without an action after which a told role is flagged silent (board.ts; default 5 min). */
  silentAfter?: number;
  /** Where the after-action report is written at the end (HTML). */
  reportFile?: string;
  /** Document language (report, pages); default the plan's own language. */
  lang?: Lang;
  /** Enable POST /api/:token/noop (benchmarks). */
  noop?: boolean;
  /** Called once the drill has ended and its report is written. */
  onEnd?: (report: { file?: string; overall: number }) => void;
  /** Connection and request limits (default `HTTP_LIMITS`). */
  limits?: Partial<HttpLimits>;
}

/** A running server. */
export interface LiveServer {
  server: Server;
  port: number;
  /** Base URL at the reachable address: `http://127.0.0.1:<port>`, or the LAN address with `--host`. */
  url: string;
  /** Every address the server is served at (the Host check accepts exactly these). */
  addresses: string[];
  facilitatorUrl: string;
  projectorUrl: string;
  /** Participant page URL by role id. */
  roleUrls: Record<string, string>;
  /** Stops accepting, ends the streams, closes the drill's log. */
  close(): Promise<void>;
}

type Viewer = { kind: 'facilitator' } | { kind: 'projector' } | { kind: 'participant'; role: string };

const KINDS: readonly ActionKind[] = ['step', 'level', 'notify', 'ack', 'terminate', 'note'];
const MAX_TEXT = 5000;

const SECURITY = {
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};

/** Starts the server (on 127.0.0.1 unless `host` says otherwise). */
export async function startServer(opts: ServeOptions): Promise<LiveServer> {
  const { drill, tokens } = opts;
  const { plan, scenario } = drill;
  const limits: HttpLimits = { ...HTTP_LIMITS, ...opts.limits };
  const viewers = new Map<string, Viewer>([[tokens.facilitator, { kind: 'facilitator' }]]);
  const projectorToken = tokens.projector ?? newToken();
  viewers.set(projectorToken, { kind: 'projector' });
  const ui = opts.ui ?? uiLangFor(plan, { lang: opts.lang });
  const linked = Object.keys(tokens.roles);
  for (const [role, tok] of Object.entries(tokens.roles)) {
    if (!plan.roles.some((r) => r.id === role)) throw new RangeError(`token for unknown role ${role}`);
    viewers.set(tok, { kind: 'participant', role });
  }
  const streams = new Set<{ res: ServerResponse; viewer: Viewer }>();
  let report: string | undefined;
  let base = '';

  const roleIds = new Set(plan.roles.map((r) => r.id));
  const levelIds = new Set(plan.levels.map((l) => l.id));

  // The projector learns only that something happened (it then reads the board); never what.
  const visible = (e: DrillEvent, v: Viewer): PublicEvent | undefined =>
    v.kind === 'facilitator' ? facilitatorEvent(e, drill.blind) : v.kind === 'projector' ? { seq: e.seq, t: e.t, type: e.type } : participantEvent(e, v.role, plan, scenario);
  const project = (events: readonly DrillEvent[], v: Viewer): PublicEvent[] =>
    events.map((e) => visible(e, v)).filter((e): e is PublicEvent => !!e);

  const reportUrl = () => `/f/${tokens.facilitator}/report`;
  const buildReport = (): string => {
    if (report === undefined) {
      const r = liveReport(drill, opts.lang, opts.reportFile);
      report = r.html;
      opts.onEnd?.({ file: opts.reportFile, overall: r.score.overall });
    }
    return report;
  };

  const board = () => boardView({
    plan, events: drill.events, now: drill.now(), roles: linked, silentAfter: opts.silentAfter,
    nextInjectAt: drill.blind ? undefined : drill.session.nextInjectAt(),
  });
  const levels = () => plan.levels.map((l) => ({ id: l.id, name: l.name ?? '', ...(l.colour ? { colour: l.colour } : {}) }));
  const viewOf = (v: Viewer): Record<string, unknown> => {
    if (v.kind === 'projector') {
      return { title: drill.blind ? '' : scenario.title || scenario.id, levels: levels(), clock: drill.clockView(), board: board() };
    }
    if (v.kind === 'participant') {
      const role = plan.roles.find((r) => r.id === v.role)!;
      return { role: { id: role.id, name: role.name }, ...planForms(plan, v.role), clock: drill.clockView(), events: project(drill.events, v) };
    }
    return {
      blind: drill.blind,
      title: drill.blind ? '' : scenario.title || scenario.id,
      ...planForms(plan),
      clock: drill.clockView(),
      events: project(drill.events, v),
      ...(drill.blind ? {} : { upcoming: drill.session.upcoming().map(upcomingView) }),
      links: Object.entries(tokens.roles).map(([role, tok]) => ({ role, url: `${base}/p/${tok}` })),
      projector: `/x/${projectorToken}`,
      board: board(),
      ...(drill.ended ? { report: reportUrl() } : {}),
    };
  };

  // `id` (the last seq of the batch) lets a reconnecting EventSource say what it has seen (`Last-Event-ID`).
  const send = (res: ServerResponse, m: unknown, id?: number) => { res.write(`${id !== undefined ? `id: ${id}\n` : ''}data: ${JSON.stringify(m)}\n\n`); };
  const unsubscribe = drill.subscribe((m) => {
    for (const s of streams) {
      if (m.kind === 'clock') send(s.res, m);
      else {
        const events = project(m.events, s.viewer);
        if (events.length) send(s.res, { kind: 'events', events }, m.events[m.events.length - 1].seq);
      }
    }
  });
  const heartbeat = setInterval(() => { for (const s of streams) s.res.write(': ping\n\n'); }, 15_000);

  const json = (res: ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    // Any refusal (wrong host, unknown token, read-only projector …) may come before the body was read: never drain it.
    if (status >= 400) closeAfter(res.req, res);
    res.writeHead(status, { ...SECURITY, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };
  const pdf = (res: ServerResponse, data: Buffer) => {
    res.writeHead(200, { ...SECURITY, 'content-type': 'application/pdf', 'content-length': data.length, 'content-disposition': 'inline; filename="report.pdf"' });
    res.end(data);
  };
  const html = (res: ServerResponse, text: string, nonce?: string) => {
    res.writeHead(200, {
      ...SECURITY, 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(text),
      'content-security-policy': nonce
        ? `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`
        : "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    });
    res.end(text);
  };

  const str = (v: unknown, what: string, max = 200): string | undefined => {
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v !== 'string' || v.length > max) throw new DrillError(`bad ${what}`);
    return v;
  };

  /** A participant's (or the facilitator's) action body → LiveAction, checked. */
  const parseAction = (b: Record<string, unknown>, v: Viewer): LiveAction => {
    const kind = b.kind as ActionKind;
    if (!KINDS.includes(kind)) throw new DrillError(`bad kind; expected one of ${KINDS.join(', ')}`);
    const claimed = str(b.role, 'role');
    let role: string;
    if (v.kind === 'participant') {
      if (claimed !== undefined && claimed !== v.role) throw new DrillError(`forbidden: this link acts as ${v.role} only（只能以本角色身份记录）`, 403);
      role = v.role;
    } else {
      if (!claimed || !roleIds.has(claimed)) throw new DrillError('role required: one of the plan\'s roles');
      role = claimed;
    }
    const text = str(b.text, 'text', MAX_TEXT)?.trim();
    const a: LiveAction = { role, kind, ...(text ? { text } : {}) };
    if (kind === 'step') {
      const step = str(b.step, 'step');
      if (step) a.step = step;
      if (!step && !text) throw new DrillError('a step or a text is required');
    } else if (kind === 'level') {
      const level = str(b.level, 'level');
      if (!level || !levelIds.has(level)) throw new DrillError('level must be one of the plan\'s levels');
      a.level = level;
    } else if (kind === 'notify') {
      const to = str(b.to, 'to');
      if (!to || !roleIds.has(to)) throw new DrillError('to must be one of the plan\'s roles');
      a.to = to;
    } else if (kind === 'ack') {
      a.inject = b.inject === null ? null : str(b.inject, 'inject');
    } else if (kind === 'note' && !text) throw new DrillError('a note needs a text');
    return a;
  };

  const answer = (res: ServerResponse, events: DrillEvent[], v: Viewer, extra: Record<string, unknown> = {}) => {
    json(res, 200, { ok: true, seq: events.length ? events[events.length - 1].seq : drill.store.syncedSeq, seqs: events.map((e) => e.seq), t: drill.now(), events: project(events, v), ...extra });
  };

  const handleApi = async (req: IncomingMessage, res: ServerResponse, v: Viewer, what: string) => {
    const fac = v.kind === 'facilitator';
    if (req.method === 'GET' && what === 'state') { json(res, 200, viewOf(v)); return; }
    if (req.method === 'GET' && what === 'board') {
      if (v.kind === 'participant') { json(res, 403, { error: 'forbidden' }); return; }
      json(res, 200, { board: board(), clock: drill.clockView(), ...(v.kind === 'facilitator' && !drill.blind ? { upcoming: drill.session.upcoming().map(upcomingView) } : {}) });
      return;
    }
    if (req.method === 'GET' && what === 'stream') {
      res.writeHead(200, { ...SECURITY, 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive' });
      res.write('retry: 1000\n\n');
      const s = { res, viewer: v };
      streams.add(s);
      const last = drill.events.length ? drill.events[drill.events.length - 1].seq : 0;
      // A reconnect says the last event it saw: it gets what it missed (none of it lost), not the whole log again.
      const seen = Number(req.headers['last-event-id']);
      if (Number.isInteger(seen) && seen >= 0 && req.headers['last-event-id'] !== '') {
        send(res, { kind: 'clock', clock: drill.clockView() });
        const missed = project(drill.events.filter((e) => e.seq > seen), v);
        send(res, { kind: 'events', events: missed }, last);
      } else send(res, { kind: 'snapshot', view: { clock: drill.clockView(), events: project(drill.events, v) } }, last);
      req.on('close', () => { streams.delete(s); });
      return;
    }
    if (req.method !== 'POST') { json(res, 405, { error: 'method not allowed' }); return; }
    if (v.kind === 'projector') { json(res, 403, { error: 'forbidden: the projector view is read-only' }); return; }
    checkBodyHeaders(req, limits.maxBody);
    const rid = requestIdOf(req);
    const body = await readJsonBody(req, limits.maxBody);
    if (what === 'noop') {
      if (!opts.noop) { json(res, 404, { error: 'not found' }); return; }
      json(res, 200, { ok: true, seq: 0, seqs: [], t: drill.now(), events: [] });
      return;
    }
    const op = operation(what, body, v);
    if (!op) { json(res, 404, { error: 'not found' }); return; }
    const owner: RequestOwner = fac ? 'facilitator' : `participant:${(v as { role: string }).role}`;
    const { events, replayed } = await drill.once(rid, owner, op.run);
    answer(res, events, v, { ...op.extra?.(), ...(replayed ? { replayed: true } : {}) });
  };

  /** A POST's work, checked from its body before anything runs: what to do, and what to add to the answer. */
  type Operation = { run: () => Promise<DrillEvent[]>; extra?: () => Record<string, unknown> };
  const operation = (what: string, body: Record<string, unknown>, v: Exclude<Viewer, { kind: 'projector' }>): Operation | undefined => {
    const fac = v.kind === 'facilitator';
    if (what === 'action') {
      const action = parseAction(body, v);
      return { run: () => drill.act(action, fac ? 'facilitator' : 'participant') };
    }
    if (!['clock', 'inject', 'schedule', 'note', 'end'].includes(what)) return undefined;
    if (!fac) throw new DrillError('forbidden: facilitator only（仅导调人员可用）', 403);
    switch (what) {
      case 'clock': {
        const op = body.op;
        const run = op === 'start' || op === 'resume' ? () => drill.start()
          : op === 'pause' ? () => drill.pause()
            : op === 'speed' ? () => drill.setSpeed(Number(body.speed))
              : undefined;
        if (!run) throw new DrillError('op must be start, pause, resume or speed');
        return { run, extra: () => ({ clock: drill.clockView() }) };
      }
      case 'inject': {
        if (body.reveal !== undefined) {
          const id = str(body.reveal, 'reveal') ?? '';
          return { run: () => drill.revealNow(id) };
        }
        const message = str(body.message, 'message', MAX_TEXT)?.trim();
        if (!message) throw new DrillError('message required');
        const to = body.to === undefined ? [] : body.to;
        if (!Array.isArray(to) || to.some((r) => typeof r !== 'string' || !roleIds.has(r))) throw new DrillError('to must list plan roles');
        const inject = { message, to: [...new Set(to as string[])], facts: parseFacts(body.facts) };
        return { run: () => drill.inject(inject) };
      }
      case 'schedule': {
        if (body.reorder !== undefined) {
          const ids = body.reorder;
          if (!Array.isArray(ids) || ids.length > 1000 || ids.some((x) => typeof x !== 'string')) throw new DrillError('reorder must list inject ids');
          return { run: () => drill.reorder(ids as string[]) };
        }
        const id = str(body.inject, 'inject');
        if (!id) throw new DrillError('inject required');
        if (body.skip === true) return { run: () => drill.reschedule(id, { skip: true }) };
        const at = body.at === undefined ? undefined : Number(body.at);
        if (at !== undefined && !(Number.isFinite(at) && at >= 0 && at <= 31_536_000)) throw new DrillError('at must be seconds from drill start');
        const message = body.message === undefined ? undefined : str(body.message, 'message', MAX_TEXT)?.trim();
        if (body.message !== undefined && !message) throw new DrillError('message must not be empty');
        const to = body.to;
        if (to !== undefined && (!Array.isArray(to) || to.some((r) => typeof r !== 'string' || !roleIds.has(r)))) throw new DrillError('to must list plan roles');
        const facts = body.facts === null ? null : parseFacts(body.facts);
        const change = {
          ...(at !== undefined ? { at } : {}), ...(message ? { message } : {}), ...(to ? { to: [...new Set(to as string[])] } : {}), ...(facts !== undefined ? { facts } : {}),
        };
        return { run: () => drill.reschedule(id, change) };
      }
      case 'note': {
        const text = str(body.text, 'text', MAX_TEXT)?.trim();
        if (!text) throw new DrillError('text required');
        const role = str(body.role, 'role');
        if (role !== undefined && !roleIds.has(role)) throw new DrillError('role must be one of the plan\'s roles');
        return { run: () => drill.note(text, role) };
      }
      default: // end
        return {
          run: async () => {
            const events = await drill.end();
            buildReport();
            for (const s of streams) if (s.viewer.kind === 'facilitator') send(s.res, { kind: 'report', report: reportUrl() });
            return events;
          },
          extra: () => ({ report: reportUrl(), clock: drill.clockView() }),
        };
    }
  };

  const bind = opts.host ?? LOOPBACK;
  const served = servedAddresses(bind);
  let hosts = new Set<string>();
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const host = String(req.headers.host ?? '').toLowerCase();
    if (!hosts.has(host)) { json(res, 421, { error: 'wrong host' }); return; }
    let path: string;
    try { path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname); } catch { json(res, 400, { error: 'bad url' }); return; }
    const parts = path.split('/').filter(Boolean);
    const v = parts.length >= 2 ? viewers.get(parts[1]) : undefined;
    const done = (p: Promise<void>) => p.catch((err: unknown) => {
      if (res.headersSent) { res.end(); return; }
      closeAfter(req, res);
      if (err instanceof DrillError) json(res, err.status, { error: err.message });
      else if (err instanceof TypeError || err instanceof RangeError) json(res, 400, { error: (err as Error).message });
      else json(res, 500, { error: 'internal error' });
    });
    if (!v) { json(res, 404, { error: 'not found' }); return; }
    if (parts[0] === 'api' && parts.length === 3) { done(handleApi(req, res, v, parts[2])); return; }
    if (req.method !== 'GET') { json(res, 405, { error: 'method not allowed' }); return; }
    const nonce = randomBytes(16).toString('base64');
    if (parts[0] === 'p' && parts.length === 2 && v.kind === 'participant') {
      html(res, participantPage(plan.roles.find((r) => r.id === v.role)?.name ?? v.role, plan.meta.title, nonce, ui), nonce);
      return;
    }
    if (parts[0] === 'x' && parts.length === 2 && v.kind === 'projector') {
      html(res, projectorPage(drill.blind ? '' : scenario.title || scenario.id, nonce, ui), nonce);
      return;
    }
    if (parts[0] === 'f' && v.kind === 'facilitator') {
      if (parts.length === 2) { html(res, facilitatorPage(scenario.title || scenario.id, drill.blind, nonce, ui), nonce); return; }
      if (parts.length === 3 && parts[2] === 'report.pdf') {
        if (!drill.ended) { json(res, 409, { error: 'the drill has not ended yet' }); return; }
        buildReport();
        done(liveReportPdf(drill, opts.lang).then((data) => pdf(res, data)));
        return;
      }
      if (parts.length === 4 && parts[2] === 'qr' && Object.hasOwn(tokens.roles, parts[3])) {
        const svg = qrSvg(`${base}/p/${tokens.roles[parts[3]]}`);
        res.writeHead(200, { ...SECURITY, 'content-type': 'image/svg+xml', 'content-security-policy': "default-src 'none'", 'content-length': Buffer.byteLength(svg) });
        res.end(svg);
        return;
      }
      if (parts.length === 3 && parts[2] === 'report') {
        if (!drill.ended) { json(res, 409, { error: 'the drill has not ended yet' }); return; }
        html(res, buildReport());
        return;
      }
    }
    json(res, 404, { error: 'not found' });
  };
  const server: Server = opts.tls ? createTlsServer({ ...serverOptions(limits), cert: opts.tls.cert, key: opts.tls.key }, handler) : createServer(serverOptions(limits), handler);
  limitServer(server, limits);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, bind, () => { server.off('error', reject); resolve(); });
  });
  const port = (server.address() as AddressInfo).port;
  hosts = allowedHosts(served, port, !!opts.tls);
  base = `${opts.tls ? 'https' : 'http'}://${urlHost(reachableAddress(served))}:${port}`;
  let closed = false;
  return {
    server, port, url: base, addresses: served,
    facilitatorUrl: `${base}/f/${tokens.facilitator}`,
    projectorUrl: `${base}/x/${projectorToken}`,
    roleUrls: Object.fromEntries(Object.entries(tokens.roles).map(([r, t]) => [r, `${base}/p/${t}`])),
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      unsubscribe();
      for (const s of streams) s.res.end();
      streams.clear();
      await new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); });
      await drill.close();
    },
  };
}
