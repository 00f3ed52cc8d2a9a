/**
 * The technical review (技术审评): provincial staff convene the invited experts on the accepted
 * 送审稿 (its frozen texts), each expert records their own opinion on the five dimensions and a vote
 * (changeable until the review closes) and writes review comments anchored to clauses of the frozen
 * standard text; closing stores the computed 审评结论 and moves the project through StageService —
 * 技术审评 → 报批 when it passed (editing reopens), back to 送审 when it failed (revise, submit again).
 * Steps of a project run one at a time, in the same queue as its submissions.
 */
import type { ExpertInvitationLink, ProjectReviews, ReviewView } from '@shared/api/reviews.js';
import { computeNumbering } from '@shared/editor/structure/numbering.js';
import type { ExpertOpinion, ReviewComment, TechnicalReview } from '@shared/workflow/reviews.js';
import { REVIEW_VOTE_LABELS, reviewConclusion } from '@shared/workflow/reviews.js';
import type {
  OpenReviewBody,
  OpinionBody,
  ReviewCommentBody,
  ReviewCommentDecisionBody,
} from '@shared/validation/reviews.js';
import type { ProjectGrant } from '../../access/projectAccess.js';
import type { ReviewGrant } from '../../access/reviewAccess.js';
import { isReviewExpert, mayConveneReview, mayDecideReviewComments } from '../../access/reviewAccess.js';
import { newId } from '../../auth/tokens.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../../domain/errors.js';
import type { KeyedQueue } from '../../lib/KeyedQueue.js';
import type { AuditLog } from '../../services/AuditLog.js';
import type { MetadataStore } from '../../storage/types.js';
import type { VersionService } from '../../versions/VersionService.js';
import type { StageService } from '../StageService.js';
import type { ExpertInvitations } from './ExpertInvitations.js';
import { opinionsOf, reviewCandidates, reviewSummary, reviewView } from './views.js';

const CONVENERS_ONLY = 'only provincial bureau staff convene and close technical reviews';

export class ReviewService {
  constructor(
    private readonly store: MetadataStore,
    private readonly stages: StageService,
    private readonly versions: VersionService,
    private readonly audit: AuditLog,
    /** The project's workflow queue (shared with submissions and decisions). */
    private readonly steps: KeyedQueue,
    /** 邀请专家: experts invited by e-mail when the review opens. */
    readonly invitations: ExpertInvitations,
  ) {}

  private reviews(projectId: string): TechnicalReview[] {
    return this.store
      .collection('technicalReviews')
      .findMany({ projectId })
      .sort((a, b) => a.number - b.number);
  }

  /** The accepted 送审稿 the experts judge: the project's latest accepted one. */
  private acceptedReviewDraft(projectId: string) {
    return this.store
      .collection('submissions')
      .findMany({ projectId, stageLabel: '送审稿', status: 'accepted' })
      .sort((a, b) => b.number - a.number)[0];
  }

  private mayOpenNow(grant: ProjectGrant): boolean {
    const { project } = grant;
    return (
      mayConveneReview(grant, this.store) &&
      project.stage === 'technical-review' &&
      this.acceptedReviewDraft(project.id) !== undefined &&
      !this.reviews(project.id).some((r) => r.closedAt === null)
    );
  }

  /** The review as stored now (a vote, a comment or the close just changed it), as its viewer sees it. */
  view(grant: ProjectGrant & { review: TechnicalReview }): ReviewView {
    const review = this.store.collection('technicalReviews').get(grant.review.id) ?? grant.review;
    return reviewView(this.store, { ...grant, review });
  }

  list(grant: ProjectGrant): ProjectReviews {
    return {
      reviews: this.reviews(grant.project.id).map((r) => reviewSummary(this.store, r, grant)),
      mayOpen: this.mayOpenNow(grant),
      candidates: reviewCandidates(this.store, grant.project),
    };
  }

  assertMayConvene(grant: ProjectGrant): void {
    if (!mayConveneReview(grant, this.store)) throw new Forbidden(CONVENERS_ONLY);
  }

