/**
 * The server's logger (pino). Credentials never reach the log: fields named like secrets are
 * redacted wherever they are, and URLs and paths (`url`, `path`) lose the session token of a
 * collaboration URL (`?token=…`) and the token of an invitation link (`/invitations/<token>`).
 */
import { pino } from 'pino';
import type { Logger } from 'pino';

export type { Logger };

const SECRET_FIELDS = ['password', 'passwordHash', 'token', 'authorization', 'cookie', 'set-cookie'];
const SECRET_PATHS = [
  ...SECRET_FIELDS,
  ...SECRET_FIELDS.map((field) => `*.${field}`),
  ...SECRET_FIELDS.map((field) => `*.headers.${field}`),
  ...SECRET_FIELDS.map((field) => `*.*.headers.${field}`),
];

/** Query parameters that carry a credential. */
const SECRET_QUERY = /([?&](?:token|access_token)=)[^&#]*/gi;
/** Path segments that are a credential: the token of an invitation link. */
const SECRET_SEGMENT = /(\/(?:round-)?invitations\/)(?!\[redacted\])[^/?#]+/g;

/** A URL or path as it may be logged: credentials in its query or path replaced by `[redacted]`. */
export function redactUrl(url: string): string {
  return url.replace(SECRET_QUERY, '$1[redacted]').replace(SECRET_SEGMENT, '$1[redacted]');
}

const redactUrlField = (value: unknown): unknown => (typeof value === 'string' ? redactUrl(value) : value);

export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    level,
    base: undefined,
    redact: { paths: SECRET_PATHS, censor: '[redacted]' },
    serializers: { url: redactUrlField, path: redactUrlField },
  });
}
