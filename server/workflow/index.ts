/** The stage workflow, wired once at startup: gates, stage moves and log, submissions and the bureaus' check, production checks, dashboard. */
import { join } from 'node:path';
import type { CollabServer } from '../collab/CollabServer.js';
import type { DomainEventBus } from '../events.js';
import type { Logger } from '../logger.js';
import type { ProjectEventHub } from '../realtime/ProjectEventHub.js';
import type { AuditLog } from '../services/AuditLog.js';
import type { DocumentService } from '../services/DocumentService.js';
import type { MetadataStore } from '../storage/types.js';
import type { VersionService } from '../versions/VersionService.js';
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
}

export interface WorkflowDeps {
  metadata: MetadataStore;
  dataDir: string;
  collab: () => CollabServer;
  documentService: DocumentService;
  versions: VersionService;
  /** The submission package builder (server/export/package), reached once it is built. */
  packageBuilder: () => PackageBuilder;
  audit: AuditLog;
  events: DomainEventBus;
  hub: ProjectEventHub;
  log: Logger;
}

export function createWorkflow(deps: WorkflowDeps): Workflow {
  const { metadata, audit, hub } = deps;
  const facts = new DocumentFactsCache(deps.collab);
  const gates = new GateService(metadata, facts, deps.documentService);
  const stageLog = new StageLog(metadata);
  const stages = new StageService(metadata, stageLog, audit, deps.events, hub);
  const packages = new SubmissionPackages(
    metadata,
    join(deps.dataDir, 'submissions'),
    deps.packageBuilder,
    hub,
    deps.log,
  );
  const submissions = new SubmissionService({
    store: metadata,
    gates,
    stages,
    versions: deps.versions,
    packages,
    collab: deps.collab,
    audit,
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
  };
}
