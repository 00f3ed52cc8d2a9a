import type { OutlineEntry } from './outlineEntries';

function sameShown(a: OutlineEntry, b: OutlineEntry): boolean {
  return (
    a.id === b.id &&
    a.kind === b.kind &&
    a.label === b.label &&
    a.title === b.title &&
    a.depth === b.depth &&
    a.annexType === b.annexType &&
    a.inAnnex === b.inAnnex
  );
}

/**
 * `next`, with each entry that shows the same as the entry of the same key in `previous` replaced
 * by that previous object, so memoized rows re-render only for entries that changed. A reused entry
 * keeps its older `pos` (jumps resolve the current position, see `entryPosition`).
 */
export function reuseEntries(previous: readonly OutlineEntry[], next: OutlineEntry[]): readonly OutlineEntry[] {
  if (previous.length === 0) return next;
  const byKey = new Map(previous.map((entry) => [entry.key, entry]));
  const reused = next.map((entry) => {
    const old = byKey.get(entry.key);
    return old && sameShown(old, entry) ? old : entry;
  });
  const unchanged = reused.length === previous.length && reused.every((entry, i) => entry === previous[i]);
  return unchanged ? previous : reused;
}
