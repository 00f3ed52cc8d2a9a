/**
 * Yjs document data on the file system, one directory per document:
 *
 *   log-<g>.bin      the active append-only log of generation g: every accepted update with its
 *                    user and time, appended and fsynced on each store (cost ∝ size of the new
 *                    updates, independent of document size)
 *   seg-<g>.bin      generation g after compaction: the same updates merged into per-user history
 *                    windows (immutable)
 *   state.bin        the merged document state covering every generation up to the one it names
 *
 * Compaction (log g → seg g, state refreshed, log g+1 started) runs when the log has grown to a
 * fraction of the state's size, so its amortized cost per stored edit stays flat as the document
 * grows, and when a document is unloaded. Every step is crash-safe: files are written atomically,
 * a log whose segment exists is stale and removed, a segment newer than the state is re-applied, a
 * torn log tail is truncated.
 */
import { mkdir, open, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocumentStore, HistoryEntry, HistoryPosition, PositionedHistoryEntry, StoredUpdate } from '../types.js';
import { frameRecords } from './recordFile.js';
import { encodeStoredUpdate } from './codec.js';
import { mergeUpdatesChunked } from './mergeUpdates.js';
import { missingUpdates } from '../missingUpdates.js';
import { dropStaleLogs, listFiles, readLog, readLogFrom, readSegment } from './documentFiles.js';
import { KeyedQueue } from '../../lib/KeyedQueue.js';
import { CompactionRunner } from './CompactionRunner.js';
import type { CompactionMode } from './CompactionRunner.js';
import { WriteBarrier } from '../../lib/WriteBarrier.js';
import type { Logger } from '../../logger.js';
import { ALLOW_WRITES } from './writeGuard.js';
import type { WriteGuard } from './writeGuard.js';

export interface FileDocumentStoreOptions {
  /** Compact when the log exceeds max(minCompactBytes, stateBytes × compactRatio). */
  minCompactBytes?: number;
  compactRatio?: number;
  /** Where compaction runs: a worker thread (default, off the event loop) or inline. */
  compaction?: CompactionMode;
  /** Called before every write (tests simulate a failing disk with it). */
  guard?: WriteGuard;
  /** Shared with the other stores of the data dir: the backup pauses every write through it. */
  barrier?: WriteBarrier;
  log?: Logger;
}

interface OpenLog {
  generation: number;
  handle: FileHandle;
  bytes: number;
}

const SAFE_ID = /^[A-Za-z0-9_-]{1,128}$/;

export class FileDocumentStore implements DocumentStore {
  private readonly logs = new Map<string, OpenLog>();
  private readonly stateBytes = new Map<string, number>();
  /** One operation at a time per document. */
  private readonly operations = new KeyedQueue();
  private readonly minCompactBytes: number;
  private readonly compactRatio: number;
  private readonly compactor: CompactionRunner;
  private readonly guard: WriteGuard;
  private readonly barrier: WriteBarrier;
  private readonly log: Logger | undefined;

  constructor(
    private readonly root: string,
    options: FileDocumentStoreOptions = {},
  ) {
    this.minCompactBytes = options.minCompactBytes ?? 256 * 1024;
    this.compactRatio = options.compactRatio ?? 0.5;
    this.compactor = new CompactionRunner(options.compaction ?? 'worker');
    this.guard = options.guard ?? ALLOW_WRITES;
    this.barrier = options.barrier ?? new WriteBarrier();
    this.log = options.log;
  }

  private dir(documentId: string): string {
    if (!SAFE_ID.test(documentId)) throw new Error(`invalid document id: ${documentId}`);
    return join(this.root, documentId);
  }

  loadState(documentId: string): Promise<Uint8Array | null> {
    return this.operations.run(documentId, async () => {
      const dir = this.dir(documentId);
      const files = await listFiles(dir);
      const logs = await dropStaleLogs(dir, files);
      const covered = files.snapshot?.generation ?? 0;
      const parts: Uint8Array[] = [];
      if (files.snapshot) parts.push(files.snapshot.state);
      for (const g of files.segments.filter((s) => s > covered)) {
        for (const entry of await readSegment(dir, g)) parts.push(entry.update);
      }
      for (const g of logs) {
        for (const u of await readLog(dir, g)) parts.push(u.update);
      }
      this.stateBytes.set(documentId, files.snapshot?.state.byteLength ?? 0);
      if (parts.length === 0) return null;
      return parts.length === 1 ? parts[0]! : mergeUpdatesChunked(parts);
    });
  }

  private async activeLog(documentId: string): Promise<OpenLog> {
    const existing = this.logs.get(documentId);
    if (existing) return existing;
    const dir = this.dir(documentId);
    await mkdir(dir, { recursive: true });
    const files = await listFiles(dir);
    const logs = await dropStaleLogs(dir, files);
    const generation =
      logs.length > 0 ? logs[logs.length - 1]! : Math.max(0, ...files.segments, files.snapshot?.generation ?? 0) + 1;
    const path = join(dir, `log-${generation}.bin`);
    if (logs.includes(generation)) await readLog(dir, generation); // truncates a torn tail
    const handle = await open(path, 'a');
    const bytes = (await stat(path)).size;
    if (!this.stateBytes.has(documentId)) this.stateBytes.set(documentId, files.snapshot?.state.byteLength ?? 0);
    const log = { generation, handle, bytes };
    this.logs.set(documentId, log);
    return log;
  }

