/**
 * Runs the drafting checker off the server's event loop, in a small pool of worker threads (started
 * on first use; server/lib/WorkerPool.ts). A check sends the document's state
 * (`Y.encodeStateAsUpdate`, its buffer transferred, not copied); the worker rebuilds the document,
 * reads its content and runs the rules. The encoding is the only part of a check left on the event
 * loop (a few milliseconds; 17–70 ms, median 27, for a 100-page standard). A worker that dies is
 * logged and replaced, and its check retried once on the new worker (with the state encoded again).
 * `mode: 'inline'` runs checks on the event loop as before (benchmark baseline only).
 */
import { availableParallelism } from 'node:os';
import * as Y from 'yjs';
import { runChecker } from '@shared/checker/runChecker.js';
import type { CheckResult } from '@shared/checker/types.js';
import type { DocumentKind } from '@shared/domain/project.js';
import { yDocToJSON } from '@shared/editor/yjsContent.js';
import { WorkerPool, movableBuffer } from '../lib/WorkerPool.js';
import type { Logger } from '../logger.js';
import type { CheckRequest } from './checkMessages.js';

export interface CheckerOptions {
  /** 'worker' (default): checks run in worker threads; 'inline': on the event loop (a baseline for benchmarks). */
  mode?: 'worker' | 'inline';
  /** Worker threads at most (default: 1 on a 2-core machine, 2 with more cores). */
  workers?: number;
}

/** A check that did not run because the pool was closed (server shutdown). */
export class CheckerClosed extends Error {
  constructor() {
    super('the drafting checker is closed');
  }
}

export class CheckerPool {
  private readonly mode: 'worker' | 'inline';
  private readonly pool: WorkerPool<CheckRequest, CheckResult>;
  private closed = false;
  private running = 0;

  /** `entry`: the worker's module (tests pass one that dies). */
  constructor(log: Logger, options: CheckerOptions = {}, entry: URL = new URL('./checkWorker.ts', import.meta.url)) {
    this.mode = options.mode ?? 'worker';
    this.pool = new WorkerPool(log, {
      entry,
      size: options.workers ?? Math.min(2, availableParallelism() - 1),
      name: 'drafting checker',
      closed: () => new CheckerClosed(),
    });
  }

  /** Checks asked for and not finished yet (queued or running). */
  get activeChecks(): number {
    return this.running;
  }

  /** Checks a document's current content; rejects with CheckerClosed once the pool is closed. */
  async check(doc: Y.Doc, kind: DocumentKind): Promise<CheckResult> {
    if (this.closed) throw new CheckerClosed();
    this.running++;
    try {
      if (this.mode === 'inline') return runChecker(yDocToJSON(doc), kind);
      // The state as it is now; a retry on a new worker encodes the document again.
      const first = Y.encodeStateAsUpdate(doc);
      return await this.pool.run((attempt) => {
        const state = attempt === 1 ? first : Y.encodeStateAsUpdate(doc);
        // The state goes to one worker only: move its buffer instead of copying it.
        return { message: { state, kind }, transfer: movableBuffer(state) };
      });
    } finally {
      this.running--;
    }
  }

  /** Terminates the workers; checks still queued or running reject with CheckerClosed. */
  async close(): Promise<void> {
    this.closed = true;
    await this.pool.close();
  }
}
