/**
 * One Server-Sent Events stream per project for the whole page (GET /api/projects/:id/events),
 * shared by every subscriber: browsers allow only a few open HTTP/1.1 connections per host, so
 * each panel must not open its own. The stream is opened with the first subscriber and closed with
 * the last; the browser's EventSource reconnects by itself, and subscribers hear `reconnected`
 * (events may have been missed: refetch).
 */
import { PROJECT_EVENT_TYPES } from '@shared/api/events';
import type { ProjectEvent } from '@shared/api/events';

/** A change announced by the server (`ready` only marks a (re)connection and is not passed on). */
export type ProjectChangeEvent = Exclude<ProjectEvent, { type: 'ready' }>;

export type ProjectStreamEvent = ProjectChangeEvent | { type: 'reconnected' };

export type ProjectEventListener = (event: ProjectStreamEvent) => void;

interface Stream {
  source: EventSource;
  listeners: Set<ProjectEventListener>;
  /** Whether a first `ready` was received: every later one follows a reconnection. */
  opened: boolean;
}

const streams = new Map<string, Stream>();

const KNOWN_TYPES: ReadonlySet<string> = new Set(PROJECT_EVENT_TYPES);

function parseEvent(data: unknown): ProjectEvent | null {
  if (typeof data !== 'string') return null;
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value !== 'object' || value === null || !('type' in value) || typeof value.type !== 'string')
      return null;
    return KNOWN_TYPES.has(value.type) ? (value as ProjectEvent) : null;
  } catch {
    return null;
  }
}

function open(projectId: string): Stream {
  const source = new EventSource(`/api/projects/${encodeURIComponent(projectId)}/events`, { withCredentials: true });
  const stream: Stream = { source, listeners: new Set(), opened: false };
  const onMessage = (message: MessageEvent<unknown>): void => {
    const event = parseEvent(message.data);
    if (!event) return;
    if (event.type === 'ready') {
      if (stream.opened) for (const listener of [...stream.listeners]) listener({ type: 'reconnected' });
      stream.opened = true;
      return;
    }
    for (const listener of [...stream.listeners]) listener(event);
  };
  for (const type of PROJECT_EVENT_TYPES) source.addEventListener(type, onMessage);
  return stream;
}

/** Listens to a project's live events; returns the unsubscribe function. */
export function subscribeProjectEvents(projectId: string, listener: ProjectEventListener): () => void {
  // Outside a browser (server-side tests) there is no stream to share.
  if (typeof EventSource === 'undefined') return () => {};
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
