/**
 * Task locks across instances: a session-level PostgreSQL advisory lock, held on a connection of its
 * own for as long as the task runs. PostgreSQL frees it when that connection ends, so the lock of an
 * instance that died is free again. Keys are in their own key space (the two-integer form, class
 * `LOCK_CLASS`), apart from the documents' single-key locks.
 */
import type { Pool } from 'pg';
import type { TaskLocks } from '../types.js';

/** Any constant: the class of the task locks. */
const LOCK_CLASS = 160_002;

export class PostgresLocks implements TaskLocks {
  constructor(private readonly pool: Pool) {}

  async tryLock(key: string): Promise<(() => Promise<void>) | null> {
    const client = await this.pool.connect();
    try {
      const result = await client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked',
        [LOCK_CLASS, key],
      );
      if (!result.rows[0]?.locked) {
        client.release();
        return null;
      }
    } catch (error) {
      client.release(true);
      throw error;
    }
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      try {
        await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [LOCK_CLASS, key]);
        client.release();
      } catch (error) {
        // The connection is closed instead: that frees the lock too.
        client.release(error instanceof Error ? error : true);
      }
    };
  }
}
