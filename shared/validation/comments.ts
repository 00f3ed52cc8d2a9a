/** Request bodies of the comments API, validated on the server and reused by the client. */
import { z } from 'zod';
import { COMMENT_BODY_MAX, QUOTE_MAX } from '../domain/comments.js';
import { isEncodedRelativePosition } from '../comments/anchors.js';

const anchor = z
  .string()
  .min(4)
  .max(512)
  .refine(isEncodedRelativePosition, 'not an encoded Yjs relative position (base64)');

const body = z
  .string()
  .max(COMMENT_BODY_MAX, `at most ${COMMENT_BODY_MAX} characters`)
  .refine((s) => s.trim().length > 0, 'the comment is empty');

/** Mentioned users; the server checks that each is a member of the project. */
const mentions = z.array(z.string().min(1).max(100)).max(50).default([]);

export const createThreadBody = z
  .object({
    anchorStart: anchor,
    anchorEnd: anchor,
    quote: z
      .string()
      .max(QUOTE_MAX)
      .refine((s) => s.trim().length > 0, 'the quoted text is empty'),
    clauseId: z.string().min(1).max(100).nullable().default(null),
    body,
    mentions,
  })
  .strict();
export type CreateThreadBody = z.infer<typeof createThreadBody>;

export const replyBody = z.object({ body, mentions }).strict();
export type ReplyBody = z.infer<typeof replyBody>;

export const editCommentBody = z.object({ body, mentions: mentions.optional() }).strict();
export type EditCommentBody = z.infer<typeof editCommentBody>;
