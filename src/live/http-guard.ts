/**
 * What the live server does before it trusts a connection or a request: a cap on open connections, deadlines for
 * headers and bodies (a client that trickles bytes cannot hold a socket for minutes), bodies refused from their
 * headers alone (wrong type or too large: answered and the connection closed, never read), and the client's request
 * id (`Idempotency-Key`).
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { REQUEST_ID } from '../drill/log-format.js';
import { DrillError } from './drill.js';

/** Connection and request limits of the live server. */
export interface HttpLimits {
  /** Most open connections (participants' streams and requests together); more are closed at once. */
  maxConnections: number;
  /** Milliseconds a client has to send a request's headers. */
  headersTimeout: number;
  /** Milliseconds a client has to send a whole request (headers and body). */
  requestTimeout: number;
  /** Milliseconds an idle keep-alive connection stays open. */
  keepAliveTimeout: number;
  /** Largest request body accepted (bytes). */
  maxBody: number;
}

/** Defaults: room for 200 participants with a stream and a request each, several times over. */
export const HTTP_LIMITS: Readonly<HttpLimits> = {
  maxConnections: 1024,
  headersTimeout: 10_000,
  requestTimeout: 30_000,
  keepAliveTimeout: 30_000,
  maxBody: 64 * 1024,
};

/** Options for `http.createServer` that make Node check the deadlines often enough to matter. */
export function serverOptions(limits: HttpLimits): { headersTimeout: number; requestTimeout: number; connectionsCheckingInterval: number } {
  return {
    headersTimeout: limits.headersTimeout,
    requestTimeout: limits.requestTimeout,
    connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(limits.headersTimeout / 4))),
  };
}

/** Applies the connection cap and keep-alive deadline to a server. */
export function limitServer(server: Server, limits: HttpLimits): void {
  server.maxConnections = limits.maxConnections;
  server.keepAliveTimeout = limits.keepAliveTimeout;
}

/**
 * Checks a POST from its headers alone: `Content-Type` must be JSON (a cross-site form cannot send that without a
 * preflight, which is never granted) and a declared `Content-Length` must fit. Throws a DrillError (415 / 413).
 */
export function checkBodyHeaders(req: IncomingMessage, maxBody: number): void {
  const type = String(req.headers['content-type'] ?? '');
  if (!/^application\/json\b/i.test(type)) throw new DrillError('expected an application/json body（请求体应为 JSON）', 415);
  const length = req.headers['content-length'];
  if (length !== undefined && !(Number(length) <= maxBody)) {
    throw new DrillError(`body too large: ${length} bytes, at most ${maxBody}（请求体过大）`, 413);
  }
}

/** Reads a JSON object body of at most `maxBody` bytes (a body that grows past it is cut off with a 413). */
export function readJsonBody(req: IncomingMessage, maxBody: number): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > maxBody && !over) {
        over = true;
        req.pause();
        reject(new DrillError(`body too large: more than ${maxBody} bytes（请求体过大）`, 413));
      }
      if (!over) chunks.push(c);
    });
    req.on('end', () => {
      if (over) return;
      try {
        const v: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
        if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('not an object');
        resolve(v as Record<string, unknown>);
      } catch {
        reject(new DrillError('expected a JSON object'));
      }
    });
    req.on('error', reject);
  });
}

/** The request's `Idempotency-Key` (undefined when absent); a DrillError (400) when it is malformed. */
export function requestIdOf(req: IncomingMessage): string | undefined {
  const v = req.headers['idempotency-key'];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !REQUEST_ID.test(v)) {
    throw new DrillError('bad Idempotency-Key: 8 to 64 letters, digits, - or _（请求编号格式错误）');
  }
  return v;
}

/** True when a request says a body follows (a length above 0, or chunks). */
function hasBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) !== 0;
}

/**
 * Answers an error and, when the request body was not read (refused from its headers, or cut off), closes the
 * connection once the answer is out, so the client's upload stops instead of being drained.
 */
export function closeAfter(req: IncomingMessage, res: ServerResponse): void {
  if (req.complete || !hasBody(req) || res.headersSent || res.getHeader('connection') === 'close') return;
  res.setHeader('connection', 'close');
  res.on('finish', () => { req.socket.destroySoon?.(); setImmediate(() => req.destroy()); });
}
