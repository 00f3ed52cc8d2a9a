/**
 * Lays a difference out as .docx in a worker thread (started on the first export): a 100-page
 * difference takes the docx library a second or more, which must not hold up the live documents.
 */
import type { VersionDiffView } from '@shared/api/versionDiff.js';
import { WorkerPool } from '../../lib/WorkerPool.js';
import type { Logger } from '../../logger.js';

export class DiffDocxClosed extends Error {
  constructor() {
    super('the difference export is closed');
  }
}

export class DiffDocxRenderer {
  private readonly pool: WorkerPool<VersionDiffView, Uint8Array>;

  constructor(log: Logger, entry: URL = new URL('./diffDocxWorker.ts', import.meta.url)) {
    this.pool = new WorkerPool(log, { entry, size: 1, name: 'difference export', closed: () => new DiffDocxClosed() });
  }

  docx(view: VersionDiffView): Promise<Uint8Array> {
    return this.pool.run(() => ({ message: view }));
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
