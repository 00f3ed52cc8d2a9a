/**
 * The app's own origins: where its pages are served from. A browser request whose `Origin` is not
 * one of them comes from another site (cross-site request forgery, websocket hijacking).
 *
 * With `PUBLIC_ORIGIN` set (a comma list such as `https://bz.example.gov.cn`), exactly those origins
 * are the app's own. Without it, the origin of each request's own host is: `Origin`'s host equals
 * the `Host` header the request was sent to (the scheme is not compared, so TLS ended by a proxy
 * in front works without the setting).
 */

/** Parses and normalizes a list of origins (`PUBLIC_ORIGIN`); throws on an entry that is not an http(s) origin. */
export function parseOrigins(entries: readonly string[]): string[] {
  const origins: string[] = [];
  for (const raw of entries) {
    const entry = raw.trim();
    if (entry === '') continue;
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new Error(`PUBLIC_ORIGIN: "${entry}" is not an origin like https://example.com`);
    }
    if (
      (url.protocol !== 'http:' && url.protocol !== 'https:') ||
      url.username !== '' ||
      url.password !== '' ||
      url.pathname !== '/' ||
      url.search !== '' ||
      url.hash !== ''
    )
      throw new Error(`PUBLIC_ORIGIN: "${entry}" is not an origin like https://example.com (scheme and host only)`);
    if (!origins.includes(url.origin)) origins.push(url.origin);
  }
  return origins;
}

/** A host name or IP address with an optional port (nothing a header could smuggle more into). */
const PLAIN_HOST = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;

/** The host (with a non-default port) that `host` names for `protocol`, lowercased; null if it is not a plain host. */
function normalizedHost(protocol: string, host: string): string | null {
  try {
    const url = new URL(`${protocol}//${host}`);
    return PLAIN_HOST.test(url.host) && url.pathname === '/' && url.username === '' ? url.host : null;
  } catch {
    return null;
  }
}

export class OriginPolicy {
  constructor(
    /** The configured origins (normalized, see parseOrigins); empty: each request's own host. */
    readonly publicOrigins: readonly string[],
  ) {}

  /** Whether an `Origin` header value names the app's own origin for a request sent to `host`. */
  isOwn(origin: string, host: string | undefined): boolean {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return false; // "null" (opaque origins: sandboxed frames, file:, data:) and garbage
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
    if (this.publicOrigins.length > 0) return this.publicOrigins.includes(url.origin);
    return host !== undefined && normalizedHost(url.protocol, host) === url.host;
  }

  /**
   * The websocket origins (`ws://…`, `wss://…`) of the app's own origins for a request sent to
   * `host`, for the Content-Security-Policy's connect-src.
   */
  websocketOrigins(host: string | undefined): string[] {
    if (this.publicOrigins.length > 0) return this.publicOrigins.map((o) => o.replace(/^http/, 'ws'));
    const own = host === undefined ? null : normalizedHost('http:', host);
    return own === null ? [] : [`ws://${own}`, `wss://${own}`];
  }
}
