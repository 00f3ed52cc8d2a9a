/**
 * One Server-Sent Events stream per project for the whole page (GET /api/projects/:id/events),
 * shared by every subscriber: browsers allow only a few open HTTP/1.1 connections per host, so
 * each panel must not open its own. The stream is opened with the first subscriber and closed with
 * the last; the browser's EventSource reconnects by itself, and subscribers hear `reconnected`
 * (events may have been missed: refetch).
 */
import type { ProjectEvent } from '@shared/api/events';

export type ProjectEventListener = (event: ProjectEvent | { type: 'reconnected' }) => void;

const EVENT_TYPES: ProjectEvent['type'][] = [
  'ready',
  'comments-changed',
  'members-changed',
  'project-changed',
  'consultation-changed',
];

interface Stream {
  source: EventSource;
  listeners: Set<ProjectEventListener>;
  opened: boolean;
}

const streams = new Map<string, Stream>();

function open(projectId: string): Stream {
  const source = new EventSource(`/api/projects/${encodeURIComponent(projectId)}/events`, { withCredentials: true });
  const stream: Stream = { source, listeners: new Set(), opened: false };
  const onMessage = (message: MessageEvent<string>): void => {
    let event: ProjectEvent;
    try {
      event = JSON.parse(message.data) as ProjectEvent;
    } catch {
      return;
    }
    if (event.type === 'ready') {
      if (stream.opened) for (const listener of stream.listeners) listener({ type: 'reconnected' });
      stream.opened = true;
      return;
    }
    for (const listener of stream.listeners) listener(event);
  };
  for (const type of EVENT_TYPES) source.addEventListener(type, onMessage);
  return stream;
}

/** Listens to a project's live events; returns the unsubscribe function. */
export function subscribeProjectEvents(projectId: string, listener: ProjectEventListener): () => void {
  let stream = streams.get(projectId);
  if (!stream) {
    stream = open(projectId);
    streams.set(projectId, stream);
  }
  stream.listeners.add(listener);
  const current = stream;
  return () => {
    current.listeners.delete(listener);
    if (current.listeners.size === 0) {
      current.source.close();
      if (streams.get(projectId) === current) streams.delete(projectId);
    }
  };
}
