/** Comments on the text (批注/讨论), wired once at startup: the service and its statistics extension. */
import type { CollabServer } from '../collab/CollabServer.js';
import type { DomainEventBus } from '../events.js';
import { CommentStatsExtension } from '../extensions/CommentStatsExtension.js';
import type { Logger } from '../logger.js';
import type { ProjectEventHub } from '../realtime/ProjectEventHub.js';
import type { AuditLog } from '../services/AuditLog.js';
import type { MetadataStore } from '../storage/types.js';
import { CommentService } from '../comments/CommentService.js';

export interface Comments {
  threads: CommentService;
  /** The collaboration extension that keeps `commentStats` up to date (register it with the server). */
  stats: CommentStatsExtension;
}

export interface CommentsDeps {
  metadata: MetadataStore;
  collab: () => CollabServer;
  audit: AuditLog;
  events: DomainEventBus;
  hub: ProjectEventHub;
  log: Logger;
}

export function createComments(deps: CommentsDeps): Comments {
  const threads = new CommentService(deps.metadata, deps.collab, deps.audit, deps.events, deps.hub);
  const stats = new CommentStatsExtension(deps.metadata, deps.log, {
    stored: (projectId, documentId) => deps.hub.publish(projectId, { type: 'comment-stats-changed', documentId }),
    reanchored: (documentId, anchors) => threads.storeAnchors(documentId, anchors),
  });
  stats.attach(deps.events);
  return { threads, stats };
}
