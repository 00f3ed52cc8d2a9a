/**
 * Change history on live documents: after each store of a document's changes its history index
 * replays them (in the background, never holding up the store); when a document is unloaded (and
 * compacted) its index is brought up to date, saved and dropped from memory; at shutdown every
 * index is saved. Runs after persistence (priority 10), which stores and compacts first.
 */
import type { Extension, OnStoreDocumentPayload, UnloadPayload } from '../collab/hooks.js';
import type { HistoryIndexer } from '../history/HistoryIndexer.js';

export class HistoryExtension implements Extension {
  readonly name = 'history';
  readonly priority = 20;

  constructor(private readonly indexer: HistoryIndexer) {}

  async onStoreDocument({ documentId }: OnStoreDocumentPayload): Promise<void> {
    // Only scheduled: a failure here would make the store retry (and append) the changes again.
    this.indexer.schedule(documentId);
  }

  async afterUnloadDocument({ documentId }: UnloadPayload): Promise<void> {
    await this.indexer.release(documentId);
  }

  async onDestroy(): Promise<void> {
    await this.indexer.close();
  }
}
