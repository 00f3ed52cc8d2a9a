/** The migration runner: numbered files applied once, in order, recorded in schema_migrations. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrate, readMigrations } from '../../server/storage/postgres/migrations.js';
import { POSTGRES_SKIP_REASON, startPostgres } from '../helpers/postgres.js';
import type { TestPostgres } from '../helpers/postgres.js';

if (POSTGRES_SKIP_REASON) console.warn(POSTGRES_SKIP_REASON);

describe.skipIf(POSTGRES_SKIP_REASON !== null)('PostgreSQL migrations', () => {
  let server: TestPostgres;
  beforeAll(async () => {
    server = await startPostgres();
  }, 30_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('applies the shipped migrations once, and later ones in order', async () => {
    const pool = new pg.Pool({ connectionString: await server.createDatabase() });
    try {
      const shipped = (await readMigrations()).map((m) => m.name);
      expect(shipped[0]).toBe('001_initial.sql');
      expect(await migrate(pool)).toEqual(shipped);
      expect(await migrate(pool)).toEqual([]);
      const dir = await mkdtemp(join(tmpdir(), 'zm-migrations-'));
      try {
        await writeFile(join(dir, '001_a.sql'), 'CREATE TABLE extra_a (id int);');
        await writeFile(join(dir, '010_c.sql'), 'ALTER TABLE extra_a ADD COLUMN c int;');
        await writeFile(join(dir, '002_b.sql'), 'ALTER TABLE extra_a ADD COLUMN b int;');
        await writeFile(join(dir, 'notes.txt'), 'not a migration');
        const fresh = new pg.Pool({ connectionString: await server.createDatabase() });
        try {
          expect(await migrate(fresh, dir)).toEqual(['001_a.sql', '002_b.sql', '010_c.sql']);
          const columns = await fresh.query<{ column_name: string }>(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'extra_a' ORDER BY ordinal_position",
          );
          expect(columns.rows.map((r) => r.column_name)).toEqual(['id', 'b', 'c']);
          await writeFile(join(dir, '011_bad.sql'), 'ALTER TABLE missing ADD COLUMN x int;');
          await expect(migrate(fresh, dir)).rejects.toThrow(/011_bad\.sql failed/);
          const versions = await fresh.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY 1');
          expect(versions.rows.map((r) => r.version)).toEqual([1, 2, 10]);
        } finally {
          await fresh.end();
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    } finally {
      await pool.end();
    }
  });
});
