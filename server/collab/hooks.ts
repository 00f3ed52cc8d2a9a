/**
 * The collaboration server's hook API, modelled on Hocuspocus. Every server concern
 * (authentication, persistence, and later comments, consultation, progress, history) is an
 * `Extension` in its own file that implements the hooks it needs. Hooks run in ascending
 * `priority` order (default 100); an error thrown by `onAuthenticate` rejects the connection,
 * errors of the other hooks are logged and, for `onStoreDocument`, retried.
 *
 * Lifecycle of a document:
 *   onAuthenticate (per connection, before anything is synced)
 *   → onLoadDocument (once per load, shared by concurrent first connections; fills the Y.Doc from
 *     storage before the first sync message is answered) → afterLoadDocument
 *   → onConnect (per connection, after load)
 *   → onChange (every accepted update, with the user who sent it)
 *   → onStoreDocument (debounced: `store.debounceMs` after the last change, at most
 *     `store.maxWaitMs` after the first unstored one; always on shutdown and before unloading)
 *   → onDisconnect (per connection)
 *   → afterUnloadDocument (no connections left and everything stored; the Y.Doc is destroyed)
 *   onDestroy (server shutdown, after all documents are stored)
 *   onAwarenessUpdate (fire-and-forget: presence changed by a client of this instance, e.g. to
 *     relay it to the other instances; presence received from them is not announced again)
 *
 * Results about a document, announced by the extension that computes them (fire-and-forget, errors
 * logged; run through `CollabServer.documentChecked`, i.e. the same pipeline):
 *   onDocumentChecked (the drafting checker ran on a document — shortly after its content changed,
 *     after it loaded, or when `GET /api/documents/:id/check` computed fresh findings — with the
 *     error/warning counts, already stored in `documentChecks`; for progress tracking)
 */
import type { IncomingMessage } from 'node:http';
import type * as Y from 'yjs';
import type { ProjectRole } from '@shared/domain/roles.js';
import type { StoredUpdate } from '../storage/types.js';
import type { CollabServer } from './CollabServer.js';

export interface AuthenticatedUser {
  id: string;
  name: string;
  organizationId: string;
  organizationName: string;
}

/** What a connection is allowed to do, decided once by `onAuthenticate`. */
export interface ConnectionContext {
  user: AuthenticatedUser;
  projectId: string;
  role: ProjectRole | null;
  /** Read-only connections receive the document and presence but never change it. */
  readOnly: boolean;
}

/** Rejects a connection with a WebSocket close code (4401, 4403…). */
export class ConnectionRejected extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export interface OnConfigurePayload {
  server: CollabServer;
}

export interface OnAuthenticatePayload {
  documentId: string;
  request: IncomingMessage;
  /** Query parameters of the upgrade URL (y-websocket `params`, e.g. `token`). */
  parameters: URLSearchParams;
}

export interface DocumentPayload {
  documentId: string;
  document: Y.Doc;
}

export interface ConnectionPayload extends DocumentPayload {
  connectionId: string;
  context: ConnectionContext;
}

export interface OnChangePayload extends DocumentPayload {
  update: Uint8Array;
  /** The authenticated user who sent the update (or the server's system user). */
  userId: string;
  /** Epoch milliseconds when the server accepted it (the `at` it is stored with). */
  at: number;
  /** Present when the update came from a client connection. */
  context: ConnectionContext | null;
}

export interface OnStoreDocumentPayload extends DocumentPayload {
  /** The accepted updates since the last successful store, in order, with user and time. */
  changes: StoredUpdate[];
}

export interface OnDisconnectPayload extends ConnectionPayload {
  /** Connections still open on this document after this one. */
  remainingConnections: number;
}

export interface UnloadPayload {
  documentId: string;
}

export interface OnAwarenessUpdatePayload {
  documentId: string;
  /** A y-protocols awareness update of the changed client ids. */
  update: Uint8Array;
}

export interface DocumentCheckedPayload {
  documentId: string;
  projectId: string;
  /** The checker's error and warning counts for the document's current content. */
  counts: { errors: number; warnings: number };
  /** ISO time of the check. */
  checkedAt: string;
}

export interface Extension {
  readonly name: string;
  readonly priority?: number;
  onConfigure?(payload: OnConfigurePayload): void | Promise<void>;
  /**
   * Return the connection's context to accept it, null to leave the decision to the next extension,
   * or throw `ConnectionRejected`. The first context returned wins.
   */
  onAuthenticate?(payload: OnAuthenticatePayload): Promise<ConnectionContext | null>;
  onLoadDocument?(payload: DocumentPayload): Promise<void>;
  afterLoadDocument?(payload: DocumentPayload): Promise<void>;
  onConnect?(payload: ConnectionPayload): Promise<void>;
  onChange?(payload: OnChangePayload): void | Promise<void>;
  onStoreDocument?(payload: OnStoreDocumentPayload): Promise<void>;
  onDisconnect?(payload: OnDisconnectPayload): Promise<void>;
  afterUnloadDocument?(payload: UnloadPayload): Promise<void>;
  onDocumentChecked?(payload: DocumentCheckedPayload): void | Promise<void>;
  onAwarenessUpdate?(payload: OnAwarenessUpdatePayload): void | Promise<void>;
  onDestroy?(): Promise<void>;
}

/** The user id recorded for changes made by the server itself (templates, migrations). */
export const SYSTEM_USER_ID = 'system';
