/** Messages between the CheckerPool and its check workers. */
import type { CheckResult } from '@shared/checker/types.js';
import type { DocumentKind } from '@shared/domain/project.js';

export interface CheckRequest {
  id: number;
  /** The document's state (`Y.encodeStateAsUpdate`), transferred to the worker. */
  state: Uint8Array;
  kind: DocumentKind;
}

export type CheckReply = { id: number; result: CheckResult } | { id: number; error: string };
