/**
 * 邀请专家: the province invites review experts by e-mail when it opens a review, through the
 * project's invitation flow (MembershipService: relation review-expert, role reviewer). A review
 * expert of the project joins the review at once; an existing user joins the project as a review
 * expert and the review at once; someone without an account gets an invitation link, and accepting it
 * (the member is created by MembershipService) adds them to the review while it is open.
 */
import type { ExpertInvitationLink } from '@shared/api/reviews.js';
import { memberFitProblem } from '@shared/domain/memberRoles.js';
import type { Project } from '@shared/domain/project.js';
import type { TechnicalReview } from '@shared/workflow/reviews.js';
import type { ExpertInvitationBody } from '@shared/validation/reviews.js';
import { Conflict, Invalid } from '../../domain/errors.js';
import type { KeyedQueue } from '../../lib/KeyedQueue.js';
import type { AuditLog } from '../../services/AuditLog.js';
import type { MembershipService } from '../../services/MembershipService.js';
import type { MetadataStore, UserRecord } from '../../storage/types.js';
import type { StageService } from '../StageService.js';

export interface InvitedExperts {
  /** Users who are review experts of the project now. */
  expertIds: string[];
  /** E-mails without an account: their links. */
  links: ExpertInvitationLink[];
}

export class ExpertInvitations {
  constructor(
    private readonly store: MetadataStore,
    private readonly membership: () => MembershipService,
    private readonly stages: StageService,
    private readonly audit: AuditLog,
    private readonly steps: KeyedQueue,
  ) {}

  /** Refuses, before anything is written, an invitation that cannot be carried out. */
  check(project: Project, invitations: readonly ExpertInvitationBody[]): void {
    invitations.forEach((invitation, index) => {
      const user = this.store.collection('users').findOne({ email: invitation.email });
      const member = user && this.store.collection('members').findOne({ projectId: project.id, userId: user.id });
      if (member) {
        if (member.relation !== 'review-expert')
          throw new Conflict(`${invitation.email} is already a member of the project in another relation`);
        return;
      }
      const organizationId = user?.organizationId ?? invitation.organizationId;
      const organization = organizationId ? this.store.collection('organizations').get(organizationId) : undefined;
      if (!organizationId || !organization)
        throw new Invalid('an organization is required to invite a new expert', [
          { path: `invitations.${index}.organizationId`, message: 'required for a new user' },
        ]);
      const problem = memberFitProblem(
        { relation: 'review-expert', role: 'reviewer', organizationId, organizationKind: organization.kind },
        project,
      );
      if (problem)
        throw new Invalid(`${invitation.email}: ${problem.message}`, [
          { path: `invitations.${index}.email`, message: problem.message },
        ]);
    });
  }

  /** Invites each e-mail (see the file comment); `check` has passed. */
  async invite(
    project: Project,
    invitations: readonly ExpertInvitationBody[],
    actor: UserRecord,
    baseUrl: string,
  ): Promise<InvitedExperts> {
    const result: InvitedExperts = { expertIds: [], links: [] };
    for (const invitation of invitations) {
      const user = this.store.collection('users').findOne({ email: invitation.email });
      const member = user && this.store.collection('members').findOne({ projectId: project.id, userId: user.id });
      if (user && member) {
        result.expertIds.push(user.id);
        continue;
      }
      const response = await this.membership().invite(
        project,
        {
          email: invitation.email,
          role: 'reviewer',
          relation: 'review-expert',
          organizationId: invitation.organizationId,
        },
        actor,
        baseUrl,
      );
      if (response.kind === 'added') result.expertIds.push(response.member.userId);
      else
        result.links.push({
          email: response.invitation.email,
          link: response.link,
          expiresAt: response.invitation.expiresAt,
        });
    }
    return result;
  }

  /** After `user` accepted an invitation: they join every open review that invited their e-mail. */
  async joined(user: UserRecord): Promise<void> {
    const waiting = this.store
      .collection('technicalReviews')
      .findMany()
      .filter((r) => r.closedAt === null && (r.invitedEmails ?? []).includes(user.email));
    for (const review of waiting) await this.steps.run(review.projectId, () => this.join(review.id, user));
  }

  private async join(reviewId: string, user: UserRecord): Promise<void> {
    const review: TechnicalReview | undefined = this.store.collection('technicalReviews').get(reviewId);
    if (!review || review.closedAt !== null) return;
    const expert = this.store
      .collection('members')
      .findOne({ projectId: review.projectId, userId: user.id, relation: 'review-expert' });
    if (!expert) return;
    await this.store.collection('technicalReviews').update(review.id, {
      expertIds: review.expertIds.includes(user.id) ? review.expertIds : [...review.expertIds, user.id],
      invitedEmails: (review.invitedEmails ?? []).filter((e) => e !== user.email),
    });
    await this.audit.record(review.projectId, user.id, 'review.expert-joined', { reviewId: review.id });
    this.stages.announce(review.projectId);
  }
}
