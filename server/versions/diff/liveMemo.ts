/**
 * A value read from a live document, kept until the document changes: the next update of that
 * Y.Doc forgets it. Differences against the live text (and the project's indicator links) read the
 * same unchanged document again and again; this reads it once per change.
 */
import type * as Y from 'yjs';

export class LiveMemo<T> {
  /** Per document: the value, or null once an update made it stale. */
  private readonly values = new WeakMap<Y.Doc, { value: T } | null>();

  constructor(private readonly read: (doc: Y.Doc) => T) {}

  get(doc: Y.Doc): T {
    const slot = this.values.get(doc);
    if (slot) return slot.value;
    if (slot === undefined) doc.on('update', () => this.values.set(doc, null));
    const value = this.read(doc);
    this.values.set(doc, { value });
    return value;
  }
}
