/**
 * Where PostgreSQL compactions merge: in one worker thread (the default, off the event loop; started
 * on first use) or inline (tests, tools). The store's transaction stays open meanwhile; only the
 * merging leaves the event loop.
 */
import type { Logger } from '../../logger.js';
import { createLogger } from '../../logger.js';
import { WorkerPool } from '../../lib/WorkerPool.js';
import { mergeForCompaction } from './compactionMerge.js';
import type { CompactionInput, CompactionOutput } from './compactionMerge.js';

export type CompactionMergeMode = 'worker' | 'inline';

class CompactionMergerClosed extends Error {
  constructor() {
    super('the compaction worker is closed');
  }
}

export class CompactionMerger {
  private pool: WorkerPool<CompactionInput, CompactionOutput> | null = null;

  constructor(
    private readonly mode: CompactionMergeMode = 'worker',
    private readonly log: Logger = createLogger('silent'),
  ) {}

  merge(input: CompactionInput): Promise<CompactionOutput> {
    if (this.mode === 'inline') return Promise.resolve(mergeForCompaction(input));
    this.pool ??= new WorkerPool(this.log, {
      entry: new URL('./compactionMergeWorker.ts', import.meta.url),
      size: 1,
      name: 'PostgreSQL compaction',
      closed: () => new CompactionMergerClosed(),
    });
    // Copied, not moved: the rows' buffers belong to pg's pool of Buffers.
    return this.pool.run(() => ({ message: input }));
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    await pool?.close();
  }
}
