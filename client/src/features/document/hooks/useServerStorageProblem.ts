import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { isServerPresence } from '@shared/collab/serverPresence';

/** The server's presence says since when it cannot store this document's changes (read from the network: checked). */
function readSince(awareness: Awareness): string | null {
  for (const state of awareness.getStates().values()) {
    if (!isServerPresence(state)) continue;
    const storage: unknown = state.storage;
    if (typeof storage === 'object' && storage !== null) {
      const since: unknown = (storage as { since?: unknown }).since;
      if (typeof since === 'string') return since;
    }
  }
  return null;
}

/** Since when the server has been failing to store this document (it keeps retrying), or null while storing works. */
export function useServerStorageProblem(awareness: Awareness): string | null {
  const [since, setSince] = useState(() => readSince(awareness));
  useEffect(() => {
    // Awareness changes with every caret move: the state only changes when the answer does.
    const refresh = () => setSince(readSince(awareness));
    refresh();
    awareness.on('change', refresh);
    return () => awareness.off('change', refresh);
  }, [awareness]);
  return since;
}
