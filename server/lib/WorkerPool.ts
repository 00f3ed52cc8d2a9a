/**
 * A small pool of worker threads for CPU-heavy jobs that must not hold up the event loop (the
 * drafting checker, the Word export). Workers start on first use, up to `size`; jobs wait in a queue,
 * first come first served. A job's request is made when it is handed to a worker (`attempt` counts
 * from 1), so buffers can be transferred rather than copied, and made again for a retry. A worker
 * that dies is logged and replaced, and its job retried once on the new worker. Workers answer
 * through `answerPoolRequests` (workerEndpoint.ts).
 */
import type { Transferable, Worker } from 'node:worker_threads';
import type { Logger } from '../logger.js';
import { startTypeScriptWorker } from './typeScriptWorker.js';

/** What a job sends to its worker: a message and the buffers moved with it. */
export interface PoolRequest<M> {
  message: M;
  transfer?: Transferable[];
}

/** A request as the worker receives it. */
export interface PoolEnvelope<M> {
  id: number;
  message: M;
}

/** A worker's answer to one request. */
export type PoolReply<R> = { id: number; result: R } | { id: number; error: string };

export interface WorkerPoolOptions {
  /** The worker's TypeScript module (or a data: URL in tests). */
  entry: URL;
  /** Worker threads at most (at least 1). */
  size: number;
  /** Names the pool in log lines and errors ("drafting checker"). */
  name: string;
  /** The error jobs reject with once the pool is closed. */
  closed: () => Error;
}

interface Job<M, R> {
  id: number;
  request: (attempt: number) => PoolRequest<M>;
  attempts: number;
  resolve: (result: R) => void;
  reject: (error: Error) => void;
}

interface PoolWorker<M, R> {
  worker: Worker;
  job: Job<M, R> | null;
}

/** How often a job is tried on a fresh worker when its worker died under it. */
const MAX_ATTEMPTS = 2;

export class WorkerPool<M, R> {
  private readonly workers: PoolWorker<M, R>[] = [];
  private readonly queue: Job<M, R>[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly log: Logger,
    private readonly options: WorkerPoolOptions,
  ) {}

  /** Runs a job on a worker; rejects with the pool's `closed` error once the pool is closed. */
  run(request: (attempt: number) => PoolRequest<M>): Promise<R> {
    if (this.closed) return Promise.reject(this.options.closed());
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, request, attempts: 0, resolve, reject });
      this.dispatch();
    });
  }

  /** Terminates the workers; jobs still queued or running reject with the pool's `closed` error. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(this.options.closed());
    const workers = this.workers.splice(0);
    for (const { job } of workers) job?.reject(this.options.closed());
    await Promise.all(workers.map(({ worker }) => worker.terminate()));
  }

  /** Hands queued jobs to idle workers, starting workers up to the pool's size. */
  private dispatch(): void {
    while (this.queue.length > 0) {
      const idle = this.workers.find((w) => w.job === null) ?? this.spawn();
      if (!idle) return;
      const job = this.queue.shift()!;
      idle.job = job;
      job.attempts++;
      try {
        const { message, transfer = [] } = job.request(job.attempts);
        idle.worker.postMessage({ id: job.id, message } satisfies PoolEnvelope<M>, transfer);
      } catch (error) {
        idle.job = null;
        job.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
  }

  private spawn(): PoolWorker<M, R> | null {
    if (this.closed || this.workers.length >= Math.max(1, this.options.size)) return null;
    const entry: PoolWorker<M, R> = { worker: startTypeScriptWorker(this.options.entry), job: null };
    this.workers.push(entry);
    entry.worker.on('message', (reply: PoolReply<R>) => this.settle(entry, reply));
    entry.worker.on('error', (error) => this.log.error({ err: error }, `${this.options.name} worker crashed`));
    entry.worker.on('exit', (code) => this.replace(entry, code));
    return entry;
  }

  private settle(entry: PoolWorker<M, R>, reply: PoolReply<R>): void {
    const job = entry.job;
    if (!job || job.id !== reply.id) return;
    entry.job = null;
    if ('error' in reply) job.reject(new Error(`${this.options.name} failed: ${reply.error}`));
    else job.resolve(reply.result);
    this.dispatch();
  }

  /** A worker exited: its job is retried on a new worker (once), or fails. */
  private replace(entry: PoolWorker<M, R>, code: number): void {
    const index = this.workers.indexOf(entry);
    if (index < 0) return; // closed
    this.workers.splice(index, 1);
    this.log.error({ code }, `${this.options.name} worker exited; it is replaced`);
    const job = entry.job;
    if (job) {
      if (job.attempts < MAX_ATTEMPTS) this.queue.unshift(job);
      else job.reject(new Error(`${this.options.name} worker exited with code ${code}`));
    }
    this.dispatch();
  }
}

/** The buffer of `bytes` when it can be moved to another thread whole (it is the entire buffer). */
export function movableBuffer(bytes: Uint8Array): ArrayBuffer[] {
  const { buffer } = bytes;
  return buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength
    ? [buffer]
    : [];
}
