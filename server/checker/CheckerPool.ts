/**
 * Runs the drafting checker off the server's event loop, in a small pool of worker threads (started
 * on first use). A check sends the document's state (`Y.encodeStateAsUpdate`, its buffer transferred,
 * not copied); the worker rebuilds the document, reads its content and runs the rules. The encoding
 * is the only part of a check left on the event loop (a few milliseconds; 17–70 ms, median 27, for
 * a 100-page standard). A worker that dies is logged and replaced, and its check retried once on the new worker.
 * `mode: 'inline'` runs checks on the event loop as before (benchmark baseline only).
 */
import type { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import * as Y from 'yjs';
import { runChecker } from '@shared/checker/runChecker.js';
import type { CheckResult } from '@shared/checker/types.js';
import type { DocumentKind } from '@shared/domain/project.js';
import { yDocToJSON } from '@shared/editor/yjsContent.js';
import { startTypeScriptWorker } from '../lib/typeScriptWorker.js';
import type { Logger } from '../logger.js';
import type { CheckReply, CheckRequest } from './checkMessages.js';

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

interface Job {
  id: number;
  kind: DocumentKind;
  /** The state to send; null once transferred to a worker (a retry encodes the document again). */
  state: Uint8Array | null;
  encode: () => Uint8Array;
  attempts: number;
  resolve: (result: CheckResult) => void;
  reject: (error: Error) => void;
}

interface PoolWorker {
  worker: Worker;
  job: Job | null;
}

/** How often a check is tried on a fresh worker when its worker died under it. */
const MAX_ATTEMPTS = 2;

export class CheckerPool {
  private readonly mode: 'worker' | 'inline';
  private readonly size: number;
  private readonly workers: PoolWorker[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  private running = 0;

  /** `entry`: the worker's module (tests pass one that dies). */
  constructor(
    private readonly log: Logger,
    options: CheckerOptions = {},
    private readonly entry: URL = new URL('./checkWorker.ts', import.meta.url),
  ) {
    this.mode = options.mode ?? 'worker';
    this.size = Math.max(1, options.workers ?? Math.min(2, availableParallelism() - 1));
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
      const encode = (): Uint8Array => Y.encodeStateAsUpdate(doc);
      const state = encode();
      return await new Promise<CheckResult>((resolve, reject) => {
        this.queue.push({ id: this.nextId++, kind, state, encode, attempts: 0, resolve, reject });
        this.dispatch();
      });
    } finally {
      this.running--;
    }
  }

  /** Terminates the workers; checks still queued or running reject with CheckerClosed. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new CheckerClosed());
    const workers = this.workers.splice(0);
    for (const { job } of workers) job?.reject(new CheckerClosed());
    await Promise.all(workers.map(({ worker }) => worker.terminate()));
  }

  /** Hands queued checks to idle workers, starting workers up to the pool's size. */
  private dispatch(): void {
    while (this.queue.length > 0) {
      const idle = this.workers.find((w) => w.job === null) ?? this.spawn();
      if (!idle) return;
      const job = this.queue.shift()!;
      idle.job = job;
      job.attempts++;
      const state = job.state ?? job.encode();
      job.state = null;
      // The state goes to one worker only: move its buffer instead of copying it.
      const { buffer } = state;
      const movable = buffer instanceof ArrayBuffer && state.byteOffset === 0 && state.byteLength === buffer.byteLength;
      const request: CheckRequest = { id: job.id, state, kind: job.kind };
      idle.worker.postMessage(request, movable ? [buffer] : []);
    }
  }

  private spawn(): PoolWorker | null {
    if (this.closed || this.workers.length >= this.size) return null;
    const entry: PoolWorker = {
      worker: startTypeScriptWorker(this.entry),
      job: null,
    };
    this.workers.push(entry);
    entry.worker.on('message', (reply: CheckReply) => this.settle(entry, reply));
    entry.worker.on('error', (error) => this.log.error({ err: error }, 'drafting checker worker crashed'));
    entry.worker.on('exit', (code) => this.replace(entry, code));
    return entry;
  }

  private settle(entry: PoolWorker, reply: CheckReply): void {
    const job = entry.job;
    if (!job || job.id !== reply.id) return;
    entry.job = null;
    if ('error' in reply) job.reject(new Error(`drafting check failed: ${reply.error}`));
    else job.resolve(reply.result);
    this.dispatch();
  }

  /** A worker exited: its check is retried on a new worker (once), or fails. */
  private replace(entry: PoolWorker, code: number): void {
    const index = this.workers.indexOf(entry);
    if (index < 0) return; // closed
    this.workers.splice(index, 1);
    this.log.error({ code }, 'drafting checker worker exited; it is replaced');
    const job = entry.job;
    if (job) {
      if (job.attempts < MAX_ATTEMPTS) this.queue.unshift(job);
      else job.reject(new Error(`drafting checker worker exited with code ${code}`));
    }
    this.dispatch();
  }
}
