/** The consultation module (征求意见), wired once at startup. */
import type { CollabServer } from '../collab/CollabServer.js';
import type { DomainEventBus } from '../events.js';
import type { Logger } from '../logger.js';
import type { ProjectEventHub } from '../realtime/ProjectEventHub.js';
import type { AuditLog } from '../services/AuditLog.js';
import type { MetadataStore, SnapshotStore } from '../storage/types.js';
import { ConsultationStatsService } from './ConsultationStatsService.js';
import { DraftTexts } from './DraftTexts.js';
import { ImportService } from './ImportService.js';
import { InvitationService } from './InvitationService.js';
import { ItemService } from './ItemService.js';
import { RoundService } from './RoundService.js';

export interface Consultation {
  texts: DraftTexts;
  rounds: RoundService;
  items: ItemService;
  imports: ImportService;
  invitations: InvitationService;
  stats: ConsultationStatsService;
}

export interface ConsultationDeps {
  metadata: MetadataStore;
  snapshots: SnapshotStore;
  collab: () => CollabServer;
  audit: AuditLog;
  events: DomainEventBus;
  hub: ProjectEventHub;
  log: Logger;
}

export function createConsultation(deps: ConsultationDeps): Consultation {
  const texts = new DraftTexts(deps.snapshots, deps.collab);
  const rounds = new RoundService(deps.metadata, texts, deps.audit, deps.events);
  const items = new ItemService(deps.metadata, texts, rounds, deps.audit, deps.events);
  const imports = new ImportService(texts, rounds, items, deps.audit, deps.events);
  const invitations = new InvitationService(deps.metadata, deps.audit);
  const stats = new ConsultationStatsService(deps.metadata, deps.hub, deps.log);
  stats.attach(deps.events);
  return { texts, rounds, items, imports, invitations, stats };
}
