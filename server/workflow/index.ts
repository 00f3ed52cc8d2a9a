/** The stage workflow, wired once at startup: gates, stage moves and log, submissions and the bureaus' check, production checks, dashboard, technical reviews. */
import type { CollabServer } from '../collab/CollabServer.js';
import type { DomainEventBus } from '../events.js';
import type { Logger } from '../logger.js';
import type { ProjectEventHub } from '../realtime/ProjectEventHub.js';
import type { AuditLog } from '../services/AuditLog.js';
import type { DocumentService } from '../services/DocumentService.js';
import type { MembershipService } from '../services/MembershipService.js';
import type { ProjectService } from '../services/ProjectService.js';
import type { BlobStore, MetadataStore, TaskLocks } from '../storage/types.js';
import type { VersionService } from '../versions/VersionService.js';
import { PeriodicReviewService } from './publication/PeriodicReviewService.js';
import { PublicationService } from './publication/PublicationService.js';
import { ExpertInvitations } from './review/ExpertInvitations.js';
import { ReviewExports } from './review/ReviewExports.js';
import { ReviewService } from './review/ReviewService.js';
import { DashboardService } from './DashboardService.js';
import { DecisionService } from './DecisionService.js';
import { DocumentFactsCache } from './documentFacts.js';
import { GateService } from './GateService.js';
import { ProductionCheckService } from './ProductionCheckService.js';
import { StageLog } from './StageLog.js';
import { StageService } from './StageService.js';
import type { PackageBuilder } from './SubmissionPackages.js';
import { SubmissionPackages } from './SubmissionPackages.js';
import { SubmissionService } from './SubmissionService.js';
import { WorkflowStatusService } from './WorkflowStatusService.js';

export interface Workflow {
  /** What the gates read from the live documents (the workflow extension drops entries on changes). */
  facts: DocumentFactsCache;
  gates: GateService;
  stageLog: StageLog;
  stages: StageService;
  submissions: SubmissionService;
  decisions: DecisionService;
  packages: SubmissionPackages;
  productionChecks: ProductionCheckService;
  status: WorkflowStatusService;
  dashboard: DashboardService;
  /** The technical reviews (技术审评): experts' opinions, votes and comments, the conclusion. */
  reviews: ReviewService;
  /** The 审查意见汇总处理表 exports. */
  reviewExports: ReviewExports;
  /** 发布与认定: the standard and registration numbers, the publication versions. */
  publication: PublicationService;
  /** 复审: keep, revise (a new project), abolish. */
  periodicReviews: PeriodicReviewService;
}

export interface WorkflowDeps {
  metadata: MetadataStore;
  /** Where the submission packages are kept, and the locks that keep two instances from building one. */
  blobs: BlobStore;
  locks: TaskLocks;
  collab: () => CollabServer;
  documentService: DocumentService;
  versions: VersionService;
  /** The submission package builder (server/export/package), reached once it is built. */
  packageBuilder: () => PackageBuilder;
  audit: AuditLog;
  events: DomainEventBus;
  hub: ProjectEventHub;
  log: Logger;
  /** Creates the revision project of a 复审 (reached once the services are built). */
  projects: () => ProjectService;
  /** Invites review experts by e-mail (reached once the services are built). */
  membership: () => MembershipService;
}

export function createWorkflow(deps: WorkflowDeps): Workflow {
  const { metadata, audit, hub } = deps;
  const facts = new DocumentFactsCache(deps.collab);
  const gates = new GateService(metadata, facts, deps.documentService);
  const stageLog = new StageLog(metadata);
  const stages = new StageService(metadata, stageLog, audit, deps.events, hub);
  const packages = new SubmissionPackages({
    store: metadata,
    blobs: deps.blobs,
    locks: deps.locks,
    builder: deps.packageBuilder,
    hub,
    log: deps.log,
  });
  const submissions = new SubmissionService({
    store: metadata,
    gates,
    stages,
    versions: deps.versions,
    packages,
    collab: deps.collab,
    audit,
  });
  const periodicReviews = new PeriodicReviewService({
    store: metadata,
    versions: deps.versions,
    stages,
    projects: deps.projects,
    audit,
    steps: submissions.steps,
  });
  return {
    facts,
    gates,
    stageLog,
    stages,
    submissions,
    decisions: new DecisionService(metadata, submissions, stages, deps.versions, audit),
    packages,
    productionChecks: new ProductionCheckService(metadata, deps.documentService, audit, hub),
    status: new WorkflowStatusService(metadata, stageLog),
    dashboard: new DashboardService(metadata),
    reviews: new ReviewService(
      metadata,
      stages,
      deps.versions,
      audit,
      submissions.steps,
      new ExpertInvitations(metadata, deps.membership, stages, audit, submissions.steps),
    ),
    reviewExports: new ReviewExports(metadata),
    publication: new PublicationService({
      store: metadata,
      collab: deps.collab,
      versions: deps.versions,
      stages,
      audit,
      steps: submissions.steps,
      periodicReviews,
    }),
    periodicReviews,
  };
}
