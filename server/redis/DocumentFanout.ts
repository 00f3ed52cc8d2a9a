/**
 * Document fan-out between instances (after Hocuspocus's Redis extension: every instance that has a
 * document loaded applies every update to it). One Redis channel per document:
 *
 * - each update an instance accepted is published at once, with its author, time and a sequence
 *   number of the instance (increasing), so the other instances' clients get it about as soon as
 *   this instance's own clients do; once the instance's debounced store of it succeeded (this
 *   extension's `onStoreDocument` runs after the persistence extension's, which throws when the
 *   store fails), it publishes a `stored` confirmation: every update it published up to that
 *   sequence number is durable in PostgreSQL;
 * - every instance with the document loaded applies the updates with `REMOTE_ORIGIN` (its clients
 *   receive them; they are not stored or published again as its own) and keeps each as pending on
 *   the sending instance (`PendingRemoteUpdates`) until that one's confirmation covers it. One left
 *   unconfirmed for `confirmTimeoutMs` (the sender died, or its store keeps failing) is stored by
 *   this instance itself, with its author and time, through `DocumentStore.appendMissing`: under
 *   the document's lock, only what PostgreSQL lacks, so several instances doing it, or a sender that
 *   was merely slow, store it once. So an update that reached another instance is durable even if
 *   its instance dies before storing it and its clients never come back; one that reached nobody
 *   else is still held by the client that sent it, which re-sends it on reconnect (y-websocket
 *   does) — and one re-sent to an instance that already applied it (a no-op in Yjs, which that
 *   instance therefore never stores as its own change) is covered by that instance's pending store;
 * - presence changed by an instance's clients is published at once and applied by the others
 *   (`CollabServer.applyRemoteAwareness` keeps the receiving side's checks); a client joining on one
 *   instance makes it ask the others for their clients' presence.
 *
 * A document is subscribed to before its stored state is read, so an update stored elsewhere
 * meanwhile is not missed (Yjs integrates updates in any order). One published before that and not
 * stored yet when it was read would be: so once loaded, the instance asks the others (`sync`, with
 * its state vector); each answers, addressed to it, with its copy beyond that state vector and,
 * attributed, the updates it published or heard that are not confirmed stored yet (pending here
 * then, as if heard first-hand). Redis being away never holds up
 * this instance: publishing is not awaited (nor done while Redis is away) and a load waits at most
 * `SUBSCRIBE_WAIT_MS` for its subscription. A lost confirmation costs only a read of the stored
 * state when the timeout comes (nothing is missing then).
 *
 * What was published while an instance was cut off from Redis is not replayed: when the bus says
 * so (`RedisBus.onResumed`: subscribed again, or another instance is back), every document loaded
 * here reads its stored state
 * from PostgreSQL and applies it with `REMOTE_ORIGIN` (Yjs skips what it has), so the edits stored
 * by other instances meanwhile reach this instance's clients without their reconnecting, and asks
 * the others for what they have not stored yet (`sync`); presence is sent and asked for again.
 */
import * as Y from 'yjs';
import type { Logger } from '../logger.js';
import { REMOTE_ORIGIN } from '../collab/CollabDocument.js';
import type { CollabServer } from '../collab/CollabServer.js';
import type {
  ConnectionPayload,
  DocumentPayload,
  Extension,
  OnAwarenessUpdatePayload,
  OnChangePayload,
  OnConfigurePayload,
  OnStoreDocumentPayload,
  UnloadPayload,
} from '../collab/hooks.js';
import type { DocumentStore } from '../storage/types.js';
import type { RedisBus } from './RedisBus.js';
import { PendingRemoteUpdates } from './PendingRemoteUpdates.js';
import type { PendingRemoteUpdate } from './PendingRemoteUpdates.js';
import { documentMessage, fromBase64, toBase64 } from './messages.js';
import type { DocumentMessage } from './messages.js';

const channelOf = (documentId: string): string => `doc:${documentId}`;

/** How long loading a document waits for its subscription (Redis may be reconnecting). */
const SUBSCRIBE_WAIT_MS = 1_000;

/** The default of `confirmTimeoutMs`: well above the store's maximum wait (1.5 s by default). */
export const DEFAULT_CONFIRM_TIMEOUT_MS = 5_000;

export interface DocumentFanoutOptions {
  /**
   * How long an update heard from another instance waits for that instance's `stored` confirmation
   * before this instance stores it itself. Keep it well above the store's `maxWaitMs`.
   */
  confirmTimeoutMs?: number;
}

