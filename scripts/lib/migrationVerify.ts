/**
 * The check at the end of a data migration: every collection has as many records in PostgreSQL as in
 * the source; every document has the same state vector (of the loaded document) and the same history
 * windows (count, and each window's author, times and place); every snapshot the same state; every
 * blob (submission packages…) the same bytes.
 */
import { Buffer } from 'node:buffer';
import type { Pool } from 'pg';
import * as Y from 'yjs';
import { COLLECTION_NAMES } from '../../server/storage/collectionNames.js';
import { PostgresMetadataStore } from '../../server/storage/postgres/PostgresMetadataStore.js';
import type { BlobStore, DocumentStore, SnapshotStore } from '../../server/storage/types.js';
import type { SourceWorkspace } from './migrationSource.js';

export interface CollectionCheck {
  name: string;
  source: number;
  target: number;
  ok: boolean;
}

export interface DocumentCheck {
  id: string;
  sourceWindows: number;
  targetWindows: number;
  /** The windows' authors, times and places are the same (not only their number). */
  sameWindows: boolean;
  sameStateVector: boolean;
  ok: boolean;
}

/** Snapshots or blobs: how many on each side, and those that differ. */
export interface SetCheck {
  source: number;
  target: number;
  /** Ids of snapshots missing in the target or with another state. */
  different: string[];
  ok: boolean;
}

export interface Verification {
  collections: CollectionCheck[];
  documents: DocumentCheck[];
  snapshots: SetCheck;
  blobs: SetCheck;
  ok: boolean;
}

export interface TargetStores {
  pool: Pool;
  documents: DocumentStore;
  snapshots: SnapshotStore;
  blobs: BlobStore;
}

async function stateVector(store: DocumentStore, documentId: string): Promise<Uint8Array | null> {
  const state = await store.loadState(documentId);
  if (!state) return null;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const vector = Y.encodeStateVector(doc);
  doc.destroy();
  return vector;
}

const sameBytes = (a: Uint8Array | null, b: Uint8Array | null): boolean =>
  a === null || b === null ? a === b : Buffer.compare(a, b) === 0;

/** JSON with object keys sorted (PostgreSQL's jsonb does not keep their order). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

async function windowKeys(store: DocumentStore, documentId: string): Promise<string[]> {
  const entries = await store.historySince(documentId, null);
  return entries.map((e) => [e.generation, e.index, e.sealed, e.count, e.userId, e.from, e.to].join(' '));
}

export async function checkDocument(source: DocumentStore, target: DocumentStore, id: string): Promise<DocumentCheck> {
  const [sourceWindows, targetWindows] = [await windowKeys(source, id), await windowKeys(target, id)];
  const sameWindows = sourceWindows.join('\n') === targetWindows.join('\n');
  const sameStateVector = sameBytes(await stateVector(source, id), await stateVector(target, id));
  return {
    id,
    sourceWindows: sourceWindows.length,
    targetWindows: targetWindows.length,
    sameWindows,
    sameStateVector,
    ok: sameWindows && sameStateVector,
  };
}

async function checkBlobs(source: SourceWorkspace, target: TargetStores): Promise<SetCheck> {
  const different: string[] = [];
  for (const key of source.blobKeys) {
    if (!sameBytes(await source.blobs.get(key), await target.blobs.get(key))) different.push(key);
  }
  const counted = await target.pool.query<{ count: string }>('SELECT count(*) AS count FROM blobs');
  const inTarget = Number(counted.rows[0]?.count ?? 0);
  return {
    source: source.blobKeys.length,
    target: inTarget,
    different,
    ok: different.length === 0 && inTarget === source.blobKeys.length,
  };
}

export async function verifyMigration(source: SourceWorkspace, target: TargetStores): Promise<Verification> {
  // What the database holds, read anew (not the memory of the store that wrote it).
  const stored = await PostgresMetadataStore.open(target.pool);
  const collections = COLLECTION_NAMES.map((name) => {
    const inSource = source.metadata.collection(name).findMany().length;
    const inTarget = stored.collection(name).findMany().length;
    return { name, source: inSource, target: inTarget, ok: inSource === inTarget };
  });
  await stored.close();

  const documents: DocumentCheck[] = [];
  for (const id of source.documentIds) documents.push(await checkDocument(source.documents, target.documents, id));

  const different: string[] = [];
  for (const id of source.snapshotIds) {
    const [a, b] = [await source.snapshots.load(id), await target.snapshots.load(id)];
    if (!a || !b || !sameBytes(a.state, b.state) || canonical(a.json) !== canonical(b.json)) different.push(id);
  }
  const counted = await target.pool.query<{ count: string }>('SELECT count(*) AS count FROM snapshots');
  const targetSnapshots = Number(counted.rows[0]?.count ?? 0);
  const snapshots = {
    source: source.snapshotIds.length,
    target: targetSnapshots,
    different,
    ok: different.length === 0 && targetSnapshots === source.snapshotIds.length,
  };
  const blobs = await checkBlobs(source, target);
  return {
    collections,
    documents,
    snapshots,
    blobs,
    ok: collections.every((c) => c.ok) && documents.every((d) => d.ok) && snapshots.ok && blobs.ok,
  };
}
