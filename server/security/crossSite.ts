/**
 * Refusing cross-site requests that a browser would send with the session cookie.
 *
 * Browsers attach the session cookie to requests that another site's page makes (forms, fetch
 * without preflight, websocket handshakes); SameSite=Lax stops most, not all (same-site subdomains,
 * older browsers, top-level POST navigations in some). They also say where such a request comes
 * from, in headers that a page cannot forge: `Sec-Fetch-Site` and `Origin`. A request with a bearer
 * token (`Authorization: Bearer …`) carries its credential explicitly — a page on another site
 * cannot add that header without a CORS preflight this server never grants — so it is not affected.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { MiddlewareHandler } from 'hono';
import { Forbidden } from '../domain/errors.js';
import type { Logger } from '../logger.js';
import type { OriginPolicy } from './origins.js';

/** Methods that change nothing, never refused. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface RequestSource {
  method: string;
  /** The `Authorization` header. */
  authorization: string | undefined;
  origin: string | undefined;
  secFetchSite: string | undefined;
  host: string | undefined;
}

/** Why a request is refused as cross-site, or null when it may go on. */
export function crossSiteRefusal(policy: OriginPolicy, request: RequestSource): string | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  if (request.authorization?.startsWith('Bearer ')) return null;
  // The browser's own word: same-origin requests, and requests the user started (typed URL, bookmark).
  if (request.secFetchSite === 'same-origin' || request.secFetchSite === 'none') return null;
  if (request.origin !== undefined) {
    return policy.isOwn(request.origin, request.host)
      ? null
      : `cross-site request refused: origin ${request.origin} is not this app's`;
  }
  // No Origin but Sec-Fetch-Site says another site: a browser request from elsewhere.
  if (request.secFetchSite === 'cross-site' || request.secFetchSite === 'same-site')
    return 'cross-site request refused';
  // Neither header: not a browser (command-line and server clients), nothing to forge.
  return null;
}

/**
 * Why a websocket handshake is refused as cross-site, or null. Browsers always send `Origin` on a
 * websocket handshake; clients that send none (servers, tests, command-line tools) authenticate
 * with the token parameter or cookie as before.
 */
export function upgradeRefusal(policy: OriginPolicy, request: IncomingMessage): string | null {
  const origin = request.headers.origin;
  if (origin === undefined) return null;
  return policy.isOwn(origin, request.headers.host) ? null : `origin ${origin} is not this app's`;
}

/** REST middleware: a refused request is a 403 (`Forbidden`, in the API's error format) before anything runs. */
export function refuseCrossSiteRequests(policy: OriginPolicy): MiddlewareHandler {
  return async (c, next) => {
    const refusal = crossSiteRefusal(policy, {
      method: c.req.method,
      authorization: c.req.header('authorization'),
      origin: c.req.header('origin'),
      secFetchSite: c.req.header('sec-fetch-site'),
      host: c.req.header('host'),
    });
    if (refusal !== null) throw new Forbidden(refusal);
    await next();
  };
}

/**
 * Answers a cross-site websocket handshake with `403 Forbidden` (before the socket is accepted, so
 * no session cookie is ever used for it) and returns true; returns false for a handshake that may go on.
 */
export function refuseCrossSiteUpgrade(
  policy: OriginPolicy,
  request: IncomingMessage,
  socket: Duplex,
  log: Logger,
  /** The client's address (server/security/trustedProxies.ts), for the log. */
  client: string,
): boolean {
  const refusal = upgradeRefusal(policy, request);
  if (refusal === null) return false;
  log.warn({ origin: request.headers.origin, url: request.url, client }, 'refused a cross-site websocket handshake');
  const body = `Forbidden: ${refusal}\n`;
  socket.on('error', () => socket.destroy());
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
  return true;
}
