/**
 * Yjs document data in PostgreSQL, the same model as the file store (server/storage/files):
 *
 *   document_updates   the active log: every accepted update with its user and time, per generation
 *   document_history   compacted generations: the updates merged into per-user history windows
 *   document_states    the merged state of every generation up to the one it names
 *
 * An append is one INSERT, resolved after COMMIT. Compaction (generation g's updates → its windows,
 * the state refreshed, the log moved on to g+1) is one transaction, run when the active log has grown
 * to a fraction of the state's size and on request; its merging runs in a worker thread
 * (CompactionMerger), as the file store's compaction does.
 *
 * One operation at a time per document within an instance; across instances (joined through Redis)
 * appends and compactions of one document take a PostgreSQL advisory lock on it, and the generation
 * and sequence of appended updates are allocated inside that transaction, not by the instance.
 */
import type { Pool, PoolClient } from 'pg';
import { bytes } from './documentRows.js';
import type { UpdateRow, WindowRow } from './documentRows.js';
import { inTransaction } from './transaction.js';
import { KeyedQueue } from '../../lib/KeyedQueue.js';
import type { Logger } from '../../logger.js';
import { StorageUnavailable } from '../errors.js';
import { mergeUpdatesChunked } from '../files/mergeUpdates.js';
import { missingUpdates } from '../missingUpdates.js';
import { CompactionMerger } from './CompactionMerger.js';
import type { CompactionMergeMode } from './CompactionMerger.js';
import type { DocumentStore, HistoryEntry, HistoryPosition, PositionedHistoryEntry, StoredUpdate } from '../types.js';

export interface PostgresDocumentStoreOptions {
  /** Compact when the active log exceeds max(minCompactBytes, stateBytes × compactRatio). */
  minCompactBytes?: number;
  compactRatio?: number;
  /** Where compaction merges: a worker thread (default, off the event loop) or inline. */
  compaction?: CompactionMergeMode;
  log?: Logger;
}

/** A document as another store holds it (see `importDocument`). */
export interface ImportedDocument {
  /** The merged state of the compacted generations, up to `generation` (null: never compacted). */
  state: { generation: number; state: Uint8Array } | null;
  /** Its history as `historySince(null)` gives it: the sealed windows, then the active log's updates. */
  entries: PositionedHistoryEntry[];
}

/** What is known of a document's active log while it is in use. */
interface ActiveLog {
  generation: number;
  /** Updates in the active generation (the next one's seq). */
  count: number;
  bytes: number;
  stateBytes: number;
}

export class PostgresDocumentStore implements DocumentStore {
  private readonly active = new Map<string, ActiveLog>();
  private readonly operations = new KeyedQueue();
  private readonly minCompactBytes: number;
  private readonly compactRatio: number;
  private readonly merger: CompactionMerger;

  constructor(
    private readonly pool: Pool,
    private readonly options: PostgresDocumentStoreOptions = {},
  ) {
    this.minCompactBytes = options.minCompactBytes ?? 256 * 1024;
    this.compactRatio = options.compactRatio ?? 0.5;
    this.merger = new CompactionMerger(options.compaction, options.log);
  }

  /** The state row's generation and size (0 when never compacted). */
  private async stateInfo(
    client: Pool | PoolClient,
    documentId: string,
  ): Promise<{ generation: number; bytes: number }> {
    const result = await client.query<{ generation: number; bytes: number }>(
      'SELECT generation, octet_length(state) AS bytes FROM document_states WHERE document_id = $1',
      [documentId],
    );
    const row = result.rows[0];
    return { generation: row?.generation ?? 0, bytes: row?.bytes ?? 0 };
  }

