/**
 * Persistence: fills a document from storage before its first sync, appends every accepted update
 * (with its user and time) on store, and compacts the document's log when it is unloaded.
 */
import * as Y from 'yjs';
import type { DocumentStore } from '../storage/types.js';
import type { DocumentPayload, Extension, OnStoreDocumentPayload, UnloadPayload } from '../collab/hooks.js';
import { LOAD_ORIGIN } from '../collab/CollabDocument.js';

export class PersistenceExtension implements Extension {
  readonly name = 'persistence';
  readonly priority = 10;

  constructor(private readonly store: DocumentStore) {}

  async onLoadDocument({ documentId, document }: DocumentPayload): Promise<void> {
    const state = await this.store.loadState(documentId);
    if (state) Y.applyUpdate(document, state, LOAD_ORIGIN);
  }

  async onStoreDocument({ documentId, changes }: OnStoreDocumentPayload): Promise<void> {
    await this.store.append(documentId, changes);
  }

  async afterUnloadDocument({ documentId }: UnloadPayload): Promise<void> {
    await this.store.compact(documentId);
    await this.store.release(documentId);
  }

  async onDestroy(): Promise<void> {
    await this.store.close();
  }
}
