import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { readSnapshot, serverState } from '../lib/readCheckerState';
import type { CheckerSnapshot } from '../lib/readCheckerState';
import { reuseFindings } from '../lib/stableFindings';

export interface ServerCheckerState {
  snapshot: CheckerSnapshot | null;
  /** The server's entry is gone (offline): the snapshot is the last one received. */
  stale: boolean;
}

/** `next`, its findings keeping the objects of `previous` that say the same (see reuseFindings). */
function withPreviousFindings(previous: CheckerSnapshot | null, next: CheckerSnapshot): CheckerSnapshot {
  if (!previous) return next;
  const findings = reuseFindings(previous.result.findings, next.result.findings);
  return { ...next, result: { ...next.result, findings } };
}

/** The drafting checker's findings as the server pushes them (awareness), live. */
export function useServerChecker(awareness: Awareness): ServerCheckerState {
  const [state, setState] = useState<ServerCheckerState>(() => ({
    snapshot: readSnapshot(serverState(awareness)),
    stale: false,
  }));
  useEffect(() => {
    // Awareness changes with every caret move of every collaborator: parse only a new server state.
    let lastRaw: object | null | undefined;
    const refresh = () => {
      const raw = serverState(awareness);
      if (raw === lastRaw) return;
      lastRaw = raw;
      const snapshot = readSnapshot(raw);
      setState((current) => {
        if (snapshot) return { snapshot: withPreviousFindings(current.snapshot, snapshot), stale: false };
        return current.snapshot ? { snapshot: current.snapshot, stale: true } : current;
      });
    };
    refresh();
    awareness.on('change', refresh);
    return () => awareness.off('change', refresh);
  }, [awareness]);
  return state;
}