  private async activeLog(documentId: string): Promise<ActiveLog> {
    const known = this.active.get(documentId);
    if (known) return known;
    const state = await this.stateInfo(this.pool, documentId);
    const result = await this.pool.query<{ generation: number | null; count: string; bytes: string | null }>(
      'SELECT max(generation) AS generation, count(*) AS count, sum(octet_length(update)) AS bytes FROM document_updates WHERE document_id = $1 AND generation > $2',
      [documentId, state.generation],
    );
    const row = result.rows[0];
    const log: ActiveLog = {
      generation: row?.generation ?? state.generation + 1,
      count: Number(row?.count ?? 0),
      bytes: Number(row?.bytes ?? 0),
      stateBytes: state.bytes,
    };
    this.active.set(documentId, log);
    return log;
  }

  loadState(documentId: string): Promise<Uint8Array | null> {
    return this.operations.run(documentId, () => this.readState(this.pool, documentId));
  }

  /** The document's merged state: the compacted state and the log after it. */
  private async readState(client: Pool | PoolClient, documentId: string): Promise<Uint8Array | null> {
    const state = await client.query<{ generation: number; state: Buffer }>(
      'SELECT generation, state FROM document_states WHERE document_id = $1',
      [documentId],
    );
    const covered = state.rows[0]?.generation ?? 0;
    const updates = await client.query<{ update: Buffer }>(
      'SELECT update FROM document_updates WHERE document_id = $1 AND generation > $2 ORDER BY generation, seq',
      [documentId, covered],
    );
    const parts: Uint8Array[] = [];
    if (state.rows[0]) parts.push(bytes(state.rows[0].state));
    for (const row of updates.rows) parts.push(bytes(row.update));
    if (parts.length === 0) return null;
    return parts.length === 1 ? parts[0]! : mergeUpdatesChunked(parts);
  }

  /**
   * Inserts `updates` at the end of the active log; the caller's transaction holds the document's
   * advisory lock. The generation and sequence are allocated by PostgreSQL, so instances appending
   * to one document (joined through Redis) never collide. Returns the generation and the next seq.
   */
  private async insertUpdates(
    client: PoolClient,
    documentId: string,
    updates: StoredUpdate[],
  ): Promise<{ generation: number; next: number } | undefined> {
    const result = await client.query<{ generation: number; next: number }>(
      `WITH g AS (
         SELECT coalesce((SELECT generation FROM document_states WHERE document_id = $1), 0) + 1 AS generation
       ), s AS (
         SELECT g.generation, coalesce((SELECT max(seq) + 1 FROM document_updates u
           WHERE u.document_id = $1 AND u.generation = g.generation), 0) AS first FROM g
       ), ins AS (
         INSERT INTO document_updates (document_id, generation, seq, user_id, at, update)
         SELECT $1, s.generation, s.first + u.i - 1, u.user_id, u.at, u.update
         FROM s, unnest($2::text[], $3::bigint[], $4::bytea[]) WITH ORDINALITY AS u(user_id, at, update, i)
       )
       SELECT s.generation, s.first + $5::integer AS next FROM s`,
      [
        documentId,
        updates.map((u) => u.userId),
        updates.map((u) => u.at),
        updates.map((u) => Buffer.from(u.update.buffer, u.update.byteOffset, u.update.byteLength)),
        updates.length,
      ],
    );
    return result.rows[0];
  }

