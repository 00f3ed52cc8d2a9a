/**
 * One loaded document: its Y.Doc, its awareness (presence), its live connections, and the updates
 * accepted since the last store. Updates are broadcast at once; storing is debounced (with a
 * maximum wait) so that everything a client sent is on disk within about two seconds.
 */
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import type { Logger } from '../logger.js';
import type { StoredUpdate } from '../storage/types.js';
import { DebouncedTask } from '../lib/DebouncedTask.js';
import type { DebounceTiming } from '../lib/DebouncedTask.js';
import type { HookPipeline } from './HookPipeline.js';
import type { CollabConnection } from './CollabConnection.js';
import { awarenessMessage, updateMessage } from './messages.js';

/** Origin of updates made by the server on behalf of a user (e.g. seeding, anchoring). */
export class ServerOrigin {
  constructor(readonly userId: string) {}
}

/** Origin of the stored state applied while loading (not a change). */
export const LOAD_ORIGIN = Symbol('load');

/**
 * Origin of updates and presence received from another instance (server/redis): relayed to this
 * instance's clients, never stored or announced again as this instance's changes (the instance
 * that accepted them stores them; if it does not confirm that in time, server/redis/DocumentFanout
 * stores them with their authors).
 */
export const REMOTE_ORIGIN = Symbol('remote');

export interface StorePolicy extends DebounceTiming {
  /** Wait before storing again after a failed store. */
  retryMs: number;
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

export class CollabDocument {
  readonly doc = new Y.Doc();
  readonly awareness: Awareness;
  readonly connections = new Set<CollabConnection>();
  private pending: StoredUpdate[] = [];
  /** The debounced store of the pending updates. */
  private readonly storeTimer: DebouncedTask;
  private storing: Promise<void> | null = null;
  private outbox: { update: Uint8Array; origin: CollabConnection | null }[] = [];
  private flushScheduled = false;
  /** Set while the document is being unloaded; a connection arriving then waits for a fresh load. */
  unloading: Promise<void> | null = null;
  /** Since when storing has been failing (the clients are told, see `reportStorage`); null while it works. */
  private storageFailingSince: string | null = null;

  constructor(
    readonly id: string,
    private readonly hooks: HookPipeline,
    private readonly policy: StorePolicy,
    private readonly log: Logger,
  ) {
    this.storeTimer = new DebouncedTask(policy, () => void this.store());
    this.awareness = new Awareness(this.doc);
    this.awareness.setLocalState(null);
    this.doc.on('update', this.onUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === LOAD_ORIGIN) return;
    if (origin === REMOTE_ORIGIN) {
      this.queueBroadcast(update, null);
      return;
    }
    const connection = this.connectionOf(origin);
    const userId = connection ? connection.context.user.id : origin instanceof ServerOrigin ? origin.userId : null;
    if (userId === null) {
      this.log.warn({ documentId: this.id }, 'update without a known origin was not stored');
      return;
    }
    this.queueBroadcast(update, connection);
    const at = Date.now();
    this.pending.push({ update, userId, at });
    this.hooks.fire('onChange', {
      documentId: this.id,
      document: this.doc,
      update,
      userId,
      at,
      context: connection ? connection.context : null,
    });
    this.storeTimer.schedule();
  };

  private queueBroadcast(update: Uint8Array, origin: CollabConnection | null): void {
    this.outbox.push({ update, origin });
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(this.flushOutbox);
    }
  }

  /**
   * Broadcast: the updates accepted during one turn of the event loop go out as one message per
   * connection (merged when there are several), instead of one socket write per update per
   * receiver — under many concurrent typists the writes, not the CRDT work, are the server's cost.
   * A client receiving its own update back in a merged message ignores it (Yjs updates are idempotent).
   */
  private readonly flushOutbox = (): void => {
    this.flushScheduled = false;
    const batch = this.outbox;
    this.outbox = [];
    if (batch.length === 0) return;
    const origins = new Set(batch.map((b) => b.origin));
    const skip = origins.size === 1 ? batch[0]!.origin : null;
    const update = batch.length === 1 ? batch[0]!.update : Y.mergeUpdates(batch.map((b) => b.update));
    const message = updateMessage(update);
    for (const c of this.connections) if (c !== skip) c.send(message);
  };

  private readonly onAwarenessUpdate = ({ added, updated, removed }: AwarenessChange, origin: unknown): void => {
    const changed = [...added, ...updated, ...removed];
    // The clients' presence (not the server's own, which is per instance) is announced to the extensions.
    const clients = changed.filter((id) => id !== this.awareness.clientID);
    if (origin !== REMOTE_ORIGIN && clients.length > 0 && this.hooks.handles('onAwarenessUpdate')) {
      this.hooks.fire('onAwarenessUpdate', {
        documentId: this.id,
        update: encodeAwarenessUpdate(this.awareness, clients),
      });
    }
    if (changed.length === 0 || this.connections.size === 0) return;
    const message = awarenessMessage(this.awareness, changed);
    for (const c of this.connections) c.send(message);
  };

  private connectionOf(origin: unknown): CollabConnection | null {
    for (const c of this.connections) if (c === origin) return c;
    return null;
  }

  get hasUnstoredChanges(): boolean {
    return this.pending.length > 0 || this.storing !== null;
  }

  /**
   * Stores the pending updates now; resolves when they (and any store in flight) are on disk. Never
   * rejects: a failed store is logged, its updates are pending again and retried after `retryMs`.
   */
  async store(): Promise<void> {
    this.storeTimer.cancel();
    while (this.storing !== null) await this.storing;
    if (this.pending.length === 0) return;
    const changes = this.pending;
    this.pending = [];
    // Every pending update is in this store: a store scheduled while waiting for the previous one
    // would have nothing to do.
    this.storeTimer.cancel();
    this.storing = this.hooks
      .run('onStoreDocument', { documentId: this.id, document: this.doc, changes })
      .then(() => this.reportStorage(true))
      .catch((error: unknown) => {
        this.log.error({ err: error, documentId: this.id }, 'storing the document failed; will retry');
        this.pending = [...changes, ...this.pending];
        this.storeTimer.scheduleOnce(this.policy.retryMs);
        this.reportStorage(false);
      })
      .finally(() => {
        this.storing = null;
      });
    await this.storing;
  }

  /**
   * Tells every client whether this document's changes are being stored: while storing fails, the
   * server's presence carries `storage: { since }` (shown in the editor's connection status); it is
   * removed by the first store that succeeds again.
   */
  private reportStorage(stored: boolean): void {
    if (stored === (this.storageFailingSince === null)) return;
    this.storageFailingSince = stored ? null : new Date().toISOString();
    this.mergeServerPresence({ storage: stored ? undefined : { since: this.storageFailingSince } });
  }

  /** Sets fields of the server's own presence on this document, keeping the others (undefined removes one). */
  mergeServerPresence(fields: Record<string, unknown>): void {
    const next: Record<string, unknown> = { ...(this.awareness.getLocalState() ?? {}), server: true, ...fields };
    for (const [key, value] of Object.entries(next)) if (value === undefined) delete next[key];
    this.awareness.setLocalState(next);
  }

  /** Stores until nothing is pending (used on shutdown and before unloading). */
  async flush(): Promise<void> {
    for (let attempt = 0; attempt < 5 && this.hasUnstoredChanges; attempt++) await this.store();
    if (this.hasUnstoredChanges) throw new Error(`document ${this.id} could not be stored`);
  }

  destroy(): void {
    this.storeTimer.cancel();
    this.awareness.off('update', this.onAwarenessUpdate);
    this.doc.off('update', this.onUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }
}
