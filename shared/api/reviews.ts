/** Response shapes of the technical review's API (技术审评). */
import type { PeriodicReview, PeriodicReviewConclusion, Publication } from '../workflow/publication.js';
import type { ExpertOpinion, ReviewComment, ReviewConclusion, TechnicalReview } from '../workflow/reviews.js';

export interface ReviewExpertView {
  userId: string;
  name: string;
  organizationName: string;
  /** Whether the expert recorded an opinion and vote (shown to everyone; the vote itself follows `opinions`). */
  voted: boolean;
}

export interface ExpertOpinionView extends ExpertOpinion {
  expertName: string;
}

export interface ReviewCommentView extends ReviewComment {
  expertName: string;
  expertOrganization: string;
}

/** What the caller may do with the review. */
export interface ReviewActions {
  /** The caller is an invited expert and the review is open: record the opinion, vote and comment. */
  vote: boolean;
  /** Provincial staff close the open review. */
  close: boolean;
  /** The drafting group decides the review comments (once the review is closed). */
  decide: boolean;
}

/**
 * GET /api/reviews/:id — the review with what the caller may see: until it closes an expert sees only
 * their own opinion and comments; the drafting group and the bureaus see all of them.
 */
export interface ReviewView extends Omit<TechnicalReview, 'conclusion'> {
  projectName: string;
  stageLabel: '送审稿';
  submissionNumber: number;
  experts: ReviewExpertView[];
  opinions: ExpertOpinionView[];
  comments: ReviewCommentView[];
  /** The vote count and conclusion (live while open; as stored once closed). */
  conclusion: ReviewConclusion;
  /** The caller's own opinion, if any. */
  myOpinion: ExpertOpinion | null;
  actions: ReviewActions;
}

/** An expert invited by e-mail who has no account yet: the link to pass on. */
export interface ExpertInvitationLink {
  email: string;
  link: string;
  expiresAt: string;
}

/** POST /api/projects/:id/reviews — the opened review and the links of the experts invited by e-mail. */
export interface OpenReviewResponse extends ReviewView {
  invitationLinks: ExpertInvitationLink[];
}

/** GET /api/projects/:id/reviews — one row per review. */
export interface ReviewSummary {
  id: string;
  number: number;
  meetingDate: string;
  closedAt: string | null;
  conclusion: ReviewConclusion;
  /** The caller is one of its experts. */
  invited: boolean;
}

/** The experts a review may invite: the project's members with the review-expert relation. */
export interface ReviewCandidate {
  userId: string;
  name: string;
  organizationName: string;
}

/** GET /api/projects/:id/reviews */
export interface ProjectReviews {
  reviews: ReviewSummary[];
  /** Provincial staff may open a review now (an accepted 送审稿, the project in 技术审评, none open). */
  mayOpen: boolean;
  candidates: ReviewCandidate[];
}

/** GET /api/projects/:id/publication — 发布与认定. */
export interface PublicationView {
  publication: (Publication & { recordedByName: string }) | null;
  /** Provincial staff record it once the 报批稿 is accepted (the project is in 发布与认定 or later). */
  mayRecord: boolean;
  /** The next free registration number of this year, for the form. */
  suggestedRegistrationNumber: string;
  /** 复审: the periodic reviews, oldest first; whether the caller may record one; whether one is due. */
  periodicReviews: (PeriodicReview & { recordedByName: string })[];
  mayReviewPeriodically: boolean;
  periodicReviewDue: boolean;
}

/** One row of the recognition list (认定目录): a standard with its registration number. */
export interface RecognitionRow {
  projectId: string;
  standardNumber: string;
  registrationNumber: string;
  nameZh: string;
  leadOrganizationName: string;
  publicationDate: string;
  implementationDate: string;
  /** 废止 by a periodic review, else in force. */
  abolished: boolean;
  /** The latest 复审 conclusion, if any. */
  lastPeriodicReview: PeriodicReviewConclusion | null;
  /** Published more than three years ago without a review since. */
  periodicReviewDue: boolean;
}