export class DocumentFanout {
  private collab: CollabServer | null = null;
  /** The documents loaded on this instance (subscribed to), by id. */
  private readonly loaded = new Map<string, Y.Doc>();
  /** This instance's sequence number of the last update it published. */
  private sequence = 0;
  /**
   * The sequence number each accepted update was published with, by the update itself: the store's
   * `changes` hold the very `Uint8Array` that `onChange` announced.
   */
  private readonly published = new WeakMap<Uint8Array, number>();
  /** The updates this instance published and has not stored yet, per document, oldest first. */
  private readonly unconfirmed = new Map<string, PendingRemoteUpdate[]>();
  /** Updates heard from other instances, not yet confirmed stored by them. */
  private readonly pending: PendingRemoteUpdates;
  private storingUnconfirmed: Promise<void> | null = null;

  constructor(
    private readonly bus: RedisBus,
    /** The shared document store (PostgreSQL): read again after Redis was away; stores what others did not confirm. */
    private readonly documents: DocumentStore,
    private readonly log: Logger,
    options: DocumentFanoutOptions = {},
  ) {
    this.pending = new PendingRemoteUpdates(options.confirmTimeoutMs ?? DEFAULT_CONFIRM_TIMEOUT_MS);
  }

  /** Stores, every so often, the remote updates left unconfirmed; returns the function that stops it. */
  storeUnconfirmedPeriodically(): () => void {
    const timer = setInterval(
      () => void this.storeUnconfirmed(),
      Math.max(50, Math.min(1_000, this.pending.timeoutMs / 4)),
    );
    timer.unref();
    return () => clearInterval(timer);
  }

  /**
   * Stores the updates heard from other instances and left unconfirmed for the timeout, with their
   * authors and times, as far as PostgreSQL lacks them; a failed store is tried again after another
   * timeout. One run at a time (a run already going makes this one a no-op).
   */
  async storeUnconfirmed(now = Date.now()): Promise<void> {
    if (this.storingUnconfirmed !== null) return;
    const expired = this.pending.takeExpired(now);
    if (expired.length === 0) return;
    this.storingUnconfirmed = Promise.all(
      expired.map(async ({ documentId, source, updates }) => {
        try {
          const appended = await this.documents.appendMissing(
            documentId,
            updates.map((u) => u.change),
          );
          if (appended > 0)
            this.log.warn(
              { documentId, source, appended, unconfirmed: updates.length },
              'stored updates another instance published but did not confirm storing (it may have died)',
            );
        } catch (error) {
          this.log.error({ err: error, documentId, source }, 'storing unconfirmed remote updates failed; will retry');
          const retryFrom = Date.now();
          for (const update of updates) this.pending.add(documentId, source, { ...update, receivedAt: retryFrom });
        }
      }),
    )
      .then(() => undefined)
      .finally(() => {
        this.storingUnconfirmed = null;
      });
    await this.storingUnconfirmed;
  }

  /** Catches up every time the bus is back after being lost; returns the function that stops it. */
  catchUpOnResume(): () => void {
    return this.bus.onResumed(() => void this.catchUp());
  }

  /** Applies every loaded document's stored state (what other instances stored meanwhile) and resyncs presence. */
  async catchUp(): Promise<void> {
    await Promise.all(
      [...this.loaded].map(async ([documentId, doc]) => {
        try {
          const state = await this.documents.loadState(documentId);
          // Still the same copy (not unloaded meanwhile): its clients get what they miss.
          if (state && this.loaded.get(documentId) === doc) Y.applyUpdate(doc, state, REMOTE_ORIGIN);
        } catch (error) {
          this.log.error({ err: error, documentId }, 'catching up on a document after Redis was away failed');
        }
        // What the others have and have not stored yet (their messages meanwhile were lost).
        if (this.loaded.get(documentId) === doc) this.requestSync(documentId, doc);
        const presence = this.collab?.localPresence(documentId);
        if (presence) void this.publish(documentId, { kind: 'awareness', update: toBase64(presence) });
        void this.publish(documentId, { kind: 'query-awareness' });
      }),
    );
  }

