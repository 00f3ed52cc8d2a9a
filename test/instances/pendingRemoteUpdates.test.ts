/**
 * The bookkeeping behind cross-instance durability (server/redis): updates heard from another
 * instance stay pending until its `stored` confirmation covers them, and are taken out to be stored
 * here once unconfirmed for the timeout; `missingUpdates` reduces them to what the stored state
 * lacks, so a second instance (or a sender that was only slow) stores nothing twice.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PendingRemoteUpdates } from '../../server/redis/PendingRemoteUpdates.js';
import type { PendingRemoteUpdate } from '../../server/redis/PendingRemoteUpdates.js';
import { missingUpdates } from '../../server/storage/missingUpdates.js';

const heard = (seq: number, receivedAt: number): PendingRemoteUpdate => ({
  seq,
  change: { update: new Uint8Array([seq]), userId: `u${seq}`, at: 1_000 + seq },
  receivedAt,
});

/** The updates of typing `text` into a document, one per character. */
function typeInto(doc: Y.Doc, text: string): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const collect = (u: Uint8Array): void => {
    updates.push(u);
  };
  doc.on('update', collect);
  for (const ch of text) doc.getText('t').insert(doc.getText('t').length, ch);
  doc.off('update', collect);
  return updates;
}

describe('pending remote updates', () => {
  it('a confirmation removes what it covers, of that document and that instance only', () => {
    const pending = new PendingRemoteUpdates(5_000);
    for (const seq of [1, 2, 3]) pending.add('d1', 'A', heard(seq, 0));
    pending.add('d2', 'A', heard(4, 0));
    pending.add('d1', 'C', heard(2, 0));
    pending.confirm('d1', 'A', 2);
    expect(pending.size).toBe(3);
    // What is relayed to an instance that loads d1 (still pending, by the instance that accepted it).
    expect(pending.of('d1').map((g) => [g.source, g.updates.map((u) => u.seq)])).toEqual([
      ['A', [3]],
      ['C', [2]],
    ]);
    expect(pending.takeExpired(5_000).map((g) => [g.documentId, g.source, g.updates.map((u) => u.seq)])).toEqual([
      ['d1', 'A', [3]],
      ['d2', 'A', [4]],
      ['d1', 'C', [2]],
    ]);
    expect(pending.size).toBe(0);
  });

  it('takes out only what waited for the timeout, oldest first, once', () => {
    const pending = new PendingRemoteUpdates(5_000);
    pending.add('d', 'A', heard(1, 100));
    pending.add('d', 'A', heard(2, 200));
    pending.add('d', 'A', heard(3, 4_000));
    expect(pending.takeExpired(5_099)).toEqual([]);
    const expired = pending.takeExpired(5_200);
    expect(expired.map((g) => g.updates.map((u) => [u.seq, u.change.userId, u.change.at]))).toEqual([
      [
        [1, 'u1', 1_001],
        [2, 'u2', 1_002],
      ],
    ]);
    expect(pending.takeExpired(5_200)).toEqual([]);
    // A confirmation arriving late removes the rest; nothing expires afterwards.
    pending.confirm('d', 'A', 3);
    expect(pending.takeExpired(100_000)).toEqual([]);
  });

  it('keeps what a confirmation does not cover: a confirmation of another instance, or of earlier updates', () => {
    const pending = new PendingRemoteUpdates(1_000);
    pending.add('d', 'A', heard(7, 0));
    pending.confirm('d', 'B', 7);
    pending.confirm('d', 'A', 6);
    expect(pending.takeExpired(1_000).flatMap((g) => g.updates.map((u) => u.seq))).toEqual([7]);
  });
});

describe('missingUpdates', () => {
  it('keeps, with author and time, only what the stored state lacks', () => {
    const doc = new Y.Doc();
    const stored = typeInto(doc, 'ab');
    const fresh = typeInto(doc, 'cd');
    const state = Y.mergeUpdates(stored);
    const offered = [
      { update: stored[0]!, userId: 'alice', at: 1 },
      { update: fresh[0]!, userId: 'bob', at: 2 },
      { update: stored[1]!, userId: 'alice', at: 3 },
      { update: fresh[1]!, userId: 'bob', at: 4 },
    ];
    const missing = missingUpdates(state, offered);
    expect(missing.map((m) => [m.userId, m.at])).toEqual([
      ['bob', 2],
      ['bob', 4],
    ]);
    const replay = new Y.Doc();
    Y.applyUpdate(replay, state);
    for (const m of missing) Y.applyUpdate(replay, m.update);
    expect(replay.getText('t').toString()).toBe('abcd');
    // Everything stored: nothing is missing; nothing stored: everything is.
    expect(missingUpdates(Y.encodeStateAsUpdate(doc), offered)).toEqual([]);
    expect(missingUpdates(null, offered.slice(0, 2)).map((m) => m.userId)).toEqual(['alice', 'bob']);
  });

  it('a deletion is missing until the stored state has it', () => {
    const doc = new Y.Doc();
    const typed = typeInto(doc, 'abc');
    const deletions: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => deletions.push(u));
    doc.getText('t').delete(1, 1);
    const deletion = { update: deletions[0]!, userId: 'carol', at: 9 };
    expect(missingUpdates(Y.mergeUpdates(typed), [deletion])).toHaveLength(1);
    expect(missingUpdates(Y.encodeStateAsUpdate(doc), [deletion])).toEqual([]);
  });

  it('keeps whole an update that depends on items the state lacks (stored twice rather than lost)', () => {
    const doc = new Y.Doc();
    const typed = typeInto(doc, 'abc');
    const missing = missingUpdates(null, [{ update: typed[2]!, userId: 'dan', at: 5 }]);
    expect(missing).toEqual([{ update: typed[2]!, userId: 'dan', at: 5 }]);
  });
});
