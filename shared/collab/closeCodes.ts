/**
 * WebSocket close codes of the collaboration endpoint. y-websocket 3.1 treats 4400–4499 as final
 * (the client stops reconnecting); a code that must make the client reconnect and be authorized
 * again (role changed, member removed) therefore lives outside that range.
 */
export const CloseCode = {
  /** Malformed frame: the client sent bytes that are not a valid y-websocket message. */
  MalformedMessage: 4400,
  /** Not signed in. */
  Unauthenticated: 4401,
  /** Signed in but no access to this document (or the document does not exist). */
  Forbidden: 4403,
  /** Access changed (role changed or member removed): reconnect and be authorized again (not final on purpose). */
  AccessChanged: 4000,
  /** Message larger than the server accepts (standard code). */
  MessageTooBig: 1009,
  /** Server shutting down (standard code; client reconnects). */
  GoingAway: 1001,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

export const COLLAB_PATH = '/collab';
