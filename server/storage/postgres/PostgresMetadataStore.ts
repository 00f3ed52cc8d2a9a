/**
 * The metadata in PostgreSQL: one `records(collection, id, data jsonb, seq, written_by)` table.
 * `Collection` reads are synchronous, so every record is loaded into memory at open (as the
 * embedded store does) and reads are served from there; every write is applied in memory at once
 * (reads right after the call see it) and written through in one transaction, its promise
 * resolving only after COMMIT. Transactions are sent one after the other, in the order the changes
 * were made, so the database holds what memory holds. If the database refuses one, that change and
 * every later one not yet committed (they were made on top of it) are undone in memory, newest
 * first, and rejected with `StorageUnavailable`, as the embedded store does with a failing disk.
 *
 * Several instances (joined through Redis, server/redis): each committed change is announced to
 * `onCommitted` listeners as the records it wrote; another instance hears of them and `reload`s
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

/** A record as the transaction writes it: its state after the change, or null when it is gone. */
interface RowWrite {
  collection: string;
  id: string;
  record: StoredRecord | null;
}

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

/** A change applied in memory and not committed yet. */
interface PendingChange {
  /** The records it writes (`keyOf`). */
  keys: Set<string>;
  undo: () => void;
  /** Set when an earlier change failed: this one was undone with it and is not sent. */
  failed: { cause: unknown } | null;
}

export class PostgresMetadataStore implements MetadataStore {
  private readonly tables = new Tables();
  /** The changes not committed yet, oldest first. */
  private readonly pending: PendingChange[] = [];
  /** The last transaction sent (never rejects): the next one starts after it. */
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
    // The rows as they are right after this change (later changes are written by their own transactions).
    const writes = new Map<string, RowWrite>();
    for (const op of ops) {
      const id = 'put' in op ? op.put.id : 'set' in op ? op.id : op.del;
      writes.set(keyOf(op.c, id), {
        collection: op.c,
        id,
        record: this.tables.table(op.c).get(id) ?? null,
      });
    }
    const change: PendingChange = { keys: new Set(writes.keys()), undo, failed: null };
    this.pending.push(change);
    const done = this.tail.then(() => this.send(change, [...writes.values()]));
    this.tail = done.then(
      () => undefined,
      () => undefined,
    );
    return done;
  }

  /** Commits one change (its turn has come: every earlier one has settled). */
  private async send(change: PendingChange, rows: RowWrite[]): Promise<void> {
    if (change.failed) throw new StorageUnavailable(change.failed.cause);
    try {
      await this.write(rows);
    } catch (error) {
      // This change is the oldest pending one; it and every later one are undone, newest first.
      const undone = this.pending.splice(0);
      for (let i = undone.length - 1; i >= 0; i--) {
        undone[i]!.undo();
        undone[i]!.failed = { cause: error };
      }
      this.log?.error(
        { err: error, changes: undone.length },
        'a metadata change could not be stored; it and the later ones were undone',
      );
      throw new StorageUnavailable(error);
    }
    this.pending.shift();
    const records = rows.map(({ collection, id }) => ({ collection, id }));
    for (const listener of this.committedListeners) listener(records);
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
      const wanted = records.filter(({ collection, id }) => {
        const key = keyOf(collection, id);
        return !this.pending.some((change) => change.keys.has(key));
      });
      if (wanted.length === 0) return;
      const result = await this.pool.query<{ collection: string; id: string; data: StoredRecord }>(
        'SELECT r.collection, r.id, r.data FROM records r JOIN unnest($1::text[], $2::text[]) AS k(collection, id) ON r.collection = k.collection AND r.id = k.id',
        [wanted.map((r) => r.collection), wanted.map((r) => r.id)],
      );
      const found = new Map(result.rows.map((row) => [keyOf(row.collection, row.id), row.data]));
      for (const { collection, id } of wanted) {
        const key = keyOf(collection, id);
        if (this.pending.some((change) => change.keys.has(key))) continue;
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
    const pendingKey = (key: string) => this.pending.some((change) => change.keys.has(key));
    const changes: RecordChange[] = [];
    for (const { collection, id, data } of written) {
      if (pendingKey(keyOf(collection, id))) continue;
      const before = this.tables.table(collection).get(id) ?? null;
      // Compared as JSON reads it back (jsonb drops undefined fields and reorders keys).
      if (before && isDeepStrictEqual(JSON.parse(JSON.stringify(before)), data)) continue;
      changes.push({ collection, id, before, after: data });
    }
    const inTable = new Set(present.map(({ collection, id }) => keyOf(collection, id)));
    for (const collection of this.tables.names()) {
      for (const [id, before] of this.tables.table(collection)) {
        const key = keyOf(collection, id);
        if (!inTable.has(key) && !pendingKey(key)) changes.push({ collection, id, before, after: null });
      }
    }
    return changes;
  }

  private async write(rows: RowWrite[]): Promise<void> {
    const client: PoolClient = await this.pool.connect();
    try {
      await client.query('BEGIN');
      try {
        for (const row of rows) {
          if (row.record === null) {
            await client.query('DELETE FROM records WHERE collection = $1 AND id = $2', [row.collection, row.id]);
          } else {
            await client.query(
              'INSERT INTO records (collection, id, data) VALUES ($1, $2, $3) ON CONFLICT (collection, id) DO UPDATE SET data = EXCLUDED.data, written_by = pg_current_xact_id()',
              [row.collection, row.id, JSON.stringify(row.record)],
            );
          }
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    } finally {
      client.release();
    }
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
