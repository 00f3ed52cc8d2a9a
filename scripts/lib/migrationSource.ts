/**
 * The embedded workspace a data migration copies from (`DATA_DIR`: metadata.json and metadata/,
 * documents/, snapshots/, and the blobs: submission packages and package jobs' zips), read through
 * the embedded stores themselves. The stores are given a
 * write guard that refuses every write, so the migration leaves the workspace as it found it (the
 * metadata store's checkpoint at close is skipped).
 */
import { access, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { FileBlobStore } from '../../server/storage/files/FileBlobStore.js';
import { FileDocumentStore } from '../../server/storage/files/FileDocumentStore.js';
import { FileSnapshotStore } from '../../server/storage/files/FileSnapshotStore.js';
import { listFiles } from '../../server/storage/files/documentFiles.js';
import { mergeUpdatesChunked } from '../../server/storage/files/mergeUpdates.js';
import type { WriteGuard } from '../../server/storage/files/writeGuard.js';
import { LowdbMetadataStore } from '../../server/storage/lowdb/LowdbMetadataStore.js';
import type { ImportedDocument } from '../../server/storage/postgres/PostgresDocumentStore.js';
import { MigrationRefused } from './migrationRefused.js';

const READ_ONLY: WriteGuard = (path) => {
  throw new Error(`the data migration does not write to its source (${path})`);
};

const SNAPSHOT_FILE = /^([A-Za-z0-9_-]{1,100})\.json$/;
const DOCUMENT_DIR = /^[A-Za-z0-9_-]{1,128}$/;
/**
 * The folders of blob keys (`<folder>/<name>`): submission packages (server/workflow/SubmissionPackages.ts)
 * and package jobs' zips (server/export/package/PackageJobs.ts). A name starting with `.` is a
 * temporary file of an interrupted write.
 */
export const BLOB_FOLDERS = ['submissions', 'package-jobs'] as const;

export interface SourceWorkspace {
  dataDir: string;
  metadata: LowdbMetadataStore;
  documents: FileDocumentStore;
  snapshots: FileSnapshotStore;
  blobs: FileBlobStore;
  /** The documents with a directory under documents/, sorted. */
  documentIds: string[];
  /** The snapshots under snapshots/, sorted. */
  snapshotIds: string[];
  /** The blobs' keys (`submissions/<id>.zip`, …), sorted. */
  blobKeys: string[];
  /** A document as the PostgreSQL store imports it (null: nothing was ever stored for it). */
  importedDocument(documentId: string): Promise<ImportedDocument | null>;
  close(): Promise<void>;
}

async function names(dir: string, directories: boolean): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((e) => e.isDirectory() === directories)
      .map((e) => e.name)
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Refuses a directory that is not an embedded workspace (no metadata.json). */
export async function assertWorkspace(dataDir: string): Promise<void> {
  const isWorkspace = await access(join(dataDir, 'metadata.json')).then(
    () => true,
    () => false,
  );
  if (!isWorkspace)
    throw new MigrationRefused(`${dataDir} holds no metadata.json: not a data dir of the embedded storage`);
}

export async function openSourceWorkspace(dataDir: string): Promise<SourceWorkspace> {
  await assertWorkspace(dataDir);
  const metadataFile = join(dataDir, 'metadata.json');
  const metadata = await LowdbMetadataStore.open(metadataFile, { guard: READ_ONLY });
  const documentsDir = join(dataDir, 'documents');
  const documents = new FileDocumentStore(documentsDir, { guard: READ_ONLY, compaction: 'inline' });
  const snapshots = new FileSnapshotStore(join(dataDir, 'snapshots'), { guard: READ_ONLY });
  const documentIds = (await names(documentsDir, true)).filter((name) => DOCUMENT_DIR.test(name));
  const snapshotIds = (await names(join(dataDir, 'snapshots'), false))
    .map((name) => SNAPSHOT_FILE.exec(name)?.[1])
    .filter((id): id is string => id !== undefined);
  const blobKeys: string[] = [];
  for (const folder of BLOB_FOLDERS) {
    for (const name of await names(join(dataDir, folder), false))
      if (!name.startsWith('.')) blobKeys.push(`${folder}/${name}`);
  }

  return {
    dataDir,
    metadata,
    documents,
    snapshots,
    documentIds,
    snapshotIds,
    blobs: new FileBlobStore(dataDir, { guard: READ_ONLY }),
    blobKeys,
    async importedDocument(documentId) {
      const entries = await documents.historySince(documentId, null);
      const files = await listFiles(join(documentsDir, documentId));
      // The state covers the compacted generations: state.bin, and segments written after it (a crash
      // between a segment and its state), as the file store loads them.
      const covered = files.snapshot?.generation ?? 0;
      const parts: Uint8Array[] = files.snapshot ? [files.snapshot.state] : [];
      let generation = covered;
      for (const entry of entries) {
        if (!entry.sealed || entry.generation <= covered) continue;
        parts.push(entry.update);
        generation = Math.max(generation, entry.generation);
      }
      if (parts.length === 0 && entries.length === 0) return null;
      const state =
        parts.length === 0 ? null : { generation, state: parts.length === 1 ? parts[0]! : mergeUpdatesChunked(parts) };
      return { state, entries };
    },
    async close() {
      await documents.close();
      await metadata.close();
    },
  };
}
