/**
 * The embedded metadata store: every collection in memory, made durable by a journal and kept in
 * lowdb's JSON file (layout in docs/architecture.md, "Storage"):
 *
 *   metadata.json                 checkpoint: the collections as of journal generation g (lowdb)
 *   metadata/journal-<g>.jsonl    the changes since, one committed change per line (MetadataJournal)
 *   metadata/<name>.jsonl         the records of an append-only collection (appendOnly.ts)
 *
 * A change is applied in memory, journaled (one line, one fdatasync, shared with the changes made
 * meanwhile) and its promise resolves once it is on disk; if the disk refuses it, the change is
 * undone and the promise rejects with `StorageUnavailable`. So a change costs the size of the change,
 * not of the metadata. When the journal has grown to a fraction of the checkpoint, a new checkpoint
 * is written in the background (in chunks, atomically) and the covered journal removed; append-only
 * records move to their logs then and are never written again.
 *
 * Opening reads the checkpoint, the append-only logs and replays the journal after it (a torn last
 * line, from a crash mid-write, is cut off). A metadata file of an earlier version (one lowdb file,
 * with `statistics.json` beside it) is taken over on first open.
 */
import { Low } from 'lowdb';
import { mkdir, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Logger } from '../../logger.js';
import { WriteBarrier } from '../../lib/WriteBarrier.js';
import { JsonLinesAppender, jsonLine, readJsonLines } from '../files/jsonLines.js';
import type { JsonLinesContent } from '../files/jsonLines.js';
import { ALLOW_WRITES } from '../files/writeGuard.js';
import type { WriteGuard } from '../files/writeGuard.js';
import type { Collection, CollectionName, MetadataStore, RecordOf, WriteBatch } from '../types.js';
import { batchOperations, tableCollection } from './tableCollections.js';
import { APPEND_ONLY_COLLECTIONS, isAppendOnly } from './appendOnly.js';
import { CheckpointFile } from './CheckpointFile.js';
import type { Checkpoint } from './CheckpointFile.js';
import { MetadataJournal, journalGenerations, journalPath, removeJournals } from './MetadataJournal.js';
import { Tables, isOperation, isStoredRecord } from './tables.js';
import type { Operation, StoredRecord } from './tables.js';

export interface LowdbMetadataOptions {
  /** Called before every write (tests simulate a failing disk with it). */
  guard?: WriteGuard;
  /** Shared with the other stores of the data dir: the backup pauses every write through it. */
  barrier?: WriteBarrier;
  log?: Logger;
  /** A checkpoint is written when the journal exceeds max(minBytes, ratio × the checkpoint's size). */
  checkpoint?: { minBytes?: number; ratio?: number };
}

/** Statistics kept beside the metadata file by earlier versions; taken over on open. */
const LEGACY_STATISTICS = 'statistics.json';
const CHECKPOINT_RETRY_MS = 30_000;

function isJournalLine(value: unknown): value is { ops: Operation[] } {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as { ops?: unknown }).ops) &&
    (value as { ops: unknown[] }).ops.every(isOperation)
  );
}

export class LowdbMetadataStore implements MetadataStore {
  private readonly tables = new Tables();
  private readonly dir: string;
  private readonly guard: WriteGuard;
  private readonly barrier: WriteBarrier;
  private readonly low: Low<Checkpoint>;
  private journal!: MetadataJournal;
  /** Per append-only collection: its log, and its records that are only in the journal so far. */
  private readonly logs = new Map<string, { appender: JsonLinesAppender; unlogged: Map<string, StoredRecord> }>();
  /** Journal bytes of generations the last checkpoint does not cover, other than the current one. */
  private olderJournalBytes = 0;
  private checkpointBytes = 0;
  private checkpointing: Promise<void> | null = null;
  private checkpointRetryAt = 0;
  private readonly minBytes: number;
  private readonly ratio: number;

  private constructor(
    private readonly file: string,
    private readonly options: LowdbMetadataOptions,
  ) {
    this.dir = join(dirname(file), 'metadata');
    this.guard = options.guard ?? ALLOW_WRITES;
    this.barrier = options.barrier ?? new WriteBarrier();
    this.minBytes = options.checkpoint?.minBytes ?? 4 * 1024 * 1024;
    this.ratio = options.checkpoint?.ratio ?? 0.5;
    const adapter = new CheckpointFile(file, this.guard, this.barrier, (checkpoint) =>
      this.afterCheckpoint(checkpoint),
    );
    this.low = new Low<Checkpoint>(adapter, { journal: 0, current: true, collections: new Map() });
  }

