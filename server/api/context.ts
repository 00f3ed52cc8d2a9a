/** Everything the API routes and collaboration extensions share, built once at startup. */
import type { Logger } from '../logger.js';
import type { AttemptLimiters } from './attemptLimit.js';
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
import type { VersionDiffService } from '../versions/diff/VersionDiffService.js';
import type { RestoreService } from '../versions/restore/RestoreService.js';
import type { DiffDocxRenderer } from '../export/diffDocx/DiffDocxRenderer.js';
import type { DocumentExportService } from '../export/documents/DocumentExportService.js';
import type { DocumentPdfExport } from '../export/pdf/DocumentPdfExport.js';
import type { PdfConverter } from '../export/pdf/PdfConverter.js';
import type { SubmissionPackage } from '../export/package/index.js';
import type { Consultation } from '../consultation/index.js';
import type { Workflow } from '../workflow/index.js';
import type { Comments } from '../wiring/comments.js';
import type { HistoryService } from '../history/HistoryService.js';
import type { OriginPolicy } from '../security/origins.js';
import type { RequestClient, TrustedProxies } from '../security/trustedProxies.js';

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
  /** Differences between two states of a document, attributed by the stored update log. */
  versionDiffs: VersionDiffService;
  /** A difference laid out as .docx (in a worker thread). */
  diffDocx: DiffDocxRenderer;
  /** The lead restores a clause or the whole document to a version (a new change of the live text). */
  restores: RestoreService;
  /** The three documents as Word files laid out after GB/T 1.1 (live text or a stored version). */
  documentExports: DocumentExportService;
  /** LibreOffice headless in child processes (.docx/.xlsx → .pdf), one or two at a time. */
  pdf: PdfConverter;
  /** The three documents as PDF (their .docx converted). */
  documentPdf: DocumentPdfExport;
  /** The submission package (提交材料): the zip of every material for a stage label, and its jobs. */
  submissionPackage: SubmissionPackage;
  /** The stage workflow: gates, stage moves and log, submissions and the bureaus' check, production checks, dashboard. */
  workflow: Workflow;
  /** Consultation rounds (征求意见): rounds, items, import, statistics. */
  consultation: Consultation;
  /** Comments on the text (批注): threads, replies, statistics. */
  comments: Comments;
  /** The change history of each document: who changed which clause, when (derived from the stored updates). */
  history: HistoryService;
  /** Set once the collaboration server is created (REST reads live document state through it). */
  collab: () => CollabServer;
  startedAt: number;
  version: string;
  loginLimit: { points: number; durationSeconds: number };
  /** Failed attempts with invitation-link tokens allowed per address and period. */
  tokenLimit: { points: number; durationSeconds: number };
  /** Where attempts are counted: in memory, or in Redis when instances are joined (server/api/attemptLimit.ts). */
  attemptLimiters: AttemptLimiters;
  /** The app's own origins (cross-site requests are refused; see server/security). */
  origins: OriginPolicy;
  /** The proxies whose forwarded headers are believed (`TRUST_PROXY`): who each request's client is. */
  proxies: TrustedProxies;
}

/** Hono environment: what the session middleware puts on each request. */
export interface ApiEnv {
  Variables: {
    user: UserRecord | null;
    token: string | null;
    /** Who sent the request (server/security/trustedProxies.ts). */
    client: RequestClient;
  };
}
