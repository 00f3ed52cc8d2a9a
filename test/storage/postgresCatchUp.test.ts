/**
 * `PostgresMetadataStore.catchUp` (what an instance runs when Redis was away and it may have missed
 * announcements): two stores over one database, as two instances have; one writes without telling
 * the other, which then reads the records added, changed and removed meanwhile, leaves alone a
 * record its own uncommitted change writes, and next time reads only what is new.
 */
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { migrate } from '../../server/storage/postgres/migrations.js';
import { PostgresMetadataStore } from '../../server/storage/postgres/PostgresMetadataStore.js';
import { POSTGRES_SKIP_REASON } from '../helpers/postgres.js';
import { postgresForSuite, testOrganization } from '../helpers/postgresSuite.js';

if (POSTGRES_SKIP_REASON) console.warn(POSTGRES_SKIP_REASON);

const org = testOrganization;

describe.skipIf(POSTGRES_SKIP_REASON !== null)('metadata catch-up on PostgreSQL', () => {
  const postgres = postgresForSuite();

  it('reads what another instance added, changed and removed, and only that', async () => {
    const pool = new pg.Pool({ connectionString: await postgres.createDatabase(), max: 4 });
    try {
      await migrate(pool);
      const writer = await PostgresMetadataStore.open(pool);
      await writer.collection('organizations').insert(org('o1', '甲'));
      await writer.collection('organizations').insert(org('o2', '乙'));
      await writer.collection('organizations').insert(org('o3', '丙'));
      const reader = await PostgresMetadataStore.open(pool);
      const names = () =>
        reader
          .collection('organizations')
          .findMany()
          .map((o) => o.name);
      expect(names()).toEqual(['甲', '乙', '丙']);

      // Nothing announced: the reader still holds what it read at open.
      await writer.collection('organizations').update('o1', { name: '甲改' });
      await writer.collection('organizations').remove('o2');
      await writer.collection('organizations').insert(org('o4', '丁'));
      await writer.collection('organizations').update('o3', { name: '丙改' });
      expect(names()).toEqual(['甲', '乙', '丙']);

      const seen: string[] = [];
      const stop = reader.onCatchUp((changes) => {
        seen.push(...changes.map((c) => `${c.id}:${c.before ? 'had' : 'new'}:${c.after ? 'has' : 'gone'}`));
        const before = names();
        return () => expect(before).not.toEqual(names());
      });
      const caughtUp = reader.catchUp();
      // The reader's own change to o3, committed after the catch-up's read, is newer than what the writer stored.
      const local = reader.collection('organizations').update('o3', { name: '丙本地' });
      const changes = await caughtUp;
      await local;
      stop();
      expect(names()).toEqual(['甲改', '丙本地', '丁']);
      expect(seen.sort()).toEqual(['o1:had:has', 'o2:had:gone', 'o4:new:has']);
      expect(changes).toHaveLength(3);

      // Next time only what was written since: nothing, then one record.
      expect(await reader.catchUp()).toEqual([]);
      await writer.collection('organizations').update('o4', { name: '丁改' });
      const next = await reader.catchUp();
      expect(next.map((c) => c.id)).toEqual(['o4']);
      expect(names()).toEqual(['甲改', '丙本地', '丁改']);
      await writer.close();
      await reader.close();
    } finally {
      await pool.end();
    }
  }, 20_000);
});
