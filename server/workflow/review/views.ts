/** A technical review as the API shows it: names, the live vote count, and only what the caller may see. */
import type { ProjectReviews, ReviewSummary, ReviewView } from '@shared/api/reviews.js';
import type { Project } from '@shared/domain/project.js';
import type { ExpertOpinion, ReviewComment, TechnicalReview } from '@shared/workflow/reviews.js';
import { reviewConclusion } from '@shared/workflow/reviews.js';
import type { ProjectGrant } from '../../access/projectAccess.js';
import { isReviewExpert, mayConveneReview, mayDecideReviewComments, seesOnlyOwn } from '../../access/reviewAccess.js';
import type { MetadataStore } from '../../storage/types.js';

export function opinionsOf(store: MetadataStore, review: TechnicalReview): ExpertOpinion[] {
  // Only the opinions of the review's experts count (an expert removed from the list no longer votes).
  return store
    .collection('reviewOpinions')
    .findMany({ reviewId: review.id })
    .filter((o) => review.expertIds.includes(o.expertId));
}

export function commentsOf(store: MetadataStore, reviewId: string): ReviewComment[] {
  return store
    .collection('reviewComments')
    .findMany({ reviewId })
    .sort((a, b) => a.seq - b.seq);
}

/** The conclusion as stored at closing, or computed now from the votes given. */
export function conclusionOf(store: MetadataStore, review: TechnicalReview) {
  return (
    review.conclusion ??
    reviewConclusion(
      review.expertIds.length,
      opinionsOf(store, review).map((o) => o.vote),
    )
  );
}

export function reviewView(store: MetadataStore, grant: ProjectGrant & { review: TechnicalReview }): ReviewView {
  const { review, user, project } = grant;
  const users = store.collection('users');
  const organizations = store.collection('organizations');
  const userName = (id: string) => users.get(id)?.name ?? '';
  const organizationName = (id: string) => organizations.get(users.get(id)?.organizationId ?? '')?.name ?? '';
  const ownOnly = seesOnlyOwn(review, user);
  const opinions = opinionsOf(store, review);
  const submission = store.collection('submissions').get(review.submissionId);
  const open = review.closedAt === null;
  return {
    ...review,
    projectName: project.nameZh,
    stageLabel: '送审稿',
    submissionNumber: submission?.number ?? 0,
    experts: review.expertIds.map((id) => ({
      userId: id,
      name: userName(id),
      organizationName: organizationName(id),
      voted: opinions.some((o) => o.expertId === id),
    })),
    opinions: opinions
      .filter((o) => !ownOnly || o.expertId === user.id)
      .map((o) => ({ ...o, expertName: userName(o.expertId) })),
    comments: commentsOf(store, review.id)
      .filter((c) => !ownOnly || c.expertId === user.id)
      .map((c) => ({ ...c, expertName: userName(c.expertId), expertOrganization: organizationName(c.expertId) })),
    conclusion: conclusionOf(store, review),
    myOpinion: opinions.find((o) => o.expertId === user.id) ?? null,
    actions: {
      vote: open && isReviewExpert(review, user),
      close: open && mayConveneReview(grant, store),
      decide: !open && mayDecideReviewComments(grant),
    },
  };
}

export function reviewSummary(store: MetadataStore, review: TechnicalReview, grant: ProjectGrant): ReviewSummary {
  return {
    id: review.id,
    number: review.number,
    meetingDate: review.meetingDate,
    closedAt: review.closedAt,
    conclusion: conclusionOf(store, review),
    invited: isReviewExpert(review, grant.user),
  };
}

/** The project's members with the review-expert relation (whom a review may invite). */
export function reviewCandidates(store: MetadataStore, project: Project): ProjectReviews['candidates'] {
  const users = store.collection('users');
  const organizations = store.collection('organizations');
  const seen = new Set<string>();
  return store
    .collection('members')
    .findMany({ projectId: project.id, relation: 'review-expert' })
    .filter((m) => !seen.has(m.userId) && seen.add(m.userId))
    .map((m) => ({
      userId: m.userId,
      name: users.get(m.userId)?.name ?? '',
      organizationName: organizations.get(m.organizationId)?.name ?? '',
    }));
}