  append(documentId: string, updates: StoredUpdate[]): Promise<void> {
    if (updates.length === 0) return Promise.resolve();
    return this.operations.run(documentId, async () => {
      const data = frameRecords(updates.map(encodeStoredUpdate));
      await this.barrier.run(async () => {
        const log = await this.activeLog(documentId);
        try {
          this.guard(join(this.dir(documentId), `log-${log.generation}.bin`));
          await log.handle.write(data);
          await log.handle.datasync();
        } catch (error) {
          // Part of the records may be in the file: cut back to before them (or, if even that fails, the
          // torn tail is cut off when the log is reopened for the next append).
          this.logs.delete(documentId);
          await log.handle.truncate(log.bytes).catch(() => undefined);
          await log.handle.close().catch(() => undefined);
          throw error;
        }
        log.bytes += data.length;
      });
      const bytes = this.logs.get(documentId)?.bytes ?? 0;
      const threshold = Math.max(this.minCompactBytes, (this.stateBytes.get(documentId) ?? 0) * this.compactRatio);
      if (bytes <= threshold) return;
      // The updates are stored: a failed compaction leaves them in the log and is tried again later.
      await this.compactNow(documentId).catch((error: unknown) =>
        this.log?.error({ err: error, documentId }, 'compacting the document failed; its log keeps every update'),
      );
    });
  }

  /**
   * Appends what the stored state lacks. One process owns a data dir (the embedded store is never
   * shared by instances), so reading the state and appending need no lock between them: an append
   * in between could at worst make an update stored twice, which Yjs skips.
   */
  async appendMissing(documentId: string, updates: StoredUpdate[]): Promise<number> {
    if (updates.length === 0) return 0;
    const missing = missingUpdates(await this.loadState(documentId), updates);
    await this.append(documentId, missing);
    return missing.length;
  }

  history(documentId: string): Promise<HistoryEntry[]> {
    return this.operations.run(documentId, async () => {
      const dir = this.dir(documentId);
      const files = await listFiles(dir);
      const entries: HistoryEntry[] = [];
      for (const g of files.segments) entries.push(...(await readSegment(dir, g)));
      for (const g of files.logs.filter((l) => !files.segments.includes(l))) {
        for (const u of await readLog(dir, g)) {
          entries.push({ userId: u.userId, from: u.at, to: u.at, count: 1, update: u.update });
        }
      }
      return entries;
    });
  }

  historySince(documentId: string, after: HistoryPosition | null): Promise<PositionedHistoryEntry[]> {
    return this.operations.run(documentId, async () => {
      const dir = this.dir(documentId);
      const files = await listFiles(dir);
      const from = after ?? { generation: 0, count: 0 };
      const skipped = (generation: number): number => (generation === from.generation ? from.count : 0);
      const entries: PositionedHistoryEntry[] = [];
      for (const generation of files.segments.filter((g) => g >= from.generation)) {
        let index = 0;
        for (const window of await readSegment(dir, generation)) {
          if (index + window.count > skipped(generation)) entries.push({ ...window, generation, index, sealed: true });
          index += window.count;
        }
      }
      const logs = files.logs.filter((g) => g >= from.generation && !files.segments.includes(g));
      for (const generation of logs) {
        const skip = skipped(generation);
        for (const [i, u] of (await readLogFrom(dir, generation, skip)).entries()) {
          entries.push({
            userId: u.userId,
            from: u.at,
            to: u.at,
            count: 1,
            update: u.update,
            generation,
            index: skip + i,
            sealed: false,
          });
        }
      }
      return entries;
    });
  }

  compact(documentId: string): Promise<void> {
    return this.operations.run(documentId, () => this.compactNow(documentId));
  }

  /** Closes the active log and compacts the directory (in the worker); the next append opens g+1. */
  private async compactNow(documentId: string): Promise<void> {
    const dir = this.dir(documentId);
    await this.barrier.run(async () => {
      this.guard(dir);
      const open = this.logs.get(documentId);
      if (open) {
        await open.handle.close();
        this.logs.delete(documentId);
      }
      const stateBytes = await this.compactor.run(dir);
      if (stateBytes !== null) this.stateBytes.set(documentId, stateBytes);
    });
  }

  /** Closes the document's open log (after its last store, when it is unloaded). */
  release(documentId: string): Promise<void> {
    return this.operations.run(documentId, async () => {
      const log = this.logs.get(documentId);
      if (log) {
        await log.handle.close();
        this.logs.delete(documentId);
      }
      this.stateBytes.delete(documentId);
    });
  }

  async close(): Promise<void> {
    await this.operations.idle();
    for (const [id, log] of this.logs) {
      await log.handle.close();
      this.logs.delete(id);
    }
    await this.compactor.close();
  }
}
