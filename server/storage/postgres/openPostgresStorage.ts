/** Opens the PostgreSQL storage of `DATABASE_URL`: migrates the schema, then the stores and task locks over one pool. */
import pg from 'pg';
import type { Logger } from '../../logger.js';
import type { BlobStore, DocumentStore, SnapshotStore, TaskLocks } from '../types.js';
import { migrate } from './migrations.js';
import { PostgresDocumentStore } from './PostgresDocumentStore.js';
import { PostgresMetadataStore } from './PostgresMetadataStore.js';
import { PostgresSnapshotStore } from './PostgresSnapshotStore.js';
import { PostgresBlobStore } from './PostgresBlobStore.js';
import { PostgresLocks } from './PostgresLocks.js';

export interface PostgresStorage {
  metadata: PostgresMetadataStore;
  documents: DocumentStore;
  snapshots: SnapshotStore;
  /** Submission packages and package jobs' zips. */
  blobs: BlobStore;
  /** Exclusive tasks across instances (a submission package's build). */
  locks: TaskLocks;
  /** Closes the pool (after the stores were closed). */
  close(): Promise<void>;
}

export async function openPostgresStorage(url: string, log?: Logger): Promise<PostgresStorage> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on('error', (error) => log?.error({ err: error }, 'an idle PostgreSQL connection failed'));
  try {
    const applied = await migrate(pool);
    if (applied.length > 0) log?.info({ applied }, 'applied database migrations');
    const metadata = await PostgresMetadataStore.open(pool, log);
    return {
      metadata,
      documents: new PostgresDocumentStore(pool, { log }),
      snapshots: new PostgresSnapshotStore(pool),
      blobs: new PostgresBlobStore(pool),
      locks: new PostgresLocks(pool),
      close: () => pool.end(),
    };
  } catch (error) {
    await pool.end();
    throw error;
  }
}
