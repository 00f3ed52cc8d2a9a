import * as Y from 'yjs';

/**
 * Merges many Yjs updates into one. `Y.mergeUpdates` over thousands of small updates at once grows
 * quadratically (seconds for a log of a few thousand keystrokes, blocking the event loop); merging
 * in small chunks and then merging the results gives the same bytes in a fraction of the time.
 */
export function mergeUpdatesChunked(updates: Uint8Array[], chunkSize = 64): Uint8Array {
  if (updates.length === 0) return Y.mergeUpdates([]);
  let level = updates;
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += chunkSize) {
      const chunk = level.slice(i, i + chunkSize);
      next.push(chunk.length === 1 ? chunk[0]! : Y.mergeUpdates(chunk));
    }
    level = next;
  }
  return level[0]!;
}