  append(documentId: string, updates: StoredUpdate[]): Promise<void> {
    if (updates.length === 0) return Promise.resolve();
    return this.operations.run(documentId, async () => {
      const log = await this.activeLog(documentId);
      try {
        const row = await inTransaction(this.pool, async (client) => {
          await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [documentId]);
          return this.insertUpdates(client, documentId, updates);
        });
        if (row && row.generation !== log.generation) {
          // Another instance compacted the log: what is known of its size starts over.
          log.generation = row.generation;
          log.bytes = 0;
        }
        if (row) log.count = Number(row.next) - updates.length;
      } catch (error) {
        this.active.delete(documentId);
        throw new StorageUnavailable(error);
      }
      log.count += updates.length;
      for (const u of updates) log.bytes += u.update.byteLength;
      if (log.bytes <= Math.max(this.minCompactBytes, log.stateBytes * this.compactRatio)) return;
      // The updates are stored: a failed compaction leaves them in the log and is tried again later.
      await this.compactNow(documentId).catch((error: unknown) =>
        this.options.log?.error(
          { err: error, documentId },
          'compacting the document failed; its log keeps every update',
        ),
      );
    });
  }

  /**
   * Appends what the stored state lacks: under the document's advisory lock, the state is read and
   * each update reduced to what it adds (`missingUpdates`), so instances storing the same updates at
   * once (each heard them from a third that died) store them once.
   */
  appendMissing(documentId: string, updates: StoredUpdate[]): Promise<number> {
    if (updates.length === 0) return Promise.resolve(0);
    return this.operations.run(documentId, async () => {
      try {
        return await inTransaction(this.pool, async (client) => {
          await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [documentId]);
          const missing = missingUpdates(await this.readState(client, documentId), updates);
          if (missing.length > 0) await this.insertUpdates(client, documentId, missing);
          return missing.length;
        });
      } catch (error) {
        throw new StorageUnavailable(error);
      } finally {
        // What is known of the log's size is read again by the next append.
        this.active.delete(documentId);
      }
    });
  }

  private async windows(documentId: string, fromGeneration: number): Promise<WindowRow[]> {
    const result = await this.pool.query<WindowRow>(
      'SELECT generation, idx, count, user_id, from_at, to_at, update FROM document_history WHERE document_id = $1 AND generation >= $2 ORDER BY generation, idx',
      [documentId, fromGeneration],
    );
    return result.rows;
  }

  private async logUpdates(documentId: string, fromGeneration: number, skip: number): Promise<UpdateRow[]> {
    const result = await this.pool.query<UpdateRow>(
      `SELECT generation, seq, user_id, at, update FROM document_updates
       WHERE document_id = $1 AND (generation > $2 OR (generation = $2 AND seq >= $3))
       ORDER BY generation, seq`,
      [documentId, fromGeneration, skip],
    );
    return result.rows;
  }

  history(documentId: string): Promise<HistoryEntry[]> {
    return this.historySince(documentId, null).then((entries) =>
      entries.map(({ update, userId, from, to, count }) => ({ update, userId, from, to, count })),
    );
  }

  historySince(documentId: string, after: HistoryPosition | null): Promise<PositionedHistoryEntry[]> {
    return this.operations.run(documentId, async () => {
      const from = after ?? { generation: 0, count: 0 };
      const skipped = (generation: number): number => (generation === from.generation ? from.count : 0);
      const entries: PositionedHistoryEntry[] = [];
      for (const w of await this.windows(documentId, from.generation)) {
        if (w.idx + w.count <= skipped(w.generation)) continue;
        entries.push({
          update: bytes(w.update),
          userId: w.user_id,
          from: Number(w.from_at),
          to: Number(w.to_at),
          count: w.count,
          generation: w.generation,
          index: w.idx,
          sealed: true,
        });
      }
      for (const u of await this.logUpdates(documentId, from.generation, from.count)) {
        const at = Number(u.at);
        entries.push({
          update: bytes(u.update),
          userId: u.user_id,
          from: at,
          to: at,
          count: 1,
          generation: u.generation,
          index: u.seq,
          sealed: false,
        });
      }
      return entries;
    });
  }

  compact(documentId: string): Promise<void> {
    return this.operations.run(documentId, () => this.compactNow(documentId));
  }

  /** Seals every generation of the log into history windows and folds it into the state, in one transaction. */
  private async compactNow(documentId: string): Promise<void> {
    const stateBytes = await inTransaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [documentId]);
      const state = await client.query<{ generation: number; state: Buffer }>(
        'SELECT generation, state FROM document_states WHERE document_id = $1 FOR UPDATE',
        [documentId],
      );
      const covered = state.rows[0]?.generation ?? 0;
      const rows = await client.query<UpdateRow>(
        'SELECT generation, seq, user_id, at, update FROM document_updates WHERE document_id = $1 AND generation > $2 ORDER BY generation, seq',
        [documentId, covered],
      );
      if (rows.rows.length === 0) return null;
      const generations = new Map<number, StoredUpdate[]>();
      for (const row of rows.rows) {
        const list = generations.get(row.generation) ?? [];
        list.push({ update: bytes(row.update), userId: row.user_id, at: Number(row.at) });
        generations.set(row.generation, list);
      }
      const merged = await this.merger.merge({
        state: state.rows[0] ? bytes(state.rows[0].state) : null,
        generations: [...generations].map(([generation, updates]) => ({ generation, updates })),
      });
      for (const { generation, entries } of merged.windows) {
        let index = 0;
        for (const window of entries) {
          await client.query(
            'INSERT INTO document_history (document_id, generation, idx, count, user_id, from_at, to_at, update) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
            [
              documentId,
              generation,
              index,
              window.count,
              window.userId,
              window.from,
              window.to,
              Buffer.from(window.update),
            ],
          );
          index += window.count;
        }
      }
      const last = Math.max(...generations.keys());
      await client.query(
        `INSERT INTO document_states (document_id, generation, state) VALUES ($1, $2, $3)
         ON CONFLICT (document_id) DO UPDATE SET generation = EXCLUDED.generation, state = EXCLUDED.state`,
        [documentId, last, Buffer.from(merged.state)],
      );
      await client.query('DELETE FROM document_updates WHERE document_id = $1 AND generation <= $2', [
        documentId,
        last,
      ]);
      return { generation: last, bytes: merged.state.byteLength };
    });
    if (stateBytes === null) return;
    this.active.set(documentId, {
      generation: stateBytes.generation + 1,
      count: 0,
      bytes: 0,
      stateBytes: stateBytes.bytes,
    });
  }

  /**
   * Stores a document copied from another store (`npm run migrate-data`) as it was there: its
   * compacted history windows and active log at their positions (generation, index), and the merged
   * state of the compacted generations. Refuses a document this database already holds anything of.
   */
  importDocument(documentId: string, imported: ImportedDocument): Promise<void> {
    return this.operations.run(documentId, async () => {
      await inTransaction(this.pool, async (client) => {
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [documentId]);
        const held = await client.query(
          `SELECT 1 FROM document_states WHERE document_id = $1
           UNION ALL SELECT 1 FROM document_history WHERE document_id = $1
           UNION ALL SELECT 1 FROM document_updates WHERE document_id = $1 LIMIT 1`,
          [documentId],
        );
        if (held.rows.length > 0) throw new Error(`document ${documentId} is already in the database`);
        if (imported.state) {
          await client.query('INSERT INTO document_states (document_id, generation, state) VALUES ($1, $2, $3)', [
            documentId,
            imported.state.generation,
            Buffer.from(imported.state.state),
          ]);
        }
        for (const entry of imported.entries) {
          const update = Buffer.from(entry.update.buffer, entry.update.byteOffset, entry.update.byteLength);
          if (entry.sealed) {
            await client.query(
              'INSERT INTO document_history (document_id, generation, idx, count, user_id, from_at, to_at, update) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
              [documentId, entry.generation, entry.index, entry.count, entry.userId, entry.from, entry.to, update],
            );
          } else {
            await client.query(
              'INSERT INTO document_updates (document_id, generation, seq, user_id, at, update) VALUES ($1, $2, $3, $4, $5, $6)',
              [documentId, entry.generation, entry.index, entry.userId, entry.from, update],
            );
          }
        }
      });
      this.active.delete(documentId);
    });
  }

  release(documentId: string): Promise<void> {
    return this.operations.run(documentId, async () => {
      this.active.delete(documentId);
    });
  }

  /** Waits for the operations in flight; the pool is closed by its owner. */
  async close(): Promise<void> {
    await this.operations.idle();
    this.active.clear();
    await this.merger.close();
  }
}
