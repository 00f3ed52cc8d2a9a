/**
 * The metadata in PostgreSQL: one `records(collection, id, data jsonb, seq, written_by)` table.
 * `Collection` reads are synchronous, so every record is loaded into memory at open (as the
 * embedded store does) and reads are served from there; every write is applied in memory at once
 * (reads right after the call see it) and written through, its promise resolving only after COMMIT.
 * Group commit: one transaction is in flight at a time, and the changes made meanwhile wait together
 * and go as one batch into the next transaction (one statement when it can: a multi-row DELETE and
 * upsert over `unnest`), so concurrent writers share a round trip and a COMMIT instead of queueing
 * behind each other's. Batches are sent one after the other, in the order the changes were made, so
 * the database holds what memory holds. A batch is all or nothing: if the database refuses it, every
 * change in it and every later one not yet committed (they were made on top of it) are undone in
 * memory, newest first, and rejected with `StorageUnavailable`, as the embedded store does with a
 * failing disk; the changes committed before it stay.
 *
 * Several instances (joined through Redis, server/redis): each commit is announced to `onCommitted`
 * listeners as the records its batch wrote; another instance hears of them and `reload`s
 * those rows from the database into its memory. An instance that was cut off from Redis (and so
 * missed announcements) `catchUp`s: it reads the records written since it last was sure to be
 * current (`records.written_by`, the writing transaction, against a snapshot's xmin) and drops
 * those no longer in the table.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Pool, PoolClient } from 'pg';
import type { Logger } from '../../logger.js';
import { StorageUnavailable } from '../errors.js';
import { isAppendOnly } from '../lowdb/appendOnly.js';
import { Tables } from '../lowdb/tables.js';
import type { Operation, StoredRecord } from '../lowdb/tables.js';
import type { Collection, CollectionName, MetadataStore, RecordOf, WriteBatch } from '../types.js';
import { batchOperations, tableCollection } from '../lowdb/tableCollections.js';
import { inTransaction } from './transaction.js';

/** A record as the transaction writes it: its state after the batch's changes, or null when it is gone. */
interface RowWrite {
  collection: string;
  id: string;
  record: StoredRecord | null;
}

/**
 * A batch's rows in one statement (its own transaction) when none is both removed and written: the
 * removals, and the inserts and updates in the order given (`seq`, a new record's place, follows it).
 */
const WRITE_ROWS = `WITH removed AS (
  DELETE FROM records r USING unnest($1::text[], $2::text[]) AS k(collection, id)
  WHERE r.collection = k.collection AND r.id = k.id
)
INSERT INTO records (collection, id, data)
SELECT w.collection, w.id, w.data::jsonb
FROM unnest($3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS w(collection, id, data, n)
ORDER BY w.n
ON CONFLICT (collection, id) DO UPDATE SET data = EXCLUDED.data, written_by = pg_current_xact_id()`;
/**
 * The same in two statements of one transaction when a record is removed and inserted again in the
 * batch: removed first, it is inserted anew and so takes the last place, as in memory.
 */
const DELETE_ROWS =
  'DELETE FROM records r USING unnest($1::text[], $2::text[]) AS k(collection, id) WHERE r.collection = k.collection AND r.id = k.id';
const UPSERT_ROWS = `INSERT INTO records (collection, id, data)
SELECT w.collection, w.id, w.data::jsonb
FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS w(collection, id, data, n)
ORDER BY w.n
ON CONFLICT (collection, id) DO UPDATE SET data = EXCLUDED.data, written_by = pg_current_xact_id()`;

/** At most this many records per `onCommitted` call (a Redis message carries at most 100,000). */
const ANNOUNCE_CHUNK = 10_000;

/** A record named by its collection and id (what a commit announces to the other instances). */
export interface RecordKey {
  collection: string;
  id: string;
}

const keyOf = (collection: string, id: string): string => JSON.stringify([collection, id]);

/** A record a catch-up changes in memory: as memory held it and as the database holds it (null: absent). */
export interface RecordChange {
  collection: string;
  id: string;
  before: StoredRecord | null;
  after: StoredRecord | null;
}

