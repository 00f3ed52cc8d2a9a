import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { ProjectEvent } from '@shared/api/events.js';
import type { ApiEnv, AppServices } from '../context.js';
import { requireUser } from '../guards.js';

const HEARTBEAT_MS = 25_000;

/**
 * Server-Sent Events: live changes of a project (comments, consultation, members) for its viewers.
 * The stream ends when its session ends or its user loses access (see realtime/streamAccess.ts).
 */
export function eventRoutes(services: AppServices): Hono<ApiEnv> {
  return new Hono<ApiEnv>().get('/projects/:id/events', (c) => {
    const { project, user } = services.access.viewableProject(requireUser(c), c.req.param('id'));
    const owner = { userId: user.id, sessionId: services.sessions.sessionIdOf(c.get('token')) };
    return streamSSE(c, async (stream) => {
      const queue: ProjectEvent[] = [{ type: 'ready' }];
      let wake: (() => void) | null = null;
      let ended = false;
      const unsubscribe = services.hub.subscribe(
        project.id,
        owner,
        (event) => {
          queue.push(event);
          wake?.();
        },
        () => {
          ended = true;
          wake?.();
        },
      );
      stream.onAbort(() => {
        unsubscribe();
        wake?.();
      });
      try {
        while (!ended && !stream.aborted && !stream.closed) {
          const event = queue.shift();
          if (event) {
            await stream.writeSSE({ event: event.type, data: JSON.stringify(event) });
            continue;
          }
          await new Promise<void>((resolve) => {
            wake = resolve;
            setTimeout(resolve, HEARTBEAT_MS);
          });
          wake = null;
          if (queue.length === 0 && !ended && !stream.aborted) await stream.write(': heartbeat\n\n');
        }
      } finally {
        unsubscribe();
      }
    });
  });
}
