/** Worker thread entry of the DocumentRenderer: renders one document per request, off the event loop. */
import { answerPoolRequests } from '../../lib/workerEndpoint.js';
import { movableBuffer } from '../../lib/WorkerPool.js';
import type { DocumentExportInput } from './exportInput.js';
import { renderDocumentDocx } from './renderDocumentDocx.js';

answerPoolRequests<DocumentExportInput, Uint8Array>(renderDocumentDocx, movableBuffer);
