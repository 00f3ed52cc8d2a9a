/**
 * Subscribes to the live events of a project (SSE, GET /api/projects/:id/events). The browser
 * reconnects by itself; every (re)connection starts with `ready`, after which the caller should
 * refetch, since events sent while disconnected are lost.
 */
import { useEffect, useRef } from 'react';
import type { ProjectEvent } from '@shared/api/events';

const EVENT_TYPES: ProjectEvent['type'][] = [
  'ready',
  'members-changed',
  'project-changed',
  'comments-changed',
  'consultation-changed',
];

function parseEvent(data: unknown): ProjectEvent | null {
  if (typeof data !== 'string') return null;
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value !== 'object' || value === null || !('type' in value) || typeof value.type !== 'string')
      return null;
    return value as ProjectEvent;
  } catch {
    return null;
  }
}

export function useProjectEvents(projectId: string | undefined, onEvent: (event: ProjectEvent) => void): void {
  // The latest handler, so that the connection is not reopened on every render.
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  }, [onEvent]);

  useEffect(() => {
    if (!projectId || typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api/projects/${encodeURIComponent(projectId)}/events`, { withCredentials: true });
    const listener = (message: MessageEvent) => {
      const event = parseEvent(message.data);
      if (event) handler.current(event);
    };
    for (const type of EVENT_TYPES) source.addEventListener(type, listener);
    return () => {
      for (const type of EVENT_TYPES) source.removeEventListener(type, listener);
      source.close();
    };
  }, [projectId]);
}
