/**
 * Worker thread entry: compacts document directories on request, off the server's event loop (a
 * compaction merges thousands of updates and rebuilds the document: tens to hundreds of milliseconds
 * that would otherwise stall every live connection).
 */
import { parentPort } from 'node:worker_threads';
import { compactDirectory } from './documentFiles.js';
import type { CompactionReply, CompactionRequest } from './compactionMessages.js';

const port = parentPort;
if (!port) throw new Error('compactionWorker must run in a worker thread');

port.on('message', (request: CompactionRequest) => {
  compactDirectory(request.dir).then(
    (stateBytes) => port.postMessage({ id: request.id, stateBytes } satisfies CompactionReply),
    (error: unknown) =>
      port.postMessage({
        id: request.id,
        error: error instanceof Error ? error.message : String(error),
      } satisfies CompactionReply),
  );
});
port.postMessage({ ready: true } satisfies CompactionReply);
