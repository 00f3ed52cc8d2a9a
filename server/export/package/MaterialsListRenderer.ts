/**
 * Renders 材料清单.docx in a worker thread: `docx` builds its XML in one synchronous pass, 0.1–0.2 s
 * for a list with a few dozen checker findings — on the event loop that would hold back every live
 * document's edits while a package is built (bench/README.md, "Submission package"). One worker,
 * started on first use; the manifest is cloned to it and the file's bytes moved back.
 */
import type { PackageManifest } from '@shared/api/submissionPackage.js';
import { WorkerPool } from '../../lib/WorkerPool.js';
import type { Logger } from '../../logger.js';

export class MaterialsListRenderer {
  private readonly pool: WorkerPool<PackageManifest, Uint8Array>;

  constructor(log: Logger) {
    this.pool = new WorkerPool(log, {
      entry: new URL('./materialsListWorker.ts', import.meta.url),
      size: 1,
      name: 'materials list renderer',
      closed: () => new Error('the materials list renderer is closed (the server is shutting down)'),
    });
  }

  docx(manifest: PackageManifest): Promise<Uint8Array> {
    return this.pool.run(() => ({ message: manifest }));
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
