/**
 * The history index over the real file store: entries per person even when people type at the same
 * time, the stored windows never mix two people, and the same history comes out whether the index
 * read single updates, compacted windows or a mix (compaction between two reads), across restarts,
 * and when it is rebuilt from nothing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { writeJSONToYDoc } from '@shared/editor/yjsContent.js';
import { FileDocumentStore } from '../../server/storage/files/FileDocumentStore.js';
import type { StoredUpdate } from '../../server/storage/types.js';
import { HistoryIndexFiles } from '../../server/history/HistoryIndexFiles.js';
import { HistoryIndexer } from '../../server/history/HistoryIndexer.js';
import type { HistoryRecord } from '../../server/history/historyRecords.js';
import { createLogger } from '../../server/logger.js';
import { chapter, clause, doc, p } from '../editor/fixtures.js';
import { backspace, typeInto } from './yTyping.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zm-history-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Two minutes before the people below type: their entries are still open when read (as live ones are). */
const T0 = Date.now() - 130_000;

function base(): Y.Doc {
  const source = new Y.Doc();
  writeJSONToYDoc(
    source,
    doc(
      chapter(
        'chapter5',
        'other',
        '要求',
        clause('clause51', '外观', p('外观')),
        clause('clause52', '尺寸', p('尺寸')),
      ),
    ),
  );
  return source;
}

function peer(source: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(source));
  return copy;
}

/** Alice types into 5.1 and Bob into 5.2 at the same time: their updates interleave, one a second. */
function interleaved(): StoredUpdate[] {
  const source = base();
  const alice = peer(source);
  const bob = peer(source);
  const a = typeInto(alice, 'clause51', '表面应光洁无划痕');
  const b = typeInto(bob, 'clause52', '尺寸偏差±1mm');
  const stored: StoredUpdate[] = [{ update: Y.encodeStateAsUpdate(source), userId: 'lead', at: T0 }];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i]) stored.push({ update: a[i]!, userId: 'alice', at: T0 + 120_000 + i * 1000 });
    if (b[i]) stored.push({ update: b[i]!, userId: 'bob', at: T0 + 120_000 + i * 1000 + 500 });
  }
  return stored;
}

function indexer(store: FileDocumentStore): HistoryIndexer {
  return new HistoryIndexer({
    files: new HistoryIndexFiles(join(dir, 'history')),
    store,
    log: createLogger('silent'),
    organizationOf: (userId) => `org-${userId}`,
    onChanged: () => undefined,
  });
}

/** The index's entries (newest first), without their ids. */
async function entriesOf(history: HistoryIndexer): Promise<Omit<HistoryRecord, 'id'>[]> {
  return history.read('d', (index) => index.entries().map(({ record: { id: _id, ...rest } }) => rest));
}

