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
import { mkdir, open, readdir, readFile, truncate, unlink, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import * as Y from 'yjs';
import type { DocumentStore, HistoryEntry, StoredUpdate } from '../types.js';
import { writeFileAtomic } from './atomicWrite.js';
import { frameRecords, parseRecords } from './recordFile.js';
import { decodeHistoryEntry, decodeSnapshot, decodeStoredUpdate, encodeHistoryEntry, encodeSnapshot, encodeStoredUpdate } from './codec.js';
import { mergeIntoWindows } from './historyWindows.js';
import { mergeUpdatesChunked } from './mergeUpdates.js';

export interface FileDocumentStoreOptions {
  /** Compact when the log exceeds max(minCompactBytes, stateBytes × compactRatio). */
  minCompactBytes?: number;
  compactRatio?: number;
}

interface OpenLog {
  generation: number;
  handle: FileHandle;
  bytes: number;
}

interface DocFiles {
  snapshot: { generation: number; state: Uint8Array } | null;
  segments: number[];
  logs: number[];
}

const SAFE_ID = /^[A-Za-z0-9_-]{1,128}$/;

export class FileDocumentStore implements DocumentStore {
  private readonly logs = new Map<string, OpenLog>();
  private readonly stateBytes = new Map<string, number>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly minCompactBytes: number;
  private readonly compactRatio: number;

  constructor(private readonly root: string, options: FileDocumentStoreOptions = {}) {
    this.minCompactBytes = options.minCompactBytes ?? 256 * 1024;
    this.compactRatio = options.compactRatio ?? 0.5;
  }

  private dir(documentId: string): string {
    if (!SAFE_ID.test(documentId)) throw new Error(`invalid document id: ${documentId}`);
    return join(this.root, documentId);
  }

  /** Runs one operation at a time per document. */
  private serialize<T>(documentId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(documentId) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.catch(() => undefined);
    this.queues.set(documentId, settled);
    void settled.then(() => {
      if (this.queues.get(documentId) === settled) this.queues.delete(documentId);
    });
    return next;
  }

  private async listFiles(documentId: string): Promise<DocFiles> {
    const dir = this.dir(documentId);
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { snapshot: null, segments: [], logs: [] };
      throw error;
    }
    const numbered = (prefix: string): number[] =>
      names
        .map((n) => new RegExp(`^${prefix}-(\\d+)\\.bin$`).exec(n))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => Number(m[1]))
        .sort((a, b) => a - b);
    let snapshot: DocFiles['snapshot'] = null;
    if (names.includes('state.bin')) {
      const { records } = parseRecords(await readFile(join(dir, 'state.bin')));
      if (records[0]) snapshot = decodeSnapshot(records[0]);
    }
    return { snapshot, segments: numbered('seg'), logs: numbered('log') };
  }

  private async readSegment(documentId: string, generation: number): Promise<HistoryEntry[]> {
    const data = await readFile(join(this.dir(documentId), `seg-${generation}.bin`));
    return parseRecords(data).records.map(decodeHistoryEntry);
  }

  /** Reads a log, truncating a torn tail left by a crash mid-append. */
  private async readLog(documentId: string, generation: number): Promise<StoredUpdate[]> {
    const path = join(this.dir(documentId), `log-${generation}.bin`);
    const data = await readFile(path);
    const { records, validLength } = parseRecords(data);
    if (validLength < data.length) await truncate(path, validLength);
    return records.map(decodeStoredUpdate);
  }

  /** Removes logs already compacted into a segment (a crash between the two steps). */
  private async dropStaleLogs(documentId: string, files: DocFiles): Promise<number[]> {
    const live: number[] = [];
    for (const g of files.logs) {
      if (files.segments.includes(g)) await unlink(join(this.dir(documentId), `log-${g}.bin`));
      else live.push(g);
    }
    return live;
  }

  loadState(documentId: string): Promise<Uint8Array | null> {
    return this.serialize(documentId, async () => {
      const files = await this.listFiles(documentId);
      const logs = await this.dropStaleLogs(documentId, files);
      const covered = files.snapshot?.generation ?? 0;
      const parts: Uint8Array[] = [];
      if (files.snapshot) parts.push(files.snapshot.state);
      for (const g of files.segments.filter((s) => s > covered)) {
        for (const entry of await this.readSegment(documentId, g)) parts.push(entry.update);
      }
      for (const g of logs) {
        for (const u of await this.readLog(documentId, g)) parts.push(u.update);
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
    const files = await this.listFiles(documentId);
    const logs = await this.dropStaleLogs(documentId, files);
    const generation = logs.length > 0 ? logs[logs.length - 1]! : Math.max(0, ...files.segments, files.snapshot?.generation ?? 0) + 1;
    const path = join(dir, `log-${generation}.bin`);
    if (logs.includes(generation)) await this.readLog(documentId, generation); // truncates a torn tail
    const handle = await open(path, 'a');
    const bytes = (await stat(path)).size;
    if (!this.stateBytes.has(documentId)) this.stateBytes.set(documentId, files.snapshot?.state.byteLength ?? 0);
    const log = { generation, handle, bytes };
    this.logs.set(documentId, log);
    return log;
  }

  append(documentId: string, updates: StoredUpdate[]): Promise<void> {
    if (updates.length === 0) return Promise.resolve();
    return this.serialize(documentId, async () => {
      const log = await this.activeLog(documentId);
      const data = frameRecords(updates.map(encodeStoredUpdate));
      await log.handle.write(data);
      await log.handle.datasync();
      log.bytes += data.length;
      const threshold = Math.max(this.minCompactBytes, (this.stateBytes.get(documentId) ?? 0) * this.compactRatio);
      if (log.bytes > threshold) await this.compactNow(documentId);
    });
  }

  history(documentId: string): Promise<HistoryEntry[]> {
    return this.serialize(documentId, async () => {
      const files = await this.listFiles(documentId);
      const entries: HistoryEntry[] = [];
      for (const g of files.segments) entries.push(...(await this.readSegment(documentId, g)));
      for (const g of files.logs.filter((l) => !files.segments.includes(l))) {
        for (const u of await this.readLog(documentId, g)) {
          entries.push({ userId: u.userId, from: u.at, to: u.at, count: 1, update: u.update });
        }
      }
      return entries;
    });
  }

  compact(documentId: string): Promise<void> {
    return this.serialize(documentId, () => this.compactNow(documentId));
  }

  /** log g → seg g (history windows) → state.bin (generation g) → log removed; next append opens g+1. */
  private async compactNow(documentId: string): Promise<void> {
    const open = this.logs.get(documentId);
    if (open) {
      await open.handle.close();
      this.logs.delete(documentId);
    }
    const dir = this.dir(documentId);
    const files = await this.listFiles(documentId);
    const logs = await this.dropStaleLogs(documentId, files);
    if (logs.length === 0) return;
    const parts: Uint8Array[] = files.snapshot ? [files.snapshot.state] : [];
    const covered = files.snapshot?.generation ?? 0;
    for (const g of files.segments.filter((s) => s > covered)) {
      for (const entry of await this.readSegment(documentId, g)) parts.push(entry.update);
    }
    let generation = covered;
    for (const g of logs) {
      const updates = await this.readLog(documentId, g);
      const windows = mergeIntoWindows(updates);
      await writeFileAtomic(join(dir, `seg-${g}.bin`), frameRecords(windows.map(encodeHistoryEntry)));
      for (const w of windows) parts.push(w.update);
      generation = g;
    }
    const state = Y.encodeStateAsUpdate(docFromUpdates(parts));
    await writeFileAtomic(join(dir, 'state.bin'), frameRecords([encodeSnapshot(generation, state)]));
    for (const g of logs) await unlink(join(dir, `log-${g}.bin`));
    this.stateBytes.set(documentId, state.byteLength);
  }

  /** Closes the document's open log (after its last store, when it is unloaded). */
  release(documentId: string): Promise<void> {
    return this.serialize(documentId, async () => {
      const log = this.logs.get(documentId);
      if (log) {
        await log.handle.close();
        this.logs.delete(documentId);
      }
      this.stateBytes.delete(documentId);
    });
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()]);
    for (const [id, log] of this.logs) {
      await log.handle.close();
      this.logs.delete(id);
    }
  }
}

/** Applies updates to a fresh doc (gc on) so the stored state drops deleted content. */
function docFromUpdates(parts: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, mergeUpdatesChunked(parts));
  return doc;
}
