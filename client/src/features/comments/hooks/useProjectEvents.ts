import { useEffect, useRef } from 'react';
import type { ProjectEvent } from '@shared/api/events';

/**
 * Subscribes to the project's live events (Server-Sent Events, same-origin cookie). The browser's
 * EventSource reconnects by itself; `onReconnect` is called when the stream is back after a break
 * (events may have been missed: refetch).
 */
export function useProjectEvents(
  projectId: string,
  onEvent: (event: ProjectEvent) => void,
  onReconnect?: () => void,
): void {
  const handlers = useRef({ onEvent, onReconnect });
  handlers.current = { onEvent, onReconnect };

  useEffect(() => {
    const source = new EventSource(`/api/projects/${encodeURIComponent(projectId)}/events`, { withCredentials: true });
    let opened = false;
    const onMessage = (message: MessageEvent<string>): void => {
      let event: ProjectEvent;
      try {
        event = JSON.parse(message.data) as ProjectEvent;
      } catch {
        return;
      }
      if (event.type === 'ready') {
        if (opened) handlers.current.onReconnect?.();
        opened = true;
        return;
      }
      handlers.current.onEvent(event);
    };
    const types: ProjectEvent['type'][] = [
      'ready',
      'comments-changed',
      'comment-stats-changed',
      'members-changed',
      'project-changed',
      'consultation-changed',
    ];
    for (const type of types) source.addEventListener(type, onMessage);
    return () => {
      for (const type of types) source.removeEventListener(type, onMessage);
      source.close();
    };
  }, [projectId]);
}
