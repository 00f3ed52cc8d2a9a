/** The one mapping of domain errors to HTTP answers: `{ error, issues? }` with the kind's status. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError } from '@shared/api/types.js';
import type { DomainErrorKind } from '../domain/errors.js';
import { DomainError, GateClosed, Invalid } from '../domain/errors.js';
import { StorageUnavailable } from '../storage/errors.js';

const STATUS: Record<DomainErrorKind, ContentfulStatusCode> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  expired: 410,
  'rate-limited': 429,
  'too-large': 413,
  unavailable: 503,
};

/** The answer to a domain error; null for any other error (a failure of the server). */
export function domainErrorResponse(c: Context, error: Error): Response | null {
  // The disk (or database) refused the change: nothing was changed, the caller may try again.
  if (error instanceof StorageUnavailable) return c.json<ApiError>({ error: error.message }, STATUS.unavailable);
  if (!(error instanceof DomainError)) return null;
  const body: ApiError = {
    error: error.message,
    ...(error instanceof Invalid && error.issues ? { issues: error.issues } : {}),
    ...(error instanceof GateClosed ? { failing: error.failing } : {}),
  };
  return c.json(body, STATUS[error.kind]);
}
