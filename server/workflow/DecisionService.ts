/**
 * The bureaus' check of a submission: staff of the project's supervising local bureau accept it
 * (forwarding it to the province) or return it with reasons — one per problem, each optionally
 * anchored to a clause of the frozen standard text; provincial staff then accept it (the project
 * moves on: 送审 → 技术审评, 报批 → 发布与认定) or return it. A return reopens editing; the group
 * fixes the reasons and submits again. Decisions of a project are made one at a time.
 */
import { computeNumbering } from '@shared/editor/structure/numbering.js';
import type { ReturnReason, Submission, SubmissionDecision, SubmissionStatus } from '@shared/workflow/submissions.js';
import { levelOf } from '@shared/workflow/submissions.js';
import type { DecisionBody } from '@shared/validation/workflow.js';
import type { ProjectGrant } from '../access/projectAccess.js';
import { decidingBureau } from '../access/workflowAccess.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../domain/errors.js';
import type { AuditLog } from '../services/AuditLog.js';
import type { MetadataStore } from '../storage/types.js';
import type { VersionService } from '../versions/VersionService.js';
import type { StageService } from './StageService.js';
import type { SubmissionService } from './SubmissionService.js';

const WHO_DECIDES = {
  local: "only staff of the project's supervising local bureau check a submission first",
  province: 'only provincial bureau staff decide on a submission the local bureau forwarded',
} as const;

export class DecisionService {
  constructor(
    private readonly store: MetadataStore,
    private readonly submissions: SubmissionService,
    private readonly stages: StageService,
    private readonly versions: VersionService,
    private readonly audit: AuditLog,
  ) {}

  decide(grant: ProjectGrant & { submission: Submission }, body: DecisionBody): Promise<Submission> {
    return this.submissions.steps.run(grant.project.id, () => this.decideNow(grant, body));
  }

  /** Each reason's clause, resolved in the submitted standard text (an unknown clause is refused). */
  private async reasons(submission: Submission, body: DecisionBody): Promise<ReturnReason[]> {
    const written = (reason: DecisionBody['reasons'][number]): ReturnReason => ({
      text: reason.text,
      clauseId: null,
      clauseLabel: reason.clauseLabel || null,
    });
    if (!body.reasons.some((r) => r.clauseId)) return body.reasons.map(written);
    const standard = submission.documents.find((d) => d.kind === 'standard');
    if (!standard) throw new Invalid('the submission has no standard text to anchor reasons to');
    const { snapshot } = await this.versions.content(standard.versionId);
    const numbering = computeNumbering(snapshot.json);
    return body.reasons.map((reason, index) => {
      if (!reason.clauseId) return written(reason);
      const label = numbering.byId[reason.clauseId]?.label;
      if (!label)
        throw new Invalid('a reason names a clause the submitted standard text does not have', [
          { path: `reasons.${index}.clauseId`, message: 'not a clause of the submitted text' },
        ]);
      return { text: reason.text, clauseId: reason.clauseId, clauseLabel: label };
    });
  }

  private async decideNow(grant: ProjectGrant & { submission: Submission }, body: DecisionBody): Promise<Submission> {
    const { user } = grant;
    const submission = this.store.collection('submissions').get(grant.submission.id);
    const project = this.store.collection('projects').get(grant.project.id);
    if (!submission || !project) throw new NotFound('submission not found');
    // Rights first (the bureaus that check this project at either step), then the submission's state.
    if (!decidingBureau(this.store, user, project, 'local') && !decidingBureau(this.store, user, project, 'province'))
      throw new Forbidden('only the bureaus that check this project decide on its submissions');
    const level = levelOf(submission.status);
    if (!level) throw new Conflict(`the submission was already ${submission.status}`);
    const bureau = decidingBureau(this.store, user, project, level);
    if (!bureau) throw new Forbidden(WHO_DECIDES[level]);
    const decision: SubmissionDecision = {
      level,
      decision: body.decision,
      reasons: await this.reasons(submission, body),
      note: body.note,
      bureauId: bureau.id,
      decidedBy: user.id,
      decidedAt: new Date().toISOString(),
    };
    const status: SubmissionStatus =
      body.decision === 'return' ? 'returned' : level === 'local' ? 'province-check' : 'accepted';
    const title = `${submission.stageLabel}（第${submission.number}次提交）`;
    const updated = await this.stages.reauthorizing(project.id, async () => {
      const changed = await this.store
        .collection('submissions')
        .update(submission.id, { status, decisions: [...submission.decisions, decision] });
      if (!changed) throw new NotFound('submission not found');
      // The province's acceptance moves the project on in the same step, so the texts stay locked.
      if (status === 'accepted')
        await this.stages.recordMove(project.id, {
          action: 'accept',
          actorId: user.id,
          note: body.note ? `${title}受理：${body.note}` : `${title}受理`,
          submissionId: submission.id,
        });
      return changed;
    });
    await this.audit.record(project.id, user.id, `submission.${body.decision === 'return' ? 'returned' : 'accepted'}`, {
      submissionId: submission.id,
      level,
      reasons: decision.reasons.length,
      note: body.note,
    });
    this.stages.announce(project.id);
    return updated;
  }
}