/**
 * Called with the changes a catch-up is about to apply, while memory still holds the records as
 * before; the function it returns (if any) runs right after they are applied.
 */
export type CatchUpListener = (changes: readonly RecordChange[]) => (() => void) | undefined;

/**
 * Runs `read` in one read-only REPEATABLE READ transaction; also returns that snapshot's xmin: every
 * transaction committing after it has an id at or above it (`records.written_by`).
 */
async function inSnapshot<T>(
  pool: Pool,
  read: (client: PoolClient) => Promise<T>,
): Promise<{ xmin: string; result: T }> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      const snapshot = await client.query<{ xmin: string }>(
        'SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin',
      );
      const result = await read(client);
      await client.query('COMMIT');
      return { xmin: snapshot.rows[0]!.xmin, result };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    client.release();
  }
}

/** Changes applied in memory that go to the database in one transaction. */
interface Batch {
  /** The records they write (`keyOf`), each as it is after them, in the order new records took their place. */
  rows: Map<string, RowWrite>;
  /** The records one of them removed (removed first, whatever came after). */
  removed: Set<string>;
  /** How to undo each change, oldest first. */
  undos: (() => void)[];
  /** Resolves after its COMMIT; rejects with `StorageUnavailable` when it or an earlier batch was refused. */
  done: Promise<void>;
  /** Set when an earlier batch failed: this one was undone with it and is not sent. */
  failed: { cause: unknown } | null;
}

/** Undoes a batch's changes in memory, newest first. */
function undoAll(batch: Batch): void {
  for (let i = batch.undos.length - 1; i >= 0; i--) batch.undos[i]!();
}

export class PostgresMetadataStore implements MetadataStore {
  private readonly tables = new Tables();
  /** The batch in flight (sent, not committed yet). */
  private sending: Batch | null = null;
  /** The batch the changes made now join (waiting for its turn, not sent yet). */
  private open: Batch | null = null;
  /** The last batch or read queued (never rejects): the next one starts after it. */
  private tail: Promise<void> = Promise.resolve();
  private readonly committedListeners = new Set<(records: RecordKey[]) => void>();
  private readonly catchUpListeners = new Set<CatchUpListener>();

  private constructor(
    private readonly pool: Pool,
    /** The xmin of the last snapshot memory was read from in full: a catch-up reads what was written since. */
    private currentSince: string,
    private readonly log?: Logger,
  ) {}

  /** Loads every record of the database (migrated already) into memory. */
  static async open(pool: Pool, log?: Logger): Promise<PostgresMetadataStore> {
    const { xmin, result: rows } = await inSnapshot(
      pool,
      async (client) =>
        (
          await client.query<{ collection: string; data: StoredRecord }>(
            'SELECT collection, data FROM records ORDER BY seq',
          )
        ).rows,
    );
    const store = new PostgresMetadataStore(pool, xmin, log);
    for (const row of rows) store.tables.table(row.collection).set(row.data.id, row.data);
    return store;
  }

  isEmpty(): boolean {
    return this.tables.table('organizations').size === 0 && this.tables.table('users').size === 0;
  }

  private change(ops: Operation[]): Promise<void> {
    if (ops.length === 0) return Promise.resolve();
    for (const op of ops) {
      if (isAppendOnly(op.c) && !('put' in op))
        return Promise.reject(new Error(`${op.c} is append-only: its records are never changed or removed`));
    }
    let undo: () => void;
    try {
      undo = this.tables.applyAll(ops);
    } catch (error) {
      return Promise.reject(error);
    }
    const batch = this.open ?? this.openBatch();
    batch.undos.push(undo);
    const touched = new Map<string, RowWrite>();
    for (const op of ops) {
      const id = 'put' in op ? op.put.id : 'set' in op ? op.id : op.del;
      const key = keyOf(op.c, id);
      // A new record, or a removed one, takes its place anew (an update keeps it), as in memory.
      if (!('set' in op)) batch.rows.delete(key);
      if ('del' in op) batch.removed.add(key);
      const row: RowWrite = { collection: op.c, id, record: null };
      batch.rows.set(key, row);
      touched.set(key, row);
    }
    // The rows as they are after this change (a later change of the batch writes them again).
    for (const row of touched.values()) row.record = this.tables.table(row.collection).get(row.id) ?? null;
    return batch.done;
  }

