/**
 * What a PostgreSQL database of this storage holds, read without changing it (the tables may not
 * exist yet): `npm run migrate-data` copies only into a database that holds nothing.
 */
import type { Pool } from 'pg';

const TABLES = ['records', 'document_updates', 'document_history', 'document_states', 'snapshots', 'blobs'] as const;

/** Rows per table of the storage (tables not created yet count 0). */
export async function storedRows(pool: Pool): Promise<Record<(typeof TABLES)[number], number>> {
  const counts = { records: 0, document_updates: 0, document_history: 0, document_states: 0, snapshots: 0, blobs: 0 };
  for (const table of TABLES) {
    const exists = await pool.query<{ name: string | null }>('SELECT to_regclass($1)::text AS name', [table]);
    if (!exists.rows[0]?.name) continue;
    const result = await pool.query<{ count: string }>(`SELECT count(*) AS count FROM ${table}`);
    counts[table] = Number(result.rows[0]?.count ?? 0);
  }
  return counts;
}
