import { useSyncExternalStore } from 'react';
import type { SyncSnapshot, SyncTracker } from '../lib/SyncTracker';

/** The connection state and the unsynced flag of a document, re-rendering on change. */
export function useSyncSnapshot(tracker: SyncTracker): SyncSnapshot {
  return useSyncExternalStore(tracker.subscribe, tracker.getSnapshot);
}