  /** Starts the batch the next changes join; it is sent when every batch and read queued before it has settled. */
  private openBatch(): Batch {
    const batch: Batch = {
      rows: new Map(),
      removed: new Set(),
      undos: [],
      done: Promise.resolve(),
      failed: null,
    };
    batch.done = this.tail.then(() => this.send(batch));
    this.tail = batch.done.then(
      () => undefined,
      () => undefined,
    );
    this.open = batch;
    return batch;
  }

  /** Commits one batch (its turn has come: every earlier one has settled). */
  private async send(batch: Batch): Promise<void> {
    if (batch.failed) throw new StorageUnavailable(batch.failed.cause);
    // From now on the changes made join the next batch.
    if (this.open === batch) this.open = null;
    this.sending = batch;
    try {
      await this.write(batch);
    } catch (error) {
      // Undone newest first: the changes made on top of this batch meanwhile, then its own.
      const later = this.open;
      this.open = null;
      this.sending = null;
      let changes = batch.undos.length;
      if (later) {
        later.failed = { cause: error };
        undoAll(later);
        changes += later.undos.length;
      }
      undoAll(batch);
      this.log?.error(
        { err: error, changes },
        'a batch of metadata changes could not be stored; its changes and the later ones were undone',
      );
      throw new StorageUnavailable(error);
    }
    this.sending = null;
    const records = [...batch.rows.values()].map(({ collection, id }) => ({ collection, id }));
    for (let i = 0; i < records.length; i += ANNOUNCE_CHUNK) {
      const chunk = records.slice(i, i + ANNOUNCE_CHUNK);
      for (const listener of this.committedListeners) listener(chunk);
    }
  }

  /** Whether a change not committed yet writes this record (`keyOf`). */
  private isPending(key: string): boolean {
    return (this.sending?.rows.has(key) ?? false) || (this.open?.rows.has(key) ?? false);
  }

  /** Calls `listener` with the records of every change this instance commits; returns the unsubscribe. */
  onCommitted(listener: (records: RecordKey[]) => void): () => void {
    this.committedListeners.add(listener);
    return () => this.committedListeners.delete(listener);
  }

  /** Resolves once the changes and reloads started so far have settled (what they wrote is in memory). */
  settled(): Promise<void> {
    return this.tail;
  }

  /**
   * Reads these records again from the database (another instance committed them). Runs after the
   * changes in flight; a record that a local change not yet committed writes is left alone (that
   * change commits after this read, so it is the newer one in the database too).
   */
  reload(records: RecordKey[]): Promise<void> {
    const done = this.tail.then(async () => {
      const wanted = records.filter(({ collection, id }) => !this.isPending(keyOf(collection, id)));
      if (wanted.length === 0) return;
      const result = await this.pool.query<{ collection: string; id: string; data: StoredRecord }>(
        'SELECT r.collection, r.id, r.data FROM records r JOIN unnest($1::text[], $2::text[]) AS k(collection, id) ON r.collection = k.collection AND r.id = k.id',
        [wanted.map((r) => r.collection), wanted.map((r) => r.id)],
      );
      const found = new Map(result.rows.map((row) => [keyOf(row.collection, row.id), row.data]));
      for (const { collection, id } of wanted) {
        const key = keyOf(collection, id);
        if (this.isPending(key)) continue;
        const data = found.get(key);
        if (data) this.tables.table(collection).set(id, data);
        else this.tables.table(collection).delete(id);
      }
    });
    this.tail = done.then(
      () => undefined,
      () => undefined,
    );
    return done;
  }

  /** Calls `listener` around every catch-up (see `CatchUpListener`); returns the unsubscribe. */
  onCatchUp(listener: CatchUpListener): () => void {
    this.catchUpListeners.add(listener);
    return () => this.catchUpListeners.delete(listener);
  }