  /**
   * Opens the review with the chosen review experts and those invited by e-mail (`baseUrl` makes the
   * invitation links); an expert without an account joins once they accept their link.
   */
  open(
    grant: ProjectGrant,
    body: OpenReviewBody,
    baseUrl: string,
  ): Promise<{ review: TechnicalReview; links: ExpertInvitationLink[] }> {
    this.assertMayConvene(grant);
    return this.steps.run(grant.project.id, async () => {
      const project = this.store.collection('projects').get(grant.project.id);
      if (!project) throw new NotFound('project not found');
      if (project.stage !== 'technical-review')
        throw new Conflict(`a technical review is opened in the stage technical-review, not ${project.stage}`);
      const submission = this.acceptedReviewDraft(project.id);
      if (!submission) throw new Conflict('the project has no accepted 送审稿 to review');
      if (this.reviews(project.id).some((r) => r.closedAt === null))
        throw new Conflict('a technical review of this project is already open');
      const candidates = new Set(reviewCandidates(this.store, project).map((c) => c.userId));
      const unknown = body.expertIds.findIndex((id) => !candidates.has(id));
      if (unknown >= 0)
        throw new Invalid('every expert must be a review expert of the project', [
          { path: `expertIds.${unknown}`, message: 'not a review expert of the project' },
        ]);
      this.invitations.check(project, body.invitations);
      const invited = await this.invitations.invite(project, body.invitations, grant.user, baseUrl);
      const expertIds = [...new Set([...body.expertIds, ...invited.expertIds])];
      const review: TechnicalReview = {
        id: newId('rev'),
        projectId: project.id,
        number: this.reviews(project.id).length + 1,
        submissionId: submission.id,
        documents: submission.documents,
        meetingDate: body.meetingDate,
        expertIds,
        invitedEmails: invited.links.map((l) => l.email),
        openedBy: grant.user.id,
        openedAt: new Date().toISOString(),
        closedAt: null,
        closedBy: null,
        conclusion: null,
      };
      await this.store.collection('technicalReviews').insert(review);
      await this.audit.record(project.id, grant.user.id, 'review.opened', {
        reviewId: review.id,
        submissionId: submission.id,
        meetingDate: review.meetingDate,
        experts: review.expertIds.length,
        invitedByEmail: body.invitations.length,
      });
      this.stages.announce(project.id);
      return { review, links: invited.links };
    });
  }

  /** Refuses anyone but an invited expert, and anything after the review closed. */
  assertMayVote({ review, user }: ReviewGrant): TechnicalReview {
    if (!isReviewExpert(review, user)) throw new Forbidden('only the invited experts record opinions and comments');
    const current = this.store.collection('technicalReviews').get(review.id);
    if (!current) throw new NotFound('review not found');
    if (current.closedAt !== null) throw new Conflict('the technical review is closed');
    return current;
  }

  /** The caller's own opinion and vote (replacing the one recorded before). */
  recordOpinion(grant: ReviewGrant, body: OpinionBody): Promise<ExpertOpinion> {
    this.assertMayVote(grant);
    return this.steps.run(grant.project.id, async () => {
      const review = this.assertMayVote(grant);
      const opinions = this.store.collection('reviewOpinions');
      const id = `${review.id}.${grant.user.id}`;
      const opinion: ExpertOpinion = {
        id,
        reviewId: review.id,
        expertId: grant.user.id,
        dimensions: body.dimensions,
        vote: body.vote,
        updatedAt: new Date().toISOString(),
      };
      const previous = opinions.get(id);
      if (previous) await opinions.update(id, opinion);
      else await opinions.insert(opinion);
      await this.audit.record(review.projectId, grant.user.id, 'review.opinion-recorded', {
        reviewId: review.id,
        vote: body.vote,
        changed: previous !== undefined,
      });
      this.stages.announce(review.projectId);
      return opinion;
    });
  }

  /** The clause's label in the frozen 送审稿 (an unknown clause is refused). */
  private async clauseLabel(review: TechnicalReview, body: ReviewCommentBody): Promise<string> {
    if (!body.clauseId) return body.clauseLabel;
    const standard = review.documents.find((d) => d.kind === 'standard');
    if (!standard) throw new Invalid('the review has no standard text to anchor comments to');
    const { snapshot } = await this.versions.content(standard.versionId);
    const label = computeNumbering(snapshot.json).byId[body.clauseId]?.label;
    if (!label)
      throw new Invalid('the comment names a clause the reviewed text does not have', [
        { path: 'clauseId', message: 'not a clause of the reviewed text' },
      ]);
    return label;
  }

