import { useEffect, useRef } from 'react';
import { subscribeProjectEvents } from './projectEventStream';
import type { ProjectChangeEvent } from './projectEventStream';

/**
 * Listens to the project's live events through the page's one stream of that project (none while
 * `projectId` is undefined). `onReconnect` is called when the stream is back after a break (events
 * may have been missed: refetch). The latest handlers are used, without resubscribing.
 */
export function useProjectEvents(
  projectId: string | undefined,
  onEvent: (event: ProjectChangeEvent) => void,
  onReconnect?: () => void,
): void {
  const handlers = useRef({ onEvent, onReconnect });
  useEffect(() => {
    handlers.current = { onEvent, onReconnect };
  }, [onEvent, onReconnect]);

  useEffect(() => {
    if (!projectId) return undefined;
    return subscribeProjectEvents(projectId, (event) => {
      if (event.type === 'reconnected') handlers.current.onReconnect?.();
      else handlers.current.onEvent(event);
    });
  }, [projectId]);
}
