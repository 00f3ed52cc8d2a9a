/** The PostgreSQL stores when the database refuses a write: the change is rejected and nothing of it stays. */
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import * as Y from 'yjs';
import { StorageUnavailable } from '../../server/storage/errors.js';
import { migrate } from '../../server/storage/postgres/migrations.js';
import { PostgresDocumentStore } from '../../server/storage/postgres/PostgresDocumentStore.js';
import { PostgresMetadataStore } from '../../server/storage/postgres/PostgresMetadataStore.js';
import { POSTGRES_SKIP_REASON } from '../helpers/postgres.js';
import { postgresForSuite, testOrganization } from '../helpers/postgresSuite.js';

if (POSTGRES_SKIP_REASON) console.warn(POSTGRES_SKIP_REASON);

const org = testOrganization;

describe.skipIf(POSTGRES_SKIP_REASON !== null)('PostgreSQL stores when writes fail', () => {
  const postgres = postgresForSuite();

  it('a refused metadata change rejects with StorageUnavailable, is undone, and writing works again after', async () => {
    const pool = new pg.Pool({ connectionString: await postgres.createDatabase() });
    try {
      await migrate(pool);
      const store = await PostgresMetadataStore.open(pool);
      const orgs = store.collection('organizations');
      await orgs.insert(org('o1'));
      await pool.query('ALTER TABLE records ADD CONSTRAINT refuse_writes CHECK (false) NOT VALID');
      const results = await Promise.allSettled([
        orgs.insert(org('o2')),
        orgs.update('o1', { name: '不该留下' }),
        store.batch((b) => b.insert('organizations', [org('o3')])),
      ]);
      for (const result of results) {
        expect(result.status).toBe('rejected');
        if (result.status === 'rejected') expect(result.reason).toBeInstanceOf(StorageUnavailable);
      }
      expect(orgs.findMany()).toEqual([org('o1')]);
      await pool.query('ALTER TABLE records DROP CONSTRAINT refuse_writes');
      await orgs.insert(org('o4'));
      const reopened = await PostgresMetadataStore.open(pool);
      expect(reopened.collection('organizations').findMany()).toEqual([org('o1'), org('o4')]);
    } finally {
      await pool.end();
    }
  });

  it('changes queued behind a refused one are undone and rejected with it, memory and database alike', async () => {
    const pool = new pg.Pool({ connectionString: await postgres.createDatabase() });
    try {
      await migrate(pool);
      const store = await PostgresMetadataStore.open(pool);
      const orgs = store.collection('organizations');
      await orgs.insert(org('o1'));
      await pool.query("ALTER TABLE records ADD CONSTRAINT refuse_bad CHECK (data->>'name' <> 'bad') NOT VALID");
      const refused = orgs.update('o1', { name: 'bad' });
      const queued = orgs.update('o1', { creditCode: 'made on top of the refused change' });
      expect(orgs.get('o1')?.creditCode).toBe('made on top of the refused change');
      const results = await Promise.allSettled([refused, queued]);
      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
      expect(orgs.findMany()).toEqual([org('o1')]);
      await orgs.insert(org('o2'));
      const reopened = await PostgresMetadataStore.open(pool);
      expect(reopened.collection('organizations').findMany()).toEqual([org('o1'), org('o2')]);
    } finally {
      await pool.end();
    }
  });

  it('a refused append rejects with StorageUnavailable and stores nothing; the next append goes on', async () => {
    const pool = new pg.Pool({ connectionString: await postgres.createDatabase() });
    try {
      await migrate(pool);
      const store = new PostgresDocumentStore(pool);
      const doc = new Y.Doc();
      const text = doc.getText('t');
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      text.insert(0, 'a');
      await store.append('d', [{ update: updates[0]!, userId: 'u', at: 1 }]);
      await pool.query('ALTER TABLE document_updates ADD CONSTRAINT refuse_writes CHECK (false) NOT VALID');
      text.insert(1, 'b');
      await expect(store.append('d', [{ update: updates[1]!, userId: 'u', at: 2 }])).rejects.toBeInstanceOf(
        StorageUnavailable,
      );
      await pool.query('ALTER TABLE document_updates DROP CONSTRAINT refuse_writes');
      await store.append('d', [{ update: updates[1]!, userId: 'u', at: 3 }]);
      const history = await store.historySince('d', null);
      expect(history.map((e) => [e.index, e.to])).toEqual([
        [0, 1],
        [1, 3],
      ]);
    } finally {
      await pool.end();
    }
  });
});