  addComment(grant: ReviewGrant, body: ReviewCommentBody): Promise<ReviewComment> {
    this.assertMayVote(grant);
    return this.steps.run(grant.project.id, async () => {
      const review = this.assertMayVote(grant);
      const clauseLabel = await this.clauseLabel(review, body);
      const comments = this.store.collection('reviewComments');
      const now = new Date().toISOString();
      const comment: ReviewComment = {
        id: newId('rvc'),
        reviewId: review.id,
        projectId: review.projectId,
        seq: comments.findMany({ reviewId: review.id }).length + 1,
        expertId: grant.user.id,
        clauseId: body.clauseId,
        clauseLabel,
        element: body.element,
        commentType: body.commentType,
        comment: body.comment,
        proposedChange: body.proposedChange,
        decision: null,
        reason: '',
        createdAt: now,
        updatedAt: now,
      };
      await comments.insert(comment);
      await this.audit.record(review.projectId, grant.user.id, 'review.comment-added', {
        reviewId: review.id,
        commentId: comment.id,
        clauseLabel,
      });
      this.stages.announce(review.projectId);
      return comment;
    });
  }

  assertMayDecide(grant: ReviewGrant): void {
    if (!mayDecideReviewComments(grant)) throw new Forbidden('only the drafting group decides review comments');
  }

  /** The drafting group decides an expert's comment (采纳 / 部分采纳 / 不采纳 with a reason) once the review closed. */
  decideComment(grant: ReviewGrant, commentId: string, body: ReviewCommentDecisionBody): Promise<ReviewComment> {
    this.assertMayDecide(grant);
    return this.steps.run(grant.project.id, async () => {
      const comments = this.store.collection('reviewComments');
      const comment = comments.get(commentId);
      if (!comment || comment.reviewId !== grant.review.id) throw new NotFound('review comment not found');
      if (this.store.collection('technicalReviews').get(grant.review.id)?.closedAt === null)
        throw new Conflict('review comments are decided once the review is closed');
      const updated = await comments.update(comment.id, {
        decision: body.decision,
        reason: body.reason,
        updatedAt: new Date().toISOString(),
      });
      if (!updated) throw new NotFound('review comment not found');
      await this.audit.record(grant.project.id, grant.user.id, 'review.comment-decided', {
        reviewId: grant.review.id,
        commentId: comment.id,
        decision: body.decision,
      });
      this.stages.announce(grant.project.id);
      return updated;
    });
  }

  /**
   * Closes the review with its computed conclusion and moves the project on: 技术审评 → 报批 when it
   * passed, back to 送审 (the 送审稿 revised and submitted again) when it failed.
   */
  close(grant: ReviewGrant): Promise<TechnicalReview> {
    this.assertMayConvene(grant);
    return this.steps.run(grant.project.id, async () => {
      const review = this.store.collection('technicalReviews').get(grant.review.id);
      if (!review) throw new NotFound('review not found');
      if (review.closedAt !== null) throw new Conflict('the technical review is already closed');
      if (this.store.collection('projects').get(review.projectId)?.stage !== 'technical-review')
        throw new Conflict('the project is no longer in the technical review');
      const conclusion = reviewConclusion(
        review.expertIds.length,
        opinionsOf(this.store, review).map((o) => o.vote),
      );
      const inFavour = conclusion.votes.pass + conclusion.votes['pass-with-changes'];
      const note = `第${review.number}次技术审评${conclusion.passed ? '通过' : '未通过'}（${conclusion.experts}位专家，${REVIEW_VOTE_LABELS.pass}${conclusion.votes.pass}票、${REVIEW_VOTE_LABELS['pass-with-changes']}${conclusion.votes['pass-with-changes']}票、${REVIEW_VOTE_LABELS.fail}${conclusion.votes.fail}票）`;
      const closed = await this.stages.reauthorizing(review.projectId, async () => {
        const changed = await this.store.collection('technicalReviews').update(review.id, {
          closedAt: new Date().toISOString(),
          closedBy: grant.user.id,
          conclusion,
        });
        if (!changed) throw new NotFound('review not found');
        await this.stages.recordMove(review.projectId, {
          action: conclusion.passed ? 'review-passed' : 'review-failed',
          actorId: grant.user.id,
          note,
          submissionId: review.submissionId,
        });
        return changed;
      });
      await this.audit.record(review.projectId, grant.user.id, 'review.closed', {
        reviewId: review.id,
        passed: conclusion.passed,
        inFavour,
        experts: conclusion.experts,
      });
      this.stages.announce(review.projectId);
      return closed;
    });
  }
}