describe('the history index', () => {
  it('gives each person one entry while they type at the same time, with exactly their clause', async () => {
    const store = new FileDocumentStore(join(dir, 'docs'), { compaction: 'inline' });
    await store.append('d', interleaved());
    const history = indexer(store);
    const entries = await entriesOf(history);
    expect(entries.map((e) => e.userId)).toEqual(['bob', 'alice', 'lead']);
    const alice = entries.find((e) => e.userId === 'alice')!;
    const bob = entries.find((e) => e.userId === 'bob')!;
    expect(alice.targets).toEqual([{ key: 'clause51', nodeType: 'clause', path: ['chapter5'], added: 8, removed: 0 }]);
    expect(bob.targets).toEqual([{ key: 'clause52', nodeType: 'clause', path: ['chapter5'], added: 8, removed: 0 }]);
    expect(alice).toMatchObject({ organizationId: 'org-alice', updates: 8, from: T0 + 120_000, to: T0 + 127_000 });
    // the lead's creation of the document: every chapter inserted
    expect(entries[2]!.structure.map((s) => [s.key, s.change])).toEqual([['chapter5', 'inserted']]);
    await history.close();
    await store.close();
  });

  it('compaction never puts two people into one stored window', async () => {
    const store = new FileDocumentStore(join(dir, 'docs'), { compaction: 'inline' });
    const updates = interleaved();
    await store.append('d', updates);
    await store.compact('d');
    const windows = await store.history('d');
    expect(windows.reduce((n, w) => n + w.count, 0)).toBe(updates.length);
    const clientsOf = (userId: string): Set<number> =>
      new Set(updates.filter((u) => u.userId === userId).flatMap((u) => [...Y.parseUpdateMeta(u.update).to.keys()]));
    for (const window of windows) {
      // every struct of a window was sent by the window's user
      const clients = [...Y.parseUpdateMeta(window.update).to.keys()];
      const own = clientsOf(window.userId);
      expect(clients.every((c) => own.has(c))).toBe(true);
    }
    await store.close();
  });

  it('reads the same history from single updates, from compacted windows and across a compaction', async () => {
    const updates = interleaved();
    const results: Omit<HistoryRecord, 'id'>[][] = [];
    const ids: string[][] = [];
    for (const mode of ['log', 'compacted', 'straddling'] as const) {
      const root = join(dir, mode);
      const store = new FileDocumentStore(root, { compaction: 'inline' });
      const history = new HistoryIndexer({
        files: new HistoryIndexFiles(join(root, 'history')),
        store,
        log: createLogger('silent'),
        organizationOf: (userId) => `org-${userId}`,
        onChanged: () => undefined,
      });
      if (mode === 'straddling') {
        await store.append('d', updates.slice(0, 7));
        await history.read('d', () => null);
        await store.append('d', updates.slice(7));
        await store.compact('d');
      } else {
        await store.append('d', updates);
        if (mode === 'compacted') await store.compact('d');
      }
      results.push(await entriesOf(history));
      ids.push(await history.read('d', (index) => index.entries().map((e) => e.record.id)));
      await history.close();
      await store.close();
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
    expect(ids[2]).toEqual(ids[0]);
  });

  it('keeps its entries across a restart and continues from where it was', async () => {
    const store = new FileDocumentStore(join(dir, 'docs'), { compaction: 'inline' });
    const updates = interleaved();
    await store.append('d', updates);
    const first = indexer(store);
    const before = await entriesOf(first);
    await first.close();

    const source = new Y.Doc();
    for (const u of updates) Y.applyUpdate(source, u.update);
    const later = typeInto(source, 'clause51', '。').map((update) => ({ update, userId: 'alice', at: T0 + 3_600_000 }));
    const erased = backspace(source, 'clause52', 2).map((update) => ({ update, userId: 'bob', at: T0 + 3_600_500 }));
    await store.append('d', [...later, ...erased]);
    await store.compact('d');

    const second = indexer(store);
    const after = await entriesOf(second);
    expect(after.slice(2)).toEqual(before);
    expect(after[0]).toMatchObject({ userId: 'bob', targets: [{ key: 'clause52', added: 0, removed: 2 }] });
    expect(after[1]).toMatchObject({ userId: 'alice', targets: [{ key: 'clause51', added: 1, removed: 0 }] });
    await second.close();
    await store.close();
  });

  it('builds the indexes never saved in the background, the same as a request would, and only those', async () => {
    const store = new FileDocumentStore(join(dir, 'docs'), { compaction: 'inline' });
    await store.append('d', interleaved());
    const expected = await entriesOf(indexer(store));
    await rm(join(dir, 'history'), { recursive: true, force: true });

    const files = new HistoryIndexFiles(join(dir, 'history'));
    const history = indexer(store);
    expect(await files.exists('d')).toBe(false);
    expect(await history.buildMissing(['d'])).toBe(1);
    // saved at once, and a request reads what was built
    expect(await files.exists('d')).toBe(true);
    expect(await entriesOf(history)).toEqual(expected);
    await history.close();

    const restarted = indexer(store);
    expect(await restarted.buildMissing(['d'])).toBe(0);
    expect(await entriesOf(restarted)).toEqual(expected);
    await restarted.close();
    await store.close();
  });

  it('a pause of more than a minute starts a new entry; an entry spans at most ten minutes', async () => {
    const source = base();
    const typed = typeInto(peer(source), 'clause51', 'abcdefghijklmnopq');
    // 3 changes; a pause of 70 s; 13 changes 50 s apart (600 s); one more 50 s later, past ten minutes
    const seconds = [0, 10, 20, ...Array.from({ length: 13 }, (_, i) => 90 + i * 50), 740];
    const times = seconds.map((s) => T0 + s * 1000);
    const store = new FileDocumentStore(join(dir, 'docs'), { compaction: 'inline' });
    await store.append('d', [
      { update: Y.encodeStateAsUpdate(source), userId: 'lead', at: T0 - 100_000 },
      ...typed.map((update, i) => ({ update, userId: 'alice', at: times[i]! })),
    ]);
    const history = indexer(store);
    const alice = (await entriesOf(history)).filter((e) => e.userId === 'alice').reverse();
    expect(alice.map((e) => e.updates)).toEqual([3, 13, 1]);
    expect(alice.map((e) => e.targets[0]?.added)).toEqual([3, 13, 1]);
    await history.close();
    await store.close();
  });
});
