/** A value read from a live document is read again only after the document changed. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LiveMemo } from '../../server/versions/diff/liveMemo.js';

describe('LiveMemo', () => {
  it('reads a document once per change', () => {
    let reads = 0;
    const memo = new LiveMemo((doc: Y.Doc) => {
      reads += 1;
      return doc.getText('t').toString();
    });
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'ab');
    expect(memo.get(doc)).toBe('ab');
    expect(memo.get(doc)).toBe('ab');
    expect(reads).toBe(1);

    doc.getText('t').delete(0, 1);
    expect(memo.get(doc)).toBe('b');
    expect(reads).toBe(2);

    // a change from another replica counts as well
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    other.getText('t').insert(1, 'c');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    expect(memo.get(doc)).toBe('bc');
    expect(memo.get(doc)).toBe('bc');
    expect(reads).toBe(3);
  });
});
