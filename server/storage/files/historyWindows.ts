/**
 * History compaction: consecutive updates of the same user are merged into one entry while the gap
 * between them is short and the window stays bounded. This keeps who-changed-what-when at the
 * granularity a reviewer reads (editing sessions of minutes), while storage no longer grows per
 * keystroke.
 */
import { mergeUpdatesChunked } from './mergeUpdates.js';
import type { HistoryEntry, StoredUpdate } from '../types.js';

export interface WindowPolicy {
  /** Updates further apart than this start a new entry. */
  maxGapMs: number;
  /** No entry spans longer than this. */
  maxSpanMs: number;
}

export const DEFAULT_WINDOW_POLICY: WindowPolicy = { maxGapMs: 60_000, maxSpanMs: 10 * 60_000 };

export function mergeIntoWindows(
  updates: StoredUpdate[],
  policy: WindowPolicy = DEFAULT_WINDOW_POLICY,
): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  let open: { userId: string; from: number; to: number; parts: Uint8Array[] } | null = null;
  const close = (): void => {
    if (!open) return;
    const update = open.parts.length === 1 ? open.parts[0]! : mergeUpdatesChunked(open.parts);
    entries.push({ userId: open.userId, from: open.from, to: open.to, count: open.parts.length, update });
    open = null;
  };
  for (const u of updates) {
    if (open && (open.userId !== u.userId || u.at - open.to > policy.maxGapMs || u.at - open.from > policy.maxSpanMs)) {
      close();
    }
    if (!open) open = { userId: u.userId, from: u.at, to: u.at, parts: [] };
    open.parts.push(u.update);
    open.to = Math.max(open.to, u.at);
  }
  close();
  return entries;
}
