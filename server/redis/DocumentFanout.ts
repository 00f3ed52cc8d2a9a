/**
 * Document fan-out between instances (after Hocuspocus's Redis extension: every instance that has a
 * document loaded applies every update to it). One Redis channel per document:
 *
 * - the updates an instance accepted are published once they are stored in PostgreSQL (the
 *   `onStoreDocument` hook of this extension runs after the persistence extension's, which throws
 *   when the store fails, so nothing is announced that is not durable);
 * - every instance with the document loaded applies them with `REMOTE_ORIGIN`: its clients receive
 *   them, and they are not stored or published again;
 * - presence changed by an instance's clients is published at once and applied by the others
 *   (`CollabServer.applyRemoteAwareness` keeps the receiving side's checks); a client joining on one
 *   instance makes it ask the others for their clients' presence.
 *
 * A document is subscribed to before its stored state is read, so an update stored elsewhere
 * meanwhile is not missed (Yjs integrates updates in any order). Redis being away never holds up
 * this instance: publishing is not awaited (nor done while Redis is away) and a load waits at most
 * `SUBSCRIBE_WAIT_MS` for its subscription.
 *
 * What was published while an instance was cut off from Redis is not replayed: when the bus says
 * so (`RedisBus.onResumed`: subscribed again, or another instance is back), every document loaded
 * here reads its stored state
 * from PostgreSQL and applies it with `REMOTE_ORIGIN` (Yjs skips what it has), so the edits stored
 * by other instances meanwhile reach this instance's clients without their reconnecting; presence is
 * sent and asked for again.
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
  OnConfigurePayload,
  OnStoreDocumentPayload,
  UnloadPayload,
} from '../collab/hooks.js';
import type { DocumentStore } from '../storage/types.js';
import type { RedisBus } from './RedisBus.js';
import { documentMessage, fromBase64, toBase64 } from './messages.js';
import type { DocumentMessage } from './messages.js';

const channelOf = (documentId: string): string => `doc:${documentId}`;

/** How long loading a document waits for its subscription (Redis may be reconnecting). */
const SUBSCRIBE_WAIT_MS = 1_000;

export class DocumentFanout {
  private collab: CollabServer | null = null;
  /** The documents loaded on this instance (subscribed to), by id. */
  private readonly loaded = new Map<string, Y.Doc>();

  constructor(
    private readonly bus: RedisBus,
    /** The shared document store (PostgreSQL), read again after Redis was away. */
    private readonly documents: DocumentStore,
    private readonly log: Logger,
  ) {}

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
          .subscribe(channelOf(documentId), (body) => this.receive(documentId, body))
          .catch((error: unknown) => this.log.error({ err: error, documentId }, 'subscribing to a document failed'));
        await Promise.race([subscribed, new Promise((resolve) => setTimeout(resolve, SUBSCRIBE_WAIT_MS).unref())]);
      },
      afterUnloadDocument: async ({ documentId }: UnloadPayload) => {
        this.loaded.delete(documentId);
        void this.bus
          .unsubscribe(channelOf(documentId))
          .catch((error: unknown) => this.log.warn({ err: error, documentId }, 'unsubscribing from a document failed'));
      },
    };
    const publishing: Extension = {
      name: 'redis-publish',
      priority: 20,
      onStoreDocument: async ({ documentId, changes }: OnStoreDocumentPayload) => {
        const updates = changes.map((change) => change.update);
        const update = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
        void this.publish(documentId, { kind: 'update', update: toBase64(update) });
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

  private publish(documentId: string, message: DocumentMessage): Promise<void> {
    return this.bus.publish(channelOf(documentId), message);
  }

  private receive(documentId: string, body: unknown): void {
    const doc = this.loaded.get(documentId);
    const parsed = documentMessage.safeParse(body);
    if (!doc || !parsed.success) {
      if (!parsed.success) this.log.warn({ documentId }, 'an invalid document message from Redis was ignored');
      return;
    }
    const message = parsed.data;
    switch (message.kind) {
      case 'update':
        Y.applyUpdate(doc, fromBase64(message.update), REMOTE_ORIGIN);
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
