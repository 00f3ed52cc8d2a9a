/**
 * A lightweight y-websocket protocol client for load generation: a raw `ws` socket speaking the
 * standard protocol with y-protocols (sync step 1/2 handshake, updates), a Y.Doc for the local
 * edits it sends, and — optionally — deferred application of received updates.
 *
 * Why not 100 WebsocketProviders that apply every update live? On a 2-core machine one client
 * thread would then spend ~1 core applying 50,000 remote updates/s (N=W=100) and the latency
 * measured would be the clients' queueing, not the server's. With `deferApply` the client records
 * each update frame on arrival (timestamp + hook) and keeps its bytes; `applyDeferred()` applies
 * them afterwards, so convergence is still checked on real Y.Docs. Real y-websocket providers are
 * used where live application does not distort the measurement (late joiners, concurrent traces).
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import { toBytes } from './relayServer.js';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_AUTH = 2;

export interface LightClientOptions {
  url: string;
  /** Keep received updates and apply them on `applyDeferred()` instead of on arrival. */
  deferApply: boolean;
  /** Keep nothing of received updates (a pure sender; e.g. a writer whose echoes are not needed). */
  discardIncoming?: boolean;
  /** Called for every received update frame (after sync), with its arrival time (performance.now()). */
  onUpdate?: (update: Uint8Array, arrivalMs: number) => void;
  /** Announce an awareness state on connect like a y-websocket provider does. */
  announcePresence?: boolean;
}

export class LightClient {
  readonly doc = new Y.Doc();
  readonly ws: WebSocket;
  readonly synced: Promise<void>;
  readonly deferred: Uint8Array[] = [];
  updatesReceived = 0;
  closed = false;
  closeCode: number | null = null;
  private resolveSynced: () => void = () => undefined;
  private rejectSynced: (error: Error) => void = () => undefined;
  private isSynced = false;

  constructor(private readonly options: LightClientOptions) {
    this.synced = new Promise<void>((resolve, reject) => {
      this.resolveSynced = resolve;
      this.rejectSynced = reject;
    });
    this.ws = new WebSocket(options.url, { perMessageDeflate: false });
    this.ws.binaryType = 'nodebuffer';
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this) return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeUpdate(encoder, update);
      this.send(encoding.toUint8Array(encoder));
    });
    this.ws.on('open', () => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeSyncStep1(encoder, this.doc);
      this.send(encoding.toUint8Array(encoder));
      if (options.announcePresence) {
        const awareness = new awarenessProtocol.Awareness(this.doc);
        awareness.setLocalState({ user: { name: 'bench', color: '#336699' } });
        const a = encoding.createEncoder();
        encoding.writeVarUint(a, MESSAGE_AWARENESS);
        encoding.writeVarUint8Array(a, awarenessProtocol.encodeAwarenessUpdate(awareness, [this.doc.clientID]));
        this.send(encoding.toUint8Array(a));
        awareness.destroy();
      }
    });
    this.ws.on('message', (data) => this.onFrame(toBytes(data)));
    this.ws.on('close', (code) => {
      this.closed = true;
      this.closeCode = code;
      if (!this.isSynced) this.rejectSynced(new Error(`connection closed before sync (code ${code})`));
    });
    this.ws.on('error', (error) => {
      if (!this.isSynced) this.rejectSynced(error);
    });
  }

  send(message: Uint8Array): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(message);
  }

  private onFrame(bytes: Uint8Array): void {
    const arrival = performance.now();
    const decoder = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      const sub = decoding.readVarUint(decoder);
      if (sub === syncProtocol.messageYjsSyncStep1) {
        const stateVector = decoding.readVarUint8Array(decoder);
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        syncProtocol.writeSyncStep2(encoder, this.doc, stateVector);
        this.send(encoding.toUint8Array(encoder));
      } else if (sub === syncProtocol.messageYjsSyncStep2) {
        Y.applyUpdate(this.doc, decoding.readVarUint8Array(decoder), this);
        if (!this.isSynced) {
          this.isSynced = true;
          this.resolveSynced();
        }
      } else if (sub === syncProtocol.messageYjsUpdate) {
        const update = decoding.readVarUint8Array(decoder);
        this.updatesReceived++;
        this.options.onUpdate?.(update, arrival);
        if (this.options.discardIncoming) return;
        if (this.options.deferApply) this.deferred.push(update);
        else Y.applyUpdate(this.doc, update, this);
      }
    } else if (type === MESSAGE_AUTH) {
      const denied = decoding.readVarUint(decoder) === 0;
      if (denied && !this.isSynced)
        this.rejectSynced(new Error(`permission denied: ${decoding.readVarString(decoder)}`));
    }
    // awareness and query-awareness frames are not needed by the benchmark
  }

  /** Applies the updates kept while `deferApply` was on, in arrival order. */
  applyDeferred(): void {
    if (this.deferred.length === 0) return;
    const updates = this.deferred.splice(0);
    this.doc.transact(() => {
      for (const update of updates) Y.applyUpdate(this.doc, update, this);
    }, this);
  }

  /** Nothing held back by Yjs for lack of earlier updates (a gap in what was received). */
  get hasPendingStructs(): boolean {
    return this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null;
  }

  close(): Promise<void> {
    if (this.closed || this.ws.readyState === WebSocket.CLOSED) {
      this.doc.destroy();
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.ws.terminate();
      }, 5000);
      this.ws.once('close', () => {
        clearTimeout(timer);
        this.doc.destroy();
        resolve();
      });
      this.ws.close();
    });
  }
}

/** Connects clients `concurrency` at a time and waits until each is synced. */
export async function connectAll(
  make: (index: number) => LightClient,
  count: number,
  concurrency = 25,
  timeoutMs = 60_000,
): Promise<LightClient[]> {
  const clients: LightClient[] = [];
  for (let i = 0; i < count; i += concurrency) {
    const batch: LightClient[] = [];
    for (let j = i; j < Math.min(count, i + concurrency); j++) batch.push(make(j));
    clients.push(...batch);
    await withTimeout(
      Promise.all(batch.map((c) => c.synced)),
      timeoutMs,
      `clients ${i}..${i + batch.length - 1} did not sync`,
    );
  }
  return clients;
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} (timeout ${ms} ms)`)), ms);
      }),
    ]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}
