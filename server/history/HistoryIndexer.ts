/**
 * Keeps the history index of every document up to date, so that no request pays for building one:
 * after each store of a document's changes (HistoryExtension) its index replays what is new, and at
 * startup the indexes never saved are built in the background (`buildMissing`). Requests read an
 * index once it has replayed everything stored. One operation at a time per document; checkpoints
 * are debounced; an index not used for a while (and every index whose document is unloaded) is
 * saved and dropped from memory.
 */
import { performance } from 'node:perf_hooks';
import type { Logger } from '../logger.js';
import type { DocumentStore } from '../storage/types.js';
import { KeyedDebouncedTasks } from '../lib/DebouncedTask.js';
import type { DebounceTiming } from '../lib/DebouncedTask.js';
import { KeyedQueue } from '../lib/KeyedQueue.js';
import { ChangeReplica } from './ChangeReplica.js';
import { HistoryIndex } from './HistoryIndex.js';
import type { HistoryIndexFiles } from './HistoryIndexFiles.js';

/** Indexes built at startup stay in memory while no more than this many are loaded. */
const KEPT_AFTER_BUILD = 8;

export interface HistoryIndexerOptions {
  /** When to save an index after it changed (default: 5 s after the last change, at most 30 s). */
  checkpoint?: DebounceTiming;
  /** Drop an index from memory after this long without use (default 10 min). */
  idleMs?: number;
}

export interface HistoryIndexerDependencies {
  files: HistoryIndexFiles;
  store: DocumentStore;
  log: Logger;
  /** The organization a person belongs to now (recorded on the entries they begin). */
  organizationOf: (userId: string) => string | null;
  /** New changes are in a document's history. */
  onChanged: (documentId: string) => void;
}

export class HistoryIndexer {
  private readonly loaded = new Map<string, HistoryIndex>();
  private readonly queue = new KeyedQueue();
  private readonly scheduled = new Set<string>();
  private readonly checkpoints: KeyedDebouncedTasks;
  private readonly idle: KeyedDebouncedTasks;
  private closing = false;

  constructor(
    private readonly deps: HistoryIndexerDependencies,
    options: HistoryIndexerOptions = {},
  ) {
    this.checkpoints = new KeyedDebouncedTasks(options.checkpoint ?? { debounceMs: 5_000, maxWaitMs: 30_000 });
    const idleMs = options.idleMs ?? 10 * 60_000;
    this.idle = new KeyedDebouncedTasks({ debounceMs: idleMs, maxWaitMs: Number.POSITIVE_INFINITY });
  }

  /** Changes of the document were stored: replay them soon (coalesced; never throws). */
  schedule(documentId: string): void {
    if (this.closing || this.scheduled.has(documentId)) return;
    this.scheduled.add(documentId);
    this.queue
      .run(documentId, async () => {
        this.scheduled.delete(documentId);
        await this.update(documentId);
      })
      .catch((error: unknown) => this.deps.log.error({ err: error, documentId }, 'history index update failed'));
  }

  /**
   * Builds, in the background, the indexes never saved (a history stored before indexing, or an
   * index lost): one document at a time, each replayed in slices that yield to live work, and saved
   * at once. The first few stay in memory (until unused for `idleMs`), ready for the first request;
   * beyond `KEPT_AFTER_BUILD` loaded indexes each is dropped after its build, so that memory stays
   * bounded however many documents there are (a saved index loads in a fraction of the build). A
   * request for one of them meanwhile waits for its build (it would build it anyway). Resolves with
   * how many were built.
   */
  async buildMissing(documentIds: readonly string[]): Promise<number> {
    const began = performance.now();
    let built = 0;
    for (const documentId of documentIds) {
      if (this.closing) break;
      try {
        if (this.loaded.has(documentId) || (await this.deps.files.exists(documentId))) continue;
        await this.queue.run(documentId, async () => {
          if (this.closing || this.loaded.has(documentId)) return;
          await this.update(documentId);
          if (this.loaded.size > KEPT_AFTER_BUILD) {
            await this.drop(documentId);
          } else {
            this.checkpoints.cancel(documentId);
            await this.save(documentId);
          }
          built += 1;
        });
      } catch (error) {
        if (!this.closing) this.deps.log.error({ err: error, documentId }, 'history index not built');
      }
    }
    this.deps.log.info({ built, ms: Math.round(performance.now() - began) }, 'history indexes built');
    return built;
  }

  /** Reads the document's index once everything stored so far is replayed into it. */
  read<T>(documentId: string, read: (index: HistoryIndex) => T): Promise<T> {
    return this.queue.run(documentId, async () => read(await this.update(documentId)));
  }

  /** Saves the index and frees its memory (its document was unloaded); the next use loads it again. */
  release(documentId: string): Promise<void> {
    return this.queue.run(documentId, async () => {
      if (!this.loaded.has(documentId)) return;
      if (!this.closing) await this.update(documentId);
      await this.drop(documentId);
    });
  }

  /** Saves every index (shutdown; the document store may already be closed). */
  async close(): Promise<void> {
    this.closing = true;
    this.checkpoints.cancelAll();
    this.idle.cancelAll();
    await this.queue.idle();
    for (const documentId of [...this.loaded.keys()]) await this.queue.run(documentId, () => this.drop(documentId));
  }

  /** Bytes of a document's history index on disk. */
  indexSize(documentId: string): Promise<number> {
    return this.deps.files.size(documentId);
  }

  private async update(documentId: string): Promise<HistoryIndex> {
    const index = await this.index(documentId);
    const changed = await index.catchUp(this.deps.store);
    const closed = index.closeStale(Date.now());
    if (changed || closed) {
      this.checkpoints.schedule(documentId, () => {
        this.queue
          .run(documentId, () => this.save(documentId))
          .catch((error: unknown) => this.deps.log.error({ err: error, documentId }, 'history index not saved'));
      });
    }
    if (changed) this.deps.onChanged(documentId);
    if (!this.closing) this.idle.schedule(documentId, () => void this.release(documentId));
    return index;
  }

  private async index(documentId: string): Promise<HistoryIndex> {
    const existing = this.loaded.get(documentId);
    if (existing) return existing;
    const saved = await this.deps.files.load(documentId);
    const index = new HistoryIndex(
      documentId,
      new ChangeReplica(saved?.replicaState),
      saved?.checkpoint.position ?? null,
      saved?.records ?? [],
      { open: saved?.checkpoint.open ?? [], graveyard: saved?.checkpoint.graveyard ?? [] },
      this.deps.organizationOf,
    );
    this.loaded.set(documentId, index);
    return index;
  }

  /** Appends the entries closed since the last save, then writes the checkpoint. */
  private async save(documentId: string): Promise<void> {
    const index = this.loaded.get(documentId);
    if (!index) return;
    const records = index.unsaved();
    await this.deps.files.append(documentId, records);
    index.markSaved(records.length);
    await this.deps.files.writeCheckpoint(documentId, index.checkpoint(), index.replica.state());
  }

  private async drop(documentId: string): Promise<void> {
    this.checkpoints.cancel(documentId);
    this.idle.cancel(documentId);
    const index = this.loaded.get(documentId);
    if (!index) return;
    await this.save(documentId);
    this.loaded.delete(documentId);
    index.replica.destroy();
  }
}
