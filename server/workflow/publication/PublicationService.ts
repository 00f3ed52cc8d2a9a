/**
 * 发布与认定: once the province accepted the 报批稿 it records the publication — the standard number,
 * the publication and implementation dates and, after the self-declaration, the registration number.
 * Both numbers are checked unique among the projects (409, nothing changed); they are written onto the
 * standard text's cover (and so into the package manifest), and the three texts are frozen as versions
 * of kind `publication`. The texts stay locked (the stage table locks 发布与认定 and 复审).
 */
import type { PublicationView } from '@shared/api/reviews.js';
import { stageIndex } from '@shared/workflow/stages.js';
import type { Publication } from '@shared/workflow/publication.js';
import { suggestRegistrationNumber } from '@shared/workflow/publication.js';
import type { SubmittedDocument } from '@shared/workflow/submissions.js';
import type { PublicationBody } from '@shared/validation/reviews.js';
import type { ProjectGrant } from '../../access/projectAccess.js';
import { mayMoveStage } from '../../access/workflowAccess.js';
import type { CollabServer } from '../../collab/CollabServer.js';
import { Conflict, Forbidden, NotFound } from '../../domain/errors.js';
import type { KeyedQueue } from '../../lib/KeyedQueue.js';
import type { AuditLog } from '../../services/AuditLog.js';
import type { MetadataStore } from '../../storage/types.js';
import type { VersionService } from '../../versions/VersionService.js';
import { writeCoverFields } from '../documentFacts.js';
import type { StageService } from '../StageService.js';
import type { PeriodicReviewService } from './PeriodicReviewService.js';
import { periodicReviewDue } from '@shared/workflow/publication.js';

export interface PublicationDeps {
  store: MetadataStore;
  collab: () => CollabServer;
  versions: VersionService;
  stages: StageService;
  audit: AuditLog;
  /** The project's workflow queue (shared with submissions, decisions and reviews). */
  steps: KeyedQueue;
  periodicReviews: PeriodicReviewService;
}

export class PublicationService {
  constructor(private readonly deps: PublicationDeps) {}

  private mayRecord({ user, project }: ProjectGrant): boolean {
    return mayMoveStage(this.deps.store, user, project) && stageIndex(project.stage) >= stageIndex('published');
  }

  view(stale: ProjectGrant): PublicationView {
    const { store } = this.deps;
    // The project as stored now (a publication just recorded changed it).
    const grant = { ...stale, project: store.collection('projects').get(stale.project.id) ?? stale.project };
    const publication = store.collection('publications').get(grant.project.id) ?? null;
    const taken = store
      .collection('publications')
      .findMany()
      .map((p) => p.registrationNumber)
      .filter((n): n is string => n !== null);
    return {
      publication: publication
        ? { ...publication, recordedByName: store.collection('users').get(publication.recordedBy)?.name ?? '' }
        : null,
      mayRecord: this.mayRecord(grant),
      suggestedRegistrationNumber: suggestRegistrationNumber(
        taken,
        grant.project.publicationCategory,
        new Date().getFullYear(),
      ),
      periodicReviews: this.deps.periodicReviews.list(grant.project.id).map((r) => ({
        ...r,
        recordedByName: store.collection('users').get(r.recordedBy)?.name ?? '',
      })),
      mayReviewPeriodically: publication !== null && this.deps.periodicReviews.mayRecord(grant),
      periodicReviewDue:
        publication !== null &&
        periodicReviewDue(
          publication.publicationDate,
          this.deps.periodicReviews.list(grant.project.id).at(-1)?.recordedAt ?? null,
          new Date().toISOString().slice(0, 10),
        ),
    };
  }

  assertMayRecord(grant: ProjectGrant): void {
    if (!mayMoveStage(this.deps.store, grant.user, grant.project))
      throw new Forbidden('only provincial bureau staff record the publication');
  }

  record(grant: ProjectGrant, body: PublicationBody): Promise<Publication> {
    this.assertMayRecord(grant);
    return this.deps.steps.run(grant.project.id, () => this.recordNow(grant, body));
  }

  private async recordNow(grant: ProjectGrant, body: PublicationBody): Promise<Publication> {
    const { store, audit, stages } = this.deps;
    const project = store.collection('projects').get(grant.project.id);
    if (!project) throw new NotFound('project not found');
    if (stageIndex(project.stage) < stageIndex('published'))
      throw new Conflict('the publication is recorded once the 报批稿 is accepted');
    const others = store
      .collection('publications')
      .findMany()
      .filter((p) => p.projectId !== project.id);
    if (others.some((p) => p.standardNumber === body.standardNumber))
      throw new Conflict(`the standard number ${body.standardNumber} is already another standard's`);
    if (body.registrationNumber && others.some((p) => p.registrationNumber === body.registrationNumber))
      throw new Conflict(`the registration number ${body.registrationNumber} is already another standard's`);
    const previous = store.collection('publications').get(project.id);

    const standard = project.documents.find((d) => d.kind === 'standard');
    if (standard)
      await this.deps.collab().applyServerChange(standard.id, grant.user.id, (doc) =>
        writeCoverFields(doc, {
          standardNumber: body.standardNumber,
          publicationDate: body.publicationDate,
          implementationDate: body.implementationDate,
          registrationNumber: body.registrationNumber ?? '',
        }),
      );
    const name = `发布版 ${body.standardNumber}${body.registrationNumber ? `（${body.registrationNumber}）` : ''}`;
    const documents: SubmittedDocument[] = [];
    for (const document of project.documents) {
      const { version } = await this.deps.versions.create({
        projectId: project.id,
        documentId: document.id,
        kind: 'publication',
        name,
        userId: grant.user.id,
      });
      documents.push({ documentId: document.id, kind: document.kind, versionId: version.id });
    }
    const publication: Publication = {
      id: project.id,
      projectId: project.id,
      standardNumber: body.standardNumber,
      publicationDate: body.publicationDate,
      implementationDate: body.implementationDate,
      registrationNumber: body.registrationNumber,
      recordedBy: grant.user.id,
      recordedAt: new Date().toISOString(),
      documents,
    };
    if (previous) await store.collection('publications').update(project.id, publication);
    else await store.collection('publications').insert(publication);
    await audit.record(project.id, grant.user.id, previous ? 'publication.updated' : 'publication.recorded', {
      standardNumber: body.standardNumber,
      publicationDate: body.publicationDate,
      implementationDate: body.implementationDate,
      registrationNumber: body.registrationNumber,
    });
    stages.announce(project.id);
    return publication;
  }
}
