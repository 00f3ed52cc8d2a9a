/**
 * Reading ahead in the difference worker: once a version's state and the history were prepared (as
 * when a version is named or the versions are listed), a difference uses what was read then — it
 * gives the same answer without reading the states or the history again.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { writeJSONToYDoc } from '@shared/editor/yjsContent.js';
import { DiffComputer } from '../../server/versions/diff/DiffComputer.js';
import { historyKey } from '../../server/versions/diff/changeAuthors.js';
import type { DiffRequest } from '../../server/versions/diff/diffMessages.js';
import type { HistoryEntry } from '../../server/storage/types.js';
import { chapter, clause, doc, p } from '../editor/fixtures.js';
import { backspace, typeInto } from '../history/yTyping.js';

function twoStates(): { from: Uint8Array; to: Uint8Array; entries: HistoryEntry[] } {
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
  const from = Y.encodeStateAsUpdate(source);
  const entries: HistoryEntry[] = [{ update: from, userId: 'lead', from: 1, to: 1, count: 1 }];
  const typed = typeInto(source, 'clause51', '应光洁');
  const erased = backspace(source, 'clause52', 1);
  entries.push({ update: Y.mergeUpdates(typed), userId: 'alice', from: 2, to: 3, count: typed.length });
  entries.push({ update: Y.mergeUpdates(erased), userId: 'bob', from: 4, to: 4, count: erased.length });
  return { from, to: Y.encodeStateAsUpdate(source), entries };
}

function request(from: Uint8Array, to: Uint8Array, entries: HistoryEntry[], key: string): DiffRequest {
  return {
    documentId: 'd',
    from: { key: 'v1', state: from },
    to: { key: 'v2', state: to },
    history: { key, entries },
    standard: null,
    linkedCells: [],
  };
}

describe('the difference worker reads ahead', () => {
  it('answers from the states and the history it prepared', () => {
    const { from, to, entries } = twoStates();
    const key = historyKey(entries);
    const expected = new DiffComputer().compute(request(from, to, entries, key));
    expect(expected.counts).toMatchObject({ inserted: 3, deleted: 1 });
    expect(expected.authorIds.sort()).toEqual(['alice', 'bob']);

    const computer = new DiffComputer();
    computer.prepare({
      documentId: 'd',
      states: [
        { key: 'v1', state: from },
        { key: 'v2', state: to },
      ],
      history: { key, entries },
    });
    // Nothing to read in the request itself: only what was prepared can give the answer.
    const empty = Y.encodeStateAsUpdate(new Y.Doc());
    expect(computer.compute(request(empty, empty, [], key))).toEqual(expected);
  });
});

describe('the difference worker keeps its last differences', () => {
  it('answers the same inputs from what it computed, and computes again when the history changed', () => {
    const { from, to, entries } = twoStates();
    const computer = new DiffComputer();
    const first = computer.compute(request(from, to, entries, historyKey(entries)));
    expect(computer.compute(request(from, to, entries, historyKey(entries)))).toBe(first);
    // a compaction (or new changes) gives another history key: computed again, the same answer
    const again = computer.compute(request(from, to, entries, `${historyKey(entries)}\ncompacted`));
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});
