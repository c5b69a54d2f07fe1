/**
 * LAN mode (局域网模式): where the live server listens, which addresses it is reached at, and which `Host` headers it
 * accepts. Loopback (127.0.0.1) stays the default; `--host` opts in to serving the room:
 *
 * - `--host 192.168.1.20` (an address of this machine) or a name (`--host drill.local`): served at exactly that address;
 * - `--host 0.0.0.0` (or `::`): every address of this machine's interfaces, loopback included.
 *
 * The printed URL and the QR codes use an address a phone in the room can reach (never 127.0.0.1 when a LAN address
 * is served); the `Host` check accepts exactly the addresses served, with the port (DNS rebinding cannot reach the
 * drill through a name it does not serve). Optional TLS (`--tls-cert`, `--tls-key`) serves https.
 */
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';

/** Where to listen and how. */
export interface ListenOptions {
  /** Address or name to bind (default 127.0.0.1). */
  host?: string;
  /** PEM files for https (both or neither). */
  tlsCert?: string;
  tlsKey?: string;
}

/** The loopback default. */
export const LOOPBACK = '127.0.0.1';

const WILDCARD = new Set(['0.0.0.0', '::', '[::]']);

/** Throws a RangeError unless `host` is an IP address or a plausible host name. */
export function checkHost(host: string): string {
  const h = host.trim().replace(/^\[(.*)\]$/, '$1');
  if (isIP(h) || /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i.test(h)) return h;
  throw new RangeError(`--host must be an IP address or a host name, got ${JSON.stringify(host)}`);
}

/** An address as it appears in a URL or a Host header (IPv6 in brackets). */
export const urlHost = (addr: string): string => (isIP(addr) === 6 ? `[${addr}]` : addr);

/**
 * The addresses a server bound to `host` can be reached at: the host itself, or for a wildcard every address of this
 * machine's interfaces (IPv4 first, loopback last). `localhost` counts as served whenever loopback is.
 */
export function servedAddresses(host: string, interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces()): string[] {
  const h = checkHost(host);
  if (!WILDCARD.has(h)) return h === LOOPBACK || h === 'localhost' ? [LOOPBACK, 'localhost'] : [h];
  const all = Object.values(interfaces).flatMap((list) => list ?? []);
  const v6 = h === '::' || h === '[::]';
  const picked = all.filter((i) => i.family === 'IPv4' || (v6 && i.family === 'IPv6' && !i.address.startsWith('fe80')));
  const outside = picked.filter((i) => !i.internal).map((i) => i.address);
  const inside = picked.filter((i) => i.internal).map((i) => i.address);
  return [...new Set([...outside, ...inside, ...(inside.includes(LOOPBACK) ? ['localhost'] : [])])];
}

/** The address the printed URL and the QR codes use: the first served address that is not loopback, else loopback. */
export function reachableAddress(served: readonly string[]): string {
  return served.find((a) => a !== 'localhost' && !a.startsWith('127.') && a !== '::1') ?? served[0] ?? LOOPBACK;
}

/** The `Host` header values accepted: every served address with the port (and the port-less default for 80/443). */
export function allowedHosts(served: readonly string[], port: number, tls: boolean): Set<string> {
  const out = new Set<string>();
  for (const a of served) {
    out.add(`${urlHost(a)}:${port}`.toLowerCase());
    if (port === (tls ? 443 : 80)) out.add(urlHost(a).toLowerCase());
  }
  return out;
}

/** Reads the TLS key pair (PEM); a RangeError that names the file when one is missing or unreadable. */
export function loadTls(certFile: string | undefined, keyFile: string | undefined): { cert: Buffer; key: Buffer } | undefined {
  if (certFile === undefined && keyFile === undefined) return undefined;
  if (!certFile || !keyFile) throw new RangeError('TLS needs both --tls-cert and --tls-key');
  const read = (f: string, what: string) => {
    try { return readFileSync(f); } catch (err) { throw new RangeError(`cannot read the TLS ${what} ${f}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { cause: err }); }
  };
  return { cert: read(certFile, 'certificate'), key: read(keyFile, 'key') };
}
