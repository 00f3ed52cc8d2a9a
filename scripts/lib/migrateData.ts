/**
 * `npm run migrate-data`: copies an embedded workspace (lowdb metadata, document logs and history
 * windows, snapshots, blobs) into the PostgreSQL storage, through the stores on both sides (read with the
 * embedded ones, written with the PostgreSQL ones), then checks the copy (migrationVerify.ts).
 *
 * Refuses (MigrationRefused, nothing written) a data dir a server runs on, a source with a
 * collection this version does not know, and a database that already holds any data. Holds the data
 * dir's lock while it runs, so no server starts on it meanwhile.
 */
import { resolve } from 'node:path';
import pg from 'pg';
import { isCollectionName } from '../../server/storage/collectionNames.js';
import { migrate } from '../../server/storage/postgres/migrations.js';
import { storedRows } from '../../server/storage/postgres/databaseContents.js';
import { PostgresBlobStore } from '../../server/storage/postgres/PostgresBlobStore.js';
import { PostgresDocumentStore } from '../../server/storage/postgres/PostgresDocumentStore.js';
import { PostgresMetadataStore } from '../../server/storage/postgres/PostgresMetadataStore.js';
import { PostgresSnapshotStore } from '../../server/storage/postgres/PostgresSnapshotStore.js';
import { lockDataDir } from './dataDirLock.js';
import { checkKeptFilesTarget, copyKeptFiles } from './keptDataDirFiles.js';
import { MigrationRefused } from './migrationRefused.js';
import { assertWorkspace, openSourceWorkspace } from './migrationSource.js';
import type { SourceWorkspace } from './migrationSource.js';
import { verifyMigration } from './migrationVerify.js';
import type { Verification } from './migrationVerify.js';

/** Records per metadata transaction. */
const BATCH = 500;

export interface MigrateDataOptions {
  /** The embedded workspace (its DATA_DIR). */
  from: string;
  databaseUrl: string;
  /** The DATA_DIR the PostgreSQL instances will use (default: `from`, nothing to copy). */
  dataDir?: string;
  /** Progress lines (counts per collection, documents n/N). */
  progress?: (line: string) => void;
}

export interface MigrationResult {
  collections: { name: string; records: number }[];
  documents: number;
  snapshots: number;
  blobs: number;
  /** Folders copied to the instances' DATA_DIR. */
  files: { folder: string; files: number }[];
  verification: Verification;
}

/** Every `max(1, total/20)`-th item and the last one: progress without a line per document. */
const reportable = (n: number, total: number): boolean => n === total || n % Math.max(1, Math.floor(total / 20)) === 0;

async function copyMetadata(
  source: SourceWorkspace,
  target: PostgresMetadataStore,
  progress: (line: string) => void,
): Promise<MigrationResult['collections']> {
  const copied: MigrationResult['collections'] = [];
  for (const name of source.metadata.collectionNames()) {
    if (!isCollectionName(name)) continue; // refused before anything was written
    const records = source.metadata.collection(name).findMany();
    for (let i = 0; i < records.length; i += BATCH) {
      const chunk = records.slice(i, i + BATCH);
      await target.batch((batch) => batch.insert(name, chunk));
    }
    copied.push({ name, records: records.length });
    progress(`metadata: ${name} ${records.length}`);
  }
  return copied;
}

export async function migrateData(options: MigrateDataOptions): Promise<MigrationResult> {
  const from = resolve(options.from);
  const dataDir = resolve(options.dataDir ?? from);
  const progress = options.progress ?? (() => undefined);
  await assertWorkspace(from);
  const lock = await lockDataDir(from, 'a data migration');
  let source: SourceWorkspace | null = null;
  let documents: PostgresDocumentStore | null = null;
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 4 });
  try {
    source = await openSourceWorkspace(from);
    const unknown = source.metadata.collectionNames().filter((name) => !isCollectionName(name));
    if (unknown.length > 0)
      throw new MigrationRefused(`the workspace holds collections this version does not know: ${unknown.join(', ')}`);
    await checkKeptFilesTarget(from, dataDir);
    const held = Object.entries(await storedRows(pool)).filter(([, rows]) => rows > 0);
    if (held.length > 0)
      throw new MigrationRefused(
        `the database already holds data (${held.map(([table, rows]) => `${table}: ${rows} rows`).join(', ')}): migrate into an empty database`,
      );
    const applied = await migrate(pool);
    progress(applied.length > 0 ? `schema: applied ${applied.join(', ')}` : 'schema: up to date');

    const metadata = await PostgresMetadataStore.open(pool);
    documents = new PostgresDocumentStore(pool);
    const snapshots = new PostgresSnapshotStore(pool);
    const blobs = new PostgresBlobStore(pool);
    const collections = await copyMetadata(source, metadata, progress);
    await metadata.close();

    const total = source.documentIds.length;
    let copiedDocuments = 0;
    for (const [i, id] of source.documentIds.entries()) {
      const imported = await source.importedDocument(id);
      if (imported) {
        await documents.importDocument(id, imported);
        copiedDocuments++;
      }
      if (reportable(i + 1, total)) progress(`documents ${i + 1}/${total}`);
    }
    for (const [i, id] of source.snapshotIds.entries()) {
      const snapshot = await source.snapshots.load(id);
      if (snapshot) await snapshots.save(snapshot);
      if (reportable(i + 1, source.snapshotIds.length)) progress(`snapshots ${i + 1}/${source.snapshotIds.length}`);
    }
    for (const [i, key] of source.blobKeys.entries()) {
      const data = await source.blobs.get(key);
      if (data) await blobs.put(key, data);
      if (reportable(i + 1, source.blobKeys.length)) progress(`stored files ${i + 1}/${source.blobKeys.length}`);
    }
    const files = await copyKeptFiles(from, dataDir);
    for (const f of files) progress(`files: ${f.folder}/ (${f.files}) copied to ${dataDir}`);

    progress('verifying');
    const verification = await verifyMigration(source, { pool, documents, snapshots, blobs });
    return {
      collections,
      documents: copiedDocuments,
      snapshots: source.snapshotIds.length,
      blobs: source.blobKeys.length,
      files,
      verification,
    };
  } finally {
    await documents?.close();
    await source?.close();
    await pool.end();
    await lock.release();
  }
}
