/** Request bodies of the technical review (技术审评) and publication (发布与认定) API, validated on the server and reused by the client's forms. */
import { z } from 'zod';
import { COMMENT_ELEMENTS, COMMENT_TYPES, DECISIONS } from '../domain/consultation.js';
import { ZHEJIANG_MADE_NUMBER } from '../checker/rules/cover.js';
import { isCalendarDate } from '../domain/planDates.js';
import { email } from './fields.js';
import { PERIODIC_REVIEW_CONCLUSIONS, REGISTRATION_NUMBER } from '../workflow/publication.js';
import { DIMENSION_RATINGS, REVIEW_DIMENSIONS, REVIEW_VOTES } from '../workflow/reviews.js';
import type { ReviewDimension } from '../workflow/reviews.js';

const id = z.string().min(1).max(100);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(isCalendarDate, 'not a real calendar date');
const longText = z.string().trim().max(5000);

/** An expert invited by e-mail (邀请专家); the organization is required for someone without an account. */
export const expertInvitationBody = z
  .object({
    email,
    organizationId: id.optional(),
  })
  .strict();
export type ExpertInvitationBody = z.infer<typeof expertInvitationBody>;

/** POST /api/projects/:id/reviews — the province convenes the experts on the accepted 送审稿. */
export const openReviewBody = z
  .object({
    meetingDate: isoDate,
    /** Users with the review-expert relation in the project. */
    expertIds: z
      .array(id)
      .max(50)
      .refine((ids) => new Set(ids).size === ids.length, 'an expert is named twice'),
    /** Experts invited by e-mail with the project's invitation flow (relation review-expert, role reviewer). */
    invitations: z
      .array(expertInvitationBody)
      .max(20)
      .default([])
      .refine((list) => new Set(list.map((i) => i.email)).size === list.length, 'an e-mail is invited twice'),
  })
  .strict()
  .refine((b) => b.expertIds.length + b.invitations.length > 0, {
    message: 'invite at least one expert',
    path: ['expertIds'],
  });
export type OpenReviewBody = z.infer<typeof openReviewBody>;

export const dimensionOpinionBody = z
  .object({ rating: z.enum(DIMENSION_RATINGS), remark: z.string().trim().max(2000).default('') })
  .strict();

const dimensionShape = Object.fromEntries(REVIEW_DIMENSIONS.map((d) => [d, dimensionOpinionBody])) as Record<
  ReviewDimension,
  typeof dimensionOpinionBody
>;

/** PUT /api/reviews/:id/opinion — the caller's own opinion on every dimension and vote. */
export const opinionBody = z
  .object({
    dimensions: z.object(dimensionShape).strict(),
    vote: z.enum(REVIEW_VOTES),
  })
  .strict();
export type OpinionBody = z.infer<typeof opinionBody>;

/** POST /api/reviews/:id/comments — an expert's clause-anchored comment on the frozen text. */
export const reviewCommentBody = z
  .object({
    /** A chapter/clause/annex id of the frozen 送审稿; its label is taken from the text. */
    clauseId: id.nullable().default(null),
    /** Without a clause id: where, as written (全文, 封面, 前言 …). */
    clauseLabel: z.string().trim().max(100).default(''),
    element: z.enum(COMMENT_ELEMENTS).default('paragraph'),
    commentType: z.enum(COMMENT_TYPES).default('technical'),
    comment: longText.min(1, 'the comment is required'),
    proposedChange: longText.default(''),
  })
  .strict()
  .refine((b) => b.clauseId !== null || b.clauseLabel.length > 0, {
    message: 'a clause (clauseId) or where the comment applies (clauseLabel) is required',
    path: ['clauseLabel'],
  });
export type ReviewCommentBody = z.infer<typeof reviewCommentBody>;

/** PATCH /api/reviews/:id/comments/:commentId — the drafting group decides a review comment. */
export const reviewCommentDecisionBody = z
  .object({
    decision: z.enum(DECISIONS).nullable(),
    reason: longText.default(''),
  })
  .strict()
  .refine((b) => b.decision === null || b.decision === 'accepted' || b.reason.length > 0, {
    message: 'a reason is required for 部分采纳 and 不采纳',
    path: ['reason'],
  });
export type ReviewCommentDecisionBody = z.infer<typeof reviewCommentDecisionBody>;

/** PUT /api/projects/:id/publication — the province records the publication (and later the registration number). */
export const publicationBody = z
  .object({
    standardNumber: z
      .string()
      .trim()
      .regex(ZHEJIANG_MADE_NUMBER, 'a standard number like "T/ZZB 0123—2026" (with an em dash)'),
    publicationDate: isoDate,
    implementationDate: isoDate,
    registrationNumber: z
      .string()
      .trim()
      .regex(REGISTRATION_NUMBER, 'a registration number like "ZZB T0001-2026"')
      .nullable()
      .default(null),
  })
  .strict()
  .refine((b) => b.implementationDate >= b.publicationDate, {
    message: 'the implementation date is not before the publication date',
    path: ['implementationDate'],
  });
export type PublicationBody = z.infer<typeof publicationBody>;

/** POST /api/projects/:id/periodic-reviews — 复审: keep, revise (a new project) or abolish. */
export const periodicReviewBody = z
  .object({
    conclusion: z.enum(PERIODIC_REVIEW_CONCLUSIONS),
    note: z.string().trim().min(1, 'say why').max(2000),
  })
  .strict();
export type PeriodicReviewBody = z.infer<typeof periodicReviewBody>;
