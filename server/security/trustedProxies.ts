/**
 * Who the client is behind a reverse proxy (`TRUST_PROXY`): the addresses and ranges of the proxies
 * whose `X-Forwarded-For` and `X-Forwarded-Proto` are believed.
 *
 * The client address is found as express's `trust proxy` (proxy-addr) finds it: starting from the
 * socket's peer and walking the `X-Forwarded-For` entries from right to left, the first address
 * that is not a trusted proxy. Entries left of it were written by the client itself and are never
 * believed, so a client cannot leave its bucket by prepending addresses. Without `TRUST_PROXY` the
 * headers are ignored: the client is the socket's peer. Matching is Node's `net.BlockList`
 * (IPv4 and IPv6, CIDR ranges, IPv4-mapped IPv6 addresses).
 */
import { BlockList, isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';
import type { MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/** Who sent a request, as far as this server can tell. */
export interface RequestClient {
  /** The client's IP address (the key of per-address limits and what logs name). */
  address: string;
  /** Whether the client reached the service over https (itself, or its trusted proxy says so). */
  https: boolean;
}

const UNKNOWN = 'unknown';

/** `::ffff:10.0.0.1` → `10.0.0.1`: one client, one key, whichever way the socket reports it. */
function normalized(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

function familyOf(address: string): 'ipv4' | 'ipv6' | null {
  const version = isIP(address);
  return version === 4 ? 'ipv4' : version === 6 ? 'ipv6' : null;
}

/** Parses one `TRUST_PROXY` entry (`10.0.0.1`, `10.0.0.0/8`, `::1`, `fd00::/8`) into the list; throws when it is neither. */
function addEntry(list: BlockList, entry: string): void {
  const invalid = new Error(
    `TRUST_PROXY: "${entry}" is not an IP address or CIDR range (e.g. TRUST_PROXY=127.0.0.1,10.0.0.0/8)`,
  );
  const [address = '', prefix, extra] = entry.split('/');
  const family = familyOf(address);
  if (!family || extra !== undefined || address.includes('%')) throw invalid;
  if (prefix === undefined) {
    list.addAddress(address, family);
    return;
  }
  const bits = Number(prefix);
  if (!/^\d{1,3}$/.test(prefix) || bits > (family === 'ipv4' ? 32 : 128)) throw invalid;
  list.addSubnet(address, bits, family);
}

export class TrustedProxies {
  private constructor(
    private readonly list: BlockList,
    /** The entries as configured (validated); empty: no proxy is trusted. */
    readonly entries: readonly string[],
  ) {}

  /** The setting's entries (a comma list, blanks ignored); throws a message naming the entry that is wrong. */
  static parse(entries: readonly string[]): TrustedProxies {
    const list = new BlockList();
    const kept: string[] = [];
    for (const raw of entries) {
      const entry = raw.trim();
      if (entry === '') continue;
      addEntry(list, entry);
      kept.push(entry);
    }
    return new TrustedProxies(list, kept);
  }

  private trusts(address: string): boolean {
    const family = familyOf(address);
    return family !== null && this.list.check(address, family);
  }

  /** The client address of a request whose socket peer is `peer` (see the module comment). */
  clientAddress(peer: string | undefined, forwardedFor: string | undefined): string {
    if (!peer) return UNKNOWN;
    let address = normalized(peer);
    if (this.entries.length === 0 || !this.trusts(address) || !forwardedFor) return address;
    const hops = forwardedFor.split(',').map((hop) => normalized(hop.trim()));
    for (let i = hops.length - 1; i >= 0; i--) {
      address = hops[i]!;
      if (address === '' || !this.trusts(address)) break;
    }
    return address === '' ? UNKNOWN : address;
  }

  /** Whether a request arrived over https: its own URL, or `X-Forwarded-Proto` from a trusted peer. */
  isHttps(peer: string | undefined, ownProtocol: string, forwardedProto: string | undefined): boolean {
    if (ownProtocol === 'https:') return true;
    if (!peer || !forwardedProto || !this.trusts(normalized(peer))) return false;
    return forwardedProto.split(',')[0]!.trim().toLowerCase() === 'https';
  }

  /** The client of a raw Node request (the websocket upgrade path). */
  clientOf(request: IncomingMessage): string {
    const header = request.headers['x-forwarded-for'];
    return this.clientAddress(request.socket.remoteAddress, Array.isArray(header) ? header.join(',') : header);
  }
}

/** Parses `TRUST_PROXY`'s value (a comma list); throws a clear message on a wrong entry. */
export function parseTrustProxy(value: string | undefined): string[] {
  return [...TrustedProxies.parse((value ?? '').split(',')).entries];
}

/** REST middleware: puts the request's client (address, https) on the context for limits, logs and cookies. */
export function identifyClient(proxies: TrustedProxies): MiddlewareHandler<{ Variables: { client: RequestClient } }> {
  return async (c, next) => {
    const peer = getConnInfo(c).remote.address;
    c.set('client', {
      address: proxies.clientAddress(peer, c.req.header('x-forwarded-for')),
      https: proxies.isHttps(peer, new URL(c.req.url).protocol, c.req.header('x-forwarded-proto')),
    });
    await next();
  };
}
