/**
 * The storage contract, run against both backends: the embedded one (lowdb + files) and PostgreSQL.
 * Every collection operation, batches all or none, concurrent writes, a reopen; document append,
 * load, compaction, history and history positions, appending only what is missing; snapshots; blobs;
 * task locks.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import * as Y from 'yjs';
import type { Organization } from '@shared/domain/organization.js';
import type { AuditEntry } from '@shared/domain/project.js';
import { LowdbMetadataStore } from '../../server/storage/lowdb/LowdbMetadataStore.js';
import { FileDocumentStore } from '../../server/storage/files/FileDocumentStore.js';
import { FileSnapshotStore } from '../../server/storage/files/FileSnapshotStore.js';
import { FileBlobStore } from '../../server/storage/files/FileBlobStore.js';
import { ProcessLocks } from '../../server/storage/files/ProcessLocks.js';
import { migrate } from '../../server/storage/postgres/migrations.js';
import { PostgresMetadataStore } from '../../server/storage/postgres/PostgresMetadataStore.js';
import { PostgresDocumentStore } from '../../server/storage/postgres/PostgresDocumentStore.js';
import { PostgresSnapshotStore } from '../../server/storage/postgres/PostgresSnapshotStore.js';
import { PostgresBlobStore } from '../../server/storage/postgres/PostgresBlobStore.js';
import { PostgresLocks } from '../../server/storage/postgres/PostgresLocks.js';
import type {
  BlobStore,
  DocumentStore,
  MetadataStore,
  SnapshotStore,
  StoredUpdate,
  TaskLocks,
} from '../../server/storage/types.js';
import { POSTGRES_SKIP_REASON, startPostgres } from '../helpers/postgres.js';
import type { TestPostgres } from '../helpers/postgres.js';

if (POSTGRES_SKIP_REASON) console.warn(POSTGRES_SKIP_REASON);

/** One backend's stores over one place (a data dir, a database); each open is a new instance over the same data. */
interface Backend {
  metadata(): Promise<MetadataStore>;
  documents(options?: { minCompactBytes?: number }): DocumentStore;
  snapshots(): SnapshotStore;
  blobs(): BlobStore;
  /** Locks as one server process sees them (the embedded store has one process per data dir). */
  locks(): TaskLocks;
  dispose(): Promise<void>;
}

