/**
 * Connection state and "unsynced changes" for one collaborative document.
 *
 * y-websocket has no acknowledgement of updates: a local update is written to the socket and the
 * server answers nothing. `provider.synced` only says that the initial exchange (sync step 1/2 in
 * both directions) completed on the current connection. To know that the server really holds our
 * local changes we use the ordering guarantee of a WebSocket (one TCP stream, handled in order by
 * the server):
 *
 * - Every local change (a Y.Doc `update` whose origin is neither the provider — server or other
 *   tabs — nor the IndexedDB persistence) increments `localSeq` and marks the document dirty.
 * - While connected and synced, shortly after a local change we send a *probe*: an extra sync step 1
 *   (our state vector). The server answers every step 1 with a step 2. Because the server handles
 *   frames in order, the step 2 answering a probe proves that it has applied every update we sent
 *   before that probe, so the answer acknowledges all local changes up to the `localSeq` recorded
 *   when the probe was sent (`ackedSeq`).
 * - The step 1 that y-websocket sends when a connection opens is answered before the server has
 *   received our own step 2 (which carries what we changed while offline), so that first answer
 *   acknowledges nothing. When the provider reports `sync` (re-synced after a reconnect) we send a
 *   probe right away if anything is pending; its answer then covers the offline edits.
 * - Changes made offline are counted the same way; they stay pending until such a probe is answered.
 * - A flag in localStorage remembers pending changes across reloads (the changes themselves are kept
 *   by y-indexeddb), so a page reopened offline still reports them. When a connection opens we also
 *   compare the server's state vector (its sync step 1) with ours: if we hold insertions it lacks,
 *   the document is dirty until acknowledged. (Deletions do not appear in state vectors; the
 *   localStorage flag covers those.)
 *
 * dirty ⇔ localSeq > ackedSeq. Only frames from the WebSocket are considered; BroadcastChannel
 * frames between tabs of the same browser go through the same handler with `emitSynced === false`.
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { messageSync } from 'y-websocket';
import type { WebsocketProvider } from 'y-websocket';

export type ConnectionState = 'connected' | 'connecting' | 'offline';

export interface SyncSnapshot {
  connection: ConnectionState;
  unsynced: boolean;
}

/** Delay between a local change and the probe that asks the server to acknowledge it. */
const PROBE_DELAY_MS = 250;

type SyncHandler = WebsocketProvider['messageHandlers'][number];

export class SyncTracker {
  private snapshot: SyncSnapshot = { connection: 'connecting', unsynced: false };
  private readonly listeners = new Set<() => void>();
  private localSeq = 0;
  private ackedSeq = 0;
  /** One entry per sync step 1 sent on the current socket and not answered yet: the `localSeq` it covers, or null. */
  private outstanding: (number | null)[] = [];
  private probeTimer: ReturnType<typeof setTimeout> | null = null;
  /** A connection attempt failed or a connection dropped since the last successful sync. */
  private failedSinceSync = false;
  private browserOffline = false;
  private readonly originalSyncHandler: SyncHandler | undefined;

  constructor(
    private readonly doc: Y.Doc,
    private readonly provider: WebsocketProvider,
    /** Origins of updates that did not originate in this tab's editor (server, other tabs, local storage). */
    private readonly isForeignOrigin: (origin: unknown) => boolean,
    /** localStorage key remembering that this document has unacknowledged local changes. */
    private readonly pendingKey: string,
  ) {
    if (readFlag(pendingKey)) this.localSeq = 1;
    this.originalSyncHandler = provider.messageHandlers[messageSync];
    provider.messageHandlers[messageSync] = this.handleSyncMessage;
    doc.on('update', this.handleDocUpdate);
    provider.on('status', this.handleStatus);
    provider.on('sync', this.handleSync);
    provider.on('connection-close', this.handleConnectionLost);
    provider.on('connection-error', this.handleConnectionLost);
    this.update();
  }

  getSnapshot = (): SyncSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The browser reported that it lost or regained the network. */
  setBrowserOffline(offline: boolean): void {
    this.browserOffline = offline;
    this.update();
  }

  destroy(): void {
    if (this.probeTimer !== null) clearTimeout(this.probeTimer);
    this.doc.off('update', this.handleDocUpdate);
    this.provider.off('status', this.handleStatus);
    this.provider.off('sync', this.handleSync);
    this.provider.off('connection-close', this.handleConnectionLost);
    this.provider.off('connection-error', this.handleConnectionLost);
    if (this.originalSyncHandler) this.provider.messageHandlers[messageSync] = this.originalSyncHandler;
    this.listeners.clear();
  }

