/**
 * The server's own awareness state on a document: how the server pushes live, ephemeral results
 * (the drafting checker's findings) to every client through the standard y-websocket awareness
 * protocol, without a custom message type. Clients recognise it by `server: true` and never show it
 * as a person.
 */
import type { CheckResult } from '../checker/types.js';

export interface ServerPresenceState {
  server: true;
  /** The drafting checker's latest findings for this document, and when they were computed. */
  checker?: { result: CheckResult; checkedAt: string };
  /** Present while the server cannot store this document's changes (its disk fails); it keeps retrying. */
  storage?: { since: string };
}

export function isServerPresence(state: unknown): state is ServerPresenceState {
  return typeof state === 'object' && state !== null && (state as { server?: unknown }).server === true;
}