async function filesBackend(): Promise<Backend> {
  const dir = await mkdtemp(join(tmpdir(), 'zm-contract-'));
  return {
    metadata: () => LowdbMetadataStore.open(join(dir, 'metadata.json')),
    documents: (options = {}) => new FileDocumentStore(join(dir, 'documents'), { ...options, compaction: 'inline' }),
    snapshots: () => new FileSnapshotStore(join(dir, 'snapshots')),
    blobs: () => new FileBlobStore(dir),
    locks: (() => {
      const locks = new ProcessLocks();
      return () => locks;
    })(),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

let postgres: TestPostgres | null = null;

async function postgresBackend(): Promise<Backend> {
  if (!postgres) throw new Error('PostgreSQL is not started');
  const pool = new pg.Pool({ connectionString: await postgres.createDatabase(), max: 4 });
  await migrate(pool);
  return {
    metadata: () => PostgresMetadataStore.open(pool),
    documents: (options = {}) => new PostgresDocumentStore(pool, options),
    snapshots: () => new PostgresSnapshotStore(pool),
    blobs: () => new PostgresBlobStore(pool),
    locks: () => new PostgresLocks(pool),
    dispose: () => pool.end(),
  };
}

const org = (id: string, name = id): Organization => ({
  id,
  name,
  creditCode: id,
  kind: 'enterprise',
  createdAt: 'now',
});
const audit = (id: string): AuditEntry => ({ id, projectId: 'p1', actorId: 'u1', action: 'x', at: 'now', detail: {} });

function typeInto(doc: Y.Doc, text: string): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const handler = (u: Uint8Array): void => {
    updates.push(u);
  };
  doc.on('update', handler);
  const ytext = doc.getText('t');
  for (const ch of text) ytext.insert(ytext.length, ch);
  doc.off('update', handler);
  return updates;
}

function textOf(state: Uint8Array | null): string {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return doc.getText('t').toString();
}

const stored = (updates: Uint8Array[], userId: string, at: (i: number) => number): StoredUpdate[] =>
  updates.map((update, i) => ({ update, userId, at: at(i) }));

const backends: { name: string; open: () => Promise<Backend>; skip: boolean }[] = [
  { name: 'lowdb + files', open: filesBackend, skip: false },
  { name: 'PostgreSQL', open: postgresBackend, skip: POSTGRES_SKIP_REASON !== null },
];

beforeAll(async () => {
  if (!POSTGRES_SKIP_REASON) postgres = await startPostgres();
}, 30_000);
afterAll(async () => {
  await postgres?.stop();
});

for (const { name, open, skip } of backends) {
  describe.skipIf(skip)(`storage contract: ${name}`, () => {
    let backend: Backend;
    beforeEach(async () => {
      backend = await open();
    });
    afterEach(async () => {
      await backend.dispose();
    });

    it('every collection operation, read back by a new instance in the same order', async () => {
      const store = await backend.metadata();
      const orgs = store.collection('organizations');
      expect(store.isEmpty()).toBe(true);
      const inserted = await orgs.insert(org('o1', '甲'));
      inserted.name = 'changed by the caller';
      await orgs.insert(org('o2', '乙'));
      await orgs.insert(org('o3', '乙'));
      expect(store.isEmpty()).toBe(false);
      expect(orgs.get('o1')?.name).toBe('甲');
      expect(orgs.findOne({ name: '乙' })?.id).toBe('o2');
      expect(orgs.findMany({ name: '乙' }).map((o) => o.id)).toEqual(['o2', 'o3']);
      const updated = await orgs.update('o1', { name: '甲公司' });
      expect(updated?.name).toBe('甲公司');
      expect(await orgs.update('missing', { name: 'x' })).toBeUndefined();
      expect(await orgs.remove('o2')).toBe(true);
      expect(await orgs.remove('o2')).toBe(false);
      await orgs.insert(org('o4', '丁'));
      await orgs.insert(org('o5', '丁'));
      expect(await orgs.removeWhere({ name: '丁' })).toBe(2);
      await expect(orgs.insert(org('o1'))).rejects.toThrow(/duplicate id o1/);
      await store.collection('audit').insert(audit('a1'));
      await expect(store.collection('audit').update('a1', { action: 'y' })).rejects.toThrow(/append-only/);
      await expect(store.collection('audit').remove('a1')).rejects.toThrow(/append-only/);
      await store.close();
      const reopened = await backend.metadata();
      expect(reopened.collection('organizations').findMany()).toEqual([org('o1', '甲公司'), org('o3', '乙')]);
      expect(reopened.collection('audit').findMany()).toEqual([audit('a1')]);
      await reopened.close();
    });

    it('a batch writes several collections together, or nothing at all', async () => {
      const store = await backend.metadata();
      await store.collection('organizations').insert(org('o1', '甲'));
      await store.batch((batch) => {
        batch.insert('organizations', [org('o2', '乙')]);
        batch.update('organizations', 'o1', { name: '甲公司' });
        batch.insert('audit', [audit('a1')]);
      });
      await expect(
        store.batch((batch) => {
          batch.insert('organizations', [org('o3', '丙')]);
          batch.update('organizations', 'o1', { name: '不该留下' });
          batch.insert('organizations', [org('o1', '重复')]);
        }),
      ).rejects.toThrow(/duplicate id o1/);
      await expect(store.batch((batch) => batch.update('organizations', 'missing', { name: 'x' }))).rejects.toThrow(
        /no missing/,
      );
      await expect(
        store.batch((batch) => {
          batch.insert('organizations', [org('o4', '丁')]);
          throw new Error('the caller gave up');
        }),
      ).rejects.toThrow(/gave up/);
      const expected = [org('o1', '甲公司'), org('o2', '乙')];
      expect(store.collection('organizations').findMany()).toEqual(expected);
      await store.close();
      const reopened = await backend.metadata();
      expect(reopened.collection('organizations').findMany()).toEqual(expected);
      expect(reopened.collection('audit').findMany()).toEqual([audit('a1')]);
      await reopened.close();
    });

    it('concurrent writes all resolve and are all stored', async () => {
      const store = await backend.metadata();
      const orgs = store.collection('organizations');
      await Promise.all(Array.from({ length: 40 }, (_, i) => orgs.insert(org(`o${i}`))));
      await Promise.all([
        ...Array.from({ length: 20 }, (_, i) => orgs.update(`o${i}`, { name: `n${i}` })),
        ...Array.from({ length: 10 }, (_, i) => orgs.remove(`o${39 - i}`)),
        store.batch((b) => b.insert('audit', [audit('a1'), audit('a2')])),
      ]);
      await store.close();
      const reopened = await backend.metadata();
      const names = reopened
        .collection('organizations')
        .findMany()
        .map((o) => o.name);
      expect(names).toEqual([
        ...Array.from({ length: 20 }, (_, i) => `n${i}`),
        ...Array.from({ length: 10 }, (_, i) => `o${20 + i}`),
      ]);
      expect(reopened.collection('audit').findMany()).toHaveLength(2);
      await reopened.close();
    });

    it('appended updates are loaded by a new instance; an unknown document has no state', async () => {
      const store = backend.documents();
      await store.append(
        'doc1',
        stored(typeInto(new Y.Doc(), '浙江制造标准'), 'u1', (i) => 1000 + i),
      );
      await store.close();
      const reopened = backend.documents();
      expect(textOf(await reopened.loadState('doc1'))).toBe('浙江制造标准');
      expect(await reopened.loadState('unknown')).toBeNull();
      expect(await reopened.history('unknown')).toEqual([]);
      await reopened.close();
    });

    it('compacts into per-user history windows and a state, keeping who and when', async () => {
      const store = backend.documents();
      const doc = new Y.Doc();
      await store.append(
        'd',
        stored(typeInto(doc, 'hello '), 'alice', (i) => 1_000 + i * 100),
      );
      await store.append(
        'd',
        stored(typeInto(doc, 'world'), 'bob', (i) => 5_000 + i * 100),
      );
      expect((await store.history('d')).map((h) => h.count)).toEqual(Array.from({ length: 11 }, () => 1));
      await store.compact('d');
      const history = await store.history('d');
      expect(history.map((h) => [h.userId, h.count, h.from, h.to])).toEqual([
        ['alice', 6, 1000, 1500],
        ['bob', 5, 5000, 5400],
      ]);
      const replay = new Y.Doc();
      for (const entry of history) Y.applyUpdate(replay, entry.update);
      expect(replay.getText('t').toString()).toBe('hello world');
      await store.append(
        'd',
        stored(typeInto(doc, '!'), 'alice', () => 9_000),
      );
      await store.close();
      const reopened = backend.documents();
      expect(textOf(await reopened.loadState('d'))).toBe('hello world!');
      expect((await reopened.history('d')).map((h) => h.count)).toEqual([6, 5, 1]);
      await reopened.close();
    });

    it('history positions: a reader gets only what is new, and a window it was inside of whole', async () => {
      const store = backend.documents();
      const doc = new Y.Doc();
      await store.append(
        'd',
        stored(typeInto(doc, 'abc'), 'u', (i) => 1_000 + i),
      );
      const first = await store.historySince('d', null);
      expect(first.map((e) => [e.generation, e.index, e.sealed])).toEqual([
        [1, 0, false],
        [1, 1, false],
        [1, 2, false],
      ]);
      await store.append(
        'd',
        stored(typeInto(doc, 'de'), 'u', (i) => 2_000 + i),
      );
      const since = await store.historySince('d', { generation: 1, count: 3 });
      expect(since.map((e) => [e.generation, e.index, e.count, e.sealed])).toEqual([
        [1, 3, 1, false],
        [1, 4, 1, false],
      ]);
      await store.compact('d');
      await store.append(
        'd',
        stored(typeInto(doc, 'f'), 'v', () => 3_000),
      );
      const after = await store.historySince('d', { generation: 1, count: 5 - 2 });
      expect(after.map((e) => [e.generation, e.index, e.count, e.sealed, e.userId])).toEqual([
        [1, 0, 5, true, 'u'],
        [2, 0, 1, false, 'v'],
      ]);
      expect(await store.historySince('d', { generation: 2, count: 1 })).toEqual([]);
      await store.close();
    });

    it('concurrent appends to one document are all stored, and compaction keeps the log bounded', async () => {
      const store = backend.documents({ minCompactBytes: 512 });
      const doc = new Y.Doc();
      const rounds = Array.from({ length: 30 }, () => typeInto(doc, 'x'.repeat(20)));
      await Promise.all(
        rounds.map((updates, round) =>
          store.append(
            'd',
            stored(updates, `u${round % 3}`, () => round),
          ),
        ),
      );
      await store.release('d');
      await store.close();
      const reopened = backend.documents();
      expect(textOf(await reopened.loadState('d'))).toBe('x'.repeat(600));
      const history = await reopened.history('d');
      expect(history.reduce((n, h) => n + h.count, 0)).toBe(600);
      expect(history.some((h) => h.count > 1)).toBe(true);
      await reopened.close();
    });

    it('appendMissing stores only what the stored state lacks, with its author and time', async () => {
      const store = backend.documents();
      const doc = new Y.Doc();
      const first = typeInto(doc, 'ab');
      await store.append(
        'd',
        stored(first, 'alice', (i) => 1_000 + i),
      );
      const later = typeInto(doc, 'cd');
      const text = doc.getText('t');
      const deletion: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => deletion.push(u));
      text.delete(0, 1);
      // Already stored (both updates of alice), new (bob's two and a deletion): only the new ones are appended.
      const offered = [
        ...stored(first, 'alice', () => 1),
        ...stored(later, 'bob', (i) => 2_000 + i),
        ...stored(deletion, 'carol', () => 3_000),
      ];
      expect(await store.appendMissing('d', offered)).toBe(3);
      // A second instance offering the same updates stores nothing more.
      const other = backend.documents();
      expect(await other.appendMissing('d', offered)).toBe(0);
      await other.close();
      expect(await store.appendMissing('d', [])).toBe(0);
      expect(textOf(await store.loadState('d'))).toBe('bcd');
      expect((await store.history('d')).map((h) => [h.userId, h.from])).toEqual([
        ['alice', 1_000],
        ['alice', 1_001],
        ['bob', 2_000],
        ['bob', 2_001],
        ['carol', 3_000],
      ]);
      await store.close();
    });

    it('snapshots are stored once, read back whole, and never overwritten', async () => {
      const store = backend.snapshots();
      const state = Y.encodeStateAsUpdate(new Y.Doc());
      const snapshot = {
        id: 's1',
        projectId: 'p1',
        documentId: 'd1',
        createdAt: '2026-01-01T00:00:00.000Z',
        createdBy: 'u1',
        state,
        json: { type: 'doc', content: [{ type: 'paragraph' }] },
      };
      await store.save(snapshot);
      await expect(store.save({ ...snapshot, createdBy: 'u2' })).rejects.toThrow(/already exists/);
      const credits = { leadUnits: ['甲公司'], participatingUnits: [], drafters: ['张三'] };
      await store.save({ ...snapshot, id: 's2', draftingCredits: credits });
      const loaded = await backend.snapshots().load('s1');
      expect(loaded).toEqual(snapshot);
      expect(loaded?.state).toBeInstanceOf(Uint8Array);
      expect((await backend.snapshots().load('s2'))?.draftingCredits).toEqual(credits);
      expect(await backend.snapshots().load('missing')).toBeNull();
    });

    it('blobs are stored whole, replaced atomically, read by a new instance and deleted', async () => {
      const store = backend.blobs();
      const big = new Uint8Array(2 * 1024 * 1024).map((_, i) => (i * 31) % 251);
      const same = (data: Uint8Array | null): boolean => data !== null && Buffer.from(data).equals(big);
      await store.put('submissions/sub_1.zip', big);
      await store.put('package-jobs/pkg_1.zip', new Uint8Array([1, 2, 3]));
      expect(same(await backend.blobs().get('submissions/sub_1.zip'))).toBe(true);
      await store.put('package-jobs/pkg_1.zip', new Uint8Array([4, 5]));
      expect(await backend.blobs().get('package-jobs/pkg_1.zip')).toEqual(new Uint8Array([4, 5]));
      expect(await store.get('package-jobs/missing.zip')).toBeNull();
      await store.delete('package-jobs/pkg_1.zip');
      await store.delete('package-jobs/pkg_1.zip');
      expect(await backend.blobs().get('package-jobs/pkg_1.zip')).toBeNull();
      expect(same(await store.get('submissions/sub_1.zip'))).toBe(true);
      for (const key of ['../escape.zip', 'a/../../b', '/abs.zip', 'a//b', '', 'x y.zip'])
        await expect(store.put(key, big), key).rejects.toThrow(/invalid blob key/);
    });

    it('a task lock has one holder at a time and is free again once released', async () => {
      const locks = backend.locks();
      const release = await locks.tryLock('submission-package:s1');
      expect(release).not.toBeNull();
      expect(await backend.locks().tryLock('submission-package:s1')).toBeNull();
      const other = await backend.locks().tryLock('submission-package:s2');
      expect(other).not.toBeNull();
      await release?.();
      const again = await backend.locks().tryLock('submission-package:s1');
      expect(again).not.toBeNull();
      await again?.();
      await other?.();
    });
  });
}
