/**
 * Runs compactions in one worker thread (started on first use, see lib/typeScriptWorker.ts), or
 * inline when asked to. Compactions of one document never overlap
 * (FileDocumentStore serializes per document); different documents may queue in the worker.
 */
import type { Worker } from 'node:worker_threads';
import { startTypeScriptWorker } from '../../lib/typeScriptWorker.js';
import { compactDirectory } from './documentFiles.js';
import type { CompactionReply, CompactionRequest } from './compactionMessages.js';

export type CompactionMode = 'worker' | 'inline';

interface Pending {
  resolve: (stateBytes: number | null) => void;
  reject: (error: Error) => void;
}

export class CompactionRunner {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly mode: CompactionMode = 'worker') {}

  run(dir: string): Promise<number | null> {
    if (this.mode === 'inline') return compactDirectory(dir);
    return this.start().then(
      () =>
        new Promise<number | null>((resolve, reject) => {
          const id = this.nextId++;
          this.pending.set(id, { resolve, reject });
          this.worker?.postMessage({ id, dir } satisfies CompactionRequest);
        }),
    );
  }

  private start(): Promise<void> {
    if (this.ready !== null) return this.ready;
    const worker = startTypeScriptWorker(new URL('./compactionWorker.ts', import.meta.url));
    this.worker = worker;
    this.ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (reply: CompactionReply) => {
        if ('ready' in reply) {
          resolve();
          return;
        }
        const waiting = this.pending.get(reply.id);
        if (!waiting) return;
        this.pending.delete(reply.id);
        if ('error' in reply) waiting.reject(new Error(`compaction failed: ${reply.error}`));
        else waiting.resolve(reply.stateBytes);
      });
      const fail = (error: Error) => {
        reject(error);
        for (const waiting of this.pending.values()) waiting.reject(error);
        this.pending.clear();
        // The next compaction starts a new worker.
        this.worker = null;
        this.ready = null;
      };
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (this.worker === worker) fail(new Error(`compaction worker exited with code ${code}`));
      });
    });
    return this.ready;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.ready = null;
    if (worker) await worker.terminate();
  }
}
