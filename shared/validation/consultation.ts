/** Request bodies of the consultation API (征求意见), validated on the server and reused by client forms. */
import { z } from 'zod';
import { COMMENT_ELEMENTS, COMMENT_TYPES, DECISIONS } from '../domain/consultation.js';
import { email, personName, phone } from './fields.js';
import { HISTORY_ENTRY_ID } from './history.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const shortText = (max: number) => z.string().trim().max(max);
const id = z.string().min(1).max(100);
const unitName = shortText(200).min(2, 'the unit name is required');
const contact = shortText(100);
const roundTitle = shortText(200).min(1);
/** A comment, a proposed change, a decision's reason. */
const longText = shortText(5000);
const commentText = longText.min(1, 'the comment is required');

export const handlerBody = z.object({ name: personName, phone: phone.default('') }).strict();

export const recipientBody = z
  .object({
    unitName,
    contact: contact.default(''),
    phone: phone.optional(),
    email: email.optional(),
    /** The unit's organization in the system, if it has one (its users may then answer online). */
    organizationId: id.nullable().default(null),
  })
  .strict();
export type RecipientBody = z.infer<typeof recipientBody>;

export const updateRecipientBody = z
  .object({
    unitName: unitName.optional(),
    contact: contact.optional(),
    phone: phone.optional(),
    email: email.optional(),
    organizationId: id.nullable().optional(),
    /** Record or undo a "no comments" reply (not allowed while the unit has comment items). */
    reply: z.enum(['none', 'no-comments']).optional(),
  })
  .strict()
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'nothing to change');
export type UpdateRecipientBody = z.infer<typeof updateRecipientBody>;

export const openRoundBody = z
  .object({
    /** Defaults to "第N轮征求意见". */
    title: roundTitle.optional(),
    deadline: isoDate,
    /** The standard text to freeze; defaults to the project's standard document. */
    documentId: id.optional(),
    /** 承办人; defaults to the lead who opens the round. */
    handler: handlerBody.optional(),
    recipients: z.array(recipientBody).max(500).default([]),
  })
  .strict();
export type OpenRoundBody = z.infer<typeof openRoundBody>;

export const updateRoundBody = z
  .object({
    title: roundTitle.optional(),
    deadline: isoDate.optional(),
    handler: handlerBody.optional(),
    /** true closes the round (no new comments or replies), false reopens it. */
    closed: z.boolean().optional(),
  })
  .strict()
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'nothing to change');
export type UpdateRoundBody = z.infer<typeof updateRoundBody>;

const itemContent = {
  /** A chapter/clause/annex/table/figure id of the frozen draft; its label is taken from the draft. */
  clauseId: id.nullable().optional(),
  /** 标准章条编号 as written by the unit ("5.2", "表1", "全文"); resolved to an id when the draft has it. */
  clauseLabel: shortText(100).optional(),
  element: z.enum(COMMENT_ELEMENTS).optional(),
  commentType: z.enum(COMMENT_TYPES).optional(),
  comment: commentText.optional(),
  proposedChange: longText.optional(),
  submitterName: shortText(100).optional(),
  receivedDate: isoDate.optional(),
};

export const createItemBody = z
  .object({
    ...itemContent,
    /** The submitting unit (a recipient of the round). */
    recipientId: id,
    comment: commentText,
  })
  .strict()
  .refine((b) => (b.clauseId ?? null) !== null || (b.clauseLabel ?? '').length > 0, {
    message: 'a clause (clauseId) or a clause number (clauseLabel) is required',
    path: ['clauseLabel'],
  });
export type CreateItemBody = z.infer<typeof createItemBody>;

/** The clause of the current text that implements an accepted change. */
export const implementedInBody = z
  .object({
    clauseId: id,
    note: shortText(500).default(''),
    /** The history entry that made the change (null: none; absent: keep the one picked before). */
    changeEntryId: z.string().regex(HISTORY_ENTRY_ID, 'a history entry id').nullable().optional(),
  })
  .strict();

const needsReason = (decision: string | null | undefined): boolean =>
  decision === 'partly-accepted' || decision === 'rejected';

export const updateItemBody = z
  .object({
    ...itemContent,
    /** Assign to a drafter (lead only); null unassigns. */
    assigneeId: id.nullable().optional(),
    /** The decision (assignee or lead); null reopens the item. */
    decision: z.enum(DECISIONS).nullable().optional(),
    /** 备注: required with partly-accepted and rejected. */
    reason: longText.optional(),
    /** Link to the clause of the current text that implements the change; null unlinks. */
    implementedIn: implementedInBody.nullable().optional(),
  })
  .strict()
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'nothing to change')
  .refine((b) => !needsReason(b.decision) || (b.reason ?? '').length > 0, {
    message: 'a reason is required for 部分采纳 and 不采纳',
    path: ['reason'],
  });
export type UpdateItemBody = z.infer<typeof updateItemBody>;

/** POST /api/rounds/:id/recipients/:recipientId/invitations — an account for the unit's contact. */
export const roundInvitationBody = z.object({ email: email }).strict();
export type RoundInvitationBody = z.infer<typeof roundInvitationBody>;

/** Query of the exports: `?sort=clause` orders by clause number, the default by 序号. */
export const exportQuery = z.object({ sort: z.enum(['seq', 'clause']).default('seq') });
export type ExportQuery = z.infer<typeof exportQuery>;
