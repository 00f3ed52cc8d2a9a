/**
 * Worker thread entry of the drafting checker: rebuilds a document from its state, reads its content
 * and runs the rules (shared/checker) — the whole check, off the server's event loop.
 */
import * as Y from 'yjs';
import { runChecker } from '@shared/checker/runChecker.js';
import type { CheckResult } from '@shared/checker/types.js';
import { yDocToJSON } from '@shared/editor/yjsContent.js';
import { answerPoolRequests } from '../lib/workerEndpoint.js';
import type { CheckRequest } from './checkMessages.js';

answerPoolRequests<CheckRequest, CheckResult>(({ state, kind }) => {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return runChecker(yDocToJSON(doc), kind);
  } finally {
    doc.destroy();
  }
});
