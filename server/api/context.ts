/** Everything the API routes and collaboration extensions share, built once at startup. */
import type { Logger } from '../logger.js';
import type { DocumentStore, MetadataStore, UserRecord } from '../storage/types.js';
import type { SessionService } from '../auth/SessionService.js';
import type { DomainEventBus } from '../events.js';
import type { AuditLog } from '../services/AuditLog.js';
import type { MembershipService } from '../services/MembershipService.js';
import type { ProjectService } from '../services/ProjectService.js';
import type { CollabServer } from '../collab/CollabServer.js';
import type { ProjectEventHub } from '../realtime/ProjectEventHub.js';

export interface AppServices {
  log: Logger;
  metadata: MetadataStore;
  documents: DocumentStore;
  sessions: SessionService;
  events: DomainEventBus;
  /** Live events to browsers (SSE). */
  hub: ProjectEventHub;
  audit: AuditLog;
  projects: ProjectService;
  membership: MembershipService;
  /** Set once the collaboration server is created (REST reads live document state through it). */
  collab: () => CollabServer;
  startedAt: number;
  version: string;
  loginLimit: { points: number; durationSeconds: number };
}

/** Hono environment: what the session middleware puts on each request. */
export interface ApiEnv {
  Variables: {
    user: UserRecord | null;
    token: string | null;
  };
}
