/**
 * The collaboration endpoint: `ws://HOST:PORT/collab/<documentId>`, speaking the standard
 * y-websocket protocol. It owns the loaded documents and their connections and runs the
 * extensions' hooks (see hooks.ts) at each step.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { WebSocketServer } from 'ws';
import type { RawData, WebSocket } from 'ws';
import type * as Y from 'yjs';
import { applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { COLLAB_PATH, CloseCode } from '@shared/collab/closeCodes.js';
import type { Logger } from '../logger.js';
import { HookPipeline } from './HookPipeline.js';
import { ConnectionRejected } from './hooks.js';
import type { ConnectionContext, DocumentCheckedPayload, Extension } from './hooks.js';
import { CollabConnection } from './CollabConnection.js';
import { CollabDocument, REMOTE_ORIGIN, ServerOrigin } from './CollabDocument.js';
import { encodeAwarenessEntries, readAwarenessEntries } from './messages.js';
import type { StorePolicy } from './CollabDocument.js';
import { Heartbeat } from './Heartbeat.js';

/** Frames (and bytes) a connection may send before it is authenticated and its document loaded. */
const MAX_QUEUED_FRAMES = 1_000;
const MAX_QUEUED_BYTES = 32 * 1024 * 1024;

export interface CollabServerOptions {
  extensions: Extension[];
  log: Logger;
  /** Largest frame accepted; larger ones close the connection with 1009. */
  maxPayloadBytes?: number;
  store?: Partial<StorePolicy>;
  /** How often every open socket is pinged; one that missed the previous pong is dropped. */
  pingIntervalMs?: number;
  /** Bytes queued for one client beyond which it is dropped as too slow (default 8 MiB). */
  maxBufferedBytes?: number;
}

const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,128}$/;

/** How long a preloaded document waits for its socket before it may be unloaded again. */
const PRELOAD_HOLD_MS = 10_000;

/** The document id of a `/collab/<id>` path, or null if it is not a well-formed id (e.g. bad percent-encoding). */
function documentIdOf(pathname: string): string | null {
  let id: string;
  try {
    id = decodeURIComponent(pathname.slice(COLLAB_PATH.length + 1));
  } catch {
    return null;
  }
  return DOCUMENT_ID.test(id) ? id : null;
}

function closeSocket(ws: WebSocket, code: number, reason: string): void {
  if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close(code, reason);
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}

export class CollabServer {
  readonly hooks: HookPipeline;
  private readonly wss: WebSocketServer;
  private readonly documents = new Map<string, CollabDocument>();
  /** Sockets signed in whose document is still loading (not yet among its connections). */
  private readonly authenticatedWhileLoading = new Set<{
    ws: WebSocket;
    context: ConnectionContext;
    documentId: string;
  }>();
  private readonly loading = new Map<string, Promise<CollabDocument>>();
  private readonly policy: StorePolicy;
  private readonly heartbeat: Heartbeat;
  private readonly log: Logger;
  private readonly maxBufferedBytes: number | undefined;
  private closing = false;

