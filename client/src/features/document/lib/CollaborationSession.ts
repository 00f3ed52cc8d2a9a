/**
 * Everything one open document needs: the Y.Doc, its offline copy in IndexedDB (y-indexeddb), the
 * WebSocket connection to the collaboration server (y-websocket) and the sync tracker. The session
 * cookie travels with the WebSocket handshake, so no token is put in the URL.
 */
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import { CloseCode } from '@shared/collab/closeCodes';
import { collabServerUrl } from './collabUrl';
import { SyncTracker } from './SyncTracker';
import { announceOwnAwarenessOnly } from './ownAwarenessOnly';

/** How long to wait for the local copy before connecting anyway (IndexedDB can be unavailable). */
const LOCAL_LOAD_TIMEOUT_MS = 2000;

export type SessionEvent =
  /** The server closed for good: 4401 not signed in, 4403 no access. */
  | { type: 'closed'; code: number; reason: string }
  /** The server closed with 4000: access changed; the provider reconnects by itself. */
  | { type: 'access-changed' };

export class CollaborationSession {
  readonly doc = new Y.Doc();
  readonly persistence: IndexeddbPersistence;
  readonly provider: WebsocketProvider;
  readonly sync: SyncTracker;
  private readonly listeners = new Set<(event: SessionEvent) => void>();
  private terminal = false;
  private destroyed = false;
  private readonly connectTimer: ReturnType<typeof setTimeout>;

  constructor(
    readonly documentId: string,
    userId: string,
  ) {
    // Keyed by user as well, so that two people sharing a browser never see each other's offline copy.
    this.persistence = new IndexeddbPersistence(`zm-doc:${documentId}:${userId}`, this.doc);
    this.provider = new WebsocketProvider(collabServerUrl(), documentId, this.doc, {
      connect: false,
      disableBc: false,
    });
    announceOwnAwarenessOnly(this.provider);
    this.sync = new SyncTracker(
      this.doc,
      this.provider,
      (origin) => origin === this.provider || origin === this.persistence,
      `zm.unsynced:${documentId}:${userId}`,
    );
    this.provider.on('closed', this.handleClosed);
    this.provider.on('connection-close', this.handleConnectionClose);
    window.addEventListener('offline', this.handleOffline);
    window.addEventListener('online', this.handleOnline);

    // With edits the server has not confirmed (made offline, or a page closed too early), load the
    // offline copy first so that they are part of the first sync. Without any, connect at once: the
    // server loads the document while the offline copy opens, and whatever that copy adds is sent
    // like any other update.
    this.connectTimer = setTimeout(() => this.connect(), LOCAL_LOAD_TIMEOUT_MS);
    this.persistence.whenSynced.then(
      () => this.connect(),
      () => this.connect(),
    );
    if (!this.sync.getSnapshot().unsynced) this.connect();
  }

  subscribe(listener: (event: SessionEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    clearTimeout(this.connectTimer);
    window.removeEventListener('offline', this.handleOffline);
    window.removeEventListener('online', this.handleOnline);
    this.provider.off('closed', this.handleClosed);
    this.provider.off('connection-close', this.handleConnectionClose);
    this.sync.destroy();
    this.provider.destroy();
    // The provider created the awareness instance; it keeps a timer of its own until destroyed.
    this.provider.awareness.destroy();
    void this.persistence.destroy();
    this.doc.destroy();
    this.listeners.clear();
  }

  private connect(): void {
    clearTimeout(this.connectTimer);
    if (this.destroyed || this.terminal || this.provider.shouldConnect) return;
    if (typeof navigator !== 'undefined' && navigator.onLine === false) {
      this.sync.setBrowserOffline(true);
      return;
    }
    this.provider.connect();
  }

  private readonly handleClosed = (event: { code: number; reason: string }): void => {
    this.terminal = true;
    this.emit({ type: 'closed', code: event.code, reason: event.reason });
  };

  private readonly handleConnectionClose = (event: CloseEvent | null): void => {
    if (event?.code === CloseCode.AccessChanged) this.emit({ type: 'access-changed' });
  };

  /** The browser says the network is gone: stop the socket instead of waiting for the 30 s watchdog. */
  private readonly handleOffline = (): void => {
    this.sync.setBrowserOffline(true);
    this.provider.disconnect();
  };

  private readonly handleOnline = (): void => {
    this.sync.setBrowserOffline(false);
    if (!this.terminal && !this.destroyed) this.provider.connect();
  };

  private emit(event: SessionEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
