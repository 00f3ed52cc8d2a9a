/**
 * The change history, wired once at startup: the index of every document's history (kept under
 * `DATA_DIR/history/`), the service the API reads it through, and the extension that feeds the
 * index from the stored changes of live documents.
 */
import { join } from 'node:path';
import type { CollabServer } from '../collab/CollabServer.js';
import { HistoryExtension } from '../extensions/HistoryExtension.js';
import { HistoryIndexFiles } from '../history/HistoryIndexFiles.js';
import { HistoryIndexer } from '../history/HistoryIndexer.js';
import type { HistoryIndexerOptions } from '../history/HistoryIndexer.js';
import { HistoryService } from '../history/HistoryService.js';
import type { Logger } from '../logger.js';
import type { ProjectEventHub } from '../realtime/ProjectEventHub.js';
import type { DocumentStore, MetadataStore } from '../storage/types.js';
import { StageLog } from '../workflow/StageLog.js';

export interface History {
  service: HistoryService;
  indexer: HistoryIndexer;
  /** The collaboration extension that keeps the indexes up to date (register it with the server). */
  extension: HistoryExtension;
  /** Builds the indexes never saved, in the background (called once the server listens). */
  buildMissing: () => Promise<number>;
}

export interface HistoryDeps {
  dataDir: string;
  metadata: MetadataStore;
  documents: DocumentStore;
  collab: () => CollabServer;
  hub: ProjectEventHub;
  log: Logger;
  options?: HistoryIndexerOptions;
}

export function createHistory(deps: HistoryDeps): History {
  const indexer = new HistoryIndexer(
    {
      files: new HistoryIndexFiles(join(deps.dataDir, 'history')),
      store: deps.documents,
      log: deps.log,
      organizationOf: (userId) => deps.metadata.collection('users').get(userId)?.organizationId ?? null,
      onChanged: (documentId) => service.announce(documentId),
    },
    deps.options,
  );
  const service = new HistoryService(deps.metadata, indexer, deps.collab, new StageLog(deps.metadata), deps.hub);
  const buildMissing = (): Promise<number> =>
    indexer.buildMissing(
      deps.metadata
        .collection('projects')
        .findMany()
        .flatMap((project) => project.documents.map((document) => document.id)),
    );
  return { service, indexer, extension: new HistoryExtension(indexer), buildMissing };
}
