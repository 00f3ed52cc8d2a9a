/** Everything the API routes and collaboration extensions share, built once at startup. */
import type { Logger } from '../logger.js';
import type { DocumentStore, MetadataStore, UserRecord } from '../storage/types.js';
import type { SessionService } from '../auth/SessionService.js';
import type { DomainEventBus } from '../events.js';
import type { AccessService } from '../access/AccessService.js';
import type { AccountService } from '../services/AccountService.js';
import type { AuditLog } from '../services/AuditLog.js';
import type { DocumentService } from '../services/DocumentService.js';
import type { OrganizationService } from '../services/OrganizationService.js';
import type { MembershipService } from '../services/MembershipService.js';
import type { ProjectService } from '../services/ProjectService.js';
import type { CollabServer } from '../collab/CollabServer.js';
import type { ProjectEventHub } from '../realtime/ProjectEventHub.js';
import type { SnapshotStore } from '../storage/types.js';
import type { VersionService } from '../versions/VersionService.js';
import type { Consultation } from '../consultation/index.js';
import type { Comments } from '../wiring/comments.js';

export interface AppServices {
  log: Logger;
  metadata: MetadataStore;
  documents: DocumentStore;
  sessions: SessionService;
  events: DomainEventBus;
  /** Live events to browsers (SSE). */
  hub: ProjectEventHub;
  audit: AuditLog;
  /** The grant behind each request: what the caller may see and do (server/access). */
  access: AccessService;
  /** Sign-in, sessions handed out, users and the accounts invitations create. */
  accounts: AccountService;
  organizations: OrganizationService;
  projects: ProjectService;
  /** The project documents as the API reads them (content, checker findings). */
  documentService: DocumentService;
  membership: MembershipService;
  /** Frozen document versions (the 征求意见稿 of each consultation round). */
  snapshots: SnapshotStore;
  /** Document versions: frozen states named by users or made by freezes, submissions, publications. */
  versions: VersionService;
  /** Consultation rounds (征求意见): rounds, items, import, statistics. */
  consultation: Consultation;
  /** Comments on the text (批注): threads, replies, statistics. */
  comments: Comments;
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
