/**
 * Worker thread entry: merges PostgreSQL compactions off the server's event loop (a compaction of a
 * large document merges thousands of updates: tens to hundreds of milliseconds that would otherwise
 * stall every live connection of the instance).
 */
import { answerPoolRequests } from '../../lib/workerEndpoint.js';
import { compactionBuffers, mergeForCompaction } from './compactionMerge.js';
import type { CompactionInput, CompactionOutput } from './compactionMerge.js';

answerPoolRequests<CompactionInput, CompactionOutput>(mergeForCompaction, compactionBuffers);
