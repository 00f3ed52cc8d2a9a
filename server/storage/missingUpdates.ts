/**
 * What of some attributed updates a document's stored state lacks (`DocumentStore.appendMissing`):
 * each update is applied in turn to a copy of the stored state, and what it changed (new items, new
 * deletions) is kept with its author and time; an update already in the state changes nothing and
 * is left out. Once an update cannot be integrated (it depends on items neither the state nor an
 * earlier update holds), it and those after it are kept whole: storing an update twice is harmless (Yjs skips what it has),
 * losing one is not.
 */
import * as Y from 'yjs';
import type { StoredUpdate } from './types.js';

export function missingUpdates(state: Uint8Array | null, updates: StoredUpdate[]): StoredUpdate[] {
  const doc = new Y.Doc();
  try {
    if (state) Y.applyUpdate(doc, state);
    const missing: StoredUpdate[] = [];
    for (const change of updates) {
      const parts: Uint8Array[] = [];
      const collect = (update: Uint8Array): void => {
        parts.push(update);
      };
      doc.on('update', collect);
      try {
        Y.applyUpdate(doc, change.update);
      } finally {
        doc.off('update', collect);
      }
      // Something waits for items that are not there: keep this update whole (and every later one).
      if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) missing.push(change);
      else if (parts.length > 0)
        missing.push({ ...change, update: parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts) });
    }
    return missing;
  } finally {
    doc.destroy();
  }
}
