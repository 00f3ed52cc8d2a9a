/**
 * Rights in a technical review (技术审评), derived from the project access and the bureau rules of
 * workflowAccess.ts: provincial staff who follow the project open and close reviews; only the
 * invited experts record opinions, votes and comments, each only their own; until the review closes
 * an expert sees only their own opinion and comments; the drafting group decides the comments.
 */
import type { TechnicalReview } from '@shared/workflow/reviews.js';
import type { MetadataStore, UserRecord } from '../storage/types.js';
import type { ProjectGrant } from './projectAccess.js';
import { accessFor, mayHandleItems } from './projectAccess.js';
import { mayMoveStage } from './workflowAccess.js';

export interface ReviewGrant extends ProjectGrant {
  review: TechnicalReview;
}

/** The review with the caller's rights, or null when the caller cannot view its project. */
export function reviewGrantFor(store: MetadataStore, user: UserRecord, reviewId: string): ReviewGrant | null {
  const review = store.collection('technicalReviews').get(reviewId);
  const project = review ? store.collection('projects').get(review.projectId) : undefined;
  const access = project ? accessFor(store, user, project) : null;
  if (!review || !project || !access?.canView) return null;
  return { user, project, access, review };
}

/** Provincial staff who follow the project convene and close its reviews. */
export function mayConveneReview({ user, project }: ProjectGrant, store: MetadataStore): boolean {
  return mayMoveStage(store, user, project);
}

/** The caller is one of the review's experts. */
export function isReviewExpert(review: TechnicalReview, user: UserRecord): boolean {
  return review.expertIds.includes(user.id);
}

/** An expert sees only their own opinion and comments until the review closes; everyone else all. */
export function seesOnlyOwn(review: TechnicalReview, user: UserRecord): boolean {
  return review.closedAt === null && isReviewExpert(review, user);
}

/** The writers of the text (lead, drafters) decide the experts' comments. */
export function mayDecideReviewComments({ access }: ProjectGrant): boolean {
  return access.role !== null && mayHandleItems(access.role);
}