  /**
   * Brings memory up to date after announcements may have been missed (Redis was away): reads the
   * records written since memory was last read in full or caught up, and the ids of all (a removal
   * leaves no row, so the records memory holds and the table no longer does are the ones removed
   * meanwhile). Runs after the changes in flight and leaves alone the records a local uncommitted
   * change writes, as `reload` does. Resolves with the changes it applied.
   */
  catchUp(): Promise<RecordChange[]> {
    const done = this.tail.then(async () => {
      const { xmin, result } = await inSnapshot(this.pool, async (client) => ({
        written: (
          await client.query<{ collection: string; id: string; data: StoredRecord }>(
            'SELECT collection, id, data FROM records WHERE written_by >= $1::xid8 ORDER BY seq',
            [this.currentSince],
          )
        ).rows,
        present: (await client.query<{ collection: string; id: string }>('SELECT collection, id FROM records')).rows,
      }));
      const changes = this.changesSince(result.written, result.present);
      const finishes: (() => void)[] = [];
      for (const listener of this.catchUpListeners) {
        try {
          const finish = listener(changes);
          if (finish) finishes.push(finish);
        } catch (error) {
          this.log?.error({ err: error }, 'a catch-up listener failed');
        }
      }
      for (const { collection, id, after } of changes) {
        if (after) this.tables.table(collection).set(id, after);
        else this.tables.table(collection).delete(id);
      }
      this.currentSince = xmin;
      for (const finish of finishes) {
        try {
          finish();
        } catch (error) {
          this.log?.error({ err: error }, 'a catch-up listener failed');
        }
      }
      return changes;
    });
    this.tail = done.then(
      () => undefined,
      () => undefined,
    );
    return done;
  }

  /** What differs between memory and these rows (written since the last catch-up) and ids (all the table holds). */
  private changesSince(
    written: { collection: string; id: string; data: StoredRecord }[],
    present: { collection: string; id: string }[],
  ): RecordChange[] {
    const changes: RecordChange[] = [];
    for (const { collection, id, data } of written) {
      if (this.isPending(keyOf(collection, id))) continue;
      const before = this.tables.table(collection).get(id) ?? null;
      // Compared as JSON reads it back (jsonb drops undefined fields and reorders keys).
      if (before && isDeepStrictEqual(JSON.parse(JSON.stringify(before)), data)) continue;
      changes.push({ collection, id, before, after: data });
    }
    const inTable = new Set(present.map(({ collection, id }) => keyOf(collection, id)));
    for (const collection of this.tables.names()) {
      for (const [id, before] of this.tables.table(collection)) {
        const key = keyOf(collection, id);
        if (!inTable.has(key) && !this.isPending(key)) changes.push({ collection, id, before, after: null });
      }
    }
    return changes;
  }

  /**
   * One transaction: a single statement (its own transaction) unless a record is removed and
   * inserted again in the batch, then the removals and the writes in BEGIN … COMMIT.
   */
  private async write(batch: Batch): Promise<void> {
    const removed = [...batch.removed].map((key) => batch.rows.get(key)!);
    const written = [...batch.rows.values()].filter((row) => row.record !== null);
    const removedArgs = [removed.map((row) => row.collection), removed.map((row) => row.id)];
    const writtenArgs = [
      written.map((row) => row.collection),
      written.map((row) => row.id),
      written.map((row) => JSON.stringify(row.record)),
    ];
    if (!written.some((row) => batch.removed.has(keyOf(row.collection, row.id)))) {
      await this.pool.query(WRITE_ROWS, [...removedArgs, ...writtenArgs]);
      return;
    }
    await inTransaction(this.pool, async (client) => {
      await client.query(DELETE_ROWS, removedArgs);
      await client.query(UPSERT_ROWS, writtenArgs);
    });
  }

  collection<K extends CollectionName>(name: K): Collection<RecordOf<K>> {
    return tableCollection(this.tables, name, (ops) => this.change(ops));
  }

  async batch(build: (batch: WriteBatch) => void): Promise<void> {
    await this.change(batchOperations(build));
  }

  /** Waits for the writes in flight; the pool is closed by its owner. */
  async close(): Promise<void> {
    await this.tail;
  }
}
