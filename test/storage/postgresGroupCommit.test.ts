/**
 * Group commit in `PostgresMetadataStore`: while one transaction is in flight, the changes of every
 * caller made meanwhile go together into the next one (counted by `records.written_by`, the writing
 * transaction), in the order they were made, each promise resolving after that COMMIT; a batch the
 * database refuses is undone and rejected whole, the one before it stays. A row lock taken on
 * another connection holds the first transaction in flight, so what is grouped is deterministic.
 */
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { StorageUnavailable } from '../../server/storage/errors.js';
import { migrate } from '../../server/storage/postgres/migrations.js';
import { PostgresMetadataStore } from '../../server/storage/postgres/PostgresMetadataStore.js';
import type { RecordKey } from '../../server/storage/postgres/PostgresMetadataStore.js';
import { POSTGRES_SKIP_REASON } from '../helpers/postgres.js';
import { postgresForSuite, testOrganization } from '../helpers/postgresSuite.js';

if (POSTGRES_SKIP_REASON) console.warn(POSTGRES_SKIP_REASON);

const org = testOrganization;

/** Holds a row lock on organization `id` on a connection of its own until `release`. */
async function lockRecord(pool: pg.Pool, id: string): Promise<{ release: () => Promise<void> }> {
  const client = await pool.connect();
  await client.query('BEGIN');
  await client.query("SELECT 1 FROM records WHERE collection = 'organizations' AND id = $1 FOR UPDATE", [id]);
  return {
    release: async () => {
      await client.query('COMMIT');
      client.release();
    },
  };
}

/** Waits until a statement of this database waits for a lock (the store's transaction is in flight); its backend's pid. */
async function untilWaitingForLock(pool: pg.Pool): Promise<number> {
  for (let i = 0; i < 500; i++) {
    const { rows } = await pool.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
    );
    if (rows[0]) return rows[0].pid;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('no transaction waited for the lock');
}

/** The transaction that last wrote each of these organizations (absent: not in the table). */
async function writers(pool: pg.Pool, ids: string[]): Promise<Map<string, string>> {
  const { rows } = await pool.query<{ id: string; written_by: string }>(
    "SELECT id, written_by::text FROM records WHERE collection = 'organizations' AND id = ANY($1::text[])",
    [ids],
  );
  return new Map(rows.map((row) => [row.id, row.written_by]));
}