  /** Opens (or creates) the store of `file` (`DATA_DIR/metadata.json`). */
  static async open(file: string, options: LowdbMetadataOptions = {}): Promise<LowdbMetadataStore> {
    const store = new LowdbMetadataStore(file, options);
    await store.load();
    return store;
  }

  private warnCut(path: string, content: JsonLinesContent): void {
    if (content.cut)
      this.options.log?.warn(
        { path, bytes: content.cut.bytes, keptAt: content.cut.keptAt },
        'cut off a torn end of a metadata log (a write interrupted by a crash)',
      );
  }

  private async load(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await this.low.read();
    const checkpoint = this.low.data;
    const collections = new Map(checkpoint.collections);
    let takeOver = !checkpoint.current;
    if (!checkpoint.current) {
      const statistics = await new CheckpointFile(
        join(dirname(this.file), LEGACY_STATISTICS),
        this.guard,
        this.barrier,
        async () => undefined,
      ).read();
      for (const [name, records] of statistics?.collections ?? []) collections.set(name, records);
    }
    for (const [name, records] of collections) {
      if (isAppendOnly(name)) continue;
      const table = this.tables.table(name);
      for (const record of records) table.set(record.id, record);
    }
    for (const name of APPEND_ONLY_COLLECTIONS) {
      const path = join(this.dir, `${name}.jsonl`);
      const content = await readJsonLines(path);
      this.warnCut(path, content);
      const table = this.tables.table(name);
      for (const record of content.records) {
        if (!isStoredRecord(record)) throw new Error(`${path}: a line is not a record with an id`);
        table.set(record.id, record);
      }
      const unlogged = new Map<string, StoredRecord>();
      this.logs.set(name, { appender: new JsonLinesAppender(path, content.bytes, this.guard), unlogged });
      // Records of a metadata file of an earlier version move to the log.
      for (const record of collections.get(name) ?? []) {
        if (table.has(record.id)) continue;
        table.set(record.id, record);
        unlogged.set(record.id, record);
        takeOver = true;
      }
    }
    const generations = await journalGenerations(this.dir);
    for (const g of generations) {
      const path = journalPath(this.dir, g);
      if (g <= checkpoint.journal) {
        await unlink(path);
        continue;
      }
      const content = await readJsonLines(path);
      this.warnCut(path, content);
      for (const line of content.records) {
        if (!isJournalLine(line)) throw new Error(`${path}: a line is not a journaled change`);
        for (const op of line.ops) this.replay(op);
      }
      this.olderJournalBytes += content.bytes;
    }
    const next = Math.max(checkpoint.journal, ...generations) + 1;
    this.journal = new MetadataJournal(this.dir, next, this.guard, this.barrier);
    this.checkpointBytes = await stat(this.file).then(
      (s) => s.size,
      () => 0,
    );
    if (takeOver) await this.checkpointNow();
  }

  /** Applies a journaled operation again; an append-only record already in its log is skipped. */
  private replay(op: Operation): void {
    const log = this.logs.get(op.c);
    if (log && 'put' in op) {
      const table = this.tables.table(op.c);
      if (table.has(op.put.id)) return;
      table.set(op.put.id, op.put);
      log.unlogged.set(op.put.id, op.put);
      return;
    }
    this.tables.apply(op, false);
  }

  isEmpty(): boolean {
    return this.tables.table('organizations').size === 0 && this.tables.table('users').size === 0;
  }

  /** The collections that hold or held records (tests and tools compare stores by them). */
  collectionNames(): string[] {
    return this.tables.names();
  }

