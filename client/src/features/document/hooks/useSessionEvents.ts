import { useEffect, useRef } from 'react';
import type { CollaborationSession, SessionEvent } from '../lib/CollaborationSession';

/** Calls `handler` for the session's close events (terminal close codes, access changes). */
export function useSessionEvents(session: CollaborationSession | null, handler: (event: SessionEvent) => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  }, [handler]);
  useEffect(() => {
    if (!session) return undefined;
    return session.subscribe((event) => latest.current(event));
  }, [session]);
}
