/**
 * Submissions: the lead submits the 送审稿 (or the 报批稿). The gate is computed afresh and must
 * pass; the cover's stage label is set to the submitted draft; the submission is recorded — which
 * locks the texts for everyone at once (live sockets are closed and come back read-only) — and the
 * three documents are frozen as versions of kind `submission`; the stage moves (征求意见 → 送审);
 * the package is built in the background. Submissions of a project are made one at a time, so two
 * leads submitting at once make one submission (the second is told one already waits).
 */
import type { SubmissionView } from '@shared/api/workflow.js';
import { draftingCredits } from '@shared/domain/draftingCredits.js';
import type { Project } from '@shared/domain/project.js';
import { failingItems } from '@shared/workflow/gates.js';
import { STAGE_RULES, transitionFrom } from '@shared/workflow/stages.js';
import type { Submission, SubmittedDocument } from '@shared/workflow/submissions.js';
import type { SubmitBody } from '@shared/validation/workflow.js';
import type { ProjectGrant } from '../access/projectAccess.js';
import { submissionWaiting } from '../access/textLock.js';
import { firstCheckLevel, maySubmit } from '../access/workflowAccess.js';
import { newId } from '../auth/tokens.js';
import type { CollabServer } from '../collab/CollabServer.js';
import { Conflict, Forbidden, GateClosed, NotFound } from '../domain/errors.js';
import { KeyedQueue } from '../lib/KeyedQueue.js';
import type { AuditLog } from '../services/AuditLog.js';
import { memberViews } from '../services/views.js';
import type { MetadataStore, UserRecord } from '../storage/types.js';
import type { VersionService } from '../versions/VersionService.js';
import { writeCoverStage } from './documentFacts.js';
import type { GateService } from './GateService.js';
import type { StageService } from './StageService.js';
import type { SubmissionPackages } from './SubmissionPackages.js';
import { submissionView } from './views.js';

export interface SubmissionDeps {
  store: MetadataStore;
  gates: GateService;
  stages: StageService;
  versions: VersionService;
  packages: SubmissionPackages;
  collab: () => CollabServer;
  audit: AuditLog;
}

export class SubmissionService {
  /** Per project, one workflow step at a time (submissions and decisions). */
  readonly steps = new KeyedQueue();

  constructor(private readonly deps: SubmissionDeps) {}

  private project(projectId: string): Project {
    const project = this.deps.store.collection('projects').get(projectId);
    if (!project) throw new NotFound('project not found');
    return project;
  }

  /** The project's submissions, newest first. */
  list(grant: ProjectGrant): SubmissionView[] {
    return this.deps.store
      .collection('submissions')
      .findMany({ projectId: grant.project.id })
      .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt))
      .map((s) => submissionView(this.deps.store, s, grant.project, grant.user));
  }

  view(grant: ProjectGrant & { submission: Submission }): SubmissionView {
    return submissionView(this.deps.store, grant.submission, grant.project, grant.user);
  }

  assertMaySubmit(grant: ProjectGrant): void {
    if (!maySubmit(grant.access)) throw new Forbidden('only the lead drafting unit submits');
  }

  submit(grant: ProjectGrant, body: SubmitBody): Promise<Submission> {
    this.assertMaySubmit(grant);
    return this.steps.run(grant.project.id, () =>
      this.submitNow({ ...grant, project: this.project(grant.project.id) }, body),
    );
  }

  private async submitNow(grant: ProjectGrant, body: SubmitBody): Promise<Submission> {
    const { store, gates, stages, audit } = this.deps;
    const { project, user } = grant;
    const submits = STAGE_RULES[project.stage].submits;
    if (submits !== body.stageLabel)
      throw new Conflict(
        submits
          ? `in the stage ${project.stage} the ${submits} is submitted, not the ${body.stageLabel}`
          : `nothing is submitted in the stage ${project.stage}`,
      );
    if (submissionWaiting(store, project.id))
      throw new Conflict('a submission of this project already waits for the bureaus');

    const checklist = await gates.checklist(grant, body.stageLabel, { freshCheck: true });
    const failing = failingItems(checklist);
    if (failing.length > 0)
      throw new GateClosed(
        `the ${body.stageLabel} cannot be submitted: ${failing.map((i) => i.id).join(', ')} failing`,
        failing,
      );

    const standard = project.documents.find((d) => d.kind === 'standard');
    if (standard)
      await this.deps.collab().applyServerChange(standard.id, user.id, (doc) => writeCoverStage(doc, body.stageLabel));

    const number =
      store.collection('submissions').findMany({ projectId: project.id, stageLabel: body.stageLabel }).length + 1;
    const submission: Submission = {
      id: newId('sub'),
      projectId: project.id,
      stageLabel: body.stageLabel,
      number,
      fromStage: project.stage,
      status: firstCheckLevel(store, project) === 'local' ? 'local-check' : 'province-check',
      documents: [],
      checklist,
      submittedBy: user.id,
      submittedAt: new Date().toISOString(),
      decisions: [],
      package: { status: 'building' },
    };
    // Recording it locks the texts: from here on no edit reaches them, and the freeze reads what was sent.
    await stages.reauthorizing(project.id, () => store.collection('submissions').insert(submission));
    let documents: SubmittedDocument[];
    try {
      documents = await this.freeze(project, submission, user);
    } catch (error) {
      await stages.reauthorizing(project.id, () => store.collection('submissions').remove(submission.id));
      throw error;
    }
    const recorded = await store.collection('submissions').update(submission.id, { documents });
    if (!recorded) throw new NotFound('submission not found');
    await audit.record(project.id, user.id, 'submission.submitted', {
      submissionId: submission.id,
      stageLabel: submission.stageLabel,
      number,
    });
    if (transitionFrom(project.stage, 'submit'))
      await stages.move(project.id, {
        action: 'submit',
        actorId: user.id,
        note: `${submission.stageLabel}（第${number}次提交）`,
        submissionId: submission.id,
      });
    else stages.announce(project.id);
    this.deps.packages.build(recorded);
    return recorded;
  }

  /** The three documents frozen as versions of kind `submission` (the standard text with its credits). */
  private async freeze(project: Project, submission: Submission, user: UserRecord): Promise<SubmittedDocument[]> {
    const credits = draftingCredits(memberViews(this.deps.store, project.id));
    const name = `${submission.stageLabel}（第${submission.number}次提交）`;
    const documents: SubmittedDocument[] = [];
    for (const document of project.documents) {
      const { version } = await this.deps.versions.create({
        projectId: project.id,
        documentId: document.id,
        kind: 'submission',
        name,
        userId: user.id,
        submissionId: submission.id,
        ...(document.kind === 'standard' ? { draftingCredits: credits } : {}),
      });
      documents.push({ documentId: document.id, kind: document.kind, versionId: version.id });
    }
    return documents;
  }
}