  /**
   * Applies the operations (all or none) now, so that reads right after the call see them, and
   * resolves once they are on disk; if they cannot be stored they are undone and it rejects.
   */
  private change(ops: Operation[]): Promise<void> {
    if (ops.length === 0) return Promise.resolve();
    for (const op of ops) {
      if (isAppendOnly(op.c) && !('put' in op))
        return Promise.reject(new Error(`${op.c} is append-only: its records are never changed or removed`));
    }
    let undoTables: () => void;
    try {
      undoTables = this.tables.applyAll(ops);
    } catch (error) {
      return Promise.reject(error);
    }
    const logged: { unlogged: Map<string, StoredRecord>; id: string }[] = [];
    for (const op of ops) {
      const log = this.logs.get(op.c);
      if (log && 'put' in op) {
        log.unlogged.set(op.put.id, op.put);
        logged.push({ unlogged: log.unlogged, id: op.put.id });
      }
    }
    const undo = (): void => {
      for (const { unlogged, id } of logged) unlogged.delete(id);
      undoTables();
    };
    return this.journal.commit(ops, undo).then(
      () => this.checkpointIfDue(),
      (error: unknown) => {
        this.options.log?.error({ err: error }, 'a metadata change could not be stored; it was undone');
        throw error;
      },
    );
  }

  collection<K extends CollectionName>(name: K): Collection<RecordOf<K>> {
    return tableCollection(this.tables, name, (ops) => this.change(ops));
  }

  async batch(build: (batch: WriteBatch) => void): Promise<void> {
    await this.change(batchOperations(build));
  }

  private checkpointIfDue(): void {
    if (this.checkpointing || Date.now() < this.checkpointRetryAt) return;
    const journalBytes = this.olderJournalBytes + this.journal.bytes;
    if (journalBytes < Math.max(this.minBytes, this.checkpointBytes * this.ratio)) return;
    this.checkpointNow().catch((error: unknown) => {
      this.checkpointRetryAt = Date.now() + CHECKPOINT_RETRY_MS;
      this.options.log?.error({ err: error }, 'writing the metadata checkpoint failed; the journal keeps every change');
    });
  }

  /** One checkpoint at a time: waits for the one in progress, then writes a new one. */
  private async checkpointNow(): Promise<void> {
    while (this.checkpointing !== null) await this.checkpointing.catch(() => undefined);
    const running = this.checkpoint();
    this.checkpointing = running;
    try {
      await running;
    } finally {
      if (this.checkpointing === running) this.checkpointing = null;
    }
  }

  /**
   * Writes the collections as they are now into metadata.json. The lists are taken at once (records
   * are never changed in place, so they stay this moment's), the journal is rotated at this point,
   * and once everything before it is on disk the append-only records move to their logs and the
   * checkpoint replaces the old one; then the journal it covers is removed.
   */
  private async checkpoint(): Promise<void> {
    const collections = new Map<string, readonly StoredRecord[]>();
    for (const name of this.tables.names()) {
      if (!isAppendOnly(name)) collections.set(name, [...this.tables.table(name).values()]);
    }
    const moving = [...this.logs].map(([, log]) => ({ log, records: [...log.unlogged.values()] }));
    const rotatedBytes = this.journal.bytes;
    const covered = await this.journal.rotate();
    this.olderJournalBytes += rotatedBytes;
    await this.barrier.run(async () => {
      for (const { log, records } of moving) {
        await log.appender.append(records.map(jsonLine));
        for (const record of records) log.unlogged.delete(record.id);
      }
    });
    this.low.data = { journal: covered, current: true, collections };
    await this.low.write();
    this.olderJournalBytes = 0;
    this.checkpointBytes = (await stat(this.file)).size;
  }

  /** Inside the write barrier, right after a checkpoint replaced metadata.json. */
  private async afterCheckpoint(checkpoint: Checkpoint): Promise<void> {
    await removeJournals(this.dir, checkpoint.journal);
    await unlink(join(dirname(this.file), LEGACY_STATISTICS)).catch(() => undefined);
  }

  /** Waits for the writes in flight, writes a checkpoint if anything changed since the last one, closes the files. */
  async close(): Promise<void> {
    while (this.checkpointing !== null) await this.checkpointing.catch(() => undefined);
    await this.journal.settled();
    const unlogged = [...this.logs.values()].some((log) => log.unlogged.size > 0);
    if (this.olderJournalBytes + this.journal.bytes > 0 || unlogged) {
      try {
        await this.checkpointNow();
      } catch (error) {
        this.options.log?.error({ err: error }, 'no metadata checkpoint at close; the journal keeps every change');
      }
    }
    await this.journal.close();
    for (const log of this.logs.values()) await log.appender.close();
  }
}