  private constructor(options: CollabServerOptions) {
    this.log = options.log;
    this.maxBufferedBytes = options.maxBufferedBytes;
    this.hooks = new HookPipeline(options.extensions, options.log);
    this.policy = { debounceMs: 500, maxWaitMs: 1500, retryMs: 1000, ...options.store };
    this.wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayloadBytes ?? 16 * 1024 * 1024 });
    this.heartbeat = new Heartbeat(options.pingIntervalMs ?? 30_000, options.log);
  }

  static async create(options: CollabServerOptions): Promise<CollabServer> {
    const server = new CollabServer(options);
    await server.hooks.run('onConfigure', { server });
    return server;
  }

  /**
   * Handles an HTTP upgrade if it is for the collaboration path; returns false otherwise. Never
   * throws: whatever goes wrong with one connection is logged and closes that connection only.
   */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    let url: URL;
    try {
      url = new URL(request.url ?? '/', 'http://localhost');
    } catch {
      return false;
    }
    if (url.pathname !== COLLAB_PATH && !url.pathname.startsWith(`${COLLAB_PATH}/`)) return false;
    try {
      this.wss.handleUpgrade(request, socket, head, (ws) => {
        this.accept(ws, request, url).catch((error: unknown) => {
          this.log.error({ err: error, path: url.pathname }, 'accepting a collaboration connection failed');
          closeSocket(ws, 1011, 'internal error');
        });
      });
    } catch (error) {
      this.log.error({ err: error, path: url.pathname }, 'websocket upgrade failed');
      socket.destroy();
    }
    return true;
  }

  private async accept(ws: WebSocket, request: IncomingMessage, url: URL): Promise<void> {
    this.heartbeat.track(ws);
    // Frames that arrive while authenticating and loading are queued, in order, up to a bound: a
    // client cannot make the server hold an unlimited amount before it is even let in.
    const queue: Uint8Array[] = [];
    let queuedBytes = 0;
    let connection: CollabConnection | null = null;
    let closed = false;
    ws.on('message', (data, isBinary) => {
      if (!isBinary) {
        ws.close(CloseCode.MalformedMessage, 'text frames are not part of the protocol');
        return;
      }
      const bytes = toBytes(data);
      if (connection) {
        connection.handle(bytes);
        return;
      }
      queuedBytes += bytes.byteLength;
      if (queue.length >= MAX_QUEUED_FRAMES || queuedBytes > MAX_QUEUED_BYTES) {
        queue.length = 0;
        ws.close(CloseCode.MessageTooBig, 'too much sent before the document was ready');
        return;
      }
      queue.push(bytes);
    });
    ws.on('error', (error) => this.log.warn({ err: error }, 'websocket error'));
    ws.on('close', () => {
      closed = true;
    });

    if (this.closing) {
      ws.close(CloseCode.GoingAway, 'server shutting down');
      return;
    }
    // A malformed id is answered like an unknown one (4403), so the answer never tells which ids exist.
    const documentId = documentIdOf(url.pathname);
    if (documentId === null) {
      ws.close(CloseCode.Forbidden, 'no access to this document');
      return;
    }
    let context: ConnectionContext | null;
    try {
      context = await this.hooks.authenticate({ documentId, request, parameters: url.searchParams });
      if (!context) throw new ConnectionRejected(CloseCode.Unauthenticated, 'not signed in');
    } catch (error) {
      const rejected =
        error instanceof ConnectionRejected
          ? error
          : new ConnectionRejected(CloseCode.Forbidden, 'authentication failed');
      if (!(error instanceof ConnectionRejected))
        this.log.error({ err: error, documentId }, 'authentication hook failed');
      closeSocket(ws, rejected.code, rejected.reason);
      return;
    }
    if (closed) return;
    if (this.closing) {
      ws.close(CloseCode.GoingAway, 'server shutting down');
      return;
    }

    // Signed in but not yet a connection of the document (it loads): a sign-out or an access change
    // meanwhile must close this socket too (closeConnections).
    const waiting = { ws, context, documentId };
    this.authenticatedWhileLoading.add(waiting);
    let document: CollabDocument;
    try {
      document = await this.load(documentId);
    } catch (error) {
      this.log.error({ err: error, documentId }, 'loading the document failed');
      closeSocket(ws, 1011, 'document could not be loaded');
      return;
    } finally {
      this.authenticatedWhileLoading.delete(waiting);
    }
    if (closed || ws.readyState !== ws.OPEN) {
      void this.unloadIfIdle(document);
      return;
    }
    const conn = new CollabConnection(randomUUID(), ws, document, context, this.log, this.maxBufferedBytes);
    document.connections.add(conn);
    ws.on('close', () => void this.disconnect(conn));
    try {
      await this.hooks.run('onConnect', { documentId, document: document.doc, connectionId: conn.id, context });
    } catch (error) {
      this.log.error({ err: error, documentId }, 'onConnect hook failed');
      conn.close(1011, 'connection setup failed');
      return;
    }
    conn.start();
    connection = conn;
    for (const bytes of queue.splice(0)) conn.handle(bytes);
  }

  /** Loads a document once; concurrent first connections share the same load. */
  private async load(documentId: string): Promise<CollabDocument> {
    for (;;) {
      const existing = this.documents.get(documentId);
      if (existing) {
        // A document being unloaded is loaded afresh once its unloading is done.
        if (existing.unloading === null) return existing;
        await existing.unloading;
        continue;
      }
      const inFlight = this.loading.get(documentId);
      if (inFlight) return inFlight;
      const promise = this.loadFresh(documentId);
      this.loading.set(documentId, promise);
      try {
        return await promise;
      } finally {
        this.loading.delete(documentId);
      }
    }
  }

  private async loadFresh(documentId: string): Promise<CollabDocument> {
    const document = new CollabDocument(documentId, this.hooks, this.policy, this.log);
    try {
      await this.hooks.run('onLoadDocument', { documentId, document: document.doc });
      await this.hooks.run('afterLoadDocument', { documentId, document: document.doc });
    } catch (error) {
      document.destroy();
      throw error;
    }
    this.documents.set(documentId, document);
    return document;
  }

  private async disconnect(conn: CollabConnection): Promise<void> {
    const { document } = conn;
    if (!document.connections.delete(conn)) return;
    conn.removePresence();
    try {
      await this.hooks.run('onDisconnect', {
        documentId: document.id,
        document: document.doc,
        connectionId: conn.id,
        context: conn.context,
        remainingConnections: document.connections.size,
      });
    } catch (error) {
      this.log.error({ err: error, documentId: document.id }, 'onDisconnect hook failed');
    }
    await this.unloadIfIdle(document);
  }

  /** Unloads a document with no connections, after its last store. */
  private async unloadIfIdle(document: CollabDocument): Promise<void> {
    if (document.connections.size > 0 || document.unloading !== null || this.closing) return;
    if (this.documents.get(document.id) !== document) return;
    try {
      await document.flush();
    } catch (error) {
      this.log.error({ err: error, documentId: document.id }, 'could not store before unloading; keeping it in memory');
      return;
    }
    if (document.connections.size > 0 || document.unloading !== null || this.documents.get(document.id) !== document)
      return;
    document.unloading = (async () => {
      try {
        await this.hooks.run('afterUnloadDocument', { documentId: document.id });
      } catch (error) {
        this.log.error({ err: error, documentId: document.id }, 'afterUnloadDocument hook failed');
      } finally {
        this.documents.delete(document.id);
        document.destroy();
      }
    })();
    await document.unloading;
  }

  /**
   * Applies a change made by the server on behalf of a user (e.g. an anchor for a reviewer's
   * comment). The document is loaded if needed, stored like any other change, and unloaded again
   * if nobody has it open.
   */
  async applyServerChange(documentId: string, userId: string, change: (doc: Y.Doc) => void): Promise<void> {
    const document = await this.load(documentId);
    document.doc.transact(() => change(document.doc), new ServerOrigin(userId));
    await document.store();
    await this.unloadIfIdle(document);
  }

  /**
   * Stores the changes a loaded document accepted but has not stored yet (no-op when it is not
   * loaded): readers of the stored history then see every change made so far.
   */
  async storePending(documentId: string): Promise<void> {
    await this.documents.get(documentId)?.store();
  }

  /** Stores what every loaded document accepted and has not stored yet (before a backup). */
  async storeAll(): Promise<void> {
    await Promise.all([...this.documents.values()].map((document) => document.store()));
  }

  /**
   * Loads a document a client is about to open (its page asked for the document's description just
   * before connecting), so that the socket finds it loaded and the drafting checker already at it.
   * Nobody connected within `holdMs`: it is unloaded as usual. Load failures are left to the socket.
   */
  preload(documentId: string, holdMs = PRELOAD_HOLD_MS): void {
    if (this.closing) return;
    this.load(documentId).then(
      (document) => {
        const hold = setTimeout(() => void this.unloadIfIdle(document), holdMs);
        hold.unref();
      },
      (error: unknown) => this.log.warn({ err: error, documentId }, 'preloading the document failed'),
    );
  }

  /** Reads a document's current state: the live one if loaded, otherwise loaded for the read. */
  async readDocument<T>(documentId: string, read: (doc: Y.Doc) => T): Promise<T> {
    const document = await this.load(documentId);
    try {
      return read(document.doc);
    } finally {
      void this.unloadIfIdle(document);
    }
  }

  /**
   * Applies presence relayed by another instance. The identity in it was set by that instance's
   * checks; here, entries for this instance's own presence or for client ids a local connection
   * speaks for are dropped.
   */
  applyRemoteAwareness(documentId: string, update: Uint8Array): void {
    const document = this.documents.get(documentId);
    if (!document || document.unloading !== null) return;
    const local = new Set<number>([document.awareness.clientID]);
    for (const conn of document.connections) for (const id of conn.clientIds) local.add(id);
    const entries = readAwarenessEntries(update).filter((entry) => !local.has(entry.clientId));
    if (entries.length > 0) applyAwarenessUpdate(document.awareness, encodeAwarenessEntries(entries), REMOTE_ORIGIN);
  }

  /** The presence of this instance's clients on a loaded document (for another instance that asks), or null. */
  localPresence(documentId: string): Uint8Array | null {
    const document = this.documents.get(documentId);
    if (!document) return null;
    const ids: number[] = [];
    for (const conn of document.connections)
      for (const id of conn.clientIds) if (document.awareness.getStates().has(id)) ids.push(id);
    return ids.length > 0 ? encodeAwarenessUpdate(document.awareness, ids) : null;
  }

  /** Closes the live connections that match (e.g. a member whose role changed), with a close code. */
  closeConnections(
    match: (context: ConnectionContext, documentId: string) => boolean,
    code: number,
    reason: string,
  ): number {
    let count = 0;
    for (const waiting of this.authenticatedWhileLoading) {
      if (match(waiting.context, waiting.documentId)) {
        closeSocket(waiting.ws, code, reason);
        count++;
      }
    }
    for (const document of this.documents.values()) {
      for (const conn of document.connections) {
        if (match(conn.context, document.id)) {
          conn.close(code, reason);
          count++;
        }
      }
    }
    return count;
  }

  /**
   * Sets fields of the server's own awareness state on a loaded document (e.g. the drafting
   * checker's findings), which every client receives through the awareness protocol; fields set by
   * others (the storage warning) stay. No-op if not loaded.
   */
  setServerPresence(documentId: string, state: Record<string, unknown>): void {
    const document = this.documents.get(documentId);
    if (document && document.unloading === null) document.mergeServerPresence(state);
  }

  /** Announces a drafting check to every extension (`onDocumentChecked`, fire-and-forget; errors are logged). */
  documentChecked(payload: DocumentCheckedPayload): void {
    this.hooks.fire('onDocumentChecked', payload);
  }

  stats(): { loadedDocuments: number; connections: number } {
    let connections = 0;
    for (const d of this.documents.values()) connections += d.connections.size;
    return { loadedDocuments: this.documents.size, connections };
  }

  isLoaded(documentId: string): boolean {
    return this.documents.has(documentId);
  }

  /** Shutdown: close every connection, store every document, then let extensions clean up. */
  async destroy(): Promise<void> {
    this.closing = true;
    this.heartbeat.stop();
    await Promise.allSettled([...this.loading.values()]);
    // Every open socket, including those still being authenticated or waiting for their document.
    for (const ws of this.heartbeat.open) closeSocket(ws, CloseCode.GoingAway, 'server shutting down');
    const results = await Promise.allSettled([...this.documents.values()].map((d) => d.flush()));
    for (const r of results)
      if (r.status === 'rejected') this.log.error({ err: r.reason }, 'a document could not be stored at shutdown');
    for (const document of this.documents.values()) {
      await this.hooks.run('afterUnloadDocument', { documentId: document.id }).catch(() => undefined);
      document.destroy();
    }
    this.documents.clear();
    this.wss.close();
    await this.hooks.run('onDestroy');
  }
}
