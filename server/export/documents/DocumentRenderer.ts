/**
 * Renders documents off the event loop: packing a 100-page standard into a .docx takes about half a
 * second of CPU, which on the one event loop would hold back every live document's edits. Renders
 * run in a worker thread (server/lib/WorkerPool.ts; one by default, exports are occasional), the
 * input cloned to it and the file's bytes moved back. `mode: 'inline'` renders on the event loop
 * (tests of the renderer alone, benchmark baselines).
 */
import { WorkerPool } from '../../lib/WorkerPool.js';
import type { Logger } from '../../logger.js';
import type { DocumentExportInput } from './exportInput.js';
import { renderDocumentDocx } from './renderDocumentDocx.js';

export interface DocumentRendererOptions {
  mode?: 'worker' | 'inline';
  /** Worker threads at most (default 1). */
  workers?: number;
}

/** A render that did not run because the renderer was closed (server shutdown). */
export class RendererClosed extends Error {
  constructor() {
    super('the document renderer is closed');
  }
}

export class DocumentRenderer {
  private readonly pool: WorkerPool<DocumentExportInput, Uint8Array>;
  private readonly mode: 'worker' | 'inline';

  constructor(log: Logger, options: DocumentRendererOptions = {}) {
    this.mode = options.mode ?? 'worker';
    this.pool = new WorkerPool(log, {
      entry: new URL('./renderWorker.ts', import.meta.url),
      size: options.workers ?? 1,
      name: 'document renderer',
      closed: () => new RendererClosed(),
    });
  }

  /** The document as .docx (see renderDocumentDocx). */
  docx(input: DocumentExportInput): Promise<Uint8Array> {
    if (this.mode === 'inline') return renderDocumentDocx(input);
    return this.pool.run(() => ({ message: input }));
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
