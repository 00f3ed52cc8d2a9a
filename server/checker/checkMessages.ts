/** Messages between the CheckerPool and its check workers (sent in a WorkerPool envelope). */
import type { DocumentKind } from '@shared/domain/project.js';

export interface CheckRequest {
  /** The document's state (`Y.encodeStateAsUpdate`), transferred to the worker. */
  state: Uint8Array;
  kind: DocumentKind;
}
