/**
 * Runs compactions in one worker thread (started on first use), or inline when asked to. The worker
 * loads our TypeScript through tsx's loader, registered in the worker itself, so it runs the same
 * way under `npm start`, the tests and the benchmarks. Compactions of one document never overlap
 * (FileDocumentStore serializes per document); different documents may queue in the worker.
 */
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compactDirectory } from './documentFiles.js';
import type { CompactionReply, CompactionRequest } from './compactionMessages.js';

export type CompactionMode = 'worker' | 'inline';

interface Pending {
  resolve: (stateBytes: number | null) => void;
  reject: (error: Error) => void;
}

/** The file URL of tsx's ESM registration API (its `import` export), read from tsx's package.json. */
function tsxEsmApiUrl(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('tsx/package.json');
  const manifest = require(manifestPath) as { exports: Record<string, { import?: { default?: string } } | string> };
  const entry = manifest.exports['./esm/api'];
  const target = typeof entry === 'object' ? entry.import?.default : undefined;
  if (!target) throw new Error('tsx has no ./esm/api import entry');
  return pathToFileURL(join(dirname(manifestPath), target)).href;
}

/** A CommonJS script for the worker: registers tsx, then loads the TypeScript worker entry. */
function workerBootstrap(): string {
  const entry = new URL('./compactionWorker.ts', import.meta.url).href;
  return `import(${JSON.stringify(tsxEsmApiUrl())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
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
    const worker = new Worker(workerBootstrap(), { eval: true, execArgv: [] });
    worker.unref();
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