describe.skipIf(POSTGRES_SKIP_REASON !== null)('group commit of metadata changes on PostgreSQL', () => {
  const postgres = postgresForSuite();

  it('the changes of many callers made while a transaction is in flight commit together in the next, in order, all durable', async () => {
    const pool = new pg.Pool({ connectionString: await postgres.createDatabase(), max: 6 });
    try {
      await migrate(pool);
      const store = await PostgresMetadataStore.open(pool);
      const orgs = store.collection('organizations');
      await orgs.insert(org('o1'));
      await orgs.insert(org('gone'));
      const announced: RecordKey[][] = [];
      store.onCommitted((records) => announced.push(records));

      const lock = await lockRecord(pool, 'o1');
      const first = orgs.update('o1', { name: '先' });
      await untilWaitingForLock(pool);
      // 30 callers while the first transaction waits: inserts, updates, a removal, a batch.
      const ids = Array.from({ length: 24 }, (_, i) => `n${String(i).padStart(2, '0')}`);
      const settledAt: string[] = [];
      const later = [
        ...ids.map((id) => orgs.insert(org(id)).then(() => settledAt.push(id))),
        orgs.update('n03', { name: '改' }).then(() => settledAt.push('update')),
        orgs.remove('gone').then(() => settledAt.push('remove')),
        store
          .batch((b) => {
            b.insert('organizations', [org('b1'), org('b2')]);
            b.update('organizations', 'n05', { creditCode: 'batch' });
          })
          .then(() => settledAt.push('batch')),
        orgs.update('o1', { creditCode: '后' }).then(() => settledAt.push('o1 again')),
      ];
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(settledAt).toEqual([]);
      await lock.release();
      await first;
      await Promise.all(later);
      expect(settledAt).toHaveLength(later.length);

      // Two transactions: the first alone, then everything made while it was in flight.
      const written = await writers(pool, ['o1', 'gone', ...ids, 'b1', 'b2']);
      expect(written.has('gone')).toBe(false);
      const newRows = new Set([...ids, 'b1', 'b2'].map((id) => written.get(id)));
      expect(newRows.size).toBe(1);
      expect(written.get('o1')).toBe([...newRows][0]);
      expect(announced).toHaveLength(2);
      expect(announced[0]).toEqual([{ collection: 'organizations', id: 'o1' }]);
      expect(announced[1]!.map((r) => r.id).sort()).toEqual([...ids, 'b1', 'b2', 'gone', 'o1'].sort());

      // Durable, and in the order they were made.
      const expected = [
        { ...org('o1', '先'), creditCode: '后' },
        ...ids.map((id) =>
          id === 'n03' ? org(id, '改') : id === 'n05' ? { ...org(id), creditCode: 'batch' } : org(id),
        ),
        org('b1'),
        org('b2'),
      ];
      expect(orgs.findMany()).toEqual(expected);
      const fresh = await PostgresMetadataStore.open(pool);
      expect(fresh.collection('organizations').findMany()).toEqual(expected);
      await store.close();
    } finally {
      await pool.end();
    }
  });

  it('a record removed and inserted again in one batch takes the last place, in memory and in the database', async () => {
    const pool = new pg.Pool({ connectionString: await postgres.createDatabase(), max: 4 });
    try {
      await migrate(pool);
      const store = await PostgresMetadataStore.open(pool);
      const orgs = store.collection('organizations');
      await Promise.all([orgs.insert(org('a')), orgs.insert(org('b')), orgs.insert(org('c'))]);
      await Promise.all([orgs.remove('a'), orgs.insert(org('a', '又')), orgs.update('b', { name: '乙' })]);
      const expected = [org('b', '乙'), org('c'), org('a', '又')];
      expect(orgs.findMany()).toEqual(expected);
      const fresh = await PostgresMetadataStore.open(pool);
      expect(fresh.collection('organizations').findMany()).toEqual(expected);
    } finally {
      await pool.end();
    }
  });

  it('a refused batch is undone and rejected whole; the batch committed before it stays', async () => {
    const pool = new pg.Pool({ connectionString: await postgres.createDatabase(), max: 6 });
    try {
      await migrate(pool);
      const store = await PostgresMetadataStore.open(pool);
      const orgs = store.collection('organizations');
      await orgs.insert(org('o1'));
      await pool.query("ALTER TABLE records ADD CONSTRAINT refuse_bad CHECK (data->>'name' <> 'bad') NOT VALID");
      const lock = await lockRecord(pool, 'o1');
      const first = orgs.update('o1', { creditCode: 'kept' });
      await untilWaitingForLock(pool);
      // The next batch: a good insert, a refused update, a change made on top of both.
      const batch = [orgs.insert(org('o2')), orgs.update('o1', { name: 'bad' }), orgs.update('o2', { name: '在上面' })];
      expect(orgs.get('o2')?.name).toBe('在上面');
      await lock.release();
      await first;
      const results = await Promise.allSettled(batch);
      for (const result of results) {
        expect(result.status).toBe('rejected');
        if (result.status === 'rejected') expect(result.reason).toBeInstanceOf(StorageUnavailable);
      }
      const kept = [{ ...org('o1'), creditCode: 'kept' }];
      expect(orgs.findMany()).toEqual(kept);
      expect((await PostgresMetadataStore.open(pool)).collection('organizations').findMany()).toEqual(kept);
      // Writing goes on.
      await orgs.insert(org('o3'));
      expect((await PostgresMetadataStore.open(pool)).collection('organizations').findMany()).toEqual([
        ...kept,
        org('o3'),
      ]);
    } finally {
      await pool.end();
    }
  });

  it('when the batch in flight is refused, the batch made on top of it meanwhile is undone and rejected, never sent', async () => {
    const pool = new pg.Pool({ connectionString: await postgres.createDatabase(), max: 6 });
    pool.on('error', () => undefined);
    try {
      await migrate(pool);
      const store = await PostgresMetadataStore.open(pool);
      const orgs = store.collection('organizations');
      await orgs.insert(org('o1'));
      const lock = await lockRecord(pool, 'o1');
      const refused = Promise.allSettled([orgs.update('o1', { name: '断开' })]);
      const backend = await untilWaitingForLock(pool);
      const onTop = Promise.allSettled([orgs.insert(org('o2')), orgs.update('o1', { creditCode: 'on top' })]);
      expect(orgs.findMany()).toEqual([{ ...org('o1', '断开'), creditCode: 'on top' }, org('o2')]);
      // The connection of the transaction in flight is lost.
      await pool.query('SELECT pg_terminate_backend($1)', [backend]);
      const results = [...(await refused), ...(await onTop)];
      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
      for (const result of results)
        if (result.status === 'rejected') expect(result.reason).toBeInstanceOf(StorageUnavailable);
      expect(orgs.findMany()).toEqual([org('o1')]);
      await lock.release();
      expect((await writers(pool, ['o2'])).size).toBe(0);
      await orgs.insert(org('o3'));
      expect((await PostgresMetadataStore.open(pool)).collection('organizations').findMany()).toEqual([
        org('o1'),
        org('o3'),
      ]);
    } finally {
      await pool.end();
    }
  });
});
