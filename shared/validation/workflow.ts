/** Request bodies and queries of the stage workflow's API, validated on the server and reused by the client's forms. */
import { z } from 'zod';
import { PROJECT_STAGES } from '../domain/project.js';
import { isCalendarDate } from '../domain/planDates.js';
import { PRODUCTION_CHECK_RESULTS } from '../workflow/productionChecks.js';
import { SUBMISSION_STAGE_LABELS } from '../workflow/stages.js';
import { SUBMISSION_DECISIONS } from '../workflow/submissions.js';

const id = z.string().min(1).max(100);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(isCalendarDate, 'not a real calendar date');

/** GET /api/projects/:id/gates?target=送审稿 */
export const gatesQuery = z.object({ target: z.enum(SUBMISSION_STAGE_LABELS) }).strict();
export type GatesQuery = z.infer<typeof gatesQuery>;

/** POST /api/projects/:id/submissions */
export const submitBody = z.object({ stageLabel: z.enum(SUBMISSION_STAGE_LABELS) }).strict();
export type SubmitBody = z.infer<typeof submitBody>;

export const returnReasonBody = z
  .object({
    text: z.string().trim().min(1, 'the reason is required').max(2000),
    /** A clause of the submitted standard text (its stable id); omitted or null for the whole. */
    clauseId: id.nullable().default(null),
    /** Without a clause id: where the problem is, as written (封面, 前言, 全文, 编制说明 …). */
    clauseLabel: z.string().trim().max(100).nullable().default(null),
  })
  .strict();
export type ReturnReasonBody = z.infer<typeof returnReasonBody>;

/** POST /api/submissions/:id/decision — a return needs at least one reason, one per problem. */
export const decisionBody = z
  .object({
    decision: z.enum(SUBMISSION_DECISIONS),
    reasons: z.array(returnReasonBody).max(50).default([]),
    note: z.string().trim().max(2000).default(''),
  })
  .strict()
  .refine((b) => b.decision !== 'return' || b.reasons.length > 0, {
    message: 'a return needs at least one reason',
    path: ['reasons'],
  })
  .refine((b) => b.decision !== 'accept' || b.reasons.length === 0, {
    message: 'an acceptance has no reasons (use the note)',
    path: ['reasons'],
  });
export type DecisionBody = z.infer<typeof decisionBody>;

/** POST /api/projects/:id/production-checks */
export const productionCheckBody = z
  .object({
    date: isoDate,
    site: z.string().trim().min(1, 'required').max(300),
    /** The products or batches seen, one per entry. */
    products: z.array(z.string().trim().min(1).max(200)).min(1, 'name at least one product or batch').max(50),
    /** Table cells of the standard text's requirement tables (their stable ids). */
    indicators: z.array(id).max(200).default([]),
    result: z.enum(PRODUCTION_CHECK_RESULTS),
    remarks: z.string().trim().max(5000).default(''),
  })
  .strict()
  .refine((b) => b.result !== 'rework' || b.remarks.length > 0, {
    message: 'say what must be reworked',
    path: ['remarks'],
  });
export type ProductionCheckBody = z.infer<typeof productionCheckBody>;

/** POST /api/projects/:id/stage — the province moves a project on with a note. */
export const stageMoveBody = z
  .object({
    to: z.enum(PROJECT_STAGES),
    note: z.string().trim().min(1, 'a note is required').max(2000),
  })
  .strict();
export type StageMoveBody = z.infer<typeof stageMoveBody>;
