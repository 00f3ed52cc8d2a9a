/**
 * Why a request cannot be done, in the domain's terms. Services and the access rules throw these
 * only; `server/api/errorResponse.ts` is the one place that maps each kind to an HTTP answer. The
 * message (and an `Invalid`'s field issues) is what the caller is shown.
 */

import type { GateItemResult } from '@shared/workflow/gates.js';

/** A problem with one field of a request. */
export interface FieldIssue {
  path: string;
  message: string;
}

export type DomainErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'expired'
  | 'rate-limited'
  | 'too-large'
  | 'unavailable';

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
}

/** The base class of the errors of one kind. */
function ofKind<K extends DomainErrorKind>(kind: K) {
  return class extends DomainError {
    readonly kind: K = kind;
  };
}

/** The request itself is wrong: a bad body or a value the rules do not allow. */
export class Invalid extends ofKind('invalid') {
  constructor(
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
  }
}

/** Nobody is signed in, or the credentials are wrong. */
export class Unauthenticated extends ofKind('unauthenticated') {}

/** The caller has no right to do this. */
export class Forbidden extends ofKind('forbidden') {}

/** The thing does not exist — or the caller may not know that it does. */
export class NotFound extends ofKind('not-found') {}

/** The thing's current state does not allow this (a duplicate, a closed round, a decided comment …). */
export class Conflict extends ofKind('conflict') {}

/** A submission whose gate has failing required items: a conflict that names them. */
export class GateClosed extends Conflict {
  constructor(
    message: string,
    readonly failing: GateItemResult[],
  ) {
    super(message);
  }
}

/** A link that was valid once and has expired. */
export class Expired extends ofKind('expired') {}

/** Too many attempts (sign-in); try again later. */
export class RateLimited extends ofKind('rate-limited') {}

/** The request (its body, an uploaded file, what the file unpacks to) is larger than allowed. */
export class TooLarge extends ofKind('too-large') {}

/** Something the server needs for this is not there or not working (LibreOffice for PDFs); try again later. */
export class Unavailable extends ofKind('unavailable') {}
