import { useEffect } from 'react';
import type { SyncTracker } from '../lib/SyncTracker';

/**
 * Asks the browser to confirm leaving the page while the document has unsynced edits. The state is
 * read when the page is about to unload, so typing (which flips it twice a keystroke) costs nothing.
 */
export function useBeforeUnloadWarning(tracker: SyncTracker): void {
  useEffect(() => {
    const handler = (event: BeforeUnloadEvent) => {
      if (!tracker.getSnapshot().unsynced) return;
      event.preventDefault();
      // Older browsers need a returnValue to show the prompt; the text itself is not displayed.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', handler);
    return () => window.removeEventListener('beforeunload', handler);
  }, [tracker]);
}
