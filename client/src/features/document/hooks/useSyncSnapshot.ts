import { useSyncExternalStore } from 'react';
import type { ConnectionState, SyncSnapshot, SyncTracker } from '../lib/SyncTracker';

/** The connection state and the unsynced flag of a document, re-rendering on every change of either. */
export function useSyncSnapshot(tracker: SyncTracker): SyncSnapshot {
  return useSyncExternalStore(tracker.subscribe, tracker.getSnapshot);
}

/**
 * The connection state alone: re-renders when it changes, not when the unsynced flag flips (which
 * it does twice a keystroke while typing: changed, then acknowledged).
 */
export function useConnectionState(tracker: SyncTracker): ConnectionState {
  return useSyncExternalStore(tracker.subscribe, () => tracker.getSnapshot().connection);
}
