/**
 * The technical review (技术审评) of an accepted 送审稿: the province convenes review experts, who
 * judge the frozen text on five dimensions, write clause-anchored review comments (the consultation
 * item model: clause, comment, proposed change, decided 采纳 / 部分采纳 / 不采纳 with reasons) and
 * vote. The 审评结论 is computed, never typed: the review passes when at least three quarters of the
 * experts vote 通过 or 修改后通过.
 */
import type { ConsultationItem } from '../domain/consultation.js';
import type { SubmittedDocument } from './submissions.js';

/** 合规性 / 必要性 / 先进性 / 经济性 / 可操作性 */
export const REVIEW_DIMENSIONS = ['compliance', 'necessity', 'advancement', 'economy', 'operability'] as const;
export type ReviewDimension = (typeof REVIEW_DIMENSIONS)[number];

export const REVIEW_DIMENSION_LABELS: Record<ReviewDimension, string> = {
  compliance: '合规性',
  necessity: '必要性',
  advancement: '先进性',
  economy: '经济性',
  operability: '可操作性',
};

/** 符合 / 基本符合 / 不符合 */
export const DIMENSION_RATINGS = ['conforms', 'mostly-conforms', 'nonconforming'] as const;
export type DimensionRating = (typeof DIMENSION_RATINGS)[number];

export const DIMENSION_RATING_LABELS: Record<DimensionRating, string> = {
  conforms: '符合',
  'mostly-conforms': '基本符合',
  nonconforming: '不符合',
};

/** 通过 / 修改后通过 / 不通过 */
export const REVIEW_VOTES = ['pass', 'pass-with-changes', 'fail'] as const;
export type ReviewVote = (typeof REVIEW_VOTES)[number];

export const REVIEW_VOTE_LABELS: Record<ReviewVote, string> = {
  pass: '通过',
  'pass-with-changes': '修改后通过',
  fail: '不通过',
};

export interface DimensionOpinion {
  rating: DimensionRating;
  remark: string;
}

/** One expert's opinion: every dimension and the vote (changeable until the review closes). */
export interface ExpertOpinion {
  /** `${reviewId}/${expertId}`: one per expert and review. */
  id: string;
  reviewId: string;
  expertId: string;
  dimensions: Record<ReviewDimension, DimensionOpinion>;
  vote: ReviewVote;
  updatedAt: string;
}

/** The vote count and the conclusion computed from it. */
export interface ReviewConclusion {
  experts: number;
  voted: number;
  votes: Record<ReviewVote, number>;
  /** 通过 + 修改后通过 ≥ three quarters of the experts. */
  passed: boolean;
}

export interface TechnicalReview {
  id: string;
  projectId: string;
  /** 1, 2 … within the project (a failed review sends the 送审稿 back; the next is reviewed again). */
  number: number;
  /** The accepted 送审稿 submission whose frozen texts the experts judge. */
  submissionId: string;
  documents: SubmittedDocument[];
  /** YYYY-MM-DD */
  meetingDate: string;
  /** The invited experts (users with the review-expert relation in the project). */
  expertIds: string[];
  /**
   * E-mails invited by link who have no account yet: accepting the invitation makes them review
   * experts of the project and adds them to `expertIds` while the review is open.
   */
  invitedEmails?: string[];
  openedBy: string;
  openedAt: string;
  closedAt: string | null;
  closedBy: string | null;
  /** Stored when the review closes (computed live while it is open). */
  conclusion: ReviewConclusion | null;
}

/**
 * A review comment: the consultation item's clause, comment and decision fields, written by an
 * expert on the frozen 送审稿 and decided by the drafting group in the 报批 stage.
 */
export type ReviewComment = Pick<
  ConsultationItem,
  | 'clauseId'
  | 'clauseLabel'
  | 'element'
  | 'commentType'
  | 'comment'
  | 'proposedChange'
  | 'decision'
  | 'reason'
  | 'createdAt'
  | 'updatedAt'
> & {
  id: string;
  reviewId: string;
  projectId: string;
  /** 1, 2 … in order of recording within the review. */
  seq: number;
  expertId: string;
};

/** The 审评结论 over the votes given, counted against every invited expert. */
export function reviewConclusion(experts: number, votes: readonly ReviewVote[]): ReviewConclusion {
  const count: Record<ReviewVote, number> = { pass: 0, 'pass-with-changes': 0, fail: 0 };
  for (const vote of votes) count[vote] += 1;
  const inFavour = count.pass + count['pass-with-changes'];
  return { experts, voted: votes.length, votes: count, passed: experts > 0 && inFavour * 4 >= experts * 3 };
}
