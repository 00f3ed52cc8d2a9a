/**
 * Keeps the project event streams (SSE) as authorized as the collaboration sockets: a stream ends
 * when its session ends (sign-out, disabled user, new password) or when its user may no longer see
 * the project (removed member, bureau no longer supervising).
 */
import { accessFor } from '../access/projectAccess.js';
import type { SessionService } from '../auth/SessionService.js';
import type { DomainEventBus } from '../events.js';
import type { MetadataStore } from '../storage/types.js';
import type { ProjectEventHub } from './ProjectEventHub.js';

export function endStreamsOnAccessLoss(
  hub: ProjectEventHub,
  events: DomainEventBus,
  sessions: SessionService,
  metadata: MetadataStore,
): void {
  sessions.onEnded(({ userId, sessionId }) => {
    hub.endStreams(
      (_projectId, owner) => owner.userId === userId && (sessionId === null || owner.sessionId === sessionId),
    );
  });
  events.on('access-changed', ({ userId, projectId }) => {
    const user = metadata.collection('users').get(userId);
    hub.endStreams((streamProjectId, owner) => {
      if (owner.userId !== userId || (projectId !== null && streamProjectId !== projectId)) return false;
      const project = metadata.collection('projects').get(streamProjectId);
      return !user?.active || !project || !accessFor(metadata, user, project).canView;
    });
  });
}
