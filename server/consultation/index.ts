/** The consultation module (征求意见), wired once at startup. */
import type { CollabServer } from '../collab/CollabServer.js';
import type { DomainEventBus } from '../events.js';
import type { Logger } from '../logger.js';
import type { ProjectEventHub } from '../realtime/ProjectEventHub.js';
import type { AccountService } from '../services/AccountService.js';
import type { AuditLog } from '../services/AuditLog.js';
import type { MetadataStore, SnapshotStore } from '../storage/types.js';
import type { VersionService } from '../versions/VersionService.js';
import type { StageService } from '../workflow/StageService.js';
import { ConsultationStatsService } from './ConsultationStatsService.js';
import { ConsultationViews } from './ConsultationViews.js';
import { DraftTexts } from './DraftTexts.js';
import { ExportService } from './ExportService.js';
import { ImportService } from './ImportService.js';
import { InvitationService } from './InvitationService.js';
import { ItemService } from './ItemService.js';
import type { ChangeLookup } from './changeLookup.js';
import { RoundService } from './RoundService.js';

export interface Consultation {
  texts: DraftTexts;
  rounds: RoundService;
  items: ItemService;
  imports: ImportService;
  invitations: InvitationService;
  stats: ConsultationStatsService;
  /** What the API answers: round and item views, the frozen draft, pending rounds. */
  views: ConsultationViews;
  /** The table as .xlsx / .docx files. */
  exports: ExportService;
}

export interface ConsultationDeps {
  metadata: MetadataStore;
  /** The stage workflow: which stages open rounds, and 起草 → 征求意见 when the first one is opened. */
  stages: StageService;
  snapshots: SnapshotStore;
  versions: VersionService;
  collab: () => CollabServer;
  audit: AuditLog;
  accounts: AccountService;
  events: DomainEventBus;
  hub: ProjectEventHub;
  log: Logger;
  /** The change history's entries, which handlers link to implemented comments. */
  changes: ChangeLookup;
}

export function createConsultation(deps: ConsultationDeps): Consultation {
  const texts = new DraftTexts(deps.snapshots, deps.versions, deps.collab);
  const rounds = new RoundService(deps.metadata, texts, deps.audit, deps.events, deps.stages);
  const items = new ItemService(deps.metadata, texts, rounds, deps.audit, deps.events, deps.changes);
  const imports = new ImportService(texts, rounds, items, deps.audit, deps.events);
  const invitations = new InvitationService(deps.metadata, deps.audit, deps.accounts);
  const stats = new ConsultationStatsService(deps.metadata, deps.hub, deps.log);
  stats.attach(deps.events);
  const views = new ConsultationViews(deps.metadata, texts);
  const exports = new ExportService(deps.metadata);
  return { texts, rounds, items, imports, invitations, stats, views, exports };
}
