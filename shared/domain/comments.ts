/**
 * Comments on the text (批注/讨论): threads anchored to a range of a document by Yjs relative
 * positions stored beside the thread (never marks written into the document), so that members who
 * cannot edit (reviewers) can comment and the anchors follow everyone's concurrent edits.
 */

export const THREAD_STATUSES = ['open', 'resolved'] as const;
export type ThreadStatus = (typeof THREAD_STATUSES)[number];

/** What the panel filters on: a thread whose anchored text was deleted is shown as orphaned (已失效). */
export const THREAD_DISPLAY_STATUSES = ['open', 'resolved', 'orphaned'] as const;
export type ThreadDisplayStatus = (typeof THREAD_DISPLAY_STATUSES)[number];

export interface CommentThread {
  id: string;
  projectId: string;
  documentId: string;
  /** Start of the anchored range: `Y.encodeRelativePosition` → base64 (associated with the first quoted character). */
  anchorStart: string;
  /** End of the anchored range (associated with the last quoted character). */
  anchorEnd: string;
  /** The quoted text as it was when the thread was started (shown when the anchor is orphaned). */
  quote: string;
  /** The stable id of the clause (chapter, clause, annex, term, table …) the text was in, if any. */
  clauseId: string | null;
  status: ThreadStatus;
  authorId: string;
  /** The author's organization when the thread was started (statistics per organization). */
  organizationId: string;
  createdAt: string;
  resolvedBy: string | null;
  resolvedAt: string | null;
}

export interface Comment {
  id: string;
  threadId: string;
  authorId: string;
  /** Empty once deleted. */
  body: string;
  /** Mentioned members (user ids). */
  mentions: string[];
  createdAt: string;
  editedAt: string | null;
  /** Set when the first comment of a thread with replies is deleted: it stays as "已删除". */
  deletedAt: string | null;
}

export const COMMENT_BODY_MAX = 5000;
export const QUOTE_MAX = 2000;