  private readonly handleDocUpdate = (_update: Uint8Array, origin: unknown): void => {
    if (this.isForeignOrigin(origin)) return;
    this.localSeq++;
    this.update();
    this.scheduleProbe(PROBE_DELAY_MS);
  };

  private readonly handleStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }): void => {
    if (status === 'connected') {
      // y-websocket sends its own sync step 1 right after this event; its answer acknowledges nothing.
      this.outstanding = [null];
    } else if (status === 'disconnected') {
      this.outstanding = [];
    }
    this.update();
  };

  private readonly handleSync = (synced: boolean): void => {
    if (synced) {
      this.failedSinceSync = false;
      if (this.dirty) this.scheduleProbe(0);
    }
    this.update();
  };

  private readonly handleConnectionLost = (): void => {
    this.failedSinceSync = true;
    this.outstanding = [];
    this.update();
  };

  /** Wraps y-websocket's sync message handler to observe the server's step 1 and step 2 frames. */
  private readonly handleSyncMessage: SyncHandler = (encoder, decoder, provider, emitSynced, messageType) => {
    const fromServer = emitSynced;
    let kind = -1;
    let payload: Uint8Array | null = null;
    if (fromServer) {
      const peek = decoding.clone(decoder);
      kind = decoding.readVarUint(peek);
      if (kind === syncProtocol.messageYjsSyncStep1) payload = decoding.readVarUint8Array(peek);
    }
    if (this.originalSyncHandler) {
      this.originalSyncHandler(encoder, decoder, provider, emitSynced, messageType);
    } else {
      encoding.writeVarUint(encoder, messageSync);
      syncProtocol.readSyncMessage(decoder, encoder, provider.doc, provider);
    }
    if (!fromServer) return;
    if (kind === syncProtocol.messageYjsSyncStep2) this.acknowledge();
    else if (kind === syncProtocol.messageYjsSyncStep1 && payload) this.compareWithServer(payload);
  };

  private acknowledge(): void {
    const covered = this.outstanding.shift();
    if (typeof covered === 'number' && covered > this.ackedSeq) this.ackedSeq = covered;
    if (this.dirty && this.outstanding.length === 0 && this.provider.synced) this.scheduleProbe(PROBE_DELAY_MS);
    this.update();
  }

  /** The server's state vector: if we hold insertions it lacks, they are pending until acknowledged. */
  private compareWithServer(encodedStateVector: Uint8Array): void {
    let server: Map<number, number>;
    try {
      server = Y.decodeStateVector(encodedStateVector);
    } catch {
      return;
    }
    const local = Y.decodeStateVector(Y.encodeStateVector(this.doc));
    for (const [client, clock] of local) {
      if ((server.get(client) ?? 0) < clock) {
        if (!this.dirty) this.localSeq++;
        this.update();
        return;
      }
    }
  }

  private get dirty(): boolean {
    return this.localSeq > this.ackedSeq;
  }

  private scheduleProbe(delay: number): void {
    if (this.probeTimer !== null) return;
    this.probeTimer = setTimeout(() => {
      this.probeTimer = null;
      this.sendProbe();
    }, delay);
  }

  private sendProbe(): void {
    const ws = this.provider.ws;
    if (!this.dirty || !ws || ws.readyState !== ws.OPEN || !this.provider.wsconnected || !this.provider.synced) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageSync);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    ws.send(encoding.toUint8Array(encoder));
    this.outstanding.push(this.localSeq);
  }

  private update(): void {
    const connected = this.provider.wsconnected && this.provider.synced && !this.browserOffline;
    const connection: ConnectionState = connected
      ? 'connected'
      : this.failedSinceSync || this.browserOffline
        ? 'offline'
        : 'connecting';
    const unsynced = this.dirty;
    if (connection === this.snapshot.connection && unsynced === this.snapshot.unsynced) return;
    if (unsynced !== this.snapshot.unsynced) writeFlag(this.pendingKey, unsynced);
    this.snapshot = { connection, unsynced };
    for (const listener of this.listeners) listener();
  }
}

function readFlag(key: string): boolean {
  try {
    return window.localStorage.getItem(key) === '1';
  } catch {
    return false;
  }
}

function writeFlag(key: string, pending: boolean): void {
  try {
    if (pending) window.localStorage.setItem(key, '1');
    else window.localStorage.removeItem(key);
  } catch {
    // Without storage the flag only lives as long as the page.
  }
}