  /** The two halves: one runs before the persistence extension (subscribe), one after it (publish). */
  extensions(): Extension[] {
    const subscribing: Extension = {
      name: 'redis-subscribe',
      priority: 5,
      onConfigure: async ({ server }: OnConfigurePayload) => {
        this.collab = server;
      },
      onLoadDocument: async ({ documentId, document }: DocumentPayload) => {
        this.loaded.set(documentId, document);
        const subscribed = this.bus
          .subscribe(channelOf(documentId), (body, from) => this.receive(documentId, body, from))
          .catch((error: unknown) => this.log.error({ err: error, documentId }, 'subscribing to a document failed'));
        await Promise.race([subscribed, new Promise((resolve) => setTimeout(resolve, SUBSCRIBE_WAIT_MS).unref())]);
      },
      afterLoadDocument: async ({ documentId, document }: DocumentPayload) => {
        this.requestSync(documentId, document);
      },
      afterUnloadDocument: async ({ documentId }: UnloadPayload) => {
        this.loaded.delete(documentId);
        // Everything is stored before a document is unloaded.
        this.unconfirmed.delete(documentId);
        void this.bus
          .unsubscribe(channelOf(documentId))
          .catch((error: unknown) => this.log.warn({ err: error, documentId }, 'unsubscribing from a document failed'));
      },
    };
    const publishing: Extension = {
      name: 'redis-publish',
      priority: 20,
      onChange: ({ documentId, update, userId, at }: OnChangePayload) => {
        const seq = ++this.sequence;
        this.published.set(update, seq);
        const own = this.unconfirmed.get(documentId) ?? [];
        own.push({ seq, change: { update, userId, at }, receivedAt: at });
        this.unconfirmed.set(documentId, own);
        void this.publish(documentId, { kind: 'update', update: toBase64(update), userId, at, seq });
      },
      onStoreDocument: async ({ documentId, changes }: OnStoreDocumentPayload) => {
        // A store takes every pending change, in order (a failed one's come first again): once it
        // succeeded, every update of the document published up to its last one is stored.
        const last = changes[changes.length - 1];
        const through = last ? this.published.get(last.update) : undefined;
        if (through === undefined) return;
        const own = this.unconfirmed.get(documentId)?.filter((u) => u.seq > through) ?? [];
        if (own.length > 0) this.unconfirmed.set(documentId, own);
        else this.unconfirmed.delete(documentId);
        void this.publish(documentId, { kind: 'stored', through });
      },
      onAwarenessUpdate: async ({ documentId, update }: OnAwarenessUpdatePayload) => {
        if (this.loaded.has(documentId)) void this.publish(documentId, { kind: 'awareness', update: toBase64(update) });
      },
      onConnect: async ({ documentId }: ConnectionPayload) => {
        void this.publish(documentId, { kind: 'query-awareness' });
      },
    };
    return [subscribing, publishing];
  }

  /** Asks the others for what they have of the document beyond this copy (see `answerSync`). */
  private requestSync(documentId: string, doc: Y.Doc): void {
    void this.publish(documentId, { kind: 'sync', stateVector: toBase64(Y.encodeStateVector(doc)) });
  }

  /**
   * Another instance loaded the document (or came back to Redis): it may have missed updates
   * published before it subscribed and not stored when it read PostgreSQL. It gets, addressed to it,
   * this copy beyond its state vector (so its clients see what this instance's clients see), and,
   * attributed, every update not confirmed stored yet that this instance published or heard (so it
   * keeps them pending on the instance that accepted them, as if it had heard them itself).
   */
  private answerSync(documentId: string, doc: Y.Doc, stateVector: Uint8Array, to: string): void {
    for (const { seq, change } of this.unconfirmed.get(documentId) ?? []) {
      const { update, userId, at } = change;
      void this.publish(documentId, { kind: 'update', update: toBase64(update), userId, at, seq, to });
    }
    for (const { source, updates } of this.pending.of(documentId)) {
      for (const { seq, change } of updates) {
        const { update, userId, at } = change;
        void this.publish(documentId, { kind: 'update', update: toBase64(update), userId, at, seq, source, to });
      }
    }
    void this.publish(documentId, { kind: 'state', update: toBase64(Y.encodeStateAsUpdate(doc, stateVector)), to });
  }

  private publish(documentId: string, message: DocumentMessage): Promise<void> {
    return this.bus.publish(channelOf(documentId), message);
  }

  private receive(documentId: string, body: unknown, from: string): void {
    const parsed = documentMessage.safeParse(body);
    if (!parsed.success) {
      this.log.warn({ documentId }, 'an invalid document message from Redis was ignored');
      return;
    }
    const message = parsed.data;
    if (message.kind === 'stored') {
      this.pending.confirm(documentId, from, message.through);
      return;
    }
    const doc = this.loaded.get(documentId);
    if (!doc) return;
    switch (message.kind) {
      case 'update': {
        if (message.to !== undefined && message.to !== this.bus.instanceId) return;
        // One of this instance's own updates, relayed back: it stores it itself.
        if (message.source === this.bus.instanceId) return;
        const update = fromBase64(message.update);
        Y.applyUpdate(doc, update, REMOTE_ORIGIN);
        // This instance's clients have it now: it must be stored even if its instance dies first.
        this.pending.add(documentId, message.source ?? from, {
          seq: message.seq,
          change: { update, userId: message.userId, at: message.at },
          receivedAt: Date.now(),
        });
        return;
      }
      case 'sync':
        this.answerSync(documentId, doc, fromBase64(message.stateVector), from);
        return;
      case 'state':
        if (message.to === this.bus.instanceId) Y.applyUpdate(doc, fromBase64(message.update), REMOTE_ORIGIN);
        return;
      case 'awareness':
        this.collab?.applyRemoteAwareness(documentId, fromBase64(message.update));
        return;
      case 'query-awareness': {
        const presence = this.collab?.localPresence(documentId);
        if (presence) void this.publish(documentId, { kind: 'awareness', update: toBase64(presence) });
        return;
      }
    }
  }
}
