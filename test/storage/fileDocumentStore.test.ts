/** The embedded document store against real files: durability, crash safety, compaction, history. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendFile, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { FileDocumentStore } from '../../server/storage/files/FileDocumentStore.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zm-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Types `text` one character per update, as a typist would, returning the updates. */
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

describe('FileDocumentStore', () => {
  it('persists appended updates across instances (real files)', async () => {
    const store = new FileDocumentStore(dir);
    const updates = typeInto(new Y.Doc(), '浙江制造标准');
    await store.append(
      'doc1',
      updates.map((update, i) => ({ update, userId: 'u1', at: 1000 + i })),
    );
    await store.close();
    const reopened = new FileDocumentStore(dir);
    expect(textOf(await reopened.loadState('doc1'))).toBe('浙江制造标准');
    expect(await reopened.loadState('unknown')).toBeNull();
  });

  it('survives a torn write at the end of the log: earlier records stay readable', async () => {
    const store = new FileDocumentStore(dir);
    await store.append(
      'doc1',
      typeInto(new Y.Doc(), 'abc').map((update) => ({ update, userId: 'u1', at: 1 })),
    );
    await store.close();
    const [log] = (await readdir(join(dir, 'doc1'))).filter((f) => f.startsWith('log-'));
    await appendFile(join(dir, 'doc1', log!), Buffer.from([200, 0, 0, 0, 1, 2, 3])); // half a record
    const reopened = new FileDocumentStore(dir);
    expect(textOf(await reopened.loadState('doc1'))).toBe('abc');
    // Appending after recovery works and the torn bytes are gone.
    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await reopened.loadState('doc1'))!);
    await reopened.append(
      'doc1',
      typeInto(doc, 'd').map((update) => ({ update, userId: 'u1', at: 2 })),
    );
    await reopened.close();
    expect(textOf(await new FileDocumentStore(dir).loadState('doc1'))).toBe('abcd');
  });

  it('compacts into per-user history windows and a state snapshot, keeping who and when', async () => {
    const store = new FileDocumentStore(dir);
    const doc = new Y.Doc();
    const first = typeInto(doc, 'hello ');
    const second = typeInto(doc, 'world');
    await store.append(
      'd',
      first.map((update, i) => ({ update, userId: 'alice', at: 1_000 + i * 100 })),
    );
    await store.append(
      'd',
      second.map((update, i) => ({ update, userId: 'bob', at: 5_000 + i * 100 })),
    );
    await store.compact('d');
    const files = await readdir(join(dir, 'd'));
    expect(files).toContain('state.bin');
    expect(files.some((f) => f.startsWith('seg-'))).toBe(true);
    expect(files.some((f) => f.startsWith('log-'))).toBe(false);
    const history = await store.history('d');
    expect(history.map((h) => [h.userId, h.count, h.from, h.to])).toEqual([
      ['alice', 6, 1000, 1500],
      ['bob', 5, 5000, 5400],
    ]);
    expect(textOf(await store.loadState('d'))).toBe('hello world');
  });

  it('compacts in a worker thread to exactly what inline compaction writes', async () => {
    const doc = new Y.Doc();
    const updates = typeInto(doc, '浙江制造标准 worker compaction').map((update, i) => ({
      update,
      userId: i % 2 ? 'a' : 'b',
      at: i * 70_000,
    }));
    const results: Buffer[][] = [];
    for (const compaction of ['worker', 'inline'] as const) {
      const root = join(dir, compaction);
      const store = new FileDocumentStore(root, { compaction });
      await store.append('d', updates);
      await store.compact('d');
      await store.close();
      const files = (await readdir(join(root, 'd'))).filter((f) => !f.startsWith('.')).sort();
      results.push(await Promise.all(files.map((f) => readFile(join(root, 'd', f)))));
    }
    expect(results[0]).toEqual(results[1]);
    expect(textOf(await new FileDocumentStore(join(dir, 'worker')).loadState('d'))).toBe(
      '浙江制造标准 worker compaction',
    );
  });

  it('a stale log left by a crash during compaction is not applied twice into history', async () => {
    const store = new FileDocumentStore(dir);
    const updates = typeInto(new Y.Doc(), 'xyz');
    await store.append(
      'd',
      updates.map((update) => ({ update, userId: 'u', at: 1 })),
    );
    const logName = (await readdir(join(dir, 'd'))).find((f) => f.startsWith('log-'))!;
    const { readFile } = await import('node:fs/promises');
    const logBytes = await readFile(join(dir, 'd', logName));
    await store.compact('d');
    await writeFile(join(dir, 'd', logName), logBytes); // as if the crash came before the log was deleted
    const reopened = new FileDocumentStore(dir);
    expect(textOf(await reopened.loadState('d'))).toBe('xyz');
    expect((await reopened.history('d')).reduce((n, h) => n + h.count, 0)).toBe(3);
  });

  it('compaction keeps the log bounded as editing goes on', async () => {
    const store = new FileDocumentStore(dir, { minCompactBytes: 4096 });
    const doc = new Y.Doc();
    for (let round = 0; round < 20; round++) {
      const updates = typeInto(doc, 'x'.repeat(100));
      await store.append(
        'd',
        updates.map((update) => ({ update, userId: 'u', at: round })),
      );
    }
    const logs = (await readdir(join(dir, 'd'))).filter((f) => f.startsWith('log-'));
    for (const log of logs) expect((await stat(join(dir, 'd', log))).size).toBeLessThan(8192);
    expect(textOf(await store.loadState('d'))).toBe('x'.repeat(2000));
  });

  it('rejects document ids that could escape the data dir', async () => {
    const store = new FileDocumentStore(dir);
    await expect(store.loadState('../etc')).rejects.toThrow(/invalid document id/);
  });
});
