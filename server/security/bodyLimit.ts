/**
 * Request body limits, counted on the stream (Hono's body-limit middleware): a `Content-Length`
 * over the limit is refused before reading, and a chunked body (no length) is read up to the limit
 * and refused as soon as it goes over — never buffered beyond it. The first limit that applies to
 * a request wins, so a route with its own limit (an upload) is registered before the general one.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { TooLarge } from '../domain/errors.js';

/** JSON bodies of the REST API. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Requests whose body limit is already enforced by an earlier (more specific) limit. */
const limited = new WeakSet<Context>();

function sizeText(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${Math.round(bytes / 1024)} KiB`;
}

/** Refuses bodies over `maxBytes` with 413 (`TooLarge`); `what` names the body in the message. */
export function limitBody(maxBytes: number, what = 'request body'): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: (c) => {
      // The rest of the body is not read: the connection cannot carry another request.
      c.header('Connection', 'close');
      throw new TooLarge(`${what} too large (at most ${sizeText(maxBytes)})`);
    },
  });
  return async (c, next) => {
    if (limited.has(c)) return next();
    limited.add(c);
    return limit(c, next);
  };
}
