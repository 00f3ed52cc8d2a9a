/**
 * Worker thread entry of the drafting checker: rebuilds a document from its state, reads its content
 * and runs the rules (shared/checker) — the whole check, off the server's event loop.
 */
import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';
import { runChecker } from '@shared/checker/runChecker.js';
import { yDocToJSON } from '@shared/editor/yjsContent.js';
import type { CheckReply, CheckRequest } from './checkMessages.js';

const port = parentPort;
if (!port) throw new Error('checkWorker must run in a worker thread');

function check({ id, state, kind }: CheckRequest): CheckReply {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return { id, result: runChecker(yDocToJSON(doc), kind) };
  } catch (error) {
    return { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  } finally {
    doc.destroy();
  }
}

port.on('message', (request: CheckRequest) => port.postMessage(check(request) satisfies CheckReply));
