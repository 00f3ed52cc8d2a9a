/**
 * 复审: the lead or a bureau that supervises (or follows, the province) a published standard records
 * a periodic review — 继续有效, 修订 or 废止 — with its reason. The first moves the project 发布与认定 →
 * 复审 through StageService. 修订 creates the revision project: the same plan fields and lead unit,
 * the published texts (the latest publication versions) copied as its drafts, the drafting group
 * copied; 废止 marks the standard in the recognition list.
 */
import { stageIndex, transitionFrom } from '@shared/workflow/stages.js';
import type { PeriodicReview } from '@shared/workflow/publication.js';
import { PERIODIC_REVIEW_LABELS } from '@shared/workflow/publication.js';
import type { DocumentKind, Project } from '@shared/domain/project.js';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import type { PeriodicReviewBody } from '@shared/validation/reviews.js';
import type { ProjectGrant } from '../../access/projectAccess.js';
import { mayMoveStage, productionCheckBureau } from '../../access/workflowAccess.js';
import { newId } from '../../auth/tokens.js';
import { Conflict, Forbidden, NotFound } from '../../domain/errors.js';
import type { KeyedQueue } from '../../lib/KeyedQueue.js';
import type { AuditLog } from '../../services/AuditLog.js';
import type { ProjectService } from '../../services/ProjectService.js';
import type { MetadataStore } from '../../storage/types.js';
import type { VersionService } from '../../versions/VersionService.js';
import type { StageService } from '../StageService.js';

export interface PeriodicReviewDeps {
  store: MetadataStore;
  versions: VersionService;
  stages: StageService;
  projects: () => ProjectService;
  audit: AuditLog;
  steps: KeyedQueue;
}

export class PeriodicReviewService {
  constructor(private readonly deps: PeriodicReviewDeps) {}

  /** The lead, staff of a supervising bureau, or provincial staff following the project. */
  mayRecord({ access, user, project }: ProjectGrant): boolean {
    const { store } = this.deps;
    return (
      access.role === 'lead' ||
      productionCheckBureau(store, user, project) !== null ||
      mayMoveStage(store, user, project)
    );
  }

  assertMayRecord(grant: ProjectGrant): void {
    if (!this.mayRecord(grant))
      throw new Forbidden('only the lead or the supervising bureaus record a periodic review');
  }

  list(projectId: string): PeriodicReview[] {
    return this.deps.store
      .collection('periodicReviews')
      .findMany({ projectId })
      .sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
  }

  record(grant: ProjectGrant, body: PeriodicReviewBody): Promise<PeriodicReview> {
    this.assertMayRecord(grant);
    return this.deps.steps.run(grant.project.id, () => this.recordNow(grant, body));
  }

  private async recordNow(grant: ProjectGrant, body: PeriodicReviewBody): Promise<PeriodicReview> {
    const { store, stages, audit } = this.deps;
    const project = store.collection('projects').get(grant.project.id);
    if (!project) throw new NotFound('project not found');
    const publication = store.collection('publications').get(project.id);
    if (stageIndex(project.stage) < stageIndex('published') || !publication)
      throw new Conflict('only a published standard is reviewed periodically');
    if (this.list(project.id).some((r) => r.conclusion === 'abolish')) throw new Conflict('the standard is abolished');
    const revisionProjectId = body.conclusion === 'revise' ? await this.revision(project, publication.documents) : null;
    const review: PeriodicReview = {
      id: newId('prv'),
      projectId: project.id,
      conclusion: body.conclusion,
      note: body.note,
      revisionProjectId,
      recordedBy: grant.user.id,
      recordedAt: new Date().toISOString(),
    };
    await store.collection('periodicReviews').insert(review);
    const note = `复审结论：${PERIODIC_REVIEW_LABELS[body.conclusion]}。${body.note}`;
    if (transitionFrom(project.stage, 'periodic-review'))
      await stages.move(project.id, { action: 'periodic-review', actorId: grant.user.id, note });
    else stages.announce(project.id);
    await audit.record(project.id, grant.user.id, 'periodic-review.recorded', {
      conclusion: body.conclusion,
      revisionProjectId,
    });
    return review;
  }

  /** The revision project: the plan and lead unit, the published texts as drafts, the drafting group. */
  private async revision(project: Project, documents: { kind: DocumentKind; versionId: string }[]): Promise<string> {
    const { store, versions, audit } = this.deps;
    const members = store.collection('members').findMany({ projectId: project.id });
    const leadMember = members.find((m) => m.role === 'lead');
    const lead = leadMember ? store.collection('users').get(leadMember.userId) : undefined;
    if (!lead) throw new Conflict('the project has no lead to carry the revision');
    const content: Partial<Record<DocumentKind, ProseMirrorJSON>> = {};
    for (const document of documents)
      content[document.kind] = (await versions.content(document.versionId)).snapshot.json;
    const today = new Date().toISOString().slice(0, 10);
    const revision = await this.deps.projects().create(
      {
        nameZh: project.nameZh,
        nameEn: project.nameEn,
        standardType: project.standardType,
        publicationCategory: project.publicationCategory,
        planBatch: '',
        planNumber: '',
        leadOrganizationId: project.leadOrganizationId,
        supervisingBureauIds: project.supervisingBureauIds,
        startDate: today,
        publishingBody: project.publishingBody,
      },
      lead,
      { content },
    );
    const now = new Date().toISOString();
    for (const member of members) {
      if (store.collection('members').findOne({ projectId: revision.id, userId: member.userId })) continue;
      await store.collection('members').insert({ ...member, id: newId('mem'), projectId: revision.id, addedAt: now });
    }
    await audit.record(revision.id, lead.id, 'project.revision-of', { projectId: project.id });
    return revision.id;
  }
}
